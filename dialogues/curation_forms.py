"""Forms of the dialogue curation pages: a record or a commitment from a session."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from exchange.forms import IdChoiceField
from taxonomy.choices import RecommendationAudience
from taxonomy.collation import Collated

from .curation import OutcomeKind
from .models import DialogueCommitment, DialoguePage, DialogueSession

SUMMARY_MAX_LENGTH = 2000
COMMITMENT_MAX_LENGTH = 1000
WRONG_SESSION = _("Choose a session of this dialogue.")


def session_field(dialogue: DialoguePage, field: forms.ModelChoiceField) -> None:
    """Limit a session choice to `dialogue`'s sessions, with a message that says so."""
    field.queryset = DialogueSession.objects.filter(page=dialogue).order_by("sort_order")
    field.required = False
    field.empty_label = _("The dialogue as a whole")
    field.error_messages["invalid_choice"] = WRONG_SESSION


class OutcomeForm(forms.Form):
    """The few fields a record needs to exist; the rest is written on its edit page."""

    title = forms.CharField(label=_("Title"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=SUMMARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The finding, in one or two sentences."),
    )
    source_session = IdChoiceField(
        label=_("From session"), queryset=DialogueSession.objects.none()
    )

    def __init__(self, *args, dialogue: DialoguePage, kind: OutcomeKind, **kwargs):
        super().__init__(*args, **kwargs)
        session_field(dialogue, self.fields["source_session"])
        model = kind.model
        if kind.key == "recommendation":
            self.fields["audience"] = forms.ChoiceField(
                label=_("Addressed to"),
                choices=[("", _("Not stated")), *RecommendationAudience.choices],
                required=False,
            )
        else:
            category = model._meta.get_field("category")
            self.fields["category"] = IdChoiceField(
                label=category.verbose_name.capitalize(),
                queryset=category.related_model.objects.all(),
                help_text=category.help_text,
            )

    def page_fields(self) -> dict:
        """The cleaned values as keyword arguments for the page model."""
        return dict(self.cleaned_data)


class CommitmentForm(forms.ModelForm):
    class Meta:
        model = DialogueCommitment
        fields = [
            "text",
            "source_session",
            "owner_city",
            "owner_organisation",
            "due_date",
            "status",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3, "maxlength": COMMITMENT_MAX_LENGTH}),
            "due_date": AdminDateInput,
        }

    def __init__(self, *args, dialogue: DialoguePage, **kwargs):
        kwargs.setdefault("instance", DialogueCommitment(page=dialogue))
        super().__init__(*args, **kwargs)
        session_field(dialogue, self.fields["source_session"])
        self.fields["owner_city"].queryset = self.fields["owner_city"].queryset.order_by(
            Collated("title")
        )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if len(text) > COMMITMENT_MAX_LENGTH:
            raise forms.ValidationError(
                _("Keep the commitment under %(max)d characters.") % {"max": COMMITMENT_MAX_LENGTH}
            )
        return text
