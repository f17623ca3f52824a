from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("api/search/", views.search_api, name="search_api"),
    path("api/search/export.csv", views.search_export, name="search_export"),
]
