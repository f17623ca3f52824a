"""Who may see what in the admin lists of submissions and exchange requests.

People with the model's own permissions (Moderators, Network coordinators, superusers) see
every row. A city's editors see the rows about the cities whose pages they may edit, as
Wagtail's page permissions say: the groups of roles (exchange/roles.py) grant those on the
city's page, and a grant on the city index covers every city.
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from cities.models import CityProfilePage

EDITING_ACTIONS = ["add", "change"]


def cities_edited_by(user) -> QuerySet:
    """The city pages whose subtree `user` may add to or edit."""
    if not user.is_active:
        return CityProfilePage.objects.none()
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, EDITING_ACTIONS)
    return CityProfilePage.objects.filter(pk__in=editable.values("pk"))


class CityScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, plus view and change of the rows about a city one edits.

    `city_field` names the row's foreign key to the city. Nobody adds rows in the admin:
    they come from the public site. Deleting needs the model's delete permission.
    """

    scoped_actions = ("view", "change")

    def __init__(self, model, city_field: str = "city", **kwargs):
        super().__init__(model, **kwargs)
        self.city_field = city_field

    def _model_permission(self, user, action) -> bool:
        return action != "add" and ModelPermissionPolicy.user_has_permission(self, user, action)

    def _edits_a_city(self, user) -> bool:
        return cities_edited_by(user).exists()

    def user_has_permission(self, user, action):
        if self._model_permission(user, action):
            return True
        return action in self.scoped_actions and self._edits_a_city(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if self._model_permission(user, action):
            return True
        city_id = getattr(instance, f"{self.city_field}_id")
        return (
            action in self.scoped_actions
            and city_id is not None
            and cities_edited_by(user).filter(pk=city_id).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        manager = self.model._default_manager
        if any(self._model_permission(user, a) for a in actions):
            return manager.all()
        if any(a in self.scoped_actions for a in actions):
            return manager.filter(**{f"{self.city_field}__in": cities_edited_by(user)})
        return manager.none()
