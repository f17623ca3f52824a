"""wagtail-localize's "Translate this page", limited to pages the editor may edit.

Its own view asks only for the global "Can submit translations" permission, which would let
a city editor create translations anywhere in the tree. Our roles confine her to her city:
she may translate a page she may edit, nothing else. (The translations land in trees her
group also holds, see `exchange.roles`.)
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from wagtail.models import Page
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

_submit = SubmitPageTranslationView.as_view()


def submit_page_translation(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return _submit(request, page_id=page_id)
