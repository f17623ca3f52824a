"""Right to left and local formats: the stylesheet flips by itself; numbers and dates follow
the visitor's language, years never take a thousands separator."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from .factories import CityProfilePageFactory, DialoguePageFactory
from .helpers import visible_text

STYLESHEET = Path(__file__).resolve().parent.parent / "exchange/static/css/exchange.css"
# Physical properties that would not mirror under dir="rtl"; logical ones (margin-inline-start,
# inset-inline-end, text-align: start...) do.
PHYSICAL = re.compile(
    r"(?<![\w-])(?:margin|padding|border)-(?:left|right)\b"
    r"|(?<![\w-])(?:left|right)\s*:"
    r"|text-align\s*:\s*(?:left|right)\b"
    r"|float\s*:\s*(?:left|right)\b"
    r"|clear\s*:\s*(?:left|right)\b"
)


def test_the_stylesheet_uses_logical_properties_only():
    found = [
        f"line {number}: {line.strip()}"
        for number, line in enumerate(STYLESHEET.read_text().splitlines(), 1)
        if PHYSICAL.search(line)
    ]
    assert found == []


def test_the_physical_property_check_catches_what_it_should():
    for line in ("  margin-left: 1rem;", "left: 0;", "text-align: right;", "float: left"):
        assert PHYSICAL.search(line), line
    for line in ("margin-inline-start: 1rem;", "inset-inline-end: 0;", "text-align: start;"):
        assert not PHYSICAL.search(line), line


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "population", "date"),
    [
        ("", "1,234,567 in 2020", "Sept. 10, 2020"),
        # visible_text collapses the no-break spaces French and Spanish group digits with.
        ("/fr", "1 234 567 en 2020", "10 septembre 2020"),
        ("/es", "1 234 567 en 2020", "10 de septiembre de 2020"),
        ("/pt", "1.234.567 em 2020", "10 de Setembro de 2020"),
        ("/ar", "1234567", "10 سبتمبر، 2020"),
    ],
)
def test_numbers_and_dates_follow_the_language(client, site_tree, prefix, population, date):
    city = CityProfilePageFactory(
        parent=site_tree.cities, title="Sousse", slug="sousse", population=1234567,
        population_year=2020,
    )  # fmt: skip
    DialoguePageFactory(
        parent=site_tree.dialogues, title="Migrant women in cities", slug="founding",
        date=datetime.date(2020, 9, 10),
    )  # fmt: skip

    city_text = visible_text(client.get(f"{prefix}{city.url}"))
    assert population in city_text
    assert "2,020" not in city_text and "2.020" not in city_text and "2 020" not in city_text
    assert "2020" in city_text, "the year of the figure, unseparated"
    dialogue = client.get(f"{prefix}/dialogues/founding/")
    assert dialogue.status_code == 200
    assert date in visible_text(dialogue)
