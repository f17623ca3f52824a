"""The key pages, under a language's prefix, show the interface in that language: none of the
English interface strings of the page is left, and the translation is there instead.

Content (titles, summaries) stays as the editors wrote it; only interface strings are checked.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings

from .helpers import html_of, key_pages

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not shutil.which("msgfmt"),
        reason="GNU gettext is not installed (Debian package 'gettext'): msgfmt compiles the "
        "catalogues",
    ),
]


@pytest.fixture
def full_content(module_full_content, db):
    return module_full_content


@pytest.fixture(scope="module")
def compiled_locale(tmp_path_factory) -> Path:
    """The committed catalogues compiled afresh, outside the working tree: the pages are read
    with what the .po files say today, not with a .mo left over from an older build."""
    locale = tmp_path_factory.mktemp("compiled") / "locale"
    for po in (ROOT / "locale").glob("*/LC_MESSAGES/django.po"):
        mo = locale / po.relative_to(ROOT / "locale").with_suffix(".mo")
        mo.parent.mkdir(parents=True)
        subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], check=True)
    return locale


@pytest.fixture
def translated(settings, compiled_locale):
    # Changing LOCALE_PATHS makes Django drop the translations it has already loaded.
    settings.LOCALE_PATHS = [compiled_locale]


# English interface strings of each key page (from its templates, forms and choices), none of
# which may appear on the translated page: visible text and attributes such as placeholders.
ENGLISH = {
    "every page": [
        "Skip to main content",
        "Search the Exchange",
        "Search practices, cities",
        "Content is published by the cities and networks that take part",
        "Breadcrumb",
    ],
    "home": [
        "Where to start",
        "For city officials",
        "For civil society",
        "For network coordinators",
        "Find what peer cities did",
        "Challenges migrant women face",
        "Recently published practices",
        "Latest dialogue",
    ],
    "search": [
        "Sort by",
        "Results per page",
        "Apply filters",
        "Clear all",
        "From year",
        "To year",
        "Target group",
        "Relevance",
        "Download these results",
        "Find practices, cities, barriers",
    ],
    "city": [
        "City profile",
        "Key figures",
        "Focal point",
        "Share of women among migrants",
        "Mandate on migrant inclusion",
        "Dialogues it took part in",
        "Cities like this one",
        "Add to comparison",
    ],
    "practice": [
        "Practice of",
        "Challenges addressed",
        "Lessons learned",
        "What another city would need",
        "Last verified",
        "Suggest a correction",
        "Add to comparison",
        "Similar practices",
    ],
    "compare": [
        "Compare cities or practices",
        "Cities side by side",
        "Download this comparison",
        "Kind of local government",
        "Migration context",
        "not reported",
        "Add another city",
    ],
    "submit": [
        "Propose a practice",
        "Your name",
        "Your email address",
        "Name of the practice",
        "How it works",
        "Plain text only",
        "Send the proposal",
        "(optional)",
    ],
}

# What each language's page must show instead (the same strings, translated), so that a page
# that failed to render, or rendered almost empty, cannot pass.
TRANSLATED = {
    "fr": {
        "every page": ["Aller au contenu principal", "Rechercher dans l'Échange"],
        "home": ["Par où commencer", "Pour la société civile"],
        "search": ["Trier par", "Appliquer les filtres"],
        "city": ["Profil de ville", "Point focal"],
        "practice": ["Pratique de Sousse", "Proposer une correction"],
        "compare": ["Villes côte à côte", "Type de collectivité locale"],
        "submit": ["Proposer une pratique", "Envoyer la proposition"],
    },
    "es": {
        "every page": ["Ir al contenido principal", "Buscar en el Intercambio"],
        "home": ["Por dónde empezar", "Para la sociedad civil"],
        "search": ["Ordenar por", "Aplicar filtros"],
        "city": ["Perfil de ciudad", "Punto focal"],
        "practice": ["Práctica de Sousse", "Sugerir una corrección"],
        "compare": ["Ciudades una al lado de otra", "Tipo de gobierno local"],
        "submit": ["Proponer una práctica", "Enviar la propuesta"],
    },
    "pt": {
        "every page": ["Saltar para o conteúdo principal", "Pesquisar no Intercâmbio"],
        "home": ["Por onde começar", "Para a sociedade civil"],
        "search": ["Ordenar por", "Aplicar filtros"],
        "city": ["Perfil da cidade", "Ponto focal"],
        "practice": ["Prática de Sousse", "Sugerir uma correção"],
        "compare": ["Cidades lado a lado", "Tipo de governo local"],
        "submit": ["Propor uma prática", "Enviar a proposta"],
    },
    "ar": {
        "every page": ["الانتقال إلى المحتوى الرئيسي", "البحث في منصة التبادل"],
        "home": ["من أين تبدأ", "للمجتمع المدني"],
        "search": ["الترتيب حسب", "تطبيق عوامل التصفية"],
        "city": ["ملف المدينة", "جهة الاتصال"],
        "practice": ["ممارسة من Sousse", "اقتراح تصحيح"],
        "compare": ["المدن جنبًا إلى جنب", "نوع السلطة المحلية"],
        "submit": ["اقتراح ممارسة", "إرسال المقترح"],
    },
}


def page_text(response) -> str:
    """Visible text and attribute values, entities decoded, whitespace collapsed."""
    html = unescape(html_of(response))
    return re.sub(r"\s+", " ", html)


@pytest.mark.parametrize(
    "language",
    [
        pytest.param(
            language,
            marks=pytest.mark.skipif(
                language not in dict(settings.LANGUAGES),
                reason=f"the site does not offer {language} yet (settings.LANGUAGES)",
            ),
        )
        for language in sorted(TRANSLATED)
    ],
)
def test_key_pages_show_no_english_interface_string(client, full_content, translated, language):
    problems = []
    for page, path in key_pages(full_content).items():
        response = client.get(f"/{language}{path}")
        if response.status_code != 200:
            problems.append(f"{page}: status {response.status_code} for /{language}{path}")
            continue
        text = page_text(response)
        if f'<html lang="{language}"' not in text:
            problems.append(f"{page}: not served as {language}")
        for english in ENGLISH["every page"] + ENGLISH[page]:
            if english in text:
                problems.append(f"{page}: English left: {english!r}")
        for translated in TRANSLATED[language]["every page"] + TRANSLATED[language][page]:
            if translated not in text:
                problems.append(f"{page}: missing {translated!r}")
    assert not problems, "\n".join(problems)
