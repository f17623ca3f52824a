"""A refusal in the Wagtail admin answers 403, not a redirect to the dashboard.

Wagtail turns a PermissionDenied inside the admin into a redirect to its dashboard with an
error message. For a city editor who follows a link to another city's page, the status
should say what happened (tools, logs and tests read it), and the page should say why and
where to go: this middleware recognises that redirect by its message and answers 403 with
the same message instead.
"""

from __future__ import annotations

from collections.abc import Callable
from html import unescape

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext

# Wagtail's own wording (wagtail.admin.auth.permission_denied), in the reader's language.
WAGTAIL_REFUSAL = "Sorry, you do not have permission to access this area."


class AdminRefusalStatusMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 302:
            return response
        dashboard = reverse("wagtailadmin_home")
        if not request.path.startswith(dashboard) or response.get("Location") != dashboard:
            return response
        queued = list(messages.get_messages(request))
        # Wagtail stores its messages as small HTML fragments: compare their text.
        texts = [unescape(strip_tags(str(message))).strip() for message in queued]
        if gettext(WAGTAIL_REFUSAL) not in texts:
            for message in queued:  # not a refusal: hand the messages on untouched
                messages.add_message(
                    request, message.level, message.message, extra_tags=message.extra_tags
                )
            return response
        return TemplateResponse(
            request,
            "exchange/admin_refused.html",
            {"refusals": texts, "dashboard_url": dashboard},
            status=403,
        ).render()
