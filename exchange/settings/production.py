"""Production: every secret and host comes from the environment, or the site refuses to start."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable to run in production.")
    return value


def _secret_key() -> str:
    # Django's deploy check (security.W009) only warns; a weak key signs sessions, password
    # reset links and the CSRF secret, so production refuses to start with one.
    key = _required("SECRET_KEY")
    if len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure-"):
        raise ImproperlyConfigured(
            "SECRET_KEY must be 50 or more random characters (at least 5 different ones, "
            "not Django's 'django-insecure-' placeholder): generate one with "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
        )
    return key


def _public_url(hosts: list[str]) -> str:
    # The sitemap, feeds and exports hand out absolute links: they must name the real site,
    # not the "localhost" of a fresh database. The first allowed host will do when it is a
    # plain name; a pattern (".example.org", "*") names no address.
    value = os.environ.get("PUBLIC_URL", "").strip().rstrip("/")
    if not value and hosts and not hosts[0].startswith(".") and "*" not in hosts[0]:
        value = f"https://{hosts[0]}"
    if not value.startswith(("https://", "http://")) or "/" in value.split("://", 1)[1]:
        raise ImproperlyConfigured(
            "Set PUBLIC_URL to the site's public address, such as https://exchange.example.org "
            "(scheme and host, no path)."
        )
    return value


DEBUG = False
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [h.strip() for h in _required("ALLOWED_HOSTS").split(",") if h.strip()]
PUBLIC_URL = _public_url(ALLOWED_HOSTS)
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or PUBLIC_URL
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Behind a TLS-terminating reverse proxy that sets X-Forwarded-Proto. SECURE_SSL_REDIRECT=false
# only to try the production settings over plain HTTP on this machine (README, "Production").
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
# A load balancer may probe the health check over plain HTTP: answer it, don't redirect it.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Content-Security-Policy, Referrer-Policy, X-Frame-Options, X-Content-Type-Options,
# Cross-Origin-Opener-Policy and SESSION_COOKIE_HTTPONLY come from base, as in the tests.

# Gunicorn listens on 127.0.0.1 behind the reverse proxy, so every request comes from
# 127.0.0.1: login throttling takes the client's address from the proxy (exchange.security).
AXES_CLIENT_IP_CALLABLE = "exchange.security.client_ip"

# Everything to stdout, one JSON object a line; "exchange.request" adds one line per request
# (method, path without query string, status, duration_ms, user_id: no address, no agent).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "exchange.request_log.JSONFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Request lines even when LOG_LEVEL=WARNING quiets everything else.
    "loggers": {
        "exchange.request": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
