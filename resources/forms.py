"""The filters of the resource library: closed choices, so a bad value is an error shown."""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.utils.translation import gettext_lazy as _

from exchange.forms import PageNumberForm
from taxonomy.choices import ResourceKind


class ResourceFilterForm(PageNumberForm):
    theme = forms.ChoiceField(label=_("Challenge"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    FILTERS = ("theme", "kind", "language", "year")

    def __init__(
        self,
        *args,
        themes: Iterable = (),
        languages: Iterable[tuple[str, str]] = (),
        years: Iterable[int] = (),
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All challenges"))] + [
            (t.slug, t.name) for t in themes
        ]
        self.fields["kind"].choices = [("", _("All kinds")), *ResourceKind.choices]
        self.fields["language"].choices = [("", _("All languages")), *languages]
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]

    @property
    def is_filtered(self) -> bool:
        return (
            self.is_bound
            and self.is_valid()
            and any(self.cleaned_data[name] for name in self.FILTERS)
        )
