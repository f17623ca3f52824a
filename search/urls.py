from django.urls import path

from . import explore_views, views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("api/search/", views.search_api, name="search_api"),
    path("api/search/export.csv", views.search_export, name="search_export"),
    path("explore/", explore_views.explore_page, name="explore"),
    path("explore/matrix/", explore_views.explore_matrix, name="explore_matrix"),
]
