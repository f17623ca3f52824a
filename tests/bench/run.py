"""`make bench`: time search + all facet counts on a synthetic corpus, for every engine.

    make bench                          # 2,000 cities, 100,000 practices
    make bench BENCH_PRACTICES=20000    # a quick run

The runner starts one worker process per database (a SQLite file under tests/bench/.data/,
and the PostgreSQL database `exchange_bench`, created and dropped here; skipped with a
message when PostgreSQL does not answer). Each worker migrates its database, grows one
seeded corpus step by step (2k, 5k, 20k, ..., BENCH_PRACTICES practices) and, at every step,
times the fixed query set (tests/bench/queries.py) on:
- our database engine (SQLite FTS5 or PostgreSQL full text),
- our Elasticsearch engine on osmem-server (in the SQLite worker, fed from its documents),
- the Wagtail baseline: `PracticePage.objects.live().search(q)` + `.facet()`, on the
  same pages, up to BENCH_BASELINE_MAX practices (20,000: it takes minutes beyond);
and then the pages built on the search documents (tests/bench/pages.py): insights, theme
matrix, compare, cities like mine, a practice page and city pages, requested in-process
with Django's test client.

Each query runs BENCH_WARMUP times unmeasured, then BENCH_REPS times measured with
time.perf_counter; p50/p95 are over all measured runs of all queries. Memory is the
worker's peak resident set size (Linux VmHWM, reset before each phase through
/proc/self/clear_refs; the process high-water mark where that is not possible), and for
Elasticsearch also osmem-server's own peak. Results go to tests/bench/results.json; the
README's "Benchmarks" section is rendered from that file (`render_markdown`). Compare
ratios within one run: absolute numbers depend on the machine.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent.parent
DATA_DIR = BENCH_DIR / ".data"
RESULTS = BENCH_DIR / "results.json"
README = ROOT / "README.md"
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/test"
PG_DATABASE = "exchange_bench"
STEPS = (2_000, 5_000, 20_000)
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, "") or default)


def sizes_for(n_practices: int) -> list[int]:
    """The corpus sizes measured: the fixed steps below the target, then the target."""
    custom = os.environ.get("BENCH_SIZES", "")
    if custom:
        return sorted({int(s) for s in custom.split(",") if s.strip()})
    return [s for s in STEPS if s < n_practices] + [n_practices]


# --------------------------------------------------------------------------- measuring
def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile (no interpolation: every value reported was measured)."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def reset_peak_rss() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def peak_rss_mb(pid: int | str = "self") -> float:
    """VmHWM of a process (Linux); our own ru_maxrss elsewhere."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    if pid == "self":
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return 0.0


def time_queries(
    search: Callable[[Any], Any],
    queries: list,
    reps: int,
    warmup: int,
    slow_seconds: float,
    unsupported: tuple[type[BaseException], ...] = (),
) -> dict[str, Any]:
    """Run every query `warmup` + `reps` times; a query slower than `slow_seconds` runs once."""
    per_query: dict[str, Any] = {}
    pooled: list[float] = []
    slow = False
    for bq in queries:
        try:
            began = time.perf_counter()
            answer = search(bq.query)
            first = time.perf_counter() - began
        except unsupported as exc:
            per_query[bq.name] = {"skipped": f"not expressible: {exc}"}
            continue
        samples = []
        if first > slow_seconds:
            slow = True
            samples = [first * 1000]
        else:
            for _ in range(warmup - 1):
                search(bq.query)
            for _ in range(reps):
                began = time.perf_counter()
                search(bq.query)
                samples.append((time.perf_counter() - began) * 1000)
        total = answer[0] if isinstance(answer, tuple) else answer.total
        per_query[bq.name] = {
            "kind": bq.kind,
            "hits": total,
            "median_ms": round(percentile(samples, 50), 2),
            "samples_ms": [round(s, 2) for s in samples],
        }
        pooled.extend(samples)
    return {
        "p50_ms": round(percentile(pooled, 50), 2) if pooled else None,
        "p95_ms": round(percentile(pooled, 95), 2) if pooled else None,
        "queries_timed": sum(1 for q in per_query.values() if "samples_ms" in q),
        "slow": slow,
        "queries": per_query,
    }


