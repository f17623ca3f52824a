from wagtail.admin.forms import WagtailAdminModelForm


class TermForm(WagtailAdminModelForm):
    """Editors may add terms, but a slug, once saved, is a contract and cannot be edited."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "slug" in self.fields:
            self.fields["slug"].disabled = True
