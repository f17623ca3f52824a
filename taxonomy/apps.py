from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

from .collation import register_sqlite_collations


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = _("Vocabularies")

    def ready(self) -> None:
        # SQLite knows no ICU collations: each new connection learns them (taxonomy.collation).
        connection_created.connect(register_sqlite_collations, dispatch_uid="exchange-collations")
