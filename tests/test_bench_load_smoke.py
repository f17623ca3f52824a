"""The load test at a tiny size, so that `make bench-load` cannot rot between runs.

It runs the real thing end to end (corpus in a SQLite file, collectstatic, gunicorn with the
production settings, locust in a subprocess) with 3 visitors for a few seconds. Times are never
asserted: what is checked is that every address of the scenario answers 200 (preflight), that
the visitors' requests all succeed, and that the results merge into the results file and render.
"""

from __future__ import annotations

import json

from tests.bench.load import render_load, run_load, save

GROUPS = {"search", "search api", "city", "practice", "explore and compare"}


def test_load_scenario_answers_and_reports(tmp_path):
    load = run_load(
        database_url=f"sqlite:///{tmp_path / 'load.sqlite3'}",
        cities=5,
        practices=60,
        users=3,
        seconds=4,
        workers=1,
        wait=0.2,
        warmup_seconds=0,
        fresh=True,
        preflight=True,
        data_dir=tmp_path,
    )

    assert load["overall"]["requests"] > 0
    assert load["overall"]["failures"] == 0, load["failures"]
    assert load["failures"] == []
    assert set(load["groups"]) <= GROUPS and load["groups"]
    assert load["database"] == "SQLite" and load["users"] == 3

    results = tmp_path / "results.json"
    results.write_text(json.dumps({"seed": 1, "engines": []}))
    save(load, results, readme=None)
    stored = json.loads(results.read_text())
    assert stored["seed"] == 1, "the search results are kept"
    assert stored["load"]["overall"] == load["overall"]

    markdown = "\n".join(render_load(load))
    assert "**Load: 3 visitors for 4 s**" in markdown
    assert "| **all** |" in markdown
    assert render_load(None) == []
