"""`manage.py sync_roles`: create or repair the editor groups, permissions and workflow."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from exchange.roles import sync_roles


class Command(BaseCommand):
    help = (
        "Create or repair the groups (network coordinators, moderators, one group of "
        "editors per city), their permissions and the coordinator approval workflow. "
        "Safe to run any time; the managed groups are reset to their designed rights."
    )

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            sync_roles()
        groups = Group.objects.filter(city_editors__city__isnull=False).count()
        self.stdout.write(
            f"Roles in sync: coordinators, moderators, {groups} city editor groups.\n"
        )
