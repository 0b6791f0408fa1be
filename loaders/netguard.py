"""Which addresses a fetch may reach: public unicast only, unless a setting says otherwise.

A URL is attacker-chosen (a feed entry, a redirect, a POSTed source), so
every hop is resolved here once and checked before any byte is sent; the
caller then connects to exactly the address that was checked, leaving no gap
for a DNS answer that changes between the check and the connection.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from hdkg.loaders.failures import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Target:
    """One hop: the URL as given, its host name and port, and the checked address to connect to."""

    url: str
    scheme: str
    host: str
    port: int
    address: IPAddress


def refused_reason(address: IPAddress) -> str | None:
    """Why ``address`` is not a public unicast address, or None when it is."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for flag in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(address, f"is_{flag}"):
            return flag.replace("_", "-")
    if not address.is_global:
        return "not globally routable"
    return None


def resolve(url: str, *, allow_private: bool) -> Target:
    """The hop's checked target; ``FetchError`` naming the URL for any scheme or address refused."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(
            f"only http and https URLs are fetched, not {scheme or 'a relative URL'!r}", where=url
        )
    host = parts.hostname
    if not host:
        raise FetchError("the URL has no host", where=url)
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"bad port: {exc}", where=url) from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {host!r}: {exc}", where=url) from None
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    if not addresses:
        raise FetchError(f"{host!r} resolves to no address", where=url)
    if not allow_private:
        for address in addresses:
            reason = refused_reason(address)
            if reason is not None:
                raise FetchError(
                    f"{host!r} resolves to {address} ({reason}); private targets are refused "
                    "(HDKG_FETCH_ALLOW_PRIVATE=true allows them)",
                    where=url,
                )
    return Target(url=url, scheme=scheme, host=host, port=port, address=addresses[0])
