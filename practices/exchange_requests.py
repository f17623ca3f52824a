"""Peer exchange requests: a signed-in official asks the city behind a practice to talk.

The request reaches the owning city's editors in the admin (and by email where mail is
configured); they move it through its statuses, and the requester follows it on
/account/exchange-requests/.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _

from exchange.listing_language import show_in_language
from exchange.roles import users_editing_city
from taxonomy.languages import INTERFACE_LANGUAGES

logger = logging.getLogger(__name__)

MESSAGE_MAX = 3_000


class ExchangeStatus(models.TextChoices):
    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    DONE = "done", _("Done")


class ExchangeRequest(models.Model):
    practice = models.ForeignKey(
        "practices.PracticePage",
        on_delete=models.CASCADE,
        related_name="exchange_requests",
        verbose_name=_("practice"),
    )
    # The practice's city when the request was made: the editors it was addressed to.
    city = models.ForeignKey(
        "cities.CityProfilePage",
        on_delete=models.CASCADE,
        related_name="exchange_requests",
        verbose_name=_("city asked"),
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="exchange_requests",
        verbose_name=_("requested by"),
    )
    message = models.TextField(_("message"), max_length=MESSAGE_MAX)
    status = models.CharField(
        _("status"), max_length=20, choices=ExchangeStatus.choices, default=ExchangeStatus.NEW
    )
    reply = models.TextField(
        _("reply to the requester"),
        blank=True,
        help_text=_("Shown to the person who asked, on their list of requests."),
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("exchange request")
        verbose_name_plural = _("exchange requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return gettext("%(city)s: %(practice)s") % {
            "city": self.city.title,
            "practice": self.practice.title,
        }


def requester_name(user) -> str:
    return user.get_full_name() or user.get_username()


def create_exchange_request(practice, city, requester, message: str) -> ExchangeRequest:
    request = ExchangeRequest.objects.create(
        practice=practice, city=city, requester=requester, message=message
    )
    notify_city_editors(request)
    return request


def notify_city_editors(exchange_request: ExchangeRequest) -> int:
    """Email the city's editors; returns how many were written to.

    The request is stored and listed in the admin whatever happens to the mail, so a mail
    server that refuses is logged, not shown to the requester as a failure.
    """
    by_language = _recipients_by_language(exchange_request.city)
    if not by_language:
        return 0
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "exchange_requests:edit", args=[exchange_request.pk]
    )
    written = 0
    # One mail per language the editors read the admin in, the practice named in it when
    # a translation is published (else its original title).
    for language, recipients in sorted(by_language.items()):
        written += _send_notification(exchange_request, language, recipients, admin_url)
    return written


def _recipients_by_language(city) -> dict[str, list[str]]:
    """{language: [email]} of the city's active editors, by the language each chose for
    the admin (the default language when none or one the site does not speak)."""
    rows = (
        users_editing_city(city)
        .filter(is_active=True)
        .exclude(email="")
        .values_list("email", "wagtail_userprofile__preferred_language")
    )
    by_language: dict[str, set[str]] = {}
    for email, preferred in rows:
        language = (preferred or "").split("-")[0]
        if language not in INTERFACE_LANGUAGES:
            language = settings.LANGUAGE_CODE
        by_language.setdefault(language, set()).add(email)
    # An address two accounts share gets one mail.
    seen: set[str] = set()
    result = {}
    for language in sorted(by_language):
        emails = sorted(by_language[language] - seen)
        seen.update(emails)
        if emails:
            result[language] = emails
    return result


def _send_notification(exchange_request, language: str, recipients: list[str], url: str) -> int:
    [practice] = show_in_language([exchange_request.practice], language)
    with override(language):
        subject = gettext("Exchange request about “%(practice)s”") % {
            "practice": practice.shown.title
        }
        body = gettext(
            "%(name)s asks %(city)s for an exchange about the practice “%(practice)s”.\n\n"
            "Their message:\n\n%(message)s\n\n"
            "Answer and update the request's status in the admin:\n%(url)s\n"
        ) % {
            "name": requester_name(exchange_request.requester),
            "city": exchange_request.city.title,
            "practice": practice.shown.title,
            "message": exchange_request.message,
            "url": url,
        }
    try:
        send_mail(subject, body, None, recipients)
    except Exception:
        logger.exception(
            "Could not email the editors about exchange request %s", exchange_request.pk
        )
        return 0
    return len(recipients)
