"""What the project's admin reports share."""

from __future__ import annotations

from django.contrib import messages
from django.urls import URLPattern, path


class RefusedFiltersMixin:
    """For a Wagtail `ReportView`: bad filter values answer 400 with a message per field.

    Wagtail would silently list everything (and export it), which a coordinator would take
    for the filtered list."""

    def get(self, request, *args, **kwargs):
        filters = self.filters
        if filters is not None and filters.is_bound and not filters.is_valid():
            for field, errors in filters.errors.items():
                label = filters.form.fields[field].label if field in filters.form.fields else ""
                messages.error(request, f"{label}: {' '.join(errors)}".lstrip(": "))
            self.is_export = False
            response = super().get(request, *args, **kwargs)
            response.status_code = 400
            return response
        return super().get(request, *args, **kwargs)


def report_urls(address: str, view, name: str) -> list[URLPattern]:
    """A report's page and the results Wagtail's filters fetch as they change."""
    return [
        path(f"reports/{address}/", view.as_view(), name=name),
        path(
            f"reports/{address}/results/", view.as_view(results_only=True), name=f"{name}_results"
        ),
    ]
