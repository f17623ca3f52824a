"""The interface catalogues are complete (issue 7): for every language whose catalogue has landed,
`makemessages` over the current code leaves no untranslated or fuzzy entry, and `msgfmt --check`
accepts the catalogue.

makemessages rewrites the catalogue it merges into, so it runs on a copy of the tree: the test
never touches the working tree's `locale/`.
"""

import ast
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Languages whose catalogue has landed in locale/<code>/LC_MESSAGES/django.po; add a code when its
# catalogue lands.
CATALOGUE_LANGUAGES = ["ar", "es", "fr", "pt"]

# Each language's plural rule (gettext's, as in Django's own catalogues): a wrong one shows
# "0 villes" where French says "0 ville", or the wrong form of an Arabic count.
PLURAL_FORMS = {
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
    ": n%100>=11 ? 4 : 5;",
    "es": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "pt": "nplurals=2; plural=(n != 1);",
}

ROOT = Path(__file__).resolve().parent.parent

# What is not ours, or not interface text, is neither copied nor scanned.
NOT_COPIED = {
    ".git",
    ".venv",
    "node_modules",
    "media",
    "staticfiles",
    "build",
    "tests",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
}
MAKEMESSAGES_IGNORE = [".venv/*", "tests/*", "node_modules/*", "build/*", "*.egg-info/*"]

pytestmark = pytest.mark.skipif(
    not (shutil.which("xgettext") and shutil.which("msgmerge") and shutil.which("msgfmt")),
    reason="GNU gettext is not installed (Debian package 'gettext'): makemessages and msgfmt need "
    "xgettext, msgmerge and msgfmt",
)


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstrs: list[str] = field(default_factory=list)
    fuzzy: bool = False

    def label(self) -> str:
        context = f" (context {self.msgctxt!r})" if self.msgctxt is not None else ""
        return f"{self.msgid!r}{context}"


def read_catalogue(path: Path) -> list[Entry]:
    """The entries of a .po file, header included, obsolete (#~) entries left out."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: str | None = None  # the keyword the continuation lines belong to
    flags_pending = False
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#,"):
            flags_pending = flags_pending or "fuzzy" in line
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            value = ast.literal_eval(line)
            if target == "msgid":
                current.msgid += value
            elif target == "msgctxt":
                current.msgctxt += value
            elif target == "msgid_plural":
                current.msgid_plural += value
            else:
                current.msgstrs[-1] += value
            continue
        keyword, _, rest = line.partition(" ")
        value = ast.literal_eval(rest)
        if keyword in ("msgctxt", "msgid") and (current is None or target not in ("msgctxt",)):
            current = Entry(fuzzy=flags_pending)
            flags_pending = False
            entries.append(current)
        if keyword == "msgctxt":
            current.msgctxt = value
        elif keyword == "msgid":
            current.msgid = value
        elif keyword == "msgid_plural":
            current.msgid_plural = value
        else:  # msgstr or msgstr[n]
            current.msgstrs.append(value)
        target = keyword if not keyword.startswith("msgstr") else "msgstr"
    return entries


@pytest.fixture(scope="module")
def tree_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("catalogues") / "tree"
    shutil.copytree(
        ROOT,
        copy,
        ignore=lambda directory, names: [
            name for name in names if name in NOT_COPIED or name.endswith(".egg-info")
        ],
    )
    return copy


def run_makemessages(tree: Path, language: str) -> Path:
    command = [sys.executable, "manage.py", "makemessages", "-l", language, "--no-obsolete"]
    for pattern in MAKEMESSAGES_IGNORE:
        command += ["-i", pattern]
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "exchange.settings.test"}
    result = subprocess.run(
        command, cwd=tree, env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return tree / "locale" / language / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_makemessages_leaves_nothing_untranslated_or_fuzzy(tree_copy: Path, language: str) -> None:
    ours = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    before = ours.read_bytes()
    merged = run_makemessages(tree_copy, language)

    entries = read_catalogue(merged)
    header, messages = entries[0], entries[1:]
    untranslated = [e.label() for e in messages if not all(e.msgstrs)]
    fuzzy = [e.label() for e in entries if e.fuzzy]

    assert header.msgid == "" and not header.fuzzy, "the catalogue's header is marked fuzzy"
    assert len(messages) > 500, "makemessages found almost no strings: was the tree copied?"
    assert not untranslated, f"{len(untranslated)} untranslated in {language}:\n" + "\n".join(
        untranslated
    )
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {language}:\n" + "\n".join(fuzzy)
    assert ours.read_bytes() == before, "makemessages changed the working tree's catalogue"


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_catalogue_passes_msgfmt_check_with_its_language_header(language: str) -> None:
    catalogue = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(catalogue)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr

    header = read_catalogue(catalogue)[0].msgstrs[0]
    assert f"Language: {language}\n" in header
    assert f"Plural-Forms: {PLURAL_FORMS[language]}\n" in header
