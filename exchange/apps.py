from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = _("Exchange network")

    def ready(self) -> None:
        # Models and what imports them load only once the app registry is ready.
        from cities.models import CityProfilePage

        from .csv_export import protect_wagtail_exports
        from .public_address import sync_default_site
        from .roles import on_city_saved

        protect_wagtail_exports()
        # Wagtail's own absolute links (the API's html_url) come from the default Site.
        post_migrate.connect(sync_default_site, sender=self, dispatch_uid="public_address")

        # A new (or renamed) city gets its editors' group at once, without a manual sync.
        post_save.connect(on_city_saved, sender=CityProfilePage, dispatch_uid="city_editors")
