"""`make bench-load`: many visitors at once against gunicorn on the synthetic corpus.

    make bench-load                                   # 50 visitors, 60 s, 100k practices
    make bench-load LOAD_USERS=20 LOAD_SECONDS=30

The runner
1. keeps the synthetic corpus (tests/bench/corpus.py, never part of the demo) in its own
   PostgreSQL database `exchange_load`, built once (about ten minutes at 100k practices) and
   reused while its seed and size are the same, migrated forward like a production database
   when the project gains migrations (`--fresh` rebuilds it from scratch);
2. collects the static files and starts gunicorn with the production settings, as
   `make serve-prod` does (plain HTTP on loopback: SECURE_SSL_REDIRECT=false);
3. warms every worker up unmeasured (each worker reads the facet bitsets once), then runs
   locust headless (tests/bench/locustfile.py) with LOAD_USERS visitors for LOAD_SECONDS;
4. writes requests, failures, throughput and p50/p95/p99 per kind of page under the `load`
   key of tests/bench/results.json (the search and page timings stay as they are) and
   renders the README's bench table.

A failure is any answer other than 2xx/3xx, or no answer: the requirement is zero. The load
average before and after the run is recorded, since other work on the machine shares its cores.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .run import DATA_DIR, PG_ADMIN_URL, README, RESULTS, ROOT

LOAD_DATABASE = "exchange_load"
MARKER_TABLE = "bench_load_corpus"
# Sync workers: the Makefile's serve-prod default for 2 cores that also run PostgreSQL.
DEFAULT_WORKERS = 3
SEARCHES = [
    "/search/",
    "/search/?q=women",
    "/search/?q=domestic+workers",
    "/search/?q=femmes+migrantes",
    "/search/?q=formaci%C3%B3n&status=active",
    "/search/?theme=safety-and-violence",
    "/search/?theme=economic-empowerment&status=active&region=europe",
    "/search/?q=shelter&mandate=outside-mandate&evidence=evaluated&region=africa",
    "/search/?q=women&sort=newest&page=20",
    "/search/?q=zzqxnohit",
]
SEARCH_API = [
    "/api/search/?q=women&per_page=20",
    "/api/search/?theme=rights-and-legal-status&type=practice",
    "/api/search/?q=informacao+saude&region=americas",
]


# ----------------------------------------------------------------- in the Django subprocess
def prepare(n_cities: int, n_practices: int, out: Path) -> None:
    """Migrate, build the corpus when the database holds none, write the load's addresses."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from search.engines.database import DatabaseEngine

    from .corpus import SEED, CorpusWriter, SyntheticCorpus

    call_command("migrate", verbosity=0, interactive=False)
    marker = (SEED, n_cities, n_practices)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} "
            "(seed integer, cities integer, practices integer)"
        )
        cursor.execute(f"SELECT seed, cities, practices FROM {MARKER_TABLE}")
        built = cursor.fetchone()
    if built is None:
        began = time.perf_counter()
        print(f"building the corpus: {n_cities:,} cities, {n_practices:,} practices", flush=True)
        engine = DatabaseEngine()
        writer = CorpusWriter(SyntheticCorpus(n_cities, n_practices))
        writer.setup(on_documents=engine.index)
        writer.grow(n_practices, on_documents=engine.index)
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {MARKER_TABLE} VALUES (%s, %s, %s)", marker)
        print(f"built in {time.perf_counter() - began:.0f} s", flush=True)
    elif tuple(built) != marker:
        raise SystemExit(f"the load database holds another corpus {built}; run with --fresh")
    out.write_text(json.dumps(targets(), indent=1))


def _relative(url_path: str, root: str) -> str:
    return "/" + url_path[len(root) :]


