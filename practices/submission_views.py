"""/submit/: the public proposes a practice or a correction; thin over practices.submissions."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.decorators import ratelimit

from cities.models import CityProfilePage
from exchange.breadcrumbs import crumbs
from exchange.pagetools import parent_path
from taxonomy.collation import Collated

# Imported (through exchange_request_views) by practices.models: models are read at call time.
from . import models
from .forms import HONEYPOT_FIELD, CorrectionForm, ProposalForm
from .submissions import Proposal, record_correction, record_proposal

MAX_ID_DIGITS = 18


def submission_rate(group: str, request: HttpRequest) -> str:
    # Read per request, so that a deployment (or a test) can change it in settings.
    return settings.SUBMISSION_RATE


def too_many_requests(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "practices/too_many_requests.html", {"message": message}, status=429)


def _correction_target(raw: str) -> tuple[models.PracticePage, CityProfilePage | None]:
    """The published practice named by ?correction=; ValueError if not a number, 404 if none."""
    # Digits only, and within the database's integer range (beyond it SQLite raises).
    if not raw.isascii() or not raw.isdigit() or len(raw) > MAX_ID_DIGITS or int(raw) < 1:
        raise ValueError(raw)
    practice_id = int(raw)
    practice = models.PracticePage.objects.visible().filter(pk=practice_id).first()
    if practice is None:
        raise Http404(_("There is no published practice with this number."))
    city = CityProfilePage.objects.visible().filter(path=parent_path(practice)).first()
    return practice, city


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=submission_rate, method="POST", block=False, group="practices.submit")
def submit(request: HttpRequest) -> HttpResponse:
    context = {"crumbs": crumbs(), "honeypot": HONEYPOT_FIELD}
    raw_correction = request.GET.get("correction")
    practice = city = None
    if raw_correction is not None:
        try:
            practice, city = _correction_target(raw_correction.strip())
        except ValueError:
            context["current"] = {"title": _("Suggest a correction")}
            context["bad_correction"] = True
            return render(request, "practices/submit.html", context, status=400)

    if request.method == "POST" and getattr(request, "limited", False):
        return too_many_requests(
            request,
            _(
                "This address has sent several proposals in a short time. Nothing was saved "
                "this time: please wait an hour and send it again."
            ),
        )
    if request.method == "POST" and request.POST.get(HONEYPOT_FIELD):
        # Only robots fill the hidden field. They get the same answer as people, so they
        # learn nothing to get round the trap, and nothing is stored.
        return redirect("submit_thanks")

    data = request.POST if request.method == "POST" else None
    if practice is not None:
        form = CorrectionForm(data)
        context.update(
            practice=practice,
            practice_url=practice.get_url(request=request),
            current={"title": _("Suggest a correction")},
        )
    else:
        form = ProposalForm(
            data, cities=CityProfilePage.objects.visible().order_by(Collated("title"))
        )
        context["current"] = {"title": _("Propose a practice")}
    context["form"] = form

    if data is None:
        return render(request, "practices/submit.html", context)
    if not form.is_valid():
        return render(request, "practices/submit.html", context, status=400)
    if practice is not None:
        record_correction(
            practice,
            city,
            form.cleaned_data["what_is_wrong"],
            form.cleaned_data["proposed_text"],
            form.contact(),
        )
    else:
        data = form.cleaned_data
        record_proposal(
            Proposal(
                city=data["city"],
                title=data["title"],
                summary=data["summary"],
                description=data["description"],
                themes=list(data["themes"]),
                target_groups=list(data["target_groups"]),
                status=data["status"],
                start_year=data["start_year"],
                contact=form.contact(),
            )
        )
    # Post/redirect/get: reloading the thank-you page sends nothing twice.
    return redirect("submit_thanks")


@require_GET
def submit_thanks(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "practices/submit_thanks.html",
        {"crumbs": crumbs(), "current": {"title": _("Thank you")}},
    )
