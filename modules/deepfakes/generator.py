"""A small generative model: PCA, then a Gaussian mixture in PCA space (after DESIGN.md's measure).

`generator(name, size)` learns an image set's training part. `size` is the number of mixture
components: the model's "memory". A small memory learns the general shapes; a huge one starts to
store its training images, and `copy_check` shows it by nearest-neighbour distance.

`sample(n, seed, touch)` draws new images. What comes out of the mixture is real-valued ink
(2.37, -0.4...), clipped to 0–16; `touch="round"` rounds it to whole numbers like real scans.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from sklearn.decomposition import PCA
from sklearn.mixture import GaussianMixture
from sklearn.neighbors import NearestNeighbors

from .images import INK, image_set

SIZES = (10, 40, 150, 600)            # mixture components offered by the demos
DEFAULT_SIZE = 10
TOUCHES = ("none", "round")
PCA_PARTS = {"digits": 20, "faces": 30}


@dataclass
class Generator:
    name: str
    size: int
    pca: PCA
    mixture: GaussianMixture

    def sample(self, n: int, seed: int = 0, touch: str = "none") -> np.ndarray:
        if touch not in TOUCHES:
            raise ValueError(f"unknown touch {touch!r}: expected one of {', '.join(TOUCHES)}")
        rng = np.random.default_rng(seed)
        counts = rng.multinomial(n, self.mixture.weights_)
        z = np.vstack([rng.multivariate_normal(self.mixture.means_[k], self.mixture.covariances_[k], size=c)
                       for k, c in enumerate(counts) if c])
        z = z[rng.permutation(n)]
        images = np.clip(self.pca.inverse_transform(z), 0, INK)
        return np.round(images) if touch == "round" else images


@lru_cache(maxsize=None)
def generator(name: str = "digits", size: int = DEFAULT_SIZE) -> Generator:
    """Fit PCA + a full-covariance Gaussian mixture with `size` components on `name`'s training images."""
    train = image_set(name).train
    pca = PCA(PCA_PARTS[name], random_state=0).fit(train)
    # a tiny covariance floor keeps many-component mixtures stable on small clusters
    mixture = GaussianMixture(size, covariance_type="full", reg_covar=1e-3, random_state=0, max_iter=200)
    mixture.fit(pca.transform(train))
    return Generator(name, size, pca, mixture)


@dataclass(frozen=True)
class CopyCheck:
    """How close generated images sit to their nearest training image, against real unseen images."""
    generated: float         # median distance, generated image → nearest training image
    held_out: float          # median distance, real image the model never saw → nearest training image
    near_copies: float       # share of generated images closer to a training image than 95 % of real ones are

    EXPECTED = 0.05          # the share new real images would give, by construction

    @property
    def copies(self) -> bool:
        """Four times as many near-copies as new real images would give."""
        return self.near_copies >= 4 * self.EXPECTED


@lru_cache(maxsize=None)
def copy_check(name: str = "digits", size: int = DEFAULT_SIZE, n: int = 300) -> CopyCheck:
    images = image_set(name)
    near = NearestNeighbors(n_neighbors=1).fit(images.train)
    fake = near.kneighbors(generator(name, size).sample(n, seed=7, touch="round"))[0].ravel()
    real = near.kneighbors(images.held_out)[0].ravel()
    return CopyCheck(float(np.median(fake)), float(np.median(real)), float(np.mean(fake < np.quantile(real, 0.05))))


def nearest_training(name: str, image: np.ndarray) -> np.ndarray:
    """The training image closest to `image` (what it may have copied)."""
    train = image_set(name).train
    return train[int(np.argmin(((train - image) ** 2).sum(axis=1)))]
