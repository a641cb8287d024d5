"""Course modules: each sub-package holds one module's live models, data and lessons.

Models here are plain Python and scikit-learn, with no user interface. On this
course's 2-core target machines one BLAS thread is faster than two, so importing
any module pins BLAS to a single thread. The BLAS libraries must be loaded first
(numpy's and scipy's), or there would be nothing to pin.
"""
import numpy  # noqa: F401  (loads numpy's BLAS)
import scipy.linalg  # noqa: F401  (loads scipy's BLAS, used by scikit-learn)
from threadpoolctl import threadpool_limits

threadpool_limits(1)
