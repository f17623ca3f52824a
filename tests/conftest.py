"""What every test has: compiled catalogues, English and an empty cache at the start.

The test worlds (site tree, full and minimal content, roles, the search corpus) are fixtures
of tests/worlds.py, loaded here as a plugin."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import trans_real

pytest_plugins = ["tests.worlds"]


def _stale_catalogues() -> list[Path]:
    """The .po files of LOCALE_PATHS whose .mo is missing or older."""
    stale = []
    for locale_path in settings.LOCALE_PATHS:
        for po in Path(locale_path).glob("*/LC_MESSAGES/*.po"):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                stale.append(po)
    return stale


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalogues():
    """`pytest` alone works: the translations are compiled (as `make install` does) when a
    .mo is missing or older than its .po. The .mo files are not committed."""
    if not _stale_catalogues():
        return
    if shutil.which("msgfmt") is None:
        pytest.exit(
            "gettext's msgfmt is missing, so the translations cannot be compiled: run "
            "`make install` (it installs the Debian gettext package) or apt-get install gettext.",
            returncode=1,
        )
    call_command("compilemessages", ignore_patterns=[".venv", "node_modules"], verbosity=0)
    # Django caches catalogues per process: forget any read before compiling.
    trans_real._translations = {}
    trans_real._default = None


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request to /fr/... leaves French active in the test's thread (LocaleMiddleware does
    not switch back); the next test must start in English, as a fresh process would."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches the sites' root paths; a rolled-back test must not leave them behind."""
    cache.clear()
    yield
    cache.clear()
