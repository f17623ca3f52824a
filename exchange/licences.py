"""The licences a record may be published under: a small closed set with canonical URLs.

Reusers need to know what they may do with a record; a free-text field would give them
spellings to guess at, so the choice is closed and every key maps to the licence's own URL.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Licence(models.TextChoices):
    CC_BY_4 = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA_4 = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC0_1 = "cc0-1.0", "CC0 1.0"
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


DEFAULT_LICENCE = Licence.CC_BY_4

# "All rights reserved" has no licence text to point to.
LICENCE_URLS: dict[str, str] = {
    Licence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA_4: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC0_1: "https://creativecommons.org/publicdomain/zero/1.0/",
}


def licence_info(code: str) -> dict[str, str | None]:
    """`{"code", "name", "url"}` of a licence key, as the JSON outputs give it."""
    code = code if code in Licence.values else DEFAULT_LICENCE
    return {"code": code, "name": str(Licence(code).label), "url": LICENCE_URLS.get(code)}


class LicenceMixin(models.Model):
    """A record page that says under which licence others may reuse it."""

    licence = models.CharField(
        _("licence"),
        max_length=30,
        choices=Licence.choices,
        default=DEFAULT_LICENCE,
        help_text=_(
            "Under which terms others may reuse this record. CC BY 4.0 unless the source "
            "asks for something else."
        ),
    )

    licence_panel = FieldPanel("licence")

    class Meta:
        abstract = True

    @property
    def licence_url(self) -> str | None:
        return LICENCE_URLS.get(self.licence)
