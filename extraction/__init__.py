"""hdkg: extraction. ``Extractor().extract(article) -> Facts``."""

from hdkg.extraction.extractor import Extractor

__all__ = ["Extractor"]
