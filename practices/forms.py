"""The public forms: propose a practice, suggest a correction, ask a city for an exchange.

Everything they accept is plain text. Text holding HTML is sent back to its author with
the tags removed and a message, so nothing is stored that the author has not seen.
"""

from __future__ import annotations

import datetime

from django import forms
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from exchange.forms import IdChoiceField, IdMultipleChoiceField
from taxonomy.choices import PracticeStatus
from taxonomy.models import TargetGroup, Theme

from .exchange_requests import MESSAGE_MAX
from .submissions import (
    CORRECTION_MAX,
    DESCRIPTION_MAX,
    NAME_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
    Contact,
)

# The trap for robots: hidden from people (CSS and aria-hidden), filled in by naive scripts.
HONEYPOT_FIELD = "reference_code"
HTML_REMOVED = _(
    "We removed HTML code from this text: only plain text is kept. Check it and send again."
)


class PlainTextForm(forms.Form):
    """Refuses text with HTML in it, and puts the stripped text back in the form to review."""

    plain_text_fields: tuple[str, ...] = ()

    def __init__(self, data=None, *args, **kwargs):
        # A mutable copy, so that the form shows the text without its tags.
        super().__init__(data.copy() if data is not None else None, *args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        for name in self.plain_text_fields:
            value = cleaned.get(name)
            if not value:
                continue
            stripped = strip_tags(value).strip()
            if stripped != value:
                self.data[self.add_prefix(name)] = stripped
                self.add_error(name, HTML_REMOVED)
        return cleaned


class ContactFields(PlainTextForm):
    """Optional contact, kept only with explicit consent; and the robots' trap."""

    contact_name = forms.CharField(label=_("Your name"), max_length=NAME_MAX, required=False)
    contact_email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        help_text=_("Only the people who review submissions see it; it is never published."),
    )
    contact_consent = forms.BooleanField(
        label=_(
            "The reviewers may contact me about this submission, and keep my name and "
            "email address for that purpose."
        ),
        required=False,
    )
    reference_code = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=100
    )

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("contact_name") or cleaned.get("contact_email")) and not cleaned.get(
            "contact_consent"
        ):
            self.add_error(
                "contact_consent",
                _("Tick this box to let us keep your contact details, or leave them out."),
            )
        return cleaned

    def contact(self) -> Contact:
        data = self.cleaned_data
        return Contact(
            name=data.get("contact_name", ""),
            email=data.get("contact_email", ""),
            consent=bool(data.get("contact_consent")),
        )

    @property
    def visible_fields_without_trap(self):
        return [f for f in self if f.name != HONEYPOT_FIELD]


def _current_year_plus(years: int) -> int:
    return datetime.date.today().year + years


class ProposalForm(ContactFields):
    city = IdChoiceField(
        label=_("City"),
        queryset=None,
        empty_label=_("Choose the city"),
        help_text=_(
            "The city that runs the practice. Only cities already on the Exchange are listed."
        ),
    )
    title = forms.CharField(label=_("Name of the practice"), max_length=TITLE_MAX)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=SUMMARY_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what the city does, for whom, why."),
    )
    description = forms.CharField(
        label=_("How it works"),
        max_length=DESCRIPTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Steps, people involved, services offered. Plain text; leave a blank line "
            "between paragraphs."
        ),
    )
    themes = IdMultipleChoiceField(
        label=_("Challenges addressed"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = IdMultipleChoiceField(
        label=_("For whom"),
        queryset=TargetGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=PracticeStatus.choices, initial=PracticeStatus.ACTIVE
    )
    start_year = forms.IntegerField(
        label=_("Start year"),
        required=False,
        min_value=1900,
        max_value=_current_year_plus(5),
        help_text=_("Leave empty if you do not know."),
    )

    plain_text_fields = ("title", "summary", "description", "contact_name")
    field_order = [
        "city",
        "title",
        "summary",
        "description",
        "themes",
        "target_groups",
        "status",
        "start_year",
        "contact_name",
        "contact_email",
        "contact_consent",
        HONEYPOT_FIELD,
    ]

    def __init__(self, *args, cities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities


class CorrectionForm(ContactFields):
    what_is_wrong = forms.CharField(
        label=_("What is wrong or out of date?"),
        max_length=CORRECTION_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    proposed_text = forms.CharField(
        label=_("What should it say instead?"),
        max_length=DESCRIPTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Say where the correct information comes from, if you can."),
    )

    plain_text_fields = ("what_is_wrong", "proposed_text", "contact_name")
    field_order = [
        "what_is_wrong",
        "proposed_text",
        "contact_name",
        "contact_email",
        "contact_consent",
        HONEYPOT_FIELD,
    ]


class ExchangeRequestForm(PlainTextForm):
    message = forms.CharField(
        label=_("Your message to the city"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Who you are, what you would like to learn, and how the city can reach you."),
    )

    plain_text_fields = ("message",)
