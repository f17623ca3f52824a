from django.core.management.base import BaseCommand, CommandError

from search import index


class Command(BaseCommand):
    help = "Rebuild the search documents from the pages, or report whether they are in step."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status"])

    def handle(self, *args, action: str, **options):
        if action == "rebuild":
            count = index.rebuild(stdout=self.stdout if options["verbosity"] > 1 else None)
            self.stdout.write(self.style.SUCCESS(f"Indexed {count} documents."))
            return
        state = index.status()
        self.stdout.write(f"engine: {state.engine}")
        self.stdout.write(f"public pages to index: {state.expected}")
        self.stdout.write(f"documents stored: {state.stored}")
        if state.engine != "database":
            shown = state.engine_error or state.engine_count
            self.stdout.write(f"documents in {state.engine}: {shown}")
        if not state.in_step:
            raise CommandError("The index is out of step: run `manage.py search_index rebuild`.")
        self.stdout.write(self.style.SUCCESS("In step."))