class Indexer:
    """Times an engine's indexing over the steps: documents and seconds, summed."""

    def __init__(self) -> None:
        self.documents = 0
        self.seconds = 0.0

    def timed(self, fn: Callable[[], Any], n: int) -> None:
        began = time.perf_counter()
        fn()
        self.seconds += time.perf_counter() - began
        self.documents += n

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "seconds": round(self.seconds, 2),
            "docs_per_s": round(self.documents / self.seconds) if self.seconds else None,
        }


def _start_elastic(log: Callable[[str], None]):
    """osmem-server and our Elasticsearch engine on it, or (None, None, reason)."""
    try:
        from osmem_server import OsmemServer

        from search.engines.elastic import ElasticsearchEngine
    except Exception as exc:  # the engine is being written elsewhere: report, don't fail
        return None, None, f"engine not importable: {exc}"
    try:
        server = OsmemServer.start(japanese=False)
    except Exception as exc:
        return None, None, f"osmem-server did not start: {exc}"
    try:
        engine = ElasticsearchEngine(url=server.url, index="exchange-bench")
        engine.health()
        engine.clear()
    except Exception as exc:
        server.close()
        return None, None, f"engine failed on osmem-server: {exc}"
    log(f"osmem-server at {server.url}")
    return server, engine, ""


