"""hdkg: loaders. Files, folders, URLs and request bodies to cleaned ``Article`` objects.

The contract other stages code against; everything else in this package is
an implementation detail.
"""

from loaders.clean import clean_text
from loaders.dates import find_date
from loaders.failures import LoadFailure
from loaders.language import detect_language
from loaders.payload import parse_payload
from loaders.sources import iter_articles

__all__ = ["LoadFailure", "clean_text", "detect_language", "find_date", "iter_articles", "parse_payload"]
