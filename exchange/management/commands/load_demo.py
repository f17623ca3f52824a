"""`manage.py load_demo [--admin]`: the demo content of the Exchange, safe to run again."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from exchange.demo.loader import (
    DemoContentError,
    ensure_admin,
    ensure_role_accounts,
    load_demo,
)


class Command(BaseCommand):
    help = (
        "Create the demo content (the 2020 dialogue on migrant women in cities, its cities, "
        "findings and practices). Only what is missing is created; nothing is overwritten."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--admin",
            action="store_true",
            help=(
                'Also create the development superuser "admin" if missing; password from '
                "DEMO_ADMIN_PASSWORD, else a fixed development default. Syncs the roles and, "
                "in development only, adds one account per role with the same password."
            ),
        )

    def handle(self, *args, admin: bool = False, **options) -> None:
        try:
            # One transaction for content and user: a failure leaves nothing half done.
            with transaction.atomic():
                load_demo(stdout=self.stdout)
                if admin:
                    ensure_admin(stdout=self.stdout)
                    ensure_role_accounts(stdout=self.stdout)
        except DemoContentError as error:
            raise CommandError(str(error)) from error
