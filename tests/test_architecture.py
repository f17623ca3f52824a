"""The shape of the code: every module of exchange/ has a place in the import contracts,
and every section a page borrows from a higher app is provided by one."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

from wagtail import hooks

ROOT = Path(__file__).resolve().parent.parent
APPS = ("exchange", "taxonomy", "cities", "practices", "resources", "dialogues", "search")


def _contract(name: str, key: str) -> set[str]:
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter")
    return set(config[f"importlinter:contract:{name}"][key].split())


def test_every_module_of_exchange_is_a_shared_helper_or_the_project_top():
    helpers = {m for m in _contract("shared-helpers", "source_modules")}
    top = _contract("project-on-top", "forbidden_modules")
    modules = {
        f"exchange.{path.stem if path.suffix else path.name}"
        for path in (ROOT / "exchange").iterdir()
        if (path.suffix == ".py" and path.stem != "__init__")
        or (path.is_dir() and (path / "__init__.py").exists() and path.name != "migrations")
    }
    unplaced = modules - helpers - top
    assert not unplaced, (
        f"{sorted(unplaced)}: name each in .importlinter, as a shared helper (imports no "
        "content app) or as the project's top (nothing below imports it)"
    )
    assert not helpers & top
    assert helpers <= _contract("project-on-top", "source_modules")


def test_every_borrowed_section_is_provided_by_an_installed_app():
    """A hook name misspelt on either side would drop a section of a page silently."""
    asked = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            asked |= set(
                re.findall(
                    r"(?:provided|contributed)\(\s*\"(exchange_[a-z_]+)\"", path.read_text()
                )
            )
    assert asked >= {
        "exchange_city_page_context",
        "exchange_city_practice_counts",
        "exchange_public_city_profiles",
        "exchange_city_facet_terms",
        "exchange_similar_practices",
    }
    for name in asked:
        assert hooks.get_hooks(name), f"no installed app provides {name}"
