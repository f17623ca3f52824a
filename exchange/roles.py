"""City editors' groups: the minimal part that exchange requests need.

The full roles (coordinators, moderators, the approval workflow, `sync_roles()`) come with
the roles part of issue 6, which replaces this module; these two functions keep the agreed
names and meaning: a city's editors are the members of its group, which may add and edit
pages in that city's subtree.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import QuerySet
from wagtail.models import GroupPagePermission

CITY_EDITORS_PREFIX = "City editors: "
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")


def city_editors_group(city) -> Group:
    """The group of `city`'s editors, created with its permissions if missing."""
    group, _ = Group.objects.get_or_create(name=f"{CITY_EDITORS_PREFIX}{city.title}"[:150])
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=city,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group


def users_editing_city(city) -> QuerySet:
    """Active users who edit `city`'s pages: members of a group with edit rights on it."""
    groups = GroupPagePermission.objects.filter(
        page=city, permission__codename__in=EDITOR_PAGE_PERMISSIONS
    ).values("group")
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__in=groups)
        .distinct()
        .order_by("pk")
    )