def targets() -> dict[str, list[str]]:
    """The addresses each kind of visit draws from, chosen from the corpus with a fixed seed."""
    from wagtail.models import Site

    from cities.models import CityProfilePage
    from practices.models import PracticePage

    from .corpus import SEED

    rng = random.Random(SEED)
    root = Site.objects.get(is_default_site=True).root_page.url_path
    practices = list(PracticePage.objects.live().public().values_list("url_path", flat=True))
    cities = list(
        CityProfilePage.objects.live()
        .public()
        .order_by("-numchild", "path")
        .values_list("url_path", flat=True)
    )
    ids = list(PracticePage.objects.live().public().order_by("path").values_list("id", flat=True))
    picked = rng.sample(ids, min(len(ids), 40))
    pairs = zip(picked[::2], picked[1::2], strict=False)
    compares = [f"/compare/?practice={a}&practice={b}" for a, b in pairs]
    # The biggest city, the median one and a seeded sample of the others.
    city_paths = [cities[0], cities[len(cities) // 2], *rng.sample(cities, min(len(cities), 30))]
    return {
        "search": SEARCHES,
        "search api": SEARCH_API,
        "city": [_relative(p, root) for p in city_paths],
        "practice": [_relative(p, root) for p in rng.sample(practices, min(len(practices), 300))],
        "explore and compare": ["/explore/", *compares],
    }


# ------------------------------------------------------------------------------ the runner
def _log(message: str) -> None:
    print(message, flush=True)


def _admin_url() -> str:
    return os.environ.get("BENCH_PG_ADMIN_URL", PG_ADMIN_URL)


def _database(url: str | None, fresh: bool) -> str:
    """The database URL to use, created when missing, recreated when `fresh`."""
    if url and url.startswith("sqlite"):
        path = Path(url.split("sqlite:///", 1)[1])
        if fresh:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return url
    import psycopg

    admin = _admin_url()
    target = url or admin.rsplit("/", 1)[0] + f"/{LOAD_DATABASE}"
    name = target.rsplit("/", 1)[1]
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
    except psycopg.OperationalError as exc:
        raise Unavailable(f"PostgreSQL unreachable at {admin.rsplit('@', 1)[-1]}: {exc}") from exc
    if fresh or not exists:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    return target


class Unavailable(Exception):
    """The load test cannot run here (no PostgreSQL): `make bench` goes on without it."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"the server did not answer {url} within {seconds:.0f} s")
        time.sleep(0.5)


def _preflight(host: str, targets: dict[str, list[str]]) -> None:
    """Every address of the scenario once: a page that moved fails here, by name, not as noise."""
    broken = []
    for url in sorted({u for urls in targets.values() for u in urls}):
        try:
            with urllib.request.urlopen(host + url, timeout=60) as response:
                status = response.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        if status != 200:
            broken.append(f"{url}: {status}")
    if broken:
        raise SystemExit("addresses of the load scenario do not answer 200:\n" + "\n".join(broken))


def _locust(host: str, users: int, seconds: int, prefix: Path, env: dict[str, str]) -> None:
    command = [
        sys.executable, "-m", "locust", "-f", str(Path(__file__).with_name("locustfile.py")),
        "--headless", "--only-summary", "--loglevel", "WARNING",
        "-u", str(users), "-r", str(max(1, users // 2)), "-t", f"{seconds}s",
        "--stop-timeout", "30", "-H", host, "--csv", str(prefix),
        "--json-file", str(prefix),
    ]  # fmt: skip
    # Locust exits 1 when a request failed; the failures are read from its CSV instead.
    subprocess.run(command, cwd=ROOT, env=env, check=False)


def _percentile(histogram: dict[float, int], p: float) -> float:
    """The p-th percentile of locust's response-time histogram (rounded ms -> count)."""
    total = sum(histogram.values())
    if not total:
        return 0.0
    rank, seen = p / 100 * total, 0
    for ms in sorted(histogram):
        seen += histogram[ms]
        if seen >= rank:
            return round(ms, 1)
    return round(max(histogram), 1)


def _summary(
    histogram: dict[float, int], requests: int, failures: int, seconds: float
) -> dict[str, Any]:
    return {
        "requests": requests,
        "failures": failures,
        "rps": round(requests / seconds, 1) if seconds else 0.0,
        "p50_ms": _percentile(histogram, 50),
        "p95_ms": _percentile(histogram, 95),
        "p99_ms": _percentile(histogram, 99),
        "max_ms": round(max(histogram), 1) if histogram else 0.0,
    }


def read_stats(prefix: Path, seconds: float) -> dict[str, Any]:
    """Locust's final statistics (its --json-file) as {groups, overall, failures}.

    The JSON is written once the run has stopped, so it holds every request (the CSV summary
    may be written before the last requests finish). Rates are over the measured duration;
    times are over every request, failed ones included (locust keeps one histogram).
    """
    entries = json.loads(Path(f"{prefix}.json").read_text())
    groups: dict[str, dict[str, Any]] = {}
    everything: dict[float, int] = {}
    for entry in entries:
        histogram = {float(ms): n for ms, n in entry["response_times"].items()}
        groups[entry["name"]] = _summary(
            histogram, entry["num_requests"], entry["num_failures"], seconds
        )
        for ms, n in histogram.items():
            everything[ms] = everything.get(ms, 0) + n
    requests = sum(g["requests"] for g in groups.values())
    failed = sum(g["failures"] for g in groups.values())
    failures = []
    failures_csv = Path(f"{prefix}_failures.csv")
    if failed and failures_csv.exists():
        with open(failures_csv, newline="") as f:
            failures = [
                {"name": r["Name"], "error": r["Error"], "count": int(r["Occurrences"])}
                for r in csv.DictReader(f)
            ]
    if failed and not failures:
        failures = [
            {"name": name, "error": "failed", "count": g["failures"]}
            for name, g in groups.items()
            if g["failures"]
        ]
    return {
        "groups": dict(sorted(groups.items())),
        "overall": _summary(everything, requests, failed, seconds),
        "failures": failures,
    }


def run_load(
    *,
    database_url: str | None,
    cities: int,
    practices: int,
    users: int,
    seconds: int,
    workers: int,
    wait: float,
    warmup_seconds: int,
    fresh: bool,
    preflight: bool = False,
    data_dir: Path = DATA_DIR,
) -> dict[str, Any]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.bench.settings")
    django.setup()
    from .run import _machine

    data_dir.mkdir(exist_ok=True)
    url = _database(database_url, fresh)
    targets_file = data_dir / "load-targets.json"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "tests.bench.settings"}
    subprocess.run(
        [sys.executable, "-m", "tests.bench.load", "--prepare", str(targets_file),
         "--cities", str(cities), "--practices", str(practices)],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip

    server_env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "exchange.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),  # a throwaway key, as production wants
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT, env=server_env, check=True,
    )  # fmt: skip
    port = _free_port()
    host = f"http://127.0.0.1:{port}"
    server_log = data_dir / "load-gunicorn.log"
    gunicorn = Path(sys.executable).with_name("gunicorn")
    with open(server_log, "w") as log_file:
        server = subprocess.Popen(
            [str(gunicorn), "exchange.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", str(workers), "--timeout", "120"],
            cwd=ROOT, env=server_env, stdout=log_file, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            _wait_for(f"{host}/healthz", 60)
            if preflight:
                _preflight(host, json.loads(targets_file.read_text()))
            locust_env = {**os.environ, "LOAD_TARGETS": str(targets_file), "LOAD_WAIT": str(wait)}
            if warmup_seconds:
                _log(f"warming up {workers} workers for {warmup_seconds} s (not measured)")
                _locust(host, workers * 2, warmup_seconds, data_dir / "load-warmup", locust_env)
            load_before = os.getloadavg()
            _log(f"load: {users} visitors for {seconds} s against {host}")
            began = time.perf_counter()
            prefix = data_dir / "load"
            _locust(host, users, seconds, prefix, locust_env)
            elapsed = time.perf_counter() - began
            load_after = os.getloadavg()
        finally:
            server.terminate()
            server.wait(timeout=30)
    stats = read_stats(prefix, elapsed)
    return {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": _machine(),
        "database": "PostgreSQL" if url.startswith("postgres") else "SQLite",
        "corpus": {"cities": cities, "practices": practices},
        "server": f"gunicorn, {workers} sync workers, production settings",
        "users": users,
        "seconds": seconds,
        "wait_s": wait,
        "elapsed_s": round(elapsed, 1),
        "load_average": {
            "before": [round(x, 2) for x in load_before],
            "after": [round(x, 2) for x in load_after],
        },
        **stats,
    }


def render_load(load: dict[str, Any] | None) -> list[str]:
    """The README section of the load test (empty when it has not run)."""
    if not load:
        return []
    o = load["overall"]
    lines = [
        "",
        f"**Load: {load['users']} visitors for {load['seconds']} s** ({load['server']}; "
        f"{load['database']}, {load['corpus']['practices']:,} practices / "
        f"{load['corpus']['cities']:,} cities; each visitor waits {load['wait_s']:g} s between "
        f"pages; run of {load['generated_at'][:10]}, load average "
        f"{load['load_average']['before'][0]:g} before):",
        "",
        "| pages | requests | failures | req/s | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in [*load["groups"].items(), ("all", o)]:
        label = f"**{name}**" if name == "all" else name
        lines.append(
            f"| {label} | {s['requests']:,} | {s['failures']:,} | {s['rps']:g} | "
            f"{s['p50_ms']:g} | {s['p95_ms']:g} | {s['p99_ms']:g} |"
        )
    for failure in load["failures"]:
        lines.append(f"- failure: {failure['name']}: {failure['error']} (x{failure['count']})")
    return lines


def save(load: dict[str, Any], output: Path = RESULTS, readme: Path | None = README) -> None:
    """Merge `load` into the results file and re-render the README table from it."""
    from .run import render_markdown, update_readme

    results = json.loads(output.read_text(encoding="utf-8")) if output.exists() else {}
    results["load"] = load
    output.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if readme is not None and "engines" in results:
        update_readme(render_markdown(results), readme)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--prepare", metavar="TARGETS_JSON", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default=os.environ.get("LOAD_DATABASE_URL"))
    parser.add_argument("--cities", type=int, default=int(os.environ.get("BENCH_CITIES", 2000)))
    parser.add_argument(
        "--practices", type=int, default=int(os.environ.get("BENCH_PRACTICES", 100_000))
    )
    parser.add_argument("--users", type=int, default=int(os.environ.get("LOAD_USERS", 50)))
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("LOAD_SECONDS", 60)))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", 3)))
    parser.add_argument("--wait", type=float, default=1.0, help="seconds between two pages")
    parser.add_argument("--warmup", type=int, default=15, help="unmeasured seconds first")
    parser.add_argument("--fresh", action="store_true", help="rebuild the corpus")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args(argv)
    if args.prepare:
        prepare(args.cities, args.practices, Path(args.prepare))
        return
    try:
        load = run_load(
            database_url=args.database_url,
            cities=args.cities,
            practices=args.practices,
            users=args.users,
            seconds=args.seconds,
            workers=args.workers,
            wait=args.wait,
            warmup_seconds=args.warmup,
            fresh=args.fresh,
        )
    except Unavailable as exc:
        _log(f"load test skipped: {exc}")
        return
    save(load, args.output, None if args.no_readme else README)
    o = load["overall"]
    _log(
        f"{o['requests']:,} requests, {o['failures']} failures, {o['rps']:g} req/s, "
        f"p95 {o['p95_ms']:g} ms"
    )
    if o["failures"]:
        raise SystemExit("the load test saw failures (listed in the results)")


if __name__ == "__main__":
    main()
