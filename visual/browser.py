"""Headless Chromium for the browser tests and the view benchmark.

Selenium is a test dependency, imported only here and only when called. The
flags keep Chromium from phoning home (updates, sync, QUIC probes) so that
"no outside requests" can be asserted from the browser's own logs.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
LOCAL_PREFIXES = ("http://127.0.0.1", "file:", "data:", "blob:", "about:", "chrome", "devtools:")


def available() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


@contextmanager
def chromium(width: int = 1400, height: int = 900) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="hdkg-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
    ):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def requested_urls(driver: Any) -> list[str]:
    """Every URL the page asked the network for, from the DevTools performance log (drains it)."""
    out: list[str] = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            out.append(str(msg["params"]["request"]["url"]))
    return out


def sent_urls(driver: Any) -> list[str]:
    """Like ``requested_urls``, less the requests the browser itself blocked (a page's CSP):
    those never leave the machine (drains the log)."""
    urls: dict[str, str] = {}
    blocked: set[str] = set()
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        params = msg.get("params", {})
        if msg.get("method") == "Network.requestWillBeSent":
            urls[str(params["requestId"])] = str(params["request"]["url"])
        elif msg.get("method") == "Network.loadingFailed" and params.get("blockedReason"):
            blocked.add(str(params["requestId"]))
    return [u for rid, u in urls.items() if rid not in blocked]


def outside(urls: list[str]) -> list[str]:
    return [u for u in urls if not u.startswith(LOCAL_PREFIXES)]


def console_errors(driver: Any) -> list[str]:
    return [str(e["message"]) for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
