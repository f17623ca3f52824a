from django import forms
from django.utils.translation import gettext_lazy as _


class PageNumberForm(forms.Form):
    """The page of a long list; anything but a page number is an error shown on the page.

    Listing filter forms extend it, so every list reads `page` the same way.
    """

    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=10_000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # After the filters, as a listing shows and explains them.
        self.order_fields([name for name in self.fields if name != "page"])
