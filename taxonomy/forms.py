from wagtail.admin.forms import WagtailAdminModelForm

from .languages import text_direction


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
