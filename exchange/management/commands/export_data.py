"""`manage.py export_data [ARCHIVE] [--no-users]`: the whole content in one portable archive."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from exchange.backups import BackupError, export_archive


class Command(BaseCommand):
    help = (
        "Write every page with its revisions, snippets, vocabularies, documents, images, "
        "groups and (unless --no-users) user accounts to a zip archive that `import_data` "
        "restores into an empty database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "archive",
            nargs="?",
            help="Where to write the archive (default: exchange-backup-<date-time>.zip here). "
            "An existing file is never overwritten.",
        )
        parser.add_argument(
            "--no-users",
            action="store_true",
            help="Leave out user accounts and what needs one (comments, API tokens); links "
            "to a user, such as a page's owner, are emptied. For sharing the content.",
        )

    def handle(self, *args, archive: str | None = None, no_users: bool = False, **options):
        path = archive or f"exchange-backup-{timezone.now():%Y%m%d-%H%M%S}.zip"
        try:
            result = export_archive(path, include_users=not no_users)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {result.path}: {result.rows} rows of {result.models} models "
                f"and {result.files} files (archive {result.archive_id})."
            )
        )
        if result.includes_users:
            self.stdout.write(
                "It holds user accounts (password hashes, email addresses) and what "
                "visitors submitted: keep it as safe as the database itself."
            )
        for label, reason in result.left_out.items():
            self.stdout.write(f"Left out {label}: {reason}.")
