# The hdkg API image. Configuration comes only from the environment (see hdkg/settings.py);
# docker-compose.yml wires it to Neo4j.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HDKG_DATA_DIR=/data

WORKDIR /app

# The same pins as `make install`, so the image runs what the tests ran.
COPY . /app
RUN pip install -c constraints.txt . \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin hdkg \
    && mkdir -p /data \
    && chown hdkg:hdkg /data

USER hdkg
VOLUME ["/data"]
EXPOSE 8000

# python:3.11-slim has neither curl nor wget; the interpreter is always there.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]

CMD ["hdkg", "serve", "--host", "0.0.0.0", "--port", "8000"]
