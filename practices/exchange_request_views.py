"""Asking a city for a peer exchange from its practice page, and following one's requests."""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.decorators import ratelimit

from cities.models import CityProfilePage
from exchange.breadcrumbs import crumbs, page_crumbs
from exchange.pagetools import parent_path

# practices.models imports this module; its models are read at call time.
from . import models
from .exchange_requests import ExchangeRequest, create_exchange_request
from .forms import ExchangeRequestForm
from .submission_views import MAX_ID_DIGITS, too_many_requests


def exchange_request_rate(group: str, request: HttpRequest) -> str:
    return settings.EXCHANGE_REQUEST_RATE


def login_url_for(path: str) -> str:
    return f"{resolve_url(settings.LOGIN_URL)}?next={quote(path)}"


def exchange_request_context(
    practice: models.PracticePage, city, request: HttpRequest | None
) -> dict:
    """What the practice page needs for its "ask for an exchange" box.

    Anonymous visitors cost no query; a signed-in user's earlier requests cost one.
    """
    if request is None or city is None:
        return {}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"exchange_login_url": login_url_for(request.get_full_path())}
    return {
        "exchange_form": ExchangeRequestForm(),
        "exchange_action": reverse("exchange_request", args=[practice.pk]),
        "my_exchange_requests": list(
            ExchangeRequest.objects.filter(practice=practice, requester=user).order_by(
                "-created_at"
            )
        ),
    }


@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit(
    key="user_or_ip",
    rate=exchange_request_rate,
    method="POST",
    block=False,
    group="practices.exchange_request",
)
def exchange_request(request: HttpRequest, practice_id: int) -> HttpResponse:
    practice = None
    if len(str(practice_id)) <= MAX_ID_DIGITS:
        practice = models.PracticePage.objects.visible().filter(pk=practice_id).first()
    if practice is None:
        raise Http404(_("There is no published practice with this number."))
    city = CityProfilePage.objects.visible().filter(path=parent_path(practice)).first()
    if city is None:
        raise Http404(_("This practice belongs to no published city."))
    practice_url = practice.get_url(request=request)
    if not request.user.is_authenticated:
        return redirect(login_url_for(practice_url))
    if request.method == "GET":
        return redirect(practice_url + "#exchange")
    if getattr(request, "limited", False):
        return too_many_requests(
            request,
            _(
                "You have sent several exchange requests in a short time. Nothing was sent "
                "this time: please wait an hour and try again."
            ),
        )
    form = ExchangeRequestForm(request.POST)
    if not form.is_valid():
        context = {
            "form": form,
            "practice": practice,
            "city": city,
            "action": request.path,
            "crumbs": page_crumbs(practice, request, inclusive=True),
            "current": {"title": _("Ask for an exchange")},
        }
        return render(request, "practices/exchange_request.html", context, status=400)
    create_exchange_request(practice, city, request.user, form.cleaned_data["message"])
    messages.success(
        request,
        _("Your request was sent to %(city)s. You will find its status here.")
        % {"city": city.title},
    )
    return redirect("my_exchange_requests")


@never_cache
@require_GET
@login_required
def my_exchange_requests(request: HttpRequest) -> HttpResponse:
    requests = list(
        ExchangeRequest.objects.filter(requester=request.user)
        .select_related("practice", "city")
        .order_by("-created_at", "-pk")
    )
    return render(
        request,
        "practices/my_exchange_requests.html",
        {
            "exchange_requests": requests,
            "crumbs": crumbs(),
            "current": {"title": _("Your exchange requests")},
        },
    )
