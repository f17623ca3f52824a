from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .i18n import text_direction


class PageNumberForm(forms.Form):
    """The page of a long list; anything but a page number is an error shown on the page.

    Listing filter forms extend it, so every list reads `page` the same way.
    """

    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=10_000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # After the filters, as a listing shows and explains them.
        self.order_fields([name for name in self.fields if name != "page"])


class TermForm(WagtailAdminModelForm):
    """Editors may add terms, but a slug, once saved, is a contract and cannot be edited."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "slug" in self.fields:
            self.fields["slug"].disabled = True
        # Each translation is typed in its own language and direction (Arabic right to left).
        for name, field in self.fields.items():
            language = name.rpartition("_")[2]
            if name.startswith(("name_", "description_")) and language:
                field.widget.attrs.update(lang=language, dir=text_direction(language))
