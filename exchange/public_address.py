"""The site's public address, for the absolute links it hands out.

The sitemap, robots.txt, the Atom feed and the CSV exports are read away from the site, so
their links must be absolute. They take the scheme and host from `PUBLIC_URL` (production
requires it, or derives it from ALLOWED_HOSTS), never from the Wagtail Site record, which
`load_demo` and a fresh database leave as `localhost:80`. Without `PUBLIC_URL` (development,
tests) the address the visitor used stands in.

Wagtail builds some absolute links from the Site record itself (the API's `html_url`, the
admin's "live" links); after `migrate`, the default Site is set to the public address so
they agree.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site


def public_base(request: HttpRequest | None) -> str:
    """`https://exchange.example.org`: the configured address, else the request's own."""
    configured = getattr(settings, "PUBLIC_URL", None)
    if configured:
        return configured.rstrip("/")
    if request is None:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{request.scheme}://{request.get_host()}"


def absolute_url(request: HttpRequest | None, url: str) -> str:
    """`url` (a path, or a full address Wagtail made) under the public address."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return public_base(request) + (path if path.startswith("/") else f"/{path}")


def site_address(public_url: str) -> tuple[str, int] | None:
    """The Site record (hostname, port) that Wagtail turns back into `public_url`, or None
    when Wagtail cannot express it (https on a port other than 443)."""
    parts = urlsplit(public_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if parts.scheme == "https" and port != 443:
        return None
    return parts.hostname, port


def sync_default_site(**kwargs) -> None:
    """After `migrate`: give the default Site the public address, when one is configured."""
    configured = getattr(settings, "PUBLIC_URL", None)
    address = site_address(configured) if configured else None
    if address is None:
        return
    hostname, port = address
    Site.objects.filter(is_default_site=True).exclude(hostname=hostname, port=port).update(
        hostname=hostname, port=port
    )
    Site.clear_site_root_paths_cache()
