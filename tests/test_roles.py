"""Roles: city editors stay inside their city, coordinators run everything, moderators
review submissions; the groups are created by migration and kept in sync."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    PageLogEntry,
    Workflow,
    WorkflowPage,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cities.models import CityEditorGroup
from exchange import roles as roles_module
from exchange.roles import (
    COORDINATORS,
    MODERATORS,
    WORKFLOW_NAME,
    city_editors_group,
    editor_groups_for_city,
    sync_roles,
    users_editing_city,
)
from practices.models import PracticePage
from taxonomy.models import VOCABULARIES, SDGTarget

from .factories import CityProfilePageFactory, PracticePageFactory

pytestmark = pytest.mark.django_db


def practice_form(title: str, slug: str, action: str | None = None, **fields) -> dict:
    """The practice editor's form as the browser posts it (no inline items)."""
    data = {
        "title": title,
        "slug": slug,
        "summary": f"{title}: what the city does.",
        "description": rich_text("<p>How it works.</p>"),
        "results": rich_text(""),
        "lessons": rich_text(""),
        "transferability": rich_text(""),
        "status": "active",
        "evidence": "described",
        # Preselected in the editor (the field's default), so the browser always posts it.
        "licence": "cc-by-4.0",
        "barrier_links": inline_formset([]),
        "opportunity_links": inline_formset([]),
        "partners": inline_formset([]),
        "resource_links": inline_formset([]),
        "comments": inline_formset([]),
        **fields,
    }
    if action:
        data[f"action-{action}"] = action
    return nested_form_data(data)


def edit(client, page, action=None, **fields):
    return client.post(
        f"/admin/pages/{page.pk}/edit/",
        practice_form(fields.pop("title", page.title), page.slug, action, **fields),
    )


# -- Groups, made by the migration and kept in sync ---------------------------------------


def test_the_migration_created_the_groups_and_the_workflow(db):
    """Nothing synced in this test: what is here came from the data migration."""
    coordinators = Group.objects.get(name=COORDINATORS)
    assert Group.objects.filter(name=MODERATORS).exists()
    workflow = Workflow.objects.get(name=WORKFLOW_NAME, active=True)
    assert [t.specific.groups.get() for t in workflow.tasks.all()] == [coordinators]
    # on the root of the tree, so every page has it; Wagtail's seeded one is retired
    assert WorkflowPage.objects.get(page__depth=1).workflow == workflow
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    assert not Group.objects.filter(name="Editors").exists()


def test_each_city_gets_its_editors_group_when_created(site_tree):
    city = CityProfilePageFactory(parent=site_tree.cities, title="Sfax", slug="sfax")
    group = Group.objects.get(name="City editors: Sfax")
    assert editor_groups_for_city(city).get() == group
    assert CityEditorGroup.objects.get(group=group).city_id == city.pk
    # its rights: add and change in the city's subtree, nothing more
    assert {
        (p.page_id, p.permission.codename)
        for p in GroupPagePermission.objects.filter(group=group).select_related("permission")
    } == {(city.pk, "add_page"), (city.pk, "change_page")}


def test_renaming_a_city_renames_its_group_and_keeps_the_link(site_tree):
    city = CityProfilePageFactory(parent=site_tree.cities, title="Tunis", slug="tunis")
    group = city_editors_group(city)
    city.title = "Tunis (municipality)"
    city.save()
    group.refresh_from_db()
    assert group.name == "City editors: Tunis (municipality)"
    assert editor_groups_for_city(city).get() == group


def test_two_cities_of_one_name_get_two_groups(site_tree):
    first = CityProfilePageFactory(parent=site_tree.cities, title="Valencia", slug="valencia")
    second = CityProfilePageFactory(
        parent=site_tree.cities, title="Valencia", slug="valencia-ve", country="VE"
    )
    assert city_editors_group(first).name == "City editors: Valencia"
    assert city_editors_group(second).name == "City editors: Valencia (valencia-ve)"


