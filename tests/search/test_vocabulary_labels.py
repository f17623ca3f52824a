"""Vocabulary terms are shown in the visitor's language; their slugs never change."""

from __future__ import annotations

import pytest
from django.utils import translation

from taxonomy.models import Theme

from ..helpers import visible_text

pytestmark = pytest.mark.django_db


def theme_labels(client, url: str, **headers) -> dict[str, str]:
    response = client.get(url, **headers)
    assert response.status_code == 200
    return {o["value"]: o["label"] for o in response.json()["facets"]["theme"]}


def test_seeded_terms_have_their_translations():
    safety = Theme.objects.get(slug="safety-and-violence")
    assert (safety.name_fr, safety.name_es, safety.name_pt) == (
        "Sécurité et violence",
        "Seguridad y violencia",
        "Segurança e violência",
    )
    assert safety.name_ar == "الأمان والعنف"
    with translation.override("fr"):
        assert safety.label == str(safety) == "Sécurité et violence"
        assert safety.localized_description.startswith("Traite et exploitation")
    with translation.override("en"):
        assert safety.label == "Safety and violence"


def test_a_term_without_a_translation_falls_back_to_english():
    theme = Theme.objects.create(slug="housing", name="Housing", description="Shelter.")
    with translation.override("ar"):
        assert theme.label == "Housing"
        assert theme.localized_description == "Shelter."


def test_json_facet_labels_follow_the_request_language(client, search_corpus):
    english = theme_labels(client, "/api/search/")
    assert english["safety-and-violence"] == "Safety and violence"
    french = theme_labels(client, "/api/search/", HTTP_ACCEPT_LANGUAGE="fr")
    # Same values (slugs are contracts), French labels.
    assert set(french) == set(english)
    assert french["safety-and-violence"] == "Sécurité et violence"
    assert french["economic-empowerment"] == "Autonomisation économique"


def test_search_page_shows_french_facet_labels(client, search_corpus):
    text = visible_text(client.get("/fr/search/"))
    assert "Sécurité et violence" in text
    assert "Safety and violence" not in text
    # The filter still sends the slug.
    html = client.get("/fr/search/").content.decode()
    assert 'value="safety-and-violence"' in html
