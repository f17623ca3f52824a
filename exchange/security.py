"""The client's address, for login throttling behind a reverse proxy on the same machine."""

from __future__ import annotations

import ipaddress

from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, unless the request came through a proxy on this machine.

    Gunicorn listens on 127.0.0.1, so in production every request arrives from the local
    reverse proxy, and REMOTE_ADDR alone would put every visitor behind one address. Only
    then is X-Forwarded-For trusted, and only its last entry: the address the proxy itself
    saw. Entries before it are whatever the client chose to send.
    """
    remote = request.META.get("REMOTE_ADDR")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if remote and forwarded and _is_loopback(remote):
        last = forwarded.split(",")[-1].strip()
        if _is_ip(last):
            return last
    return remote


def _is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def _is_ip(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True
