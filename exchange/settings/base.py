"""Settings shared by every environment; dev, test and production refine them."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from taxonomy import languages

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "exchange",
    "taxonomy",
    "cities",
    "practices",
    "resources",
    "dialogues",
    "search",
    # Content translation: its translation editor and its locale admin (replacing
    # wagtail.locales, which must not be installed beside it).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    # /sitemap.xml (live, public pages) and the read API at /api/v2/.
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # The sitemap template of Wagtail's sitemap view.
    "django.contrib.sitemaps",
    # Content-Security-Policy headers (the middleware below); the app adds its system checks.
    "csp",
    # Login throttling: counts failed logins in its own tables (`migrate` creates them).
    "axes",
]

MIDDLEWARE = [
    # First, so that its one JSON line per request times the whole stack and logs the status
    # the client really gets. It writes only where LOGGING sends "exchange.request" (production).
    "exchange.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # CSP here, not only in production, so that development and the test suite see the
    # headers a visitor gets and a template needing inline code fails early.
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions and before CommonMiddleware, as Django requires: it activates the
    # language of the URL prefix (/fr/...), English on unprefixed URLs.
    "django.middleware.locale.LocaleMiddleware",
    # A first visit to an unprefixed page in a browser preferring fr/es/ar/pt goes to that
    # language's prefix; a chosen language (the cookie) wins. Machine URLs (the API) answer
    # in the client's language.
    "exchange.i18n.BrowserLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Before any view, and after what the 400 page needs (language, user): a NUL in the
    # address answers 400, not PostgreSQL's error as a 500.
    "exchange.request_guard.RequestGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Wagtail answers a refusal in the admin with a redirect; this makes it a 403.
    "exchange.admin_refusals.AdminRefusalStatusMiddleware",
    # A city editor's admin view of a page they may not see answers 404 (its title is kept).
    "exchange.admin_confinement.AdminPageConfinementMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its 429 response.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "exchange.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "exchange.wsgi.application"

# One URL selects the database: SQLite next to manage.py unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's planner assumes spinning disks (a random read costs 4 sequential ones).
    # On SSDs, or with the data in memory, 1.1 is the usual setting; at 4 the planner read
    # the whole full-text table for a two-word search instead of its GIN index (130 ms
    # instead of 45 ms at 100,000 practices). PG_RANDOM_PAGE_COST sets another value.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = (
        _options.get("options", "")
        + f" -c random_page_cost={float(os.environ.get('PG_RANDOM_PAGE_COST', '1.1'))}"
    ).strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The interface languages, each with a full catalogue in locale/ (the translators keep them
# complete). English is unprefixed in URLs, the others are prefixed: /fr/, /es/, /ar/, /pt/.
# Italian is a language of resources (below), not of the interface: no catalogue yet.
# The names are translated by Django's own catalogues, which name every language in every
# language: the alias keeps makemessages from copying them into ours for translating again.
# The list itself is taxonomy/languages.py, the one table of the project's languages.
language_name = _
LANGUAGES = [
    (language.code, language_name(language.name))
    for language in languages.LANGUAGES
    if language.interface
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# Content is translated per locale with Wagtail's localisation; the same languages as the
# interface, so that a page's locale and the visitor's language always match.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The visitor's choice of language (the switcher) lasts a year.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page models can exceed Django's default of 1000 fields in Wagtail's editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "The Exchange"
# No avatars from gravatar.com: nothing is fetched from elsewhere, and the admin does not tell
# a third party who is signed in. Wagtail shows its own default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The public address (scheme and host) of absolute links in the sitemap, feeds and exports
# (exchange/public_address.py); without it, the address a request came to.
PUBLIC_URL = os.environ.get("PUBLIC_URL", "").strip().rstrip("/") or None
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL") or PUBLIC_URL or "http://127.0.0.1:8000"
)

# Mail. Wagtail's moderation notifications use it: coordinators hear of each submission,
# authors of the approval or rejection, with the reviewer's comment. SMTP settings from the
# environment (development prints mail, tests keep it in memory).
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "The Exchange <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
EMAIL_TIMEOUT = 10
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Reviews go to the approvers of each task (network coordinators), not to every superuser.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# The Exchange's own search (search/): "database" (SQLite FTS5 or PostgreSQL full text) or
# "elasticsearch" (Elasticsearch 8 or OpenSearch at SEARCH_URL). When the latter does not
# answer, searches fall back to the database with a notice.
SEARCH_ENGINE = os.environ.get("SEARCH_ENGINE", "database")
SEARCH_URL = os.environ.get("SEARCH_URL", "")
SEARCH_INDEX = os.environ.get("SEARCH_INDEX", "exchange")
SEARCH_TIMEOUT = float(os.environ.get("SEARCH_TIMEOUT", "5"))
# Keep documents in step on publish/unpublish/move/privacy/delete. Bulk loaders turn it off
# and run `search_index rebuild` once at the end.
SEARCH_AUTO_SYNC = True

# Uploads: office and open formats people can open without special software, checked by
# extension and by content (exchange/uploads.py), and capped in size for shared connections.
WAGTAILDOCS_EXTENSIONS = [
    "csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"
]  # fmt: skip
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are always served through Wagtail's view, which applies the view restrictions
# of their collection (login, password, groups). Never "direct" or "redirect": those hand
# out the storage URL, which the public could fetch whatever the restriction. MEDIA_URL is
# not routed outside DEBUG, and WhiteNoise serves STATIC_ROOT only, so a document's file
# cannot be fetched past the view (tests/test_private_documents.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "exchange.uploads.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# The languages a resource of the library may be written in (ISO 639-1 codes; names come
# from Django's table): the languages of the network's cities.
EXCHANGE_RESOURCE_LANGUAGES = ["ar", "en", "es", "fr", "it", "ko", "pt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_PASSWORD_RESET_ENABLED = True

TAGGIT_CASE_INSENSITIVE = True

# Wagtail API v2 (/api/v2/, exchange/api.py): pages of at most 100 items, rich text as the
# HTML the site shows (links resolved) rather than Wagtail's internal markup.
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

LOGIN_URL = "wagtailcore_login"

# Security headers, the same in every environment. Django's defaults already say this; it
# is written out because the test suite checks these headers and production relies on them.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp 4): the public site runs no inline script or style,
# so none is allowed. The Wagtail admin needs inline scripts and styles, so /admin/ is left
# out of the policy: it sits behind a login, throttling and the other headers above.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# The cache holds Wagtail's site roots and the rate-limit counters of the public forms.
# Local memory by default (one process: runserver, the tests). With several gunicorn workers
# each would count on its own, so production sets REDIS_URL and every worker shares Redis.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "exchange",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
RATELIMIT_USE_CACHE = "default"
# The visitor's address as login throttling sees it: behind the local proxy, the address the
# proxy appended to X-Forwarded-For, not the proxy's own.
RATELIMIT_IP_META_KEY = "exchange.security.client_ip"
# How many public proposals or corrections one address may send, and how many exchange
# requests one signed-in user may send (django-ratelimit's "count/period" syntax).
# django-ratelimit's decorator is used without its app: the app only adds system checks,
# which name Django's own Redis backend "unsupported" and fail on local memory.
SUBMISSION_RATE = "5/h"
EXCHANGE_REQUEST_RATE = "10/h"
# Wrong page passwords one address may try for one restricted page (exchange/page_passwords.py).
PAGE_PASSWORD_FAILURES = "5/h"

# Admin login throttling (django-axes): five failures for one username from one address
# lock that pair out for an hour, even with the right password; a success resets the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Keep no record of successful logins (address, browser) and log no browser details:
# only failures are stored, for as long as the lockout needs them.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
