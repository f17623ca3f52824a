from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Ids and numbers in queries are signed 64-bit integers on SQLite and PostgreSQL (bigint).
DATABASE_INT_MIN = -(2**63)
DATABASE_INT_MAX = 2**63 - 1


def is_database_int(value: int) -> bool:
    """Whether the database can compare with `value`: SQLite raises OverflowError beyond
    64 bits (a 500), so a number from a visitor is checked before any query."""
    return DATABASE_INT_MIN <= value <= DATABASE_INT_MAX


def _out_of_range_id(value: Any) -> bool:
    try:
        return not is_database_int(int(str(value).strip()))
    except ValueError:
        return False  # not a number at all: Django's own check refuses it


class IdChoiceField(forms.ModelChoiceField):
    """A choice by id; an id no database could hold is "Select a valid choice", as an
    unknown one is, instead of the query's OverflowError on SQLite."""

    def to_python(self, value: Any) -> Any:
        if self.to_field_name is None and _out_of_range_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """IdChoiceField for several choices."""

    def _check_values(self, value: Any) -> Any:
        if self.to_field_name is None and isinstance(value, (list, tuple)):
            for pk in value:
                if _out_of_range_id(pk):
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": pk},
                    )
        return super()._check_values(value)


class PageNumberForm(forms.Form):
    """The page of a long list; anything but a page number is an error shown on the page.

    Listing filter forms extend it, so every list reads `page` the same way.
    """

    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=10_000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # After the filters, as a listing shows and explains them.
        self.order_fields([name for name in self.fields if name != "page"])
