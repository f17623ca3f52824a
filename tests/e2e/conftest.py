"""End-to-end tests in headless Chromium, driven by Playwright against a live server.

The browser is Debian's Chromium (`/usr/bin/chromium`), never a Playwright download:
`make e2e-deps` installs it (and is run by `make test`). Without it, or without the
Python packages, every test here is skipped with a message saying what to install.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
INSTALL_HINT = (
    "run `make e2e-deps` as root (apt-get install chromium chromium-driver), "
    "or set E2E_CHROMIUM to a Chromium binary"
)

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - the dev extras install it
    sync_playwright = None


def missing() -> str:
    """Why the end-to-end tests cannot run here, or "" when they can."""
    if sync_playwright is None:
        return "the Python package playwright is missing: run `make install`"
    try:
        import axe_playwright_python  # noqa: F401
    except ImportError:
        return "the Python package axe-playwright-python is missing: run `make install`"
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)) and not shutil.which(
        CHROMIUM
    ):
        return f"Chromium not found at {CHROMIUM}: {INSTALL_HINT}"
    return ""


def pytest_collection_modifyitems(config, items):
    reason = missing()
    for item in items:
        if "/e2e/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)
            if reason:
                item.add_marker(pytest.mark.skip(reason=f"e2e: {reason}"))


class _Chromium:
    """One headless Chromium, started by the first end-to-end test and stopped after the last.

    While Playwright's synchronous API is started, its asyncio loop counts as running in
    this thread, so Django (1) refuses ORM calls as if they came from async code, and (2)
    keeps database connections per context instead of per thread: the fixtures get a
    connection object of their own, without the serialized content of the test database
    that a transactional test restores after its flush. Hence the environment switch for
    (1), the copied serialization for (2), and the stop as soon as the e2e tests are over,
    so the tests that run after them see plain synchronous Django again.
    """

    def __init__(self) -> None:
        self.playwright = None
        self.browser: Browser | None = None
        self.saved_env: str | None = None

    def start(self) -> Browser:
        if self.browser is None:
            from django.db import connections

            serialized = {
                alias: connections[alias]._test_serialized_contents
                for alias in connections
                if hasattr(connections[alias], "_test_serialized_contents")
            }
            self.saved_env = os.environ.get(ASYNC_UNSAFE)
            os.environ[ASYNC_UNSAFE] = "true"
            self.playwright = sync_playwright().start()
            self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
            for alias, contents in serialized.items():
                connections[alias]._test_serialized_contents = contents
        return self.browser

    def stop(self) -> None:
        if self.playwright is not None:
            from django.db import connections

            # The connections opened while the loop ran belong to it: closed here, or
            # PostgreSQL would refuse to drop the test database at the end of the session.
            connections.close_all()
            self.browser.close()
            self.playwright.stop()
            self.playwright = self.browser = None
            if self.saved_env is None:
                os.environ.pop(ASYNC_UNSAFE, None)
            else:
                os.environ[ASYNC_UNSAFE] = self.saved_env


ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
_chromium = _Chromium()


def is_e2e(item) -> bool:
    return item is not None and item.get_closest_marker("e2e") is not None


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    if is_e2e(item) and not is_e2e(nextitem):
        _chromium.stop()
        if nextitem is not None:
            restore_migrated_data(item.config)


def restore_migrated_data(config) -> None:
    """Put back what the migrations made, which the last e2e test's flush removed.

    pytest-django runs the tests without a `db` fixture last, after these; some of them
    build content inside module fixtures and need the vocabularies and the root page.
    """
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with config.stash[blocking_manager_key].unblock():
        for alias in connections:
            contents = getattr(connections[alias], "_test_serialized_contents", None)
            if contents:
                connections[alias].creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for all the end-to-end tests (they run one after another:
    pytest-django puts every live-server test after the others)."""
    yield _chromium.start()
    _chromium.stop()


DESKTOP = {"width": 1280, "height": 900}
# WCAG 1.4.10 Reflow: 320 CSS pixels wide, no scrolling in two dimensions.
NARROW = {"width": 320, "height": 640}


def new_page(browser: Browser, live_server_url: str, **context_options) -> Page:
    """A page in a context of its own (cookies, storage) that only talks to the live server.

    A request to any other host is refused and noted, as is any failed stylesheet, script
    or image: `page.problems` lists them, and `assert_loaded_cleanly` fails on them.
    """
    options = {"locale": "en-GB", "viewport": DESKTOP, **context_options}
    context = browser.new_context(**options)
    # A slow machine (two cores, several suites) must not fail a test: waits are generous.
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.problems = []
    ours = urlsplit(live_server_url).netloc

    def only_ours(route):
        url = route.request.url
        if urlsplit(url).netloc == ours or url.startswith(("data:", "about:", "blob:")):
            route.continue_()
        else:
            page.problems.append(f"request to another host: {url}")
            route.abort()

    def failed(response):
        if response.status >= 400 and response.request.resource_type != "document":
            page.problems.append(f"{response.status} for {response.url}")

    context.route("**/*", only_ours)
    page.on("response", failed)
    return page


def assert_loaded_cleanly(page: Page) -> None:
    """Everything the page asked for came from our server, and the stylesheet applies."""
    assert not page.problems, "\n".join(page.problems)
    # Without the stylesheet axe would judge the browser's defaults, not our colours.
    assert page.evaluate("getComputedStyle(document.querySelector('.skip-link')).position") == (
        "absolute"
    ), "the site's stylesheet did not load"


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:
    """A fresh page at a desktop size."""
    page = new_page(browser, live_server.url)
    yield page
    page.context.close()


@pytest.fixture
def open_page(browser: Browser, live_server) -> Iterator:
    """Makes pages with other context options (viewport, JavaScript off); closes them."""
    opened = []

    def make(**context_options) -> Page:
        opened.append(new_page(browser, live_server.url, **context_options))
        return opened[-1]

    yield make
    for page in opened:
        page.context.close()


@pytest.fixture(autouse=True)
def _serialized_rollback(django_db_serialized_rollback):
    """The live server needs a transactional database, emptied after each test: every test
    here gets back what the data migrations made (vocabularies, locales, the root page).
    All of them must ask, or the flush after one that did not would re-create content
    types that the next one's restore then collides with."""


@pytest.fixture
def world(live_server) -> SimpleNamespace:
    """The search corpus (three cities, five practices, barriers, a dialogue), indexed,
    behind a live server; built again for each test."""
    from ..worlds import build_search_corpus

    corpus = build_search_corpus()
    return SimpleNamespace(**vars(corpus), base=live_server.url)


LANGUAGES = ["en", "ar"]


def language_param(code: str):
    """A language as a test parameter: skipped while the site does not serve it yet."""
    served = {lang for lang, _name in settings.LANGUAGES}
    return pytest.param(
        code,
        id=code,
        marks=[]
        if code in served
        else pytest.mark.skip(reason=f"the site does not serve {code!r} yet (LANGUAGES)"),
    )


def language_params(pending: dict[str, str] | None = None) -> list:
    """LANGUAGES as parameters; those in `pending` skipped with the reason given."""
    pending = pending or {}
    return [
        pytest.param(code, id=code, marks=pytest.mark.skip(reason=pending[code]))
        if code in pending
        else language_param(code)
        for code in LANGUAGES
    ]


def localized(code: str, path: str) -> str:
    """`path` in language `code`: English unprefixed, the others under /<code>/."""
    return path if code == settings.LANGUAGE_CODE.split("-")[0] else f"/{code}{path}"
