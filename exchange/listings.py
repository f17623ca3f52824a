"""Context for the home page: what it lists, fetched in few queries."""

from __future__ import annotations

from django.db.models import Count

from cities.models import CityProfilePage, names_a_focal_point
from dialogues.models import DialoguePage
from practices.models import PracticePage
from taxonomy.models import Theme

from .listing_language import show_in_language
from .pagetools import attach_parents


def home_context(home) -> dict:
    practices = PracticePage.objects.descendant_of(home).visible()
    theme_counts = dict(
        practices.filter(themes__isnull=False)
        .order_by()  # the page manager orders by path, which would split the groups
        .values_list("themes")
        .annotate(n=Count("id", distinct=True))
    )
    themes = list(Theme.objects.all())
    for theme in themes:
        theme.practice_count = theme_counts.get(theme.pk, 0)
    recent = show_in_language(
        attach_parents(practices.order_by("-first_published_at", "title")[:6], CityProfilePage)
    )
    cities = (
        CityProfilePage.objects.descendant_of(home)
        .visible()
        .aggregate(
            total=Count("pk"),
            # The home page offers focal points only when a city names one.
            with_focal_point=Count("pk", filter=names_a_focal_point()),
        )
    )
    return {
        "themes": themes,
        "recent_practices": recent,
        "city_count": cities["total"],
        "has_focal_points": cities["with_focal_point"] > 0,
        "practice_count": practices.count(),
        "latest_dialogue": _shown_or_none(
            DialoguePage.objects.descendant_of(home).visible().order_by("-date").first()
        ),
    }


def _shown_or_none(page):
    return show_in_language([page])[0] if page is not None else None