def snapshot():
    return (
        sorted(Group.objects.values_list("name", flat=True)),
        sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission_id")),
        sorted(
            GroupCollectionPermission.objects.values_list(
                "group__name", "collection_id", "permission_id"
            )
        ),
        sorted(Group.objects.values_list("name", "permissions")),
        sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")),
    )


def test_sync_is_idempotent_and_repairs_hand_made_changes(roles):
    before = snapshot()
    call_command("sync_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == before

    editors = city_editors_group(roles.city)
    editors.permissions.add(Permission.objects.get(codename="delete_organisation"))
    GroupPagePermission.objects.create(
        group=editors,
        page=roles.peer,
        permission=Permission.objects.get(codename="change_page"),
    )
    Group.objects.get(name=COORDINATORS).permissions.clear()
    WorkflowPage.objects.filter(page=roles.cities).delete()
    sync_roles()
    assert snapshot() == before


def test_sync_removes_the_group_of_a_deleted_city(roles):
    group = city_editors_group(roles.peer)
    roles.peer.delete()
    assert Group.objects.filter(pk=group.pk).exists()  # until the next sync
    sync_roles()
    assert not Group.objects.filter(pk=group.pk).exists()
    assert city_editors_group(roles.city).user_set.get() == roles.sousse_editor


def test_users_editing_city_are_its_active_editors(roles):
    assert list(users_editing_city(roles.city)) == [roles.sousse_editor]
    assert list(users_editing_city(roles.peer)) == [roles.turin_editor]
    roles.sousse_editor.is_active = False
    roles.sousse_editor.save()
    assert not users_editing_city(roles.city).exists()


def granted(group: Group) -> set[str]:
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def installed_grants(spec) -> set[str]:
    return {
        f"{app_label}.{action}_{model}"
        for app_label, model, actions in spec
        if app_label == "wagtailadmin"
        or (
            apps.is_installed(app_label)
            and model in {m._meta.model_name for m in apps.get_app_config(app_label).get_models()}
        )
        for action in actions
    }


def test_moderators_review_submissions_and_nothing_else(roles):
    moderators = Group.objects.get(name=MODERATORS)
    assert granted(moderators) == installed_grants(roles_module.MODERATOR_MODEL_PERMISSIONS)
    assert "wagtailadmin.access_admin" in granted(moderators)
    assert not GroupPagePermission.objects.filter(group=moderators).exists()
    assert not GroupCollectionPermission.objects.filter(group=moderators).exists()


def test_submission_models_are_granted_once_installed(roles):
    """Moderators and coordinators get the public-submission models as soon as they exist."""
    for model in ("submission", "exchangerequest"):
        try:
            apps.get_model("practices", model)
        except LookupError:
            continue
        for name in (MODERATORS, COORDINATORS):
            assert f"practices.view_{model}" in granted(Group.objects.get(name=name))
            assert f"practices.change_{model}" in granted(Group.objects.get(name=name))


def test_coordinators_hold_snippets_images_and_documents(roles):
    coordinators = Group.objects.get(name=COORDINATORS)
    rights = granted(coordinators)
    assert {"cities.delete_organisation", "taxonomy.change_theme"} <= rights
    assert "taxonomy.delete_theme" not in rights  # vocabulary slugs are contracts
    collection_rights = set(
        GroupCollectionPermission.objects.filter(group=coordinators).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_image", "delete_image", "add_document", "delete_document"} <= collection_rights


# -- City editors in the admin ------------------------------------------------------------


def test_city_editor_edits_own_city_and_gets_403_on_another(client, roles):
    client.force_login(roles.sousse_editor)
    assert client.get(f"/admin/pages/{roles.practice.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{roles.city.pk}/edit/").status_code == 200

    turin_practice = PracticePageFactory(parent=roles.peer, title="Neighbourhood women")
    refused = client.get(f"/admin/pages/{turin_practice.pk}/edit/")
    assert refused.status_code == 403
    assert "you do not have permission" in refused.content.decode()
    assert client.get(f"/admin/pages/{roles.peer.pk}/edit/").status_code == 403
    response = edit(client, turin_practice, title="Taken over")
    assert response.status_code == 403
    turin_practice.refresh_from_db()
    assert turin_practice.title == "Neighbourhood women"
    assert turin_practice.get_latest_revision() is None  # nothing stored


def test_city_editor_adds_pages_only_under_own_city(client, roles):
    client.force_login(roles.sousse_editor)
    url = "/admin/pages/add/practices/practicepage/{}/"
    assert client.get(url.format(roles.city.pk)).status_code == 200
    assert client.get(url.format(roles.peer.pk)).status_code == 403
    response = client.post(url.format(roles.peer.pk), practice_form("Intruder", "intruder"))
    assert response.status_code == 403
    assert not PracticePage.objects.filter(slug="intruder").exists()
    # nor a new city, nor a dialogue
    assert (
        client.get(f"/admin/pages/add/cities/cityprofilepage/{roles.cities.pk}/").status_code
        == 403
    )
    assert (
        client.get(f"/admin/pages/add/dialogues/dialoguepage/{roles.dialogues.pk}/").status_code
        == 403
    )


def test_city_editor_cannot_publish_directly(client, roles):
    client.force_login(roles.sousse_editor)
    response = client.post(
        f"/admin/pages/add/practices/practicepage/{roles.city.pk}/",
        practice_form("Night classes", "night-classes", "publish"),
    )
    assert response.status_code in (302, 403)
    page = PracticePage.objects.filter(slug="night-classes").first()
    assert page is None or not page.live
    assert client.get("/cities/sousse/night-classes/").status_code == 404


def test_city_editor_cannot_delete_a_published_page(client, roles):
    client.force_login(roles.sousse_editor)
    url = f"/admin/pages/{roles.practice.pk}/delete/"
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert PracticePage.objects.filter(pk=roles.practice.pk, live=True).exists()
    # the admin offers no delete button on it either
    html = client.get(f"/admin/pages/{roles.practice.pk}/edit/").content.decode()
    assert url not in html


def test_city_editor_unpublishes_instead(client, roles):
    client.force_login(roles.sousse_editor)
    url = f"/admin/pages/{roles.practice.pk}/unpublish/"
    assert url in client.get(f"/admin/pages/{roles.practice.pk}/edit/").content.decode()
    assert client.post(url).status_code == 302
    roles.practice.refresh_from_db()
    assert not roles.practice.live
    assert client.get("/cities/sousse/working-with-associations/").status_code == 404
    assert PageLogEntry.objects.filter(
        page=roles.practice, action="wagtail.unpublish", user=roles.sousse_editor
    ).exists()
    # once offline, an editor may remove it
    assert client.post(f"/admin/pages/{roles.practice.pk}/delete/").status_code == 302
    assert not PracticePage.objects.filter(pk=roles.practice.pk).exists()


def test_city_editor_cannot_unpublish_another_city_or_a_whole_city(client, roles):
    client.force_login(roles.sousse_editor)
    turin_practice = PracticePageFactory(parent=roles.peer)
    assert client.post(f"/admin/pages/{turin_practice.pk}/unpublish/").status_code == 403
    assert client.post(f"/admin/pages/{roles.city.pk}/unpublish/").status_code == 403
    turin_practice.refresh_from_db()
    roles.city.refresh_from_db()
    assert turin_practice.live and roles.city.live


def test_city_editor_may_delete_own_never_published_draft(client, roles):
    client.force_login(roles.sousse_editor)
    response = client.post(
        f"/admin/pages/add/practices/practicepage/{roles.city.pk}/",
        practice_form("A first idea", "first-idea"),
    )
    assert response.status_code == 302
    draft = PracticePage.objects.get(slug="first-idea")
    assert client.post(f"/admin/pages/{draft.pk}/delete/").status_code == 302
    assert not PracticePage.objects.filter(pk=draft.pk).exists()


def test_every_change_keeps_a_revision_and_an_audit_entry(client, roles):
    client.force_login(roles.sousse_editor)
    practice = PracticePageFactory(parent=roles.city, title="Help desk", slug="help-desk")
    response = edit(client, practice, title="Help desk for newcomers")
    assert response.status_code == 302
    practice.refresh_from_db()
    revision = practice.get_latest_revision()
    assert revision.user == roles.sousse_editor
    assert revision.as_object().title == "Help desk for newcomers"
    entry = PageLogEntry.objects.filter(page=practice, action="wagtail.edit").get()
    assert entry.user == roles.sousse_editor and entry.revision == revision
    # and the history is there for coordinators to read
    client.force_login(roles.coordinator)
    history = client.get(f"/admin/pages/{practice.pk}/history/")
    assert history.status_code == 200
    assert "sousse-editor" in history.content.decode()


def test_coordinator_edits_publishes_and_deletes_anywhere(client, roles):
    client.force_login(roles.coordinator)
    for page in (roles.practice, roles.peer, roles.dialogue, roles.home):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    turin_practice = PracticePageFactory(parent=roles.peer, slug="old", title="Old")
    response = edit(client, turin_practice, "publish", title="Renewed")
    assert response.status_code == 302
    turin_practice.refresh_from_db()
    assert turin_practice.live and turin_practice.title == "Renewed"
    assert client.post(f"/admin/pages/{turin_practice.pk}/delete/").status_code == 302
    assert not PracticePage.objects.filter(pk=turin_practice.pk).exists()
    for url in ("/admin/snippets/cities/organisation/", "/admin/images/", "/admin/documents/"):
        assert client.get(url).status_code == 200


def test_moderator_has_no_page_rights(client, roles):
    client.force_login(roles.moderator)
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{roles.practice.pk}/edit/").status_code == 403


# -- Demo accounts --------------------------------------------------------------------------


def test_demo_accounts_in_development(full_content, settings, monkeypatch, django_user_model):
    from exchange.demo.loader import DEFAULT_ADMIN_PASSWORD, ensure_role_accounts

    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    settings.DEBUG = True
    assert ensure_role_accounts() == 3
    editor = django_user_model.objects.get(username="sousse-editor")
    assert editor.check_password(DEFAULT_ADMIN_PASSWORD)
    assert list(users_editing_city(full_content.city)) == [editor]
    assert django_user_model.objects.get(username="coordinator").groups.get().name == COORDINATORS
    assert django_user_model.objects.get(username="moderator").groups.get().name == MODERATORS
    assert ensure_role_accounts() == 0  # a second run leaves them alone


def test_no_demo_accounts_outside_development(full_content, settings, django_user_model):
    from exchange.demo.loader import ensure_role_accounts

    settings.DEBUG = False
    Group.objects.filter(name=COORDINATORS).delete()
    assert ensure_role_accounts() == 0
    assert not django_user_model.objects.filter(
        username__in=["sousse-editor", "coordinator", "moderator"]
    ).exists()
    assert Group.objects.filter(name=COORDINATORS).exists()  # the roles were synced


@pytest.mark.parametrize("model", VOCABULARIES, ids=lambda model: model._meta.model_name)
def test_coordinators_edit_every_vocabulary_but_delete_none(client, roles, model):
    client.force_login(roles.coordinator)
    term = model.objects.order_by("pk").first() or model.objects.create(
        slug="a-term", name="A term", **({"code": "0.0"} if model is SDGTarget else {})
    )
    base = f"/admin/snippets/taxonomy/{model._meta.model_name}/"
    assert client.get(base).status_code == 200
    assert client.get(f"{base}add/").status_code == 200
    assert client.get(f"{base}edit/{term.pk}/").status_code == 200
    assert client.get(f"{base}delete/{term.pk}/").status_code in (302, 403)
    assert model.objects.filter(pk=term.pk).exists()
