from django.urls import path

from . import explore_views, views
from .openapi import openapi_view

# Pages for people: served under each language's prefix (/fr/search/...).
urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/filters/<slug:name>/", views.facet_page, name="search_facet"),
    path("explore/", explore_views.explore_page, name="explore"),
    path("explore/matrix/", explore_views.explore_matrix, name="explore_matrix"),
]

# For machines: one URL each, whatever the language (exchange/urls.py keeps them unprefixed).
api_urlpatterns = [
    path("api/search/", views.search_api, name="search_api"),
    path("api/search/export.csv", views.search_export, name="search_export"),
    path("api/search/openapi.json", openapi_view, name="search_openapi"),
]
