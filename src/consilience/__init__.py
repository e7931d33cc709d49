"""consilience: reconcile many reports of the same story."""

__version__ = "0.1.0"
