from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from exchange.forms import PageNumberForm
from taxonomy.choices import Mandate
from taxonomy.collation import sorted_by

from .similarity import CONTEXT_ROLES, Profile


class CityFilterForm(PageNumberForm):
    """Filters of the city index. Unknown values are errors, not silently ignored."""

    region = forms.ChoiceField(label=_("Region"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, regions=(), country_codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All regions"))] + [
            (r.slug, r.name) for r in regions
        ]
        named = sorted_by(((c, countries.name(c)) for c in country_codes), lambda c: c[1])
        self.fields["country"].choices = [("", _("All countries")), *named]


class DescribeCityForm(forms.Form):
    """ "Describe your city": every field optional, nothing stored, read from the query string.

    Choices are the seeded vocabularies, so an unknown value is an error the visitor sees,
    not a silently empty result.
    """

    region = forms.ChoiceField(label=_("Region"), required=False)
    population = forms.IntegerField(
        label=_("Population"),
        required=False,
        min_value=1,
        max_value=100_000_000,
        help_text=_("Number of inhabitants, e.g. 250000."),
    )
    mandate = forms.ChoiceField(label=_("Mandate on migrant inclusion"), required=False)
    roles = forms.MultipleChoiceField(
        label=_("Place of migration"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick what applies; leave all empty if you are not sure."),
    )
    women_share = forms.DecimalField(
        label=_("Share of women among migrants (%)"),
        required=False,
        min_value=0,
        max_value=100,
        max_digits=4,
        decimal_places=1,
    )
    themes = forms.MultipleChoiceField(
        label=_("Challenges you work on"), required=False, widget=forms.CheckboxSelectMultiple
    )
    barriers = forms.MultipleChoiceField(
        label=_("Barriers you face"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, regions=(), themes=(), barriers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Not given"))] + [
            (r.slug, r.name) for r in regions
        ]
        self.fields["mandate"].choices = [("", _("Not given")), *Mandate.choices]
        self.fields["roles"].choices = [(key, capfirst(label)) for key, label in CONTEXT_ROLES]
        self.fields["themes"].choices = [(t.slug, t.name) for t in themes]
        self.fields["barriers"].choices = [(b.slug, b.name) for b in barriers]

    def profile(self):
        """The profile described (call after is_valid())."""
        data = self.cleaned_data
        return Profile(
            region=data["region"] or None,
            population=data["population"],
            mandate=data["mandate"] or "",
            roles=frozenset(data["roles"]),
            women_share=data["women_share"],
            themes=frozenset(data["themes"]),
            barriers=frozenset(data["barriers"]),
        )
