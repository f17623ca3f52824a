"""`manage.py import_data ARCHIVE [--check]`: restore an `export_data` archive."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from exchange.backups import BackupError, import_archive, read_archive


class Command(BaseCommand):
    help = (
        "Restore an archive written by `export_data` into a newly migrated database. The "
        "whole archive is checked before anything is written; a damaged archive or a "
        "database that already holds other content is refused and nothing changes. "
        "Importing the same archive again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="The .zip file written by export_data.")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only check the archive (checksums, format, schema, every row); write nothing.",
        )

    def handle(self, *args, archive: str, check: bool = False, **options) -> None:
        try:
            if check:
                checked = read_archive(archive)
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{archive} is sound: {checked.rows} rows of {len(checked.models)} "
                        f"models and {len(checked.files)} files, made "
                        f"{checked.manifest.get('created_at', '?')}."
                    )
                )
                return
            result = import_archive(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if result.already_imported:
            self.stdout.write(
                self.style.SUCCESS(
                    f"The database already holds this archive's content "
                    f"({result.archive_id}); nothing to do."
                )
            )
            if result.files_restored:
                self.stdout.write(f"Restored {result.files_restored} missing files.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {result.rows} rows and {result.files} files "
                f"from archive {result.archive_id}; search documents rebuilt."
            )
        )
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
