from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries


class CityFilterForm(forms.Form):
    """Filters of the city index. Unknown values are errors, not silently ignored."""

    region = forms.ChoiceField(label=_("Region"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=10_000)

    def __init__(self, *args, regions=(), country_codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All regions"))] + [
            (r.slug, r.name) for r in regions
        ]
        named = sorted(((c, countries.name(c)) for c in country_codes), key=lambda c: c[1])
        self.fields["country"].choices = [("", _("All countries")), *named]
