"""Décodia book: the editions builder, theme and the `decodia` command."""
