"""`manage.py export_data [ARCHIVE] [--shareable]`: the site in one portable archive.

By default the whole database's content, personal data included (a backup); with
`--shareable`, only what the public may see on the site (to give to others).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from exchange.backups import BackupError, export_archive

PERSONAL_DATA_WARNING = (
    "This archive holds personal data: user accounts (names, email addresses, password "
    "hashes), what people sent through the forms (names, email addresses, messages), "
    "reviewers' notes and comments, who did what and when, the passwords of private pages, "
    "restricted documents and every draft. Keep it as safe as the database itself: "
    "encrypted, with the people who may see the database only, and deleted when it is no "
    "longer needed. To give the content to others, use `export_data --shareable`."
)


class Command(BaseCommand):
    help = (
        "Write every page with its revisions, snippets, vocabularies, documents, images, "
        "groups and user accounts to a zip archive that `import_data` restores into an empty "
        "database (a backup: it holds personal data). With --shareable, only what the public "
        "may see: live public pages, public documents and images, vocabularies, organisations."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "archive",
            nargs="?",
            help="Where to write the archive (default: exchange-backup-<date-time>.zip here, "
            "or exchange-shareable-<date-time>.zip). An existing file is never overwritten.",
        )
        parser.add_argument(
            "--shareable",
            action="store_true",
            help="Only what the public may see: live pages without a view restriction (nor "
            "their translations), without drafts or revisions; documents and images of "
            "unrestricted collections; vocabularies, organisations, locales, sites, the tags "
            "in use. No accounts, submissions, notes, passwords, workflows or logs.",
        )
        parser.add_argument(
            "--no-users",
            action="store_true",
            help="Refused: such an archive still held personal data. Use --shareable.",
        )

    def handle(
        self,
        *args,
        archive: str | None = None,
        shareable: bool = False,
        no_users: bool = False,
        **options,
    ):
        if no_users:
            # Leaving the accounts out still left the form submissions with their names and
            # emails, reviewers' notes, page passwords, restricted files and drafts.
            raise CommandError(
                "--no-users is withdrawn: such an archive still held personal data and "
                "private content. Use --shareable for an archive to give to others, or no "
                "option for a full backup."
            )
        kind = "shareable" if shareable else "backup"
        path = archive or f"exchange-{kind}-{timezone.now():%Y%m%d-%H%M%S}.zip"
        try:
            result = export_archive(path, shareable=shareable)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {result.path}: {result.rows} rows of {result.models} models "
                f"and {result.files} files (archive {result.archive_id})."
            )
        )
        if result.shareable:
            self.stdout.write(
                "It holds only what the public may see on the site: live public pages, "
                "public documents and images, vocabularies, organisations."
            )
        else:
            self.stderr.write(self.style.WARNING(PERSONAL_DATA_WARNING))
        for label, reason in result.left_out.items():
            self.stdout.write(f"Left out {label}: {reason}.")
