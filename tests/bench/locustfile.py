"""The visitors of the load test (tests/bench/load.py): a mix of search, city and practice pages.

The addresses come from the corpus (LOAD_TARGETS names a JSON file the runner writes), so every
request asks for something that exists; a visitor waits LOAD_WAIT seconds between pages (a fixed,
small think time, so that the load is set by the number of visitors). Each visitor draws its pages
from its own seeded generator: two runs ask for the same pages in the same order per visitor.
"""

from __future__ import annotations

import itertools
import json
import os
import random
from pathlib import Path

from locust import HttpUser, constant, task

TARGETS: dict[str, list[str]] = json.loads(Path(os.environ["LOAD_TARGETS"]).read_text())
_visitor_numbers = itertools.count()


class Visitor(HttpUser):
    wait_time = constant(float(os.environ.get("LOAD_WAIT", "1")))

    def on_start(self) -> None:
        self.rng = random.Random(1000 + next(_visitor_numbers))

    def _get(self, group: str) -> None:
        # Named by group: the report gives p95 per kind of page, not per address.
        self.client.get(self.rng.choice(TARGETS[group]), name=group)

    @task(4)
    def search_page(self) -> None:
        self._get("search")

    @task(1)
    def search_api(self) -> None:
        self._get("search api")

    @task(2)
    def city_page(self) -> None:
        self._get("city")

    @task(3)
    def practice_page(self) -> None:
        self._get("practice")

    @task(1)
    def explore_or_compare(self) -> None:
        self._get("explore and compare")
