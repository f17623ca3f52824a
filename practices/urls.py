from django.urls import path

from . import views

urlpatterns = [
    path("compare/", views.compare_page, name="compare"),
    path("compare/export.csv", views.compare_export, name="compare_export"),
]
