"""The pages of the benchmark: what a visitor waits for on the explore, compare and detail pages.

At every corpus size the runner requests each page with Django's test `Client`, in the
worker process: no server and no network, so a time is the whole Django stack (middleware,
URL routing or Wagtail's page tree, the view, its queries and the template), which is what
the pages themselves cost. Like the search queries, each page is requested `warmup` times
unmeasured (the first of them also counts its database queries), then `reps` times measured.
A page that does not answer 200 is recorded as an error with its status, never timed.

The pages are fixed by the corpus seed (its biggest cities, its first practices), so every
run and every size asks for the same addresses.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practices.models import PracticePage

from .corpus import SLUG_PREFIX, SyntheticCorpus
from .run import percentile

COMPARED = 4  # the most the compare page takes


@dataclass(frozen=True)
class BenchPage:
    name: str
    url: str


def _practice_slug(i: int) -> str:
    return f"{SLUG_PREFIX}-practice-{i:06d}"


def bench_pages(corpus: SyntheticCorpus, written: int) -> list[BenchPage]:
    """The pages timed once `written` practices of `corpus` are stored (one query)."""
    by_size = [corpus.cities[i] for i in corpus._city_order]
    biggest, typical = by_size[0], by_size[len(by_size) // 2]
    compared = [_practice_slug(i) for i in range(min(COMPARED, written))]
    ids = dict(
        PracticePage.objects.filter(slug__in=compared).values_list("slug", "pk")
    )  # the corpus' own objects do not keep the ids of practices written earlier
    # A practice of the biggest city: its page lists its city and similar practices.
    first_in_biggest = next(
        (i for i in range(min(written, 2_000)) if corpus.practice(i).city is biggest), 0
    )
    practice = corpus.practice(first_in_biggest)
    return [
        BenchPage("insights", "/explore/"),
        BenchPage("theme matrix, by region", "/explore/matrix/"),
        BenchPage("theme matrix, by city", "/explore/matrix/?columns=city"),
        BenchPage(
            f"compare {COMPARED} practices",
            "/compare/?" + urlencode([("practice", ids[slug]) for slug in compared]),
        ),
        BenchPage(
            f"compare {COMPARED} cities",
            "/compare/?" + urlencode([("city", c.slug) for c in by_size[:COMPARED]]),
        ),
        BenchPage("cities like the biggest", f"/cities/{biggest.slug}/similar/"),
        BenchPage("practice page", f"/cities/{biggest.slug}/{practice.slug}/"),
        BenchPage("city page, biggest city", f"/cities/{biggest.slug}/"),
        BenchPage("city page, median city", f"/cities/{typical.slug}/"),
    ]


def time_pages(
    pages: list[BenchPage], reps: int, warmup: int, slow_seconds: float
) -> dict[str, Any]:
    """GET every page `warmup` + `reps` times; a page slower than `slow_seconds` runs once."""
    # A view that raises gives a 500 here, recorded like any other error: one broken page
    # must not end a benchmark run of hours.
    client = Client(raise_request_exception=False)
    per_page: dict[str, Any] = {}
    slow = False
    for page in pages:
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            response = client.get(page.url)
            first = time.perf_counter() - began
        # Read now: the next request's request_started signal empties the queries log.
        n_queries = len(queries.captured_queries)
        entry: dict[str, Any] = {"url": page.url, "status": response.status_code}
        if response.status_code != 200:
            exc_info = getattr(response, "exc_info", None)
            entry["error"] = (
                repr(exc_info[1])[:300] if exc_info else f"HTTP {response.status_code}"
            )
            per_page[page.name] = entry
            continue
        if first > slow_seconds:
            slow = True
            samples = [first * 1000]
        else:
            for _ in range(warmup - 1):
                client.get(page.url)
            samples = []
            for _ in range(reps):
                began = time.perf_counter()
                client.get(page.url)
                samples.append((time.perf_counter() - began) * 1000)
        per_page[page.name] = {
            **entry,
            "bytes": len(response.content),
            "db_queries": n_queries,
            "p50_ms": round(percentile(samples, 50), 2),
            "p95_ms": round(percentile(samples, 95), 2),
            "samples_ms": [round(s, 2) for s in samples],
            "slow": first > slow_seconds,
        }
    timed = [p for p in per_page.values() if "samples_ms" in p]
    return {
        "pages_timed": len(timed),
        "errors": len(per_page) - len(timed),
        "worst_p95_ms": max((p["p95_ms"] for p in timed), default=None),
        "slow": slow,
        "pages": per_page,
    }
