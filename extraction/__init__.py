"""hdkg: extraction. ``Extractor().extract(article) -> Facts``."""

from extraction.extractor import Extractor

__all__ = ["Extractor"]
