"""Project-wide contracts: checks, migrations, seeded vocabularies, health, settings, 404."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

from taxonomy.models import (
    VOCABULARIES,
    ActionType,
    BarrierCategory,
    OpportunityCategory,
    Region,
    SDGTarget,
    TargetGroup,
    Term,
    Theme,
)

from .helpers import visible_text

BASE_DIR = Path(__file__).resolve().parent.parent

# The slugs of the founding dialogue's taxonomy: contracts used in addresses, filters and exports.
SEEDED = {
    Theme: {
        "safety-and-violence",
        "rights-and-legal-status",
        "inclusion-and-participation",
        "economic-empowerment",
    },
    BarrierCategory: {
        "mandate-and-resources",
        "awareness-and-capacity",
        "trust",
        "information-access",
        "monitoring",
        "stakeholder-dialogue",
    },
    OpportunityCategory: {
        "gender-mainstreaming",
        "protection",
        "inclusion-services",
        "multi-stakeholder",
        "city-networking",
    },
    Region: {"africa", "americas", "asia-pacific", "europe", "mena"},
}
SDG_CODES = {"5.1", "5.2", "5.5", "10.7", "11.3", "11.7", "16.7"}


@pytest.mark.django_db
def test_system_checks_pass():
    out = StringIO()
    call_command("check", stdout=out)  # raises SystemCheckError on any error
    assert "System check identified" in out.getvalue()


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out)
    except SystemExit:
        pytest.fail(f"Models have changes without a migration:\n{out.getvalue()}")


@pytest.mark.django_db
@pytest.mark.parametrize("model", list(SEEDED), ids=lambda m: m.__name__)
def test_vocabulary_is_seeded_with_the_contract_slugs(model):
    assert set(model.objects.values_list("slug", flat=True)) == SEEDED[model]
    assert all(model.objects.values_list("name", flat=True)), "a term without a name"


@pytest.mark.django_db
def test_sdg_targets_are_seeded_with_their_codes():
    targets = {t.code: t.slug for t in SDGTarget.objects.all()}
    assert set(targets) == SDG_CODES
    assert all(slug == code.replace(".", "-") for code, slug in targets.items())


@pytest.mark.django_db
@pytest.mark.parametrize("model", [TargetGroup, ActionType], ids=lambda m: m.__name__)
def test_other_vocabularies_are_seeded(model):
    assert model.objects.count() >= 5


@pytest.mark.django_db
def test_vocabularies_are_listed_in_their_set_order():
    assert list(Theme.objects.values_list("slug", flat=True)) == [
        "safety-and-violence",
        "rights-and-legal-status",
        "inclusion-and-participation",
        "economic-empowerment",
    ]


def test_every_vocabulary_is_in_the_one_list_the_rest_derives_from():
    """Roles, the admin menu and these tests read VOCABULARIES: a term model left out of it
    would have no admin and no rights."""
    terms = {
        model
        for model in apps.get_models()
        if issubclass(model, Term) and model._meta.app_label == "taxonomy"
    }
    assert set(VOCABULARIES) == terms
    assert set(SEEDED) <= terms


@pytest.mark.django_db
def test_term_slug_cannot_be_changed_in_the_admin(admin_client):
    theme = Theme.objects.get(slug="safety-and-violence")
    url = f"/admin/snippets/taxonomy/theme/edit/{theme.pk}/"

    form_page = admin_client.get(url)
    assert form_page.status_code == 200
    assert form_page.context["form"].fields["slug"].disabled

    response = admin_client.post(
        url,
        {
            "slug": "violence",
            "name": "Safety from violence",
            "description": theme.description,
            "sort_order": theme.sort_order,
        },
    )

    assert response.status_code == 302, "the edit was refused"
    theme.refresh_from_db()
    assert theme.name == "Safety from violence"  # editors may reword a term...
    assert theme.slug == "safety-and-violence"  # ...but never change its slug


@pytest.mark.django_db
def test_new_term_gets_the_slug_the_editor_types(admin_client):
    response = admin_client.post(
        "/admin/snippets/taxonomy/targetgroup/add/",
        {"slug": "older-women", "name": "Older women", "description": "", "sort_order": 20},
    )
    assert response.status_code == 302
    assert TargetGroup.objects.filter(slug="older-women", name="Older women").exists()


@pytest.mark.django_db
def test_healthz_answers_with_json(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["status"] == "ok"
    assert "no-cache" in response.get("Cache-Control", "") or "max-age=0" in response.get(
        "Cache-Control", ""
    )


@pytest.mark.django_db
def test_unknown_address_gets_the_sites_404_page(client, site_tree):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    text = visible_text(response)
    assert "Page not found" in text
    assert 'href="/cities/"' in response.content.decode()


@pytest.mark.django_db
def test_404_page_works_without_a_site_tree(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in visible_text(response)


def import_production_settings(**env) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="exchange.settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import exchange.settings.production"],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = import_production_settings(ALLOWED_HOSTS="exchange.example.org")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_settings_refuse_to_start_without_allowed_hosts():
    result = import_production_settings(SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode != 0
    assert "Set the ALLOWED_HOSTS environment variable" in result.stderr


def test_production_settings_refuse_an_empty_secret_key():
    result = import_production_settings(SECRET_KEY="  ", ALLOWED_HOSTS="exchange.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_settings_load_with_both():
    result = import_production_settings(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="exchange.example.org, www.exchange.example.org",
    )
    assert result.returncode == 0, result.stderr
