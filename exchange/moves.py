"""Models that moved from one app to another, and what a move needs beyond Django's state.

When the project was split into one app per content area, these models left `exchange` (and
`RecommendationPage` left `practices`). Their tables kept their names, so the migrations
that moved them change only Django's state; two things outside that state still name the
old app and are mended here and in `exchange.backups`:

- content types: a page row points to its type by id, so the existing content type is
  renamed in place (keeping its id, its permissions and every page, revision and
  translation that refers to it) rather than a new one created;
- archives written by `export_data` before the move name the old labels.
"""

from __future__ import annotations

# Old model label -> the app that holds the model now.
MOVED_MODELS: dict[str, str] = {
    **{
        f"exchange.{model}": "taxonomy"
        for model in (
            "theme",
            "barriercategory",
            "opportunitycategory",
            "targetgroup",
            "actiontype",
            "sdgtarget",
            "region",
        )
    },
    "exchange.organisation": "cities",
    **{
        f"exchange.{model}": "dialogues"
        for model in (
            "dialogueindexpage",
            "dialoguepage",
            "dialogueorganiser",
            "dialogueparticipantcity",
            "dialogueparticipantorganisation",
            "dialoguesession",
            "dialoguecommitment",
            "dialogueresource",
        )
    },
    "practices.recommendationpage": "dialogues",
    **{
        f"exchange.{model}": "resources"
        for model in ("resourceindexpage", "resourcepage", "resourcelanguage", "resourcecity")
    },
}

# The migrations that made the move: an archive made before them lacks exactly these.
MOVE_MIGRATIONS: dict[str, list[str]] = {
    "taxonomy": ["0001_initial"],
    "cities": ["0007_organisation_alter_cityprofilepage_region"],
    "dialogues": ["0001_initial", "0002_initial"],
    "resources": ["0001_initial"],
    "practices": [
        "0006_remove_recommendationpage_page_ptr_and_more",
        "0007_alter_practiceresource_resource_and_more",
    ],
    "exchange": [
        "0009_delete_actiontype_delete_barriercategory_and_more",
        "0010_delete_resourcepage_delete_theme",
        "0011_sync_roles_after_the_split",
    ],
}


def new_label(label: str) -> str:
    """The label a model has now, given the one it had before the move (lower case)."""
    app = MOVED_MODELS.get(label)
    return f"{app}.{label.partition('.')[2]}" if app else label


def rename_content_types(apps, schema_editor) -> None:
    """Give each moved model's content type its new app label (RunPython)."""
    _rename(apps, {label: new_label(label) for label in MOVED_MODELS})


def restore_content_types(apps, schema_editor) -> None:
    _rename(apps, {new_label(label): label for label in MOVED_MODELS})


def _rename(apps, renames: dict[str, str]) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    for old, new in renames.items():
        old_app, model = old.split(".")
        new_app = new.split(".")[0]
        if content_type.objects.filter(app_label=new_app, model=model).exists():
            continue  # made by a migration since; the old one is left for remove_stale
        content_type.objects.filter(app_label=old_app, model=model).update(app_label=new_app)
