"""hdkg: extraction. ``Extractor().extract(article) -> Facts``."""

from hdkg.extraction import morph_compat

morph_compat.install()  # before anything imports natasha: it must see pymorphy3

from hdkg.extraction.extractor import Extractor  # noqa: E402

__all__ = ["Extractor"]
