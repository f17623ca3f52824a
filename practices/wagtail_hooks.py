from wagtail import hooks

from .admin_views import ContributionsGroup


@hooks.register("register_admin_viewset")
def register_contributions():
    return ContributionsGroup()
