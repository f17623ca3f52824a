"""Who may do what: the editor groups, their permissions and the approval workflow.

Three roles, kept in step by `sync_roles()` (the data migration, `manage.py sync_roles`,
`load_demo`) and, for a new or renamed city, on every save of the city page:

- *City editors: <city>*, one group per city: create and edit pages inside that city's
  subtree only, upload images and documents, add organisations. They cannot publish: their
  changes go to the "Coordinator approval" workflow. Without publish rights Wagtail lets
  them delete only drafts, never a live page; they may unpublish pages below their city
  (`EditorsMayUnpublish`).
- *Network coordinators*: everything in the page tree (dialogues included), snippets,
  images, documents and reports; they are the approvers of the workflow.
- *Moderators*: review what the public submits (the submission and exchange-request
  models, where installed).

The managed groups are reset to exactly these permissions at each sync: rights given by
hand to them are removed, so extra rights belong in other groups.

Every function takes an optional `apps` registry so that the data migration can run the
same code against its historical models; everything here therefore uses plain ORM calls
only (no model methods, no custom managers).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import QuerySet
from wagtail.models import PagePermissionTester

from taxonomy.models import VOCABULARIES

COORDINATORS = "Network coordinators"
MODERATORS = "Moderators"
CITY_EDITORS_PREFIX = "City editors: "
WORKFLOW_NAME = "Coordinator approval"
TASK_NAME = "Coordinator approval"
# Wagtail's migrations seed this workflow on the root page, with *Moderators* as its
# approvers; ours replaces it (our moderators review submissions, not pages).
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
# Wagtail's migrations also seed an "Editors" group with edit rights on the whole tree,
# which would let its members past the city boundary; removed while nobody is in it.
WAGTAIL_DEFAULT_EDITORS = "Editors"
GROUP_NAME_MAX = 150

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
COORDINATOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
# (app label, model, actions); models that are not installed are skipped, so that the
# roles work whichever order the apps holding them arrive in.
ACCESS_ADMIN = ("wagtailadmin", "admin", ("access",))
# Every vocabulary, from its one list: a new one is granted to coordinators without an edit.
VOCABULARY_MODELS = tuple(model._meta.model_name for model in VOCABULARIES)
# wagtail-localize's "Can submit translations": editors translate their city's pages (their
# page permissions cover the translations of their city, see `sync_city`).
SUBMIT_TRANSLATION = ("wagtail_localize", "translation", ("submit",))
EDITOR_MODEL_PERMISSIONS = (
    ACCESS_ADMIN,
    ("cities", "organisation", ("add", "view")),
    SUBMIT_TRANSLATION,
)
COORDINATOR_MODEL_PERMISSIONS = (
    ACCESS_ADMIN,
    SUBMIT_TRANSLATION,
    ("cities", "organisation", ("add", "change", "delete", "view")),
    # Vocabulary slugs are contracts used in addresses: terms may be added and reworded,
    # never deleted.
    *(("taxonomy", model, ("add", "change", "view")) for model in VOCABULARY_MODELS),
    ("practices", "submission", ("view", "change", "delete")),
    ("practices", "exchangerequest", ("view", "change")),
)
MODERATOR_MODEL_PERMISSIONS = (
    ACCESS_ADMIN,
    ("practices", "submission", ("view", "change")),
    ("practices", "exchangerequest", ("view", "change")),
)
EDITOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "image", ("add", "choose")),
    ("wagtaildocs", "document", ("add", "choose")),
)
COORDINATOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "image", ("add", "change", "delete", "choose")),
    ("wagtaildocs", "document", ("add", "change", "delete", "choose")),
)


def sync_roles(apps=None) -> None:
    """Create or repair every group, permission and the workflow; safe to run any time."""
    _Roles(apps or global_apps).sync()


def city_editors_group(city, apps=None) -> Group:
    """The group of `city`'s editors, created with its permissions if missing."""
    roles = _Roles(apps or global_apps)
    return roles.sync_city(city, roles.page_permissions(EDITOR_PAGE_PERMISSIONS))


def editor_groups_for_city(city) -> QuerySet[Group]:
    """The groups whose members edit `city`'s pages (its own editors' group)."""
    return Group.objects.filter(city_editors__city=city)


