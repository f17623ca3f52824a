"""Page passwords guessed at most five times an hour from one address.

Wagtail's `authenticate_with_password` view checks a page's password as often as it is
asked. This view wraps it: after PAGE_PASSWORD_FAILURES wrong passwords for one
restriction from one address (the address login throttling sees, exchange/security.py), it
refuses further tries for the rest of the hour with a 429, without checking the password,
so the right one cannot be told from a wrong one. Only failures count.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage
from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction


class RefusedPasswordForm(PasswordViewRestrictionForm):
    def clean_password(self) -> str:
        return self.cleaned_data["password"]

    def clean(self):
        raise ValidationError(
            _(
                "Too many wrong passwords were tried for this page from your address. "
                "Please try again in an hour."
            )
        )


def _failures(request: HttpRequest, restriction_id: int, count: bool) -> dict | None:
    return get_usage(
        request,
        group=f"page-password:{restriction_id}",
        key="ip",
        rate=settings.PAGE_PASSWORD_FAILURES,
        method="POST",
        increment=count,
    )


def authenticate_with_password(
    request: HttpRequest, page_view_restriction_id: int, page_id: int
) -> HttpResponse:
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    usage = _failures(request, page_view_restriction_id, count=False)
    if usage is not None and usage["count"] >= usage["limit"]:
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        form = RefusedPasswordForm(request.POST, instance=restriction)
        form.is_valid()  # fills in the refusal, never checking the password
        action_url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
        )
        response = page.serve_password_required_response(request, form, action_url)
        response.status_code = 429
        return response
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code != 302:  # the form came back: a wrong password
        _failures(request, page_view_restriction_id, count=True)
    return response
