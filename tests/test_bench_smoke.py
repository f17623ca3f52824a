"""The benchmark at a tiny size, so that `make bench` cannot rot between runs.

Times are never asserted; what is checked is that the generator writes a labelled,
repeatable corpus, that every engine answers the fixed queries with the hits the corpus
implies, that the pages built on it (explore, compare, cities like mine, detail pages)
answer and are timed at every size, and that the README tables render from the results.
"""

from __future__ import annotations

import pytest

from search.models import FacetValue, SearchDocument
from tests.bench.corpus import LABEL, SyntheticCorpus
from tests.bench.run import README_END, README_START, measure, render_markdown, update_readme

CITIES, PRACTICES = 20, 200
PAGES = [
    "insights",
    "theme matrix, by region",
    "theme matrix, by city",
    "compare 4 practices",
    "compare 4 cities",
    "cities like the biggest",
    "practice page",
    "city page, biggest city",
    "city page, median city",
]


@pytest.fixture
def bench(db):
    return measure(
        "sqlite",
        CITIES,
        PRACTICES,
        [80, PRACTICES],
        reps=1,
        warmup=1,
        baseline_max=PRACTICES,
        elastic=False,
        log=lambda msg: None,
    )


def _engine(result, engine):
    return next(e for e in result["engines"] if e["engine"] == engine)


def test_generator_is_seeded_and_labelled(db):
    first, again = SyntheticCorpus(CITIES, PRACTICES), SyntheticCorpus(CITIES, PRACTICES)
    for i in (0, 7, PRACTICES - 1):
        a, b = first.practice(i), again.practice(i)
        assert (a.title, a.body, a.facets) == (b.title, b.body, b.facets)
        assert a.title.startswith(LABEL)
        assert 1 <= len(a.themes) <= 3 and len(a.tags) <= 4
    languages = {first.practice(i).language for i in range(PRACTICES)}
    assert languages == {"en", "fr", "es", "pt", "it"}


def test_bench_measures_every_engine_and_renders_the_table(bench, tmp_path):
    docs = SearchDocument.objects.all()
    assert docs.count() == CITIES + PRACTICES
    assert not docs.exclude(title__startswith=LABEL).exists()
    assert FacetValue.objects.filter(facet="type", value="practice").count() == PRACTICES

    ours, baseline = _engine(bench, "database"), _engine(bench, "wagtail")
    assert len(bench["queries"]) >= 20
    for size in ("80", str(PRACTICES)):
        assert ours["sizes"][size]["p50_ms"] > 0
        assert baseline["sizes"][size]["p50_ms"] > 0
    final = ours["sizes"][str(PRACTICES)]["queries"]
    assert final["everything"]["hits"] == CITIES + PRACTICES
    assert final["zero hits, text"]["hits"] == 0
    assert final["zero hits, facets"]["hits"] == 0
    assert final["en common word"]["hits"] > final["en rare word"]["hits"]
    # The baseline searches practices only and cannot filter by barrier category.
    base_final = baseline["sizes"][str(PRACTICES)]["queries"]
    assert base_final["everything"]["hits"] == PRACTICES
    assert "skipped" in base_final["barrier + opportunity"]
    assert ours["rebuild"]["documents"] == CITIES + PRACTICES

    # Every page answers 200 at every size, and is timed.
    pages = bench["pages"]
    assert pages["database"] == ours["database"]  # SQLite or PostgreSQL, as the suite runs
    for size in ("80", str(PRACTICES)):
        timed = pages["sizes"][size]
        assert timed["errors"] == 0, timed["pages"]
        assert timed["pages_timed"] == len(PAGES)
        assert list(timed["pages"]) == PAGES
        for page in timed["pages"].values():
            assert page["status"] == 200 and page["p50_ms"] > 0 and page["db_queries"] > 0
    final_pages = pages["sizes"][str(PRACTICES)]["pages"]
    assert final_pages["practice page"]["url"].startswith("/cities/synthetic-city-")
    assert final_pages["compare 4 practices"]["url"].count("practice=") == 4

    # The README table renders from these results (one measure run serves both checks).
    results = {
        **bench,
        "generated_at": "2025-01-01T00:00:00+00:00",
        "machine": {"cpu": "test cpu", "cpus": 1, "python": "3.11"},
        "seed": 1,
        "sizes": {"cities": CITIES, "practices": [80, PRACTICES]},
        "reps": 1,
        "warmup": 1,
        "notes": ["a note"],
    }
    markdown = render_markdown({**results, "pages": [pages]})
    assert f"| {ours['label']} |" in markdown
    assert "**Pages, p50 / p95 in ms**" in markdown
    assert f"| insights | {pages['label']} |" in markdown
    assert f"| city page, median city | {pages['label']} |" in markdown
    assert f"{ours['label']} vs {baseline['label']}" in markdown
    readme = tmp_path / "README.md"
    readme.write_text("# Project\n\nIntro.\n")
    update_readme(markdown, readme)
    update_readme(markdown, readme)  # a second run replaces the table, never appends one
    text = readme.read_text()
    assert text.count("## Benchmarks") == 1 and text.count(README_START) == 1
    assert text.startswith("# Project\n\nIntro.\n") and text.rstrip().endswith(README_END)
