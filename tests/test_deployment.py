"""Production readiness: deploy checks, security headers, login throttling, request log, weight."""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import RequestFactory
from django.utils.text import compress_string

from cities.models import CityProfilePage
from exchange.models import HomePage
from exchange.request_log import JSONFormatter
from exchange.security import client_ip
from practices.models import PracticePage

BASE_DIR = Path(__file__).resolve().parent.parent
LOGIN_URL = "/admin/login/"
REQUEST_LOG_KEYS = {"method", "path", "status", "duration_ms", "user_id"}


def production_env(**overrides: str) -> dict[str, str]:
    """The environment of a production process: required settings set, optional ones unset."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECURE_SSL_REDIRECT",
            "SECURE_HSTS_SECONDS",
            "CSRF_TRUSTED_ORIGINS",
            "LOG_LEVEL",
            "PUBLIC_URL",
            "WAGTAILADMIN_BASE_URL",
        }
    }
    env.update(
        DJANGO_SETTINGS_MODULE="exchange.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),  # 67 random characters
        ALLOWED_HOSTS="example.org",
        # In memory: never create or touch a database file next to manage.py.
        DATABASE_URL="sqlite:///:memory:",
    )
    env.update(overrides)
    return env


def run_python(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


# Production settings


def test_check_deploy_reports_no_issues():
    result = run_python(["manage.py", "check", "--deploy"], production_env())
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output
    assert "WARNINGS" not in output


@pytest.mark.parametrize("name", ["SECRET_KEY", "ALLOWED_HOSTS"])
@pytest.mark.parametrize("value", [None, "", "  "])
def test_production_settings_refuse_to_start_without(name, value):
    env = production_env()
    if value is None:
        del env[name]
    else:
        env[name] = value
    result = run_python(["-c", "import exchange.settings.production"], env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"Set the {name} environment variable" in result.stderr


@pytest.mark.parametrize(
    "key", ["x" * 49, "short-but-secret", "ab" * 40, "django-insecure-" + "k3y" * 20]
)
def test_production_refuses_a_weak_secret_key(key):
    result = run_python(
        ["-c", "import exchange.settings.production"], production_env(SECRET_KEY=key)
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be 50 or more random characters" in result.stderr


PRINT_ADDRESSES = (
    "from django.conf import settings; print(settings.PUBLIC_URL, settings.WAGTAILADMIN_BASE_URL)"
)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (
            {"ALLOWED_HOSTS": "exchange.example.org,www.example.org"},
            "https://exchange.example.org",
        ),
        ({"PUBLIC_URL": "https://exchange.example.org/"}, "https://exchange.example.org"),
        ({"ALLOWED_HOSTS": ".example.org", "PUBLIC_URL": "http://10.0.0.5:8000"}, None),
    ],
)
def test_production_takes_its_public_address_from_public_url_or_the_first_host(env, expected):
    result = run_python(["-c", PRINT_ADDRESSES], production_env(**env))
    assert result.returncode == 0, result.stderr
    address = expected or env["PUBLIC_URL"]
    assert result.stdout.split() == [address, address]


@pytest.mark.parametrize(
    "env",
    [
        {"ALLOWED_HOSTS": ".example.org"},
        {"ALLOWED_HOSTS": "*"},
        {"PUBLIC_URL": "exchange.example.org"},
        {"PUBLIC_URL": "https://exchange.example.org/exchange"},
    ],
)
def test_production_refuses_to_start_without_a_public_address(env):
    result = run_python(["-c", "import exchange.settings.production"], production_env(**env))
    assert result.returncode != 0
    assert "Set PUBLIC_URL to the site's public address" in result.stderr


def test_production_logs_one_json_line_per_request_to_stdout():
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "response = Client().get('/healthz?email=someone@example.org')\n"
        "assert response.status_code == 200, response.status_code\n"
    )
    env = production_env(ALLOWED_HOSTS="testserver", SECURE_SSL_REDIRECT="false")
    result = run_python(["-c", script], env)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    requests = [line for line in lines if line["logger"] == "exchange.request"]
    assert len(requests) == 1, result.stdout
    entry = requests[0]
    assert {
        "method": "GET",
        "path": "/healthz",
        "status": 200,
        "user_id": None,
    }.items() <= entry.items()
    assert "someone@example.org" not in result.stdout
    assert "127.0.0.1" not in result.stdout


# Security headers


@pytest.fixture
def home_response(client, site_tree):
    response = client.get(site_tree.home.url)
    assert response.status_code == 200
    return response


def csp_directives(header: str) -> dict[str, str]:
    parts = (part.strip() for part in header.split(";"))
    return {name: rest.strip() for name, _, rest in (p.partition(" ") for p in parts if p)}


def test_public_page_has_a_strict_content_security_policy(home_response):
    header = home_response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    assert csp_directives(header) == {
        "default-src": "'self'",
        "img-src": "'self' data:",
        "style-src": "'self'",
        "script-src": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
        "base-uri": "'self'",
        "object-src": "'none'",
    }


def test_public_page_sends_the_other_security_headers(home_response):
    headers = home_response.headers
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_admin_is_left_out_of_the_csp_but_keeps_the_other_headers(client):
    response = client.get(LOGIN_URL)
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response.headers
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


# A script loaded from a file (`<script src=...>`: search.js) is allowed; code in a page is not.
INLINE_CODE = re.compile(
    r"<script\b(?![^>]*\ssrc\s*=)|<style\b|\sstyle\s*=|\son[a-z]+\s*=", re.IGNORECASE
)


def test_public_templates_hold_no_inline_script_or_style():
    """The policy forbids inline code: a template that needs it would break in browsers."""
    offenders = []
    for template in sorted((BASE_DIR / "templates").rglob("*.html")):
        for number, line in enumerate(template.read_text().splitlines(), start=1):
            if INLINE_CODE.search(line):
                offenders.append(f"{template.relative_to(BASE_DIR)}:{number}: {line.strip()}")
    assert offenders == []


# Admin login throttling


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        username="editor", email="editor@example.org", password="the-right-password"
    )


def log_in(client, password: str, address: str = "127.0.0.1"):
    return client.post(
        LOGIN_URL, {"username": "editor", "password": password}, REMOTE_ADDR=address
    )


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_admin_login_works_with_axes(client, editor):
    response = log_in(client, "the-right-password")
    assert response.status_code == 302
    assert is_logged_in(client)


def test_admin_login_locks_out_after_five_failures(client, editor, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    statuses = [log_in(client, "wrong").status_code for _ in range(5)]
    # Four failures show the form again; the fifth locks the username from this address.
    assert statuses == [200, 200, 200, 200, 429]

    response = log_in(client, "the-right-password")
    assert response.status_code == 429
    assert b"too many login attempts" in response.content
    assert not is_logged_in(client)


def test_lockout_holds_only_for_that_username_and_address(client, editor):
    for _ in range(5):
        log_in(client, "wrong")
    assert log_in(client, "the-right-password").status_code == 429

    response = log_in(client, "the-right-password", address="192.0.2.7")
    assert response.status_code == 302
    assert is_logged_in(client)


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("192.0.2.1", None, "192.0.2.1"),
        # Straight from the internet: a forwarded header is the client's word, not a fact.
        ("192.0.2.1", "198.51.100.9", "192.0.2.1"),
        # Through the local proxy: the address it appended, not what the client sent.
        ("127.0.0.1", "10.1.1.1, 198.51.100.9", "198.51.100.9"),
        ("::1", "2001:db8::5", "2001:db8::5"),
        ("127.0.0.1", None, "127.0.0.1"),
        ("127.0.0.1", "not-an-address", "127.0.0.1"),
    ],
)
def test_client_ip_trusts_only_the_local_proxy(remote, forwarded, expected):
    assert client_ip(request_from(remote, forwarded)) == expected


# Request log


def request_log_lines(caplog) -> list[dict]:
    formatter = JSONFormatter()
    return [
        json.loads(formatter.format(record))
        for record in caplog.records
        if record.name == "exchange.request"
    ]


@pytest.mark.django_db
def test_request_log_is_one_json_line_without_query_string(client, caplog):
    caplog.set_level(logging.INFO, logger="exchange.request")
    response = client.get("/healthz?email=someone@example.org&name=Amina")
    assert response.status_code == 200

    [entry] = request_log_lines(caplog)
    assert set(entry) == {"time", "level", "logger", "message"} | REQUEST_LOG_KEYS
    assert entry["method"] == "GET"
    assert entry["path"] == "/healthz"
    assert entry["status"] == 200
    assert entry["user_id"] is None
    assert isinstance(entry["duration_ms"], float)
    assert entry["duration_ms"] >= 0
    text = json.dumps(entry)
    assert "Amina" not in text
    assert "someone" not in text
    assert "127.0.0.1" not in text


def test_request_log_names_the_signed_in_user_and_the_real_status(client, caplog, editor):
    client.force_login(editor)
    caplog.set_level(logging.INFO, logger="exchange.request")
    client.get("/no-such-page/")
    client.get("/admin/")

    missing, admin = request_log_lines(caplog)
    assert (missing["path"], missing["status"], missing["user_id"]) == (
        "/no-such-page/",
        404,
        editor.pk,
    )
    # The editor may not use the admin: redirected, and still named.
    assert admin["path"] == "/admin/"
    assert admin["user_id"] == editor.pk


# Page weight

WEIGHT_LIMIT = 60 * 1024
STYLESHEET = re.compile(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"')


def transfer_size(client, url: str) -> int:
    """The page's HTML and the stylesheets it links, gzipped as GZipMiddleware would."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content
    assert not INLINE_CODE.search(html.decode()), f"inline script or style in {url}"
    size = len(compress_string(html))
    stylesheets = STYLESHEET.findall(html.decode())
    assert stylesheets, url
    for href in stylesheets:
        css = client.get(href)
        assert css.status_code == 200, href
        size += len(compress_string(b"".join(css.streaming_content)))
    return size


@pytest.mark.django_db
def test_demo_pages_weigh_under_60_kb_compressed(client):
    call_command("load_demo")
    pages = {
        "home": [HomePage.objects.live().get(locale__language_code="en")],
        "city": list(CityProfilePage.objects.live()),
        "practice": list(PracticePage.objects.live()),
    }
    assert pages["city"]
    assert pages["practice"]
    for kind, candidates in pages.items():
        # The heaviest page of each kind, so that a content-rich page cannot hide.
        size, url = max((transfer_size(client, page.url), page.url) for page in candidates)
        assert size < WEIGHT_LIMIT, f"{kind} page {url}: {size} bytes compressed"
