"""Plain-text articles: a title line, the story, and page furniture around it.

The title is the first line that survives cleaning and stays the first line
of ``Article.text`` (in a text file it is part of the body, so offsets into
the title remain valid).
"""

from __future__ import annotations

from hdkg.loaders.article import build_article
from hdkg.models import Article


def parse_text(text: str, *, source: str, url: str | None = None) -> Article:
    return build_article(source=source, raw=text, url=url)
