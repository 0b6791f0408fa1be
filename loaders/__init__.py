"""hdkg: loaders. Files, folders, URLs and request bodies to cleaned ``Article`` objects.

The contract other stages code against; everything else in this package is
an implementation detail.
"""

from hdkg.loaders.clean import clean_text
from hdkg.loaders.dates import find_date
from hdkg.loaders.failures import LoadFailure
from hdkg.loaders.language import detect_language
from hdkg.loaders.payload import parse_payload
from hdkg.loaders.sources import iter_articles

__all__ = ["LoadFailure", "clean_text", "detect_language", "find_date", "iter_articles", "parse_payload"]
