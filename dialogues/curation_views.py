"""Admin views of dialogue curation: the outcomes of each session, and adding to them."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import curation
from .curation_forms import WRONG_SESSION, CommitmentForm, OutcomeForm
from .models import DialoguePage, DialogueSession


class NotAllowed(Exception):
    """The user may not do this to this dialogue (answered with a 403 page)."""


def forbidden(request: HttpRequest, message: str = "") -> HttpResponse:
    """A 403 page inside the admin.

    Wagtail's admin turns a raised PermissionDenied into a redirect to the dashboard; a
    user who follows a link they may not use should get a plain refusal instead.
    """
    return TemplateResponse(
        request,
        "dialogues/admin/forbidden.html",
        {"message": message or _("You do not have permission to curate this dialogue.")},
        status=403,
    )


def refuses_outsiders(view):
    """Answer NotAllowed, raised anywhere in `view`, with the 403 page."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotAllowed:
            return forbidden(request)

    return wrapped


def _dialogue_for(request: HttpRequest, page_id: int) -> DialoguePage:
    dialogue = get_object_or_404(DialoguePage, pk=page_id)
    if not curation.can_curate(dialogue, request.user):
        raise NotAllowed
    return dialogue


def _initial_session(request: HttpRequest, dialogue: DialoguePage) -> tuple[dict, str]:
    """The session named by `?session=`, as form initial data, or an error message."""
    raw = request.GET.get("session", "")
    if not raw:
        return {}, ""
    # ASCII digits only: "²" is a digit to str.isdigit but not a number to the database.
    digits = raw.isascii() and raw.isdigit()
    session = DialogueSession.objects.filter(page=dialogue, pk=raw).first() if digits else None
    if session is None:
        return {}, str(WRONG_SESSION)
    return {"source_session": session}, ""


@refuses_outsiders
def curate_dialogue(request: HttpRequest, page_id: int) -> HttpResponse:
    dialogue = _dialogue_for(request, page_id)
    context = curation.curation_overview(dialogue)
    context["kinds"] = [
        kind
        for kind in curation.OUTCOME_KINDS.values()
        if curation.can_add_outcome(dialogue, kind, request.user)
    ]
    return TemplateResponse(request, "dialogues/admin/curate_dialogue.html", context)


@refuses_outsiders
def add_outcome(request: HttpRequest, page_id: int, kind: str) -> HttpResponse:
    dialogue = _dialogue_for(request, page_id)
    outcome_kind = curation.OUTCOME_KINDS.get(kind)
    if outcome_kind is None:
        raise Http404
    if not curation.can_add_outcome(dialogue, outcome_kind, request.user):
        raise NotAllowed
    status, error = 200, ""
    if request.method == "POST":
        form = OutcomeForm(request.POST, dialogue=dialogue, kind=outcome_kind)
        if form.is_valid():
            page = curation.create_outcome(
                dialogue, outcome_kind, request.user, **form.page_fields()
            )
            messages.success(
                request,
                _("Draft “%(title)s” created from the dialogue. Complete it, then publish it.")
                % {"title": page.title},
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
        status = 400
    else:
        initial, error = _initial_session(request, dialogue)
        form = OutcomeForm(initial=initial, dialogue=dialogue, kind=outcome_kind)
        status = 400 if error else 200
    return TemplateResponse(
        request,
        "dialogues/admin/curation_form.html",
        {
            "dialogue": dialogue,
            "form": form,
            "error": error,
            "title": _("Add a %(kind)s") % {"kind": outcome_kind.label},
            "submit_label": _("Create draft"),
        },
        status=status,
    )


@refuses_outsiders
def add_commitment(request: HttpRequest, page_id: int) -> HttpResponse:
    dialogue = _dialogue_for(request, page_id)
    status, error = 200, ""
    if request.method == "POST":
        form = CommitmentForm(request.POST, dialogue=dialogue)
        if form.is_valid():
            published = curation.add_commitment(dialogue, form.instance, request.user)
            if published:
                messages.success(request, _("Commitment added and published with the dialogue."))
            else:
                messages.warning(
                    request,
                    _(
                        "Commitment added to the dialogue's draft. It becomes public when "
                        "the dialogue is next published."
                    ),
                )
            return redirect("exchange_curation:dialogue", dialogue.pk)
        status = 400
    else:
        initial, error = _initial_session(request, dialogue)
        form = CommitmentForm(initial=initial, dialogue=dialogue)
        status = 400 if error else 200
    return TemplateResponse(
        request,
        "dialogues/admin/curation_form.html",
        {
            "dialogue": dialogue,
            "form": form,
            "error": error,
            "title": _("Add a commitment"),
            "submit_label": _("Add commitment"),
        },
        status=status,
    )
