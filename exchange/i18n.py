"""Language mechanics: the browser's language on a first visit and on machine URLs, and the
switcher's choice of language (a cookie), which wins over the browser from then on."""

from __future__ import annotations

import re
from collections.abc import Callable

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

# Crawlers index every language through the hreflang alternates; redirecting them by their
# Accept-Language would hide the English pages. Command-line clients are not browsers either.
_NOT_A_BROWSER = re.compile(
    r"bot|crawl|spider|slurp|archiver|preview|facebookexternalhit|monitor|"
    r"curl|wget|python-|httpx|go-http-client|java/|libwww",
    re.IGNORECASE,
)


def interface_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def url_in_language(request: HttpRequest, language: str) -> str:
    """The URL of the current view (path and query string) in `language`, or the same URL
    when the view is not a page for people (machine URLs have no language)."""
    return translate_url(request.get_full_path(), language)


def is_page_for_people(path: str) -> bool:
    """Whether the unprefixed `path` is a page served under each language's prefix
    (i18n_patterns), rather than a machine URL (API, feeds, healthz, admin...) or nothing."""
    other = next(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)
    return translate_url(path, other) != path


def _first_visit_redirect(request: HttpRequest) -> str | None:
    if request.method != "GET" or settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return None
    user_agent = request.headers.get("User-Agent", "")
    if not user_agent or _NOT_A_BROWSER.search(user_agent):
        return None
    preferred = translation.get_language_from_request(request)
    if preferred == settings.LANGUAGE_CODE:
        return None
    return url_in_language(request, preferred)


class BrowserLanguageMiddleware:
    """The browser's language where the URL does not say one. After LocaleMiddleware.

    - A visitor with no language cookie, arriving on an unprefixed page for people with a
      browser preferring French, Spanish, Arabic or Portuguese, gets a 302 to that language;
      bots, HEAD and POST requests are never redirected.
    - Machine URLs have one address for every language, so they answer in the language the
      client asks for (the switcher's cookie, else Accept-Language), English by default.

    Both vary on Accept-Language and Cookie, so that caches keep one answer per case."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if translation.get_language_from_path(path):
            return self.get_response(request)  # /fr/...: LocaleMiddleware has done it all
        if is_page_for_people(path):
            target = _first_visit_redirect(request)
            response = HttpResponseRedirect(target) if target else self.get_response(request)
        else:
            language = translation.get_language_from_request(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


class LanguageChoiceForm(forms.Form):
    """What the switcher posts. Its error messages come from Django's own catalogues."""

    language = forms.ChoiceField(choices=settings.LANGUAGES)
    next = forms.CharField(required=False, max_length=2000)


# No CSRF token: forcing someone's interface language harms nothing, and a token would set a
# cookie on every page (the switcher is in every page's header) and stop caching them.
@csrf_exempt
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """The switcher's buttons post here: remember the language, go to `next` (the same page
    in that language, computed by the switcher)."""
    form = LanguageChoiceForm(request.POST)
    if not form.is_valid():
        message = " ".join(str(error) for errors in form.errors.values() for error in errors)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    language, next_url = form.cleaned_data["language"], form.cleaned_data["next"]
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = translate_url("/", language)
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
