"""The rule for an address a QR code carries (event.yaml's ``url:``, a session's, a schedule
file's): http(s) with a host and no user name before it, mailto: or tel:. Pure: the readers
locate the problem."""

from __future__ import annotations

import re

from printkit.errors import elide, shown

QR_SCHEMES = ("http", "https", "mailto", "tel")
#: how long an address may be (it must still fit a QR code a phone reads off a tent)
MAX_URL = 1000
_WEB = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$", re.IGNORECASE)


def url_problem(url: str) -> str | None:
    """What is wrong with ``url`` as a QR code's address, and what to do; None when nothing."""
    scheme, colon, rest = url.partition(":")
    scheme = scheme.lower()
    if not colon or not re.fullmatch(r"[a-z][a-z0-9+.-]*", scheme):
        return (
            f"{shown(url)} is not a full address; write it with its scheme,"
            f" e.g. https://{elide(url.strip('/'))}"
        )
    if scheme not in QR_SCHEMES:
        return (
            f"{shown(url)} uses the scheme {elide(scheme, 20)}:, but a QR code may only carry"
            " http, https, mailto or tel addresses"
        )
    if any(c.isspace() for c in url):
        return f"{shown(url)} contains a space; encode it as %20"
    if scheme in ("http", "https") and not _WEB.match(url):
        return f"{shown(url)} is not a web address; write it as https://host/path"
    if scheme in ("http", "https") and "@" in re.split(r"[/?#]", rest.lstrip("/"), maxsplit=1)[0]:
        return (
            f"{shown(url)} has a user name before '@', which hides the real host"
            " (after the '@') from whoever scans the code; remove it"
        )
    return None