def measure(
    database: str,
    n_cities: int,
    n_practices: int,
    sizes: list[int],
    *,
    reps: int = 5,
    warmup: int = 2,
    baseline_max: int = 20_000,
    elastic: bool = False,
    rebuild: bool = True,
    slow_seconds: float = 30.0,
    pages: bool = True,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Grow the corpus in the default database and time every engine at every size.

    Runs in a configured Django process whose default database is the bench database
    (a worker of `main`, or the smoke test's test database).
    """
    from django.db import connection, transaction

    from search import facet_index
    from search.engines.database import DatabaseEngine
    from search.models import SearchDocument

    from .corpus import CorpusWriter, SyntheticCorpus
    from .pages import bench_pages, time_pages
    from .queries import Unsupported, baseline_index, baseline_search, bench_queries

    vendor = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[connection.vendor]
    corpus = SyntheticCorpus(n_cities, n_practices)
    writer = CorpusWriter(corpus)
    queries = bench_queries(corpus)
    ours = DatabaseEngine()
    engines: dict[str, dict[str, Any]] = {
        "database": {
            "label": f"database · {vendor}",
            "engine": "database",
            "database": vendor,
            "sizes": {},
        },
        "baseline": {
            "label": f"Wagtail baseline · {vendor}",
            "engine": "wagtail",
            "database": vendor,
            "sizes": {},
            "facets_counted": 3,
        },
    }
    indexers = {"database": Indexer(), "baseline": Indexer(), "elastic": Indexer()}
    page_timings: dict[str, Any] = {"label": vendor, "database": vendor, "sizes": {}}
    server = es = None
    if elastic:
        server, es, reason = _start_elastic(log)
        engines["elastic"] = {
            "label": "elasticsearch · osmem-server",
            "engine": "elasticsearch",
            "database": "osmem-server",
            "sizes": {},
        }
        if es is None:
            engines["elastic"]["skipped"] = reason
            log(f"elasticsearch skipped: {reason}")

    def index_ours(docs):
        indexers["database"].timed(lambda: ours.index(docs), len(docs))

    def index_elastic(ids: list[int]) -> None:
        for start in range(0, len(ids), 1000):
            batch = ids[start : start + 1000]
            indexers["elastic"].timed(
                lambda b=batch: es.index(
                    list(SearchDocument.objects.filter(pk__in=b).prefetch_related("facet_values"))
                ),
                len(batch),
            )

    peak: dict[str, float] = {}
    try:
        reset_peak_rss()
        began = time.perf_counter()
        writer.setup(on_documents=index_ours)
        city_ids = [c.page_id for c in corpus.cities]
        if es is not None:
            index_elastic(city_ids)
        for size in sizes:
            log(f"[{vendor}] growing the corpus to {size} practices")
            new_ids = writer.grow(size, on_documents=index_ours)
            if size <= baseline_max and not engines["baseline"].get("stopped"):
                indexers["baseline"].timed(lambda ids=new_ids: baseline_index(ids), len(new_ids))
            if es is not None:
                index_elastic(new_ids)
            peak["load"] = max(peak.get("load", 0), peak_rss_mb())
            key = str(size)
            documents = SearchDocument.objects.count()

            log(f"[{vendor}] timing database engine at {size}")
            reset_peak_rss()
            # The facet bitsets are read once per index version; time that cold load apart.
            began = time.perf_counter()
            facet_index.current()
            facet_load_s = round(time.perf_counter() - began, 2)
            stats = time_queries(ours.search, queries, reps, warmup, slow_seconds)
            engines["database"]["sizes"][key] = {
                "documents": documents,
                "facet_index_load_s": facet_load_s,
                **stats,
            }
            peak["database"] = max(peak.get("database", 0), peak_rss_mb())

            if es is not None:
                log(f"[{vendor}] timing elasticsearch at {size}")
                reset_peak_rss()
                try:
                    stats = time_queries(es.search, queries, reps, warmup, slow_seconds)
                    engines["elastic"]["sizes"][key] = {"documents": documents, **stats}
                except Exception as exc:
                    engines["elastic"]["sizes"][key] = {"skipped": f"failed: {exc}"[:300]}
                peak["elastic"] = max(peak.get("elastic", 0), peak_rss_mb())

            base = engines["baseline"]
            if base.get("stopped"):
                base["sizes"][key] = {"skipped": base["stopped"]}
            elif size > baseline_max:
                base["sizes"][key] = {
                    "skipped": f"not run above {baseline_max:,} practices (minutes per query)"
                }
            else:
                log(f"[{vendor}] timing the Wagtail baseline at {size}")
                reset_peak_rss()
                stats = time_queries(
                    baseline_search, queries, reps, warmup, slow_seconds, (Unsupported,)
                )
                base["sizes"][key] = {"documents": size, **stats}
                peak["baseline"] = max(peak.get("baseline", 0), peak_rss_mb())
                if stats["slow"]:
                    base["stopped"] = f"stopped: a query took over {slow_seconds:.0f} s"

            if pages:
                log(f"[{vendor}] timing the pages at {size}")
                reset_peak_rss()
                page_timings["sizes"][key] = time_pages(
                    bench_pages(corpus, size), reps, warmup, slow_seconds
                )
                peak["pages"] = max(peak.get("pages", 0), peak_rss_mb())
        load_seconds = time.perf_counter() - began

        if rebuild:
            # A full rebuild of our full-text side at the final size, as `search_index
            # rebuild` does after storing rows: clear, then index every stored document.
            log(f"[{vendor}] rebuilding the database engine's full text")
            began = time.perf_counter()
            ids = list(SearchDocument.objects.order_by("pk").values_list("pk", flat=True))
            with transaction.atomic():
                ours.clear()
            for start in range(0, len(ids), 1000):
                with transaction.atomic():
                    ours.index(
                        list(SearchDocument.objects.filter(pk__in=ids[start : start + 1000]))
                    )
            seconds = time.perf_counter() - began
            engines["database"]["rebuild"] = {
                "documents": len(ids),
                "seconds": round(seconds, 2),
                "docs_per_s": round(len(ids) / seconds) if seconds else None,
            }
        for name in ("database", "baseline", "elastic"):
            if name in engines:
                engines[name]["index"] = indexers[name].as_dict()
                engines[name]["peak_rss_mb"] = {
                    "load": peak.get("load"),
                    "queries": peak.get(name),
                }
        if server is not None:
            engines["elastic"]["peak_rss_mb"]["osmem_server"] = peak_rss_mb(server.pid)
        engines["database"]["store"] = {
            "seconds": round(writer.seconds["documents"], 2),
            "note": "SearchDocument + FacetValue rows, bulk_create",
        }
        engines["baseline"]["pages_seconds"] = round(writer.seconds["pages"], 2)
        page_timings["peak_rss_mb"] = peak.get("pages")
    finally:
        if server is not None:
            server.close()
    return {
        "database": vendor,
        "database_version": _database_version(),
        "load_seconds": round(load_seconds, 1),
        "queries": [
            {"name": q.name, "kind": q.kind, "query": _describe(q.query)} for q in queries
        ],
        "engines": list(engines.values()),
        **({"pages": page_timings} if pages else {}),
    }


def _describe(query) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if query.q:
        out["q"] = query.q
    for facet, values in query.filters.items():
        out[facet] = list(values)
    for name in ("year_from", "year_to"):
        if getattr(query, name):
            out[name] = getattr(query, name)
    if query.sort != "relevance":
        out["sort"] = query.sort
    if query.page != 1:
        out["page"] = query.page
    return out


def _database_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
        else:
            cursor.execute("SHOW server_version")
        return str(cursor.fetchone()[0])


# --------------------------------------------------------------------------- rendering
def _cell(stats: dict[str, Any] | None) -> str:
    if not stats:
        return "—"
    if "skipped" in stats:
        return "skipped"
    text = f"{stats['p50_ms']:g} / {stats['p95_ms']:g}"
    return text + "*" if stats.get("slow") else text


def _ratio(base: dict[str, Any], ours: dict[str, Any]) -> str:
    """p50 and p95 ratio over the queries both answered (baseline time / our time)."""
    common = [
        name
        for name, q in base["queries"].items()
        if "samples_ms" in q and "samples_ms" in ours["queries"].get(name, {})
    ]
    if not common:
        return "—"
    b = [s for n in common for s in base["queries"][n]["samples_ms"]]
    o = [s for n in common for s in ours["queries"][n]["samples_ms"]]
    p50 = percentile(b, 50) / percentile(o, 50)
    p95 = percentile(b, 95) / percentile(o, 95)
    return f"{p50:.1f}x / {p95:.1f}x"


def render_markdown(results: dict[str, Any]) -> str:
    """The README table: p50/p95 per engine and size, ratios to the baseline, indexing, memory."""
    sizes = [str(s) for s in results["sizes"]["practices"]]
    engines = results["engines"]
    m = results["machine"]
    lines = [
        f"Synthetic corpus (tests/bench/corpus.py, seed {results['seed']}): "
        f"{results['sizes']['cities']:,} cities, up to {int(sizes[-1]):,} practices in five "
        f"languages. {len(results['queries'])} fixed queries, each {results['warmup']} warm-up "
        f"+ {results['reps']} timed runs. Run of {results['generated_at'][:10]} on "
        f"{m['cpu']} ({m['cpus']} CPUs), Python {m['python']}.",
        "",
        "**Search + all facet counts, p50 / p95 in ms** (practices in the corpus; cities add "
        f"{results['sizes']['cities']:,} documents):",
        "",
        "| engine | " + " | ".join(f"{int(s):,}" for s in sizes) + " |",
        "|---|" + "---:|" * len(sizes),
    ]
    for e in engines:
        if e.get("skipped"):
            lines.append(f"| {e['label']} | skipped: {e['skipped']} |" + " |" * (len(sizes) - 1))
            continue
        lines.append(
            f"| {e['label']} | " + " | ".join(_cell(e["sizes"].get(s)) for s in sizes) + " |"
        )
    ratios = []
    for base in (e for e in engines if e["engine"] == "wagtail"):
        for e in engines:
            if e["engine"] == "wagtail" or e.get("skipped"):
                continue
            # Compare within one worker: the same machine load, the same stored documents.
            if e["engine"] == "database" and e["database"] != base["database"]:
                continue
            if e["engine"] == "elasticsearch" and base["database"] != "SQLite":
                continue
            row = []
            for s in sizes:
                b, o = base["sizes"].get(s, {}), e["sizes"].get(s, {})
                row.append(_ratio(b, o) if "queries" in b and "queries" in o else "—")
            if any(r != "—" for r in row):
                ratios.append(f"| {e['label']} vs {base['label']} | " + " | ".join(row) + " |")
    if ratios:
        lines += [
            "",
            "**Times faster than the Wagtail baseline** (p50 / p95, same queries, same run):",
            "",
            "| comparison | " + " | ".join(f"{int(s):,}" for s in sizes) + " |",
            "|---|" + "---:|" * len(sizes),
            *ratios,
        ]
    lines += [
        "",
        "**Indexing and memory** (peak RSS of the worker process while querying; loading "
        "includes the generator):",
        "",
        "| engine | documents indexed | docs/s | full rebuild docs/s | peak RSS queries (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for e in engines:
        if e.get("skipped"):
            continue
        idx, rss = e.get("index", {}), e.get("peak_rss_mb", {})
        rebuild = e.get("rebuild", {}).get("docs_per_s")
        mem = f"{rss.get('queries') or '—'}"
        if rss.get("osmem_server"):
            mem += f" (+ osmem-server {rss['osmem_server']})"
        lines.append(
            f"| {e['label']} | {idx.get('documents', 0):,} | {idx.get('docs_per_s') or '—'} "
            f"| {rebuild or '—'} | {mem} |"
        )
    lines += _render_pages(results.get("pages", []), sizes)
    from .load import render_load

    lines += render_load(results.get("load"))
    lines += ["", *(f"- {note}" for note in results["notes"])]
    return "\n".join(lines) + "\n"


def _page_cell(stats: dict[str, Any] | None) -> str:
    if not stats:
        return "—"
    if "error" in stats:
        return f"error {stats['status']}"
    text = f"{stats['p50_ms']:g} / {stats['p95_ms']:g}"
    return text + "*" if stats.get("slow") else text


def _render_pages(databases: list[dict[str, Any]], sizes: list[str]) -> list[str]:
    """The pages table: one row per page and database, one column per corpus size."""
    if not databases:
        return []
    lines = [
        "",
        "**Pages, p50 / p95 in ms** (the whole Django stack through the test client, no "
        "network; same warm-up and timed runs as the queries):",
        "",
        "| page | database | " + " | ".join(f"{int(s):,}" for s in sizes) + " |",
        "|---|---|" + "---:|" * len(sizes),
    ]
    names = list(
        dict.fromkeys(n for d in databases for t in d["sizes"].values() for n in t["pages"])
    )
    for name in names:
        for d in databases:
            cells = [_page_cell(d["sizes"].get(s, {}).get("pages", {}).get(name)) for s in sizes]
            lines.append(f"| {name} | {d['label']} | " + " | ".join(cells) + " |")
    return lines


def update_readme(markdown: str, readme: Path = README) -> None:
    """Replace the table between the bench markers (adding a Benchmarks section if missing)."""
    text = readme.read_text(encoding="utf-8")
    block = f"{README_START}\n{markdown}{README_END}"
    if README_START in text and README_END in text:
        head, rest = text.split(README_START, 1)
        text = head + block + rest.split(README_END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n## Benchmarks\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


NOTES = [
    "Our engines count all 14 facets, disjunctively, over practices and cities; the Wagtail "
    "baseline (`PracticePage.objects.live().search(q)` + `.facet()`) counts the 3 facets "
    "Wagtail can (FilterFields status, evidence, mandate) over practices only, so the "
    "comparison favours the baseline.",
    "The baseline cannot filter by barrier or opportunity category (those come from linked "
    "records the generator does not create): that query is left out of its numbers and "
    "of the ratios.",
    "A `*` marks a size where some query took over the slow limit and ran once; the "
    "baseline is not run above BENCH_BASELINE_MAX practices (default 20,000) because its "
    "queries take minutes there.",
    "Pages are requested in the worker with Django's test client after the search timings "
    "at each size; a page that does not answer 200 shows its status instead of a time. City "
    "pages list a city's practices 20 at a time (the biggest city holds about 12% of the "
    "practices); the theme matrix by city shows 25 city columns a page.",
    "Absolute times depend on the machine (and on whatever else it runs): compare ratios "
    "within one run, never against fixed thresholds.",
]


# --------------------------------------------------------------------------- processes
def _machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        import psutil

        memory = round(psutil.virtual_memory().total / 2**30, 1)
    except ImportError:
        pass
    import django
    import wagtail

    return {
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "memory_gb": memory,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "django": django.__version__,
        "wagtail": wagtail.__version__,
    }


def _postgres_ready(log: Callable[[str], None]) -> tuple[str, str]:
    """(url of a fresh exchange_bench database, "") or ("", why not)."""
    import psycopg

    admin = os.environ.get("BENCH_PG_ADMIN_URL", PG_ADMIN_URL)
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {PG_DATABASE}")
    except Exception as exc:
        return "", f"PostgreSQL unreachable at {admin.rsplit('@', 1)[-1]}: {exc}".strip()
    return admin.rsplit("/", 1)[0] + f"/{PG_DATABASE}", ""


def _drop_postgres() -> None:
    import psycopg

    admin = os.environ.get("BENCH_PG_ADMIN_URL", PG_ADMIN_URL)
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
    except Exception:
        pass


def _run_worker(database: str, url: str, settings: dict[str, Any], log) -> dict[str, Any]:
    out = DATA_DIR / f"{database}.json"
    out.unlink(missing_ok=True)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "tests.bench.settings",
        "BENCH_WORKER_SETTINGS": json.dumps(settings),
    }
    log(f"== worker: {database} ({url.split('@')[-1]}) ==")
    proc = subprocess.run(
        [sys.executable, "-m", "tests.bench.run", "--worker", database, str(out)],
        cwd=ROOT,
        env=env,
        check=False,
    )
    if proc.returncode != 0 or not out.exists():
        return {"failed": f"worker exited with status {proc.returncode}"}
    return json.loads(out.read_text())


def worker(database: str, out: str) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    settings = json.loads(os.environ["BENCH_WORKER_SETTINGS"])
    began = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"[{database}] migrated in {time.perf_counter() - began:.0f} s", flush=True)
    result = measure(
        database,
        settings["cities"],
        settings["practices"],
        settings["sizes"],
        reps=settings["reps"],
        warmup=settings["warmup"],
        baseline_max=settings["baseline_max"],
        elastic=settings["elastic"] and database == "sqlite",
        slow_seconds=settings["slow_seconds"],
        log=lambda msg: print(msg, flush=True),
    )
    Path(out).write_text(json.dumps(result, indent=1))


def main() -> None:
    log = lambda msg: print(msg, flush=True)  # noqa: E731
    n_practices = env_int("BENCH_PRACTICES", 100_000)
    n_cities = env_int("BENCH_CITIES", 2_000)
    selected = set(os.environ.get("BENCH_ENGINES", "sqlite,postgres,elastic").split(","))
    settings = {
        "cities": n_cities,
        "practices": n_practices,
        "sizes": sizes_for(n_practices),
        "reps": env_int("BENCH_REPS", 5),
        "warmup": env_int("BENCH_WARMUP", 2),
        "baseline_max": env_int("BENCH_BASELINE_MAX", 20_000),
        "slow_seconds": float(os.environ.get("BENCH_SLOW_SECONDS", "30")),
        "elastic": "elastic" in selected,
    }
    DATA_DIR.mkdir(exist_ok=True)
    # The runner itself touches no database; Django is set up for the corpus module's imports.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.bench.settings")
    import django

    django.setup()
    from .corpus import SEED

    results: dict[str, Any] = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": _machine(),
        "seed": SEED,
        "sizes": {"cities": n_cities, "practices": settings["sizes"]},
        "reps": settings["reps"],
        "warmup": settings["warmup"],
        "memory": "peak RSS (Linux VmHWM) of the worker process per phase; osmem-server's own",
        "notes": list(NOTES),
        "engines": [],
        "workers": {},
    }
    began = time.perf_counter()
    if "sqlite" in selected or "elastic" in selected:
        sqlite_file = DATA_DIR / "bench.sqlite3"
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{sqlite_file}{suffix}").unlink(missing_ok=True)
        worker_result = _run_worker("sqlite", f"sqlite:///{sqlite_file}", settings, log)
        _merge(results, "sqlite", worker_result)
    if "postgres" in selected:
        url, why = _postgres_ready(log)
        if url:
            try:
                _merge(results, "postgres", _run_worker("postgres", url, settings, log))
            finally:
                _drop_postgres()
        else:
            log(f"PostgreSQL skipped: {why}")
            results["notes"].append(f"PostgreSQL skipped: {why}")
            results["engines"].append(
                {"label": "database · PostgreSQL", "engine": "database", "skipped": why}
            )
    results["seconds"] = round(time.perf_counter() - began)
    if not any(e.get("sizes") for e in results["engines"]):
        raise SystemExit("no engine was measured")
    results["queries"] = next(
        (w["queries"] for w in results["workers"].values() if "queries" in w), []
    )
    for w in results["workers"].values():
        w.pop("queries", None)
    output = Path(os.environ.get("BENCH_OUTPUT", RESULTS))
    # The load test (tests/bench/load.py) writes its own key: a search run keeps it.
    if output.exists():
        previous = json.loads(output.read_text(encoding="utf-8"))
        if "load" in previous:
            results["load"] = previous["load"]
    output.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    markdown = render_markdown(results)
    print("\n" + markdown)
    log(f"results: {output}")
    if os.environ.get("BENCH_README", "1") != "0":
        update_readme(markdown)
        log(f"README table updated: {README}")


def _merge(results: dict[str, Any], name: str, worker_result: dict[str, Any]) -> None:
    if "failed" in worker_result:
        results["notes"].append(f"{name} worker failed: {worker_result['failed']}")
        results["engines"].append(
            {"label": f"{name} worker", "engine": name, "skipped": worker_result["failed"]}
        )
        return
    results["engines"].extend(worker_result.pop("engines"))
    if "pages" in worker_result:
        results.setdefault("pages", []).append(worker_result.pop("pages"))
    results["workers"][name] = worker_result


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3])
    else:
        main()