def users_editing_city(city) -> QuerySet:
    """Active users who edit `city`'s pages: the members of its editors' group."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__city_editors__city=city)
        .distinct()
        .order_by("pk")
    )


def city_group_name(title: str, slug: str, taken: bool = False) -> str:
    name = f"{CITY_EDITORS_PREFIX}{title}"
    if taken:  # two cities of the same name: the slug tells their groups apart
        name = f"{name} ({slug})"
    return name[:GROUP_NAME_MAX]


@dataclass
class _Roles:
    apps: object

    def model(self, app_label: str, model_name: str):
        return self.apps.get_model(app_label, model_name)

    def installed(self, app_label: str, model_name: str) -> bool:
        try:
            self.apps.get_model(app_label, model_name)
        except LookupError:
            return app_label == "wagtailadmin"  # a permission holder without a table
        return True

    # -- Permissions ------------------------------------------------------------------------

    def permission(self, app_label: str, model_name: str, codename: str):
        """The permission, created if missing: inside a migration on a fresh database,
        Django has not yet created them (it does after the last migration)."""
        content_type_model = self.model("contenttypes", "ContentType")
        permission_model = self.model("auth", "Permission")
        content_type, _ = content_type_model.objects.get_or_create(
            app_label=app_label, model=model_name
        )
        try:
            label = self.model(app_label, model_name)._meta.verbose_name_raw
        except LookupError:
            label = model_name
        action = codename.split("_", 1)[0]
        permission, _ = permission_model.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {action} {label}"[:255]},
        )
        return permission

    def model_permissions(self, spec) -> list:
        return [
            self.permission(app_label, model_name, f"{action}_{model_name}")
            for app_label, model_name, actions in spec
            if self.installed(app_label, model_name)
            for action in actions
        ]

    def page_permissions(self, codenames) -> list:
        return [self.permission("wagtailcore", "page", codename) for codename in codenames]

    def group(self, name: str):
        group, _ = self.model("auth", "Group").objects.get_or_create(name=name)
        return group

    def set_page_permissions(self, group, pages, permissions) -> None:
        """`group` holds exactly `permissions` on `pages` (a page or a list of pages), and
        no page permission elsewhere."""
        page_ids = [page.pk for page in (pages if isinstance(pages, list) else [pages])]
        page_permission_model = self.model("wagtailcore", "GroupPagePermission")
        wanted = {(page_id, p.pk) for page_id in page_ids for p in permissions}
        current = page_permission_model.objects.filter(group=group)
        current.exclude(page_id__in=page_ids).delete()
        current.filter(page_id__in=page_ids).exclude(
            permission_id__in=[p.pk for p in permissions]
        ).delete()
        have = set(current.values_list("page_id", "permission_id"))
        page_permission_model.objects.bulk_create(
            page_permission_model(group=group, page_id=page_id, permission_id=permission_id)
            for page_id, permission_id in sorted(wanted - have)
        )

    def set_collection_permissions(self, group, spec) -> None:
        """`group` holds exactly the permissions of `spec` on the root collection."""
        collection_permission_model = self.model("wagtailcore", "GroupCollectionPermission")
        root = self.model("wagtailcore", "Collection").objects.filter(depth=1).first()
        permissions = self.model_permissions(spec)
        current = collection_permission_model.objects.filter(group=group)
        if root is None:
            current.delete()
            return
        current.exclude(collection=root).delete()
        current.exclude(permission_id__in=[p.pk for p in permissions]).delete()
        have = set(current.values_list("permission_id", flat=True))
        collection_permission_model.objects.bulk_create(
            collection_permission_model(group=group, collection=root, permission=p)
            for p in permissions
            if p.pk not in have
        )

    # -- Groups -----------------------------------------------------------------------------

    def sync(self) -> None:
        coordinators = self.sync_coordinators()
        self.sync_moderators()
        editor_permissions = self.page_permissions(EDITOR_PAGE_PERMISSIONS)
        for city in self.originals(self.model("cities", "CityProfilePage")).order_by("path"):
            self.sync_city(city, editor_permissions)
        self.remove_orphan_city_groups()
        self.remove_unused_default_editors()
        self.sync_workflow(coordinators)

    def sync_coordinators(self):
        group = self.group(COORDINATORS)
        group.permissions.set(self.model_permissions(COORDINATOR_MODEL_PERMISSIONS))
        root = self.model("wagtailcore", "Page").objects.filter(depth=1).first()
        if root is not None:
            self.set_page_permissions(
                group, root, self.page_permissions(COORDINATOR_PAGE_PERMISSIONS)
            )
        self.set_collection_permissions(group, COORDINATOR_COLLECTION_PERMISSIONS)
        return group

    def sync_moderators(self):
        group = self.group(MODERATORS)
        group.permissions.set(self.model_permissions(MODERATOR_MODEL_PERMISSIONS))
        self.model("wagtailcore", "GroupPagePermission").objects.filter(group=group).delete()
        self.set_collection_permissions(group, ())
        return group

    def originals(self, model):
        """The pages of the default locale: a translated city is the same city, with the
        same editors (exchange/localization.py)."""
        return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)

    def translations(self, city) -> list:
        """`city` and its translations and aliases in every locale: the trees its editors
        work in."""
        model = self.model("cities", "CityProfilePage")
        return [
            city,
            *model.objects.filter(translation_key=city.translation_key).exclude(pk=city.pk),
        ]

    def original_of(self, city):
        model = self.model("cities", "CityProfilePage")
        return self.originals(model).filter(translation_key=city.translation_key).first() or city

    def sync_city(self, city, page_permissions):
        """Create or repair the editors' group of one city; returns the group."""
        city = self.original_of(city)
        link_model = self.model("cities", "CityEditorGroup")
        group_model = self.model("auth", "Group")
        link = link_model.objects.filter(city_id=city.pk).select_related("group").first()
        name = city_group_name(city.title, city.slug)
        if group_model.objects.filter(name=name).exclude(city_editors__city_id=city.pk).exists():
            name = city_group_name(city.title, city.slug, taken=True)
        if link is None:
            group, _ = group_model.objects.get_or_create(name=name)
            link_model.objects.update_or_create(group=group, defaults={"city_id": city.pk})
        else:
            group = link.group
            if group.name != name:
                group.name = name
                group.save(update_fields=["name"])
        group.permissions.set(self.model_permissions(EDITOR_MODEL_PERMISSIONS))
        self.set_page_permissions(group, self.translations(city), page_permissions)
        self.set_collection_permissions(group, EDITOR_COLLECTION_PERMISSIONS)
        return group

    def remove_orphan_city_groups(self) -> None:
        link_model = self.model("cities", "CityEditorGroup")
        orphans = link_model.objects.filter(city__isnull=True).values("group_id")
        self.model("auth", "Group").objects.filter(pk__in=orphans).delete()

    def remove_unused_default_editors(self) -> None:
        self.model("auth", "Group").objects.filter(
            name=WAGTAIL_DEFAULT_EDITORS, user__isnull=True, city_editors__isnull=True
        ).delete()

    # -- Workflow ---------------------------------------------------------------------------

    def sync_workflow(self, coordinators) -> None:
        workflow_model = self.model("wagtailcore", "Workflow")
        workflow_task_model = self.model("wagtailcore", "WorkflowTask")
        task_model = self.model("wagtailcore", "GroupApprovalTask")
        workflow, _ = workflow_model.objects.get_or_create(name=WORKFLOW_NAME)
        if not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
        task = (
            task_model.objects.filter(workflow_tasks__workflow=workflow).order_by("pk").first()
            or task_model.objects.filter(name=TASK_NAME).order_by("pk").first()
        )
        if task is None:
            content_type = self.model("contenttypes", "ContentType").objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )[0]
            task = task_model.objects.create(name=TASK_NAME, content_type=content_type)
        if not task.active:
            task.active = True
            task.save(update_fields=["active"])
        task.groups.set([coordinators])
        if not workflow_task_model.objects.filter(workflow=workflow, task_id=task.pk).exists():
            workflow_task_model.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)
        self.assign_workflow(workflow)

    def assign_workflow(self, workflow) -> None:
        """On the tree's root (so every page has it), and explicitly on the indexes of
        cities and dialogues, where editors' practices and records live."""
        page_model = self.model("wagtailcore", "Page")
        workflow_page_model = self.model("wagtailcore", "WorkflowPage")
        pages = list(page_model.objects.filter(depth=1).values_list("pk", flat=True))
        for app_label, model_name in (
            ("cities", "CityIndexPage"),
            ("dialogues", "DialogueIndexPage"),
        ):
            if self.installed(app_label, model_name):
                pages += self.model(app_label, model_name).objects.values_list("pk", flat=True)
        for page_id in pages:
            workflow_page_model.objects.update_or_create(
                page_id=page_id, defaults={"workflow": workflow}
            )
        state_model = self.model("wagtailcore", "WorkflowState")
        self.model("wagtailcore", "Workflow").objects.filter(
            name=WAGTAIL_DEFAULT_WORKFLOW, active=True, workflow_pages__isnull=True
        ).exclude(pk=workflow.pk).exclude(
            pk__in=state_model.objects.filter(status="in_progress").values("workflow_id")
        ).update(active=False)


class EditorsMayUnpublish:
    """City editors may take pages below their city offline, though not publish them.

    Wagtail ties unpublishing to the publish permission; the Exchange asks editors to
    unpublish what is outdated rather than delete it, so edit rights suffice here. The
    city page itself is not below it, so only coordinators unpublish a whole city.
    """

    def permissions_for_user(self, user):
        return EditorUnpublishPermissionTester(user, self)


class EditorUnpublishPermissionTester(PagePermissionTester):
    def can_unpublish(self) -> bool:
        if super().can_unpublish():
            return True
        return (
            self.user.is_active
            and not self.user.is_superuser
            and self.page.live
            and not self.page_locked()
            and "change" in self.permissions
        )


def on_city_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    """post_save of a city page: give it an editors' group, renamed with the city."""
    if raw:  # loading a fixture: the groups come with it
        return
    city_editors_group(instance)
