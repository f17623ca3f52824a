from django.urls import path

from . import exchange_request_views, submission_views, views

urlpatterns = [
    path("compare/", views.compare_page, name="compare"),
    path("compare/export.csv", views.compare_export, name="compare_export"),
    path("submit/", submission_views.submit, name="submit"),
    path("submit/thanks/", submission_views.submit_thanks, name="submit_thanks"),
    path(
        "practices/<int:practice_id>/exchange-request/",
        exchange_request_views.exchange_request,
        name="exchange_request",
    ),
    path(
        "account/exchange-requests/",
        exchange_request_views.my_exchange_requests,
        name="my_exchange_requests",
    ),
]
