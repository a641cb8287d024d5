"""Course modules: each sub-package holds one module's live models, data and lessons.

Models here are plain Python and scikit-learn, with no user interface. On this
course's 2-core target machines one BLAS thread is faster than two, so importing
any module pins BLAS to a single thread.
"""
from threadpoolctl import threadpool_limits

threadpool_limits(1)
