"""Backups: the whole site's content in one portable archive, and back.

An archive is a zip file holding
- `manifest.json`: format and version, archive id, creation time, software versions, the
  applied migrations, the content types the data refers to, row counts per model, and the
  sha256 and size of every other member;
- `data/<app_label>.<model>.json`: the rows of one model, in Django's serialization format,
  primary keys kept (rich text and StreamField values refer to pages, documents and images by
  id, so ids must survive); content types and permissions by natural key, because their ids
  differ from one database to another;
- `files/<name>`: the files of documents and images (and of any other file field), under
  their storage names.

Which models go in is decided generically (`plan()`): every model of the project's own apps,
and those of the listed Wagtail, taggit and auth apps, minus what is derived and rebuilt
(search documents, renditions, the reference index) or transient (sessions, login throttling,
editing sessions). A model added later is exported without editing any list; a test fails if
an installed model is neither exported nor named in `LEFT_OUT` with its reason.

A shareable archive (`export_archive(shareable=True)`, `export_data --shareable`) holds only
what the public may see: the models named in `SHAREABLE` (an allow-list: a model added later
stays out), and of their rows only those of live public pages, of unrestricted collections,
and those referring to nothing left out; pages as published, with no revision. A test fails
on a model in neither `SHAREABLE` nor `NOT_SHAREABLE`.

`import_archive()` reads and checks everything (checksums, format, migrations, every row)
before it writes, then restores in one transaction into a database holding no content; the
same archive imported again is a no-op.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import io
import json
import os
import platform
import tempfile
import uuid
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import metadata
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.python import Serializer as PythonSerializer
from django.db import IntegrityError, connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.fields import StreamField
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
)

from search import index
from taxonomy.models import VOCABULARIES

from .moves import MOVE_MIGRATIONS, new_label
from .pagetools import ExchangePageQuerySet
from .public_documents import restricted_collection_ids

FORMAT = "exchange-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA_DIR = "data/"
FILES_DIR = "files/"
CHUNK = 1024 * 1024

# Third-party apps whose models are content: exported whole, minus LEFT_OUT below.
CONTENT_APPS = (
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "wagtailredirects",
    "taggit",
    "auth",
    "wagtailusers",
)
# Project apps holding only what is derived from the content and rebuilt after an import.
DERIVED_APPS = {"search": "search documents, rebuilt from the pages (`search_index rebuild`)"}
# Everything installed that is not exported, and why. The backup test fails on any model
# that is neither exported nor listed here, so nothing is skipped without a decision.
LEFT_OUT_APPS = {
    **DERIVED_APPS,
    "wagtailsearch": "Wagtail's admin search index, rebuilt after an import",
    "wagtailembeds": "a cache of oEmbed answers, fetched again when needed",
    "wagtailadmin": "editing sessions and unsaved form states, transient",
    "contenttypes": "created by `migrate`; the archive names content types by natural key",
    "sessions": "logins in progress",
    "axes": "login throttling records, transient security data",
    "wagtail_localize": "wagtail-localize's translation memory (sources, segments, string "
    "translations, locale sync settings): the translated pages themselves are exported as pages "
    "with their revisions and stay editable; a new translation job starts from them",
}
LEFT_OUT_MODELS = {
    "auth.permission": "created by `migrate`; the archive names permissions by natural key",
    "wagtailcore.referenceindex": "derived from the content, rebuilt after an import",
    "wagtailcore.uploadedfile": "temporary uploads not yet attached to anything",
    "wagtailimages.rendition": "resized copies of images, made again on demand",
}
# Models whose foreign keys the archive writes as natural keys instead of ids.
NATURAL_KEY_MODELS = (ContentType, Permission)


# --- the shareable archive ------------------------------------------------------------------

# What a shareable archive (`export_data --shareable`) may hold: what the public may see on
# the site, and nothing else. An allow-list, so a model added later stays out of it until
# someone decides; the backup test fails on a model in neither list. Rows are filtered too:
# live public pages only, documents and images of unrestricted collections only, and rows
# pointing at a left-out row are dropped (or the link emptied where it may be empty).
SHAREABLE = frozenset(
    {
        # the public pages, their parts and the tree they hang in
        "wagtailcore.page",
        "wagtailcore.locale",
        "wagtailcore.site",
        "exchange.homepage",
        "cities.cityindexpage",
        "cities.cityprofilepage",
        "cities.governancebody",
        "cities.keyfigure",
        "practices.practicepage",
        "practices.barrierpage",
        "practices.opportunitypage",
        "practices.practicebarrier",
        "practices.practiceopportunity",
        "practices.practicepartner",
        "practices.practiceresource",
        "practices.barrierreportingcity",
        "practices.opportunityreportingcity",
        "practices.practicetag",
        "resources.resourceindexpage",
        "resources.resourcepage",
        "resources.resourcelanguage",
        "resources.resourcecity",
        "dialogues.dialogueindexpage",
        "dialogues.dialoguepage",
        "dialogues.dialogueorganiser",
        "dialogues.dialogueparticipantcity",
        "dialogues.dialogueparticipantorganisation",
        "dialogues.dialoguesession",
        "dialogues.dialoguecommitment",
        "dialogues.dialogueresource",
        "dialogues.recommendationpage",
        # the vocabularies and the organisations, public reference data
        "taxonomy.theme",
        "taxonomy.barriercategory",
        "taxonomy.opportunitycategory",
        "taxonomy.targetgroup",
        "taxonomy.actiontype",
        "taxonomy.sdgtarget",
        "taxonomy.region",
        "cities.organisation",
        # public documents and images, the collections they are in, the tags in use
        "wagtailcore.collection",
        "wagtaildocs.document",
        "wagtailimages.image",
        "taggit.tag",
        "taggit.taggeditem",
        # redirects to public pages (or to addresses outside the site)
        "wagtailredirects.redirect",
    }
)
NOT_SHAREABLE = {
    "auth.user": "user accounts: names, email addresses, password hashes",
    "auth.group": "groups, their members and permissions: how the site is administered",
    "wagtailusers.userprofile": "users' preferences",
    "wagtailcore.apitoken": "API credentials",
    "cities.cityeditorgroup": "which group edits which city: administration",
    "practices.submission": "what the public sent through the forms: names, email "
    "addresses, reviewers' notes",
    "practices.exchangerequest": "requests between cities, with their messages and replies",
    "wagtailcore.revision": "drafts and earlier versions; the archive holds the live pages",
    "wagtailcore.pageviewrestriction": "page passwords and who may see private pages",
    "wagtailcore.collectionviewrestriction": "passwords and groups of restricted collections",
    "wagtailcore.groupsitepermission": "administration",
    "wagtailcore.groupcollectionpermission": "administration",
    "wagtailcore.grouppagepermission": "administration",
    "wagtailcore.workflow": "moderation",
    "wagtailcore.workflowpage": "moderation",
    "wagtailcore.workflowcontenttype": "moderation",
    "wagtailcore.workflowtask": "moderation",
    "wagtailcore.workflowstate": "moderation of drafts, with who did what",
    "wagtailcore.task": "moderation",
    "wagtailcore.groupapprovaltask": "moderation",
    "wagtailcore.taskstate": "moderation of drafts, with reviewers' comments",
    "wagtailcore.modellogentry": "who did what, when",
    "wagtailcore.pagelogentry": "who did what, when",
    "wagtailcore.comment": "editors' and reviewers' comments on drafts",
    "wagtailcore.commentreply": "editors' and reviewers' comments on drafts",
    "wagtailcore.pagesubscription": "who follows comments on which page",
}
# Always present in a migrated database; the archive names them by natural key.
_ALWAYS_THERE = (ContentType, Permission)


def shareable_undecided() -> list[str]:
    """Exported models neither allowed in a shareable archive nor left out of it with a reason."""
    return [
        m._meta.label_lower
        for m in content_models()
        if m._meta.label_lower not in SHAREABLE and m._meta.label_lower not in NOT_SHAREABLE
    ]


def _public_page_ids() -> set[int]:
    """Live pages the public may see, with every ancestor such a page too.

    `visible_in_any_locale()` leaves out private pages, those below one, and the translations
    of private originals (which the site serves behind the original's login or password).
    """
    shareable_types = [
        ct.pk for ct in ContentType.objects.all() if f"{ct.app_label}.{ct.model}" in SHAREABLE
    ]
    candidates = dict(
        ExchangePageQuerySet(Page)
        .visible_in_any_locale()
        .filter(content_type__in=shareable_types)
        .values_list("path", "pk")
    )
    # The root is no page anyone visits, but every page hangs from it.
    candidates.update(Page.objects.filter(depth=1).values_list("path", "pk"))
    step = Page.steplen
    return {
        pk
        for path, pk in candidates.items()
        if all(path[:n] in candidates for n in range(step, len(path), step))
    }


def shareable_selection() -> dict[type[models.Model], set]:
    """The primary keys of every row a shareable archive holds, by model."""
    chosen = [m for m in content_models() if m._meta.label_lower in SHAREABLE]

    # Each link column read once, however many passes the loop below takes.
    @functools.cache
    def field_values(model: type[models.Model], attname: str) -> dict[Any, Any]:
        return dict(model._base_manager.values_list("pk", attname))

    pages = _public_page_ids()
    open_collections = set(
        Collection.objects.exclude(pk__in=restricted_collection_ids()).values_list("pk", flat=True)
    )
    kept: dict[type[models.Model], set] = {}
    for model in chosen:
        rows = model._base_manager.all()
        if issubclass(model, Page):
            rows = rows.filter(pk__in=pages)
        elif model is Collection:
            rows = rows.filter(pk__in=open_collections)
        elif model._meta.label_lower in ("wagtaildocs.document", "wagtailimages.image"):
            rows = rows.filter(collection__in=open_collections)
        elif model is Redirect:
            rows = rows.filter(
                models.Q(redirect_page__in=pages)
                | models.Q(redirect_page__isnull=True) & ~models.Q(redirect_link="")
            )
        kept[model] = set(rows.values_list("pk", flat=True))
    tag_model = apps.get_model("taggit", "tag")
    tagged_item = apps.get_model("taggit", "taggeditem")

    # A row whose required link points at a row left out goes too; repeat until stable.
    changed = True
    while changed:
        changed = False
        for model in chosen:
            for f in model._meta.local_fields:
                if not f.is_relation or f.null or f.related_model in _ALWAYS_THERE:
                    continue
                if f.related_model is tag_model:
                    continue  # tags follow their uses, below
                target = kept.get(f.related_model, set())
                values = field_values(model, f.attname)
                gone = {pk for pk in kept[model] if values.get(pk) not in target}
                if gone:
                    kept[model] -= gone
                    changed = True
    # Generic tags (of documents and images) only on rows in the archive.
    by_type = {ContentType.objects.get_for_model(m).pk: kept[m] for m in kept}
    kept[tagged_item] = {
        pk
        for pk, ct, obj in tagged_item._base_manager.values_list("pk", "content_type", "object_id")
        if pk in kept[tagged_item] and obj in by_type.get(ct, ())
    }
    used_tags: set = set()
    for model in chosen:
        for f in model._meta.local_fields:
            if f.is_relation and f.related_model is tag_model:
                values = field_values(model, f.attname)
                used_tags |= {values[pk] for pk in kept[model]}
    kept[tag_model] &= used_tags
    return kept


def _tree_numchild(records: list[dict], steplen: int) -> None:
    """Count the children in the archive: a left-out page is not a child any more."""
    paths = [r["fields"]["path"] for r in records]
    counts: dict[str, int] = {}
    for path in paths:
        counts[path[:-steplen]] = counts.get(path[:-steplen], 0) + 1
    for record in records:
        record["fields"]["numchild"] = counts.get(record["fields"]["path"], 0)


def _as_published(records: list[dict]) -> None:
    """A page as the public sees it: no trace of a draft, a lock or an editor."""
    for record in records:
        fields_ = record["fields"]
        fields_["draft_title"] = fields_["title"]
        fields_["has_unpublished_changes"] = False
        fields_["latest_revision_created_at"] = None
        fields_["locked"] = False
        fields_["locked_at"] = None


class BackupError(Exception):
    """The archive cannot be written or read; the message says why, for the person running it."""


# --- which models -----------------------------------------------------------------------


def _local_app_labels() -> list[str]:
    """The project's own apps: the packages at the top of the repository.

    Not "anything below the repository": a virtualenv inside it (`make install` puts one in
    .venv) holds Django's and Wagtail's apps too.
    """
    base = Path(settings.BASE_DIR).resolve()
    return [
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == base
    ]


def _concrete(models_: Iterable[type[models.Model]]) -> list[type[models.Model]]:
    return [m for m in models_ if not m._meta.proxy and m._meta.managed]


def all_installed_models() -> list[type[models.Model]]:
    return _concrete(apps.get_models())


def left_out() -> dict[str, str]:
    """Every installed model that is not exported, with the reason."""
    reasons = {}
    for model in all_installed_models():
        label = model._meta.label_lower
        app = model._meta.app_label
        if label in LEFT_OUT_MODELS:
            reasons[label] = LEFT_OUT_MODELS[label]
        elif app in LEFT_OUT_APPS:
            reasons[label] = LEFT_OUT_APPS[app]
    return reasons


def content_models() -> list[type[models.Model]]:
    """Every exported model, users included, in a stable order."""
    local = [label for label in _local_app_labels() if label not in DERIVED_APPS]
    chosen = []
    for label in [*local, *CONTENT_APPS]:
        if not apps.is_installed(apps.get_app_config(label).name):
            continue
        for model in _concrete(apps.get_app_config(label).get_models()):
            if model._meta.label_lower not in LEFT_OUT_MODELS:
                chosen.append(model)
    return chosen


def _links_to(model: type[models.Model], targets: set) -> list[models.Field]:
    return [f for f in model._meta.local_fields if f.is_relation and f.related_model in targets]


def plan(include_users: bool = True) -> tuple[list[type[models.Model]], dict[str, str]]:
    """The models an archive holds, and those left out by `include_users=False` with why.

    Without users, the accounts go, and with them what cannot exist without an account
    (comments, subscriptions, preferences, API tokens, anything else with a required link to
    a user); links to a user that may be empty (a page's owner, a revision's author) are
    emptied in the archive.
    """
    chosen = content_models()
    if include_users:
        return chosen, {}
    user_model = get_user_model()
    dropped = {user_model._meta.label_lower: "user accounts"}
    gone = {user_model}
    grown = True
    while grown:  # a comment goes with its author, a reply with its comment...
        grown = False
        for model in chosen:
            if model not in gone and any(not f.null for f in _links_to(model, gone)):
                dropped[model._meta.label_lower] = "cannot exist without a user account"
                gone.add(model)
                grown = True
    return [m for m in chosen if m not in gone], dropped


# --- serialization ------------------------------------------------------------------------


class _Serializer(PythonSerializer):
    """Django's serializer, with natural keys for content types and permissions only.

    Users and groups have natural keys too, but they are in the archive with their ids, and
    a natural key can only be resolved once its row exists: ids keep loading order free.
    """

    def __init__(
        self,
        left_out: frozenset = frozenset(),
        selection: dict[type[models.Model], set] | None = None,
    ):
        super().__init__()
        # Models not in the archive: links to them are emptied (a page's owner, say).
        self.left_out = left_out
        # In a shareable archive, the rows kept: links to other rows are emptied too.
        self.selection = selection

    def _kept(self, model: type[models.Model], pk: Any) -> bool:
        return self.selection is None or pk in self.selection.get(model, ())

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = issubclass(field.related_model, NATURAL_KEY_MODELS)
        if field.related_model in self.left_out or (
            not issubclass(field.related_model, NATURAL_KEY_MODELS)
            and not self._kept(field.related_model, getattr(obj, field.attname))
        ):
            self._current[field.name] = None
            return
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = issubclass(field.related_model, NATURAL_KEY_MODELS)
        if field.related_model in self.left_out:
            return
        super().handle_m2m_field(obj, field)
        if field.name in self._current and not issubclass(field.related_model, NATURAL_KEY_MODELS):
            self._current[field.name] = [
                pk for pk in self._current[field.name] if self._kept(field.related_model, pk)
            ]
        if field.name in self._current:
            # In a stable order, so the same content always gives the same archive.
            self._current[field.name] = sorted(self._current[field.name], key=json.dumps)


def _json_default(value: Any) -> Any:
    # Full precision: DjangoJSONEncoder drops microseconds, and a backup must lose nothing.
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    raise TypeError(f"cannot store {type(value).__name__} in a backup")


def _dumps(value: Any) -> bytes:
    return json.dumps(value, default=_json_default, ensure_ascii=False, indent=1).encode()


def serialize_model(
    model: type[models.Model],
    include_users: bool = True,
    selection: dict[type[models.Model], set] | None = None,
) -> list[dict]:
    """The rows of `model` as JSON-ready records, by primary key.

    With a `selection` (`shareable_selection()`), only its rows, and links to rows outside
    it emptied.
    """
    if selection is None:
        kept, _ = plan(include_users)
    else:
        kept = list(selection)
    serializer = _Serializer(frozenset(content_models()) - frozenset(kept), selection)
    rows = model._base_manager.order_by("pk").iterator(chunk_size=2000)
    if selection is not None:
        wanted = selection[model]
        rows = (row for row in rows if row.pk in wanted)
    records = serializer.serialize(rows)
    if selection is not None and model is Page:
        _as_published(records)
    if selection is not None and model in (Page, Collection):
        _tree_numchild(records, model.steplen)
    # Through JSON and back, so records compare equal whichever way they were made.
    return json.loads(_dumps(records))


def _content_type_ids() -> dict[str, list[str]]:
    return {
        str(pk): [app, model]
        for pk, app, model in ContentType.objects.values_list("pk", "app_label", "model")
    }


def _remap_content_types(records: list[dict], label: str, old_ids: dict[str, list[str]]) -> None:
    """Revisions hold a copy of their page, content type id included; give it this database's."""
    if label != "wagtailcore.revision":
        return
    for record in records:
        content = record["fields"].get("content")
        if isinstance(content, dict) and "content_type" in content:
            natural = old_ids.get(str(content["content_type"]))
            if natural is None:
                raise BackupError(
                    f"A revision refers to content type {content['content_type']}, "
                    "which the manifest does not name."
                )
            try:
                content["content_type"] = ContentType.objects.get_by_natural_key(*natural).pk
            except ContentType.DoesNotExist as exc:
                raise BackupError(
                    f"A revision is of type {'.'.join(natural)}, unknown to this installation."
                ) from exc


def _file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.local_fields if isinstance(f, models.FileField)]


def _applied_migrations(app_labels: Iterable[str]) -> dict[str, list[str]]:
    wanted = set(app_labels)
    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        if app in wanted:
            applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def _versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for dist in ("exchange", "Django", "wagtail", "django-taggit", "django-modelcluster"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "unknown"
    return versions


# --- export -------------------------------------------------------------------------------


@dataclass
class ExportResult:
    path: Path
    archive_id: str
    rows: int
    models: int
    files: int
    includes_users: bool
    left_out: dict[str, str] = field(default_factory=dict)
    shareable: bool = False


def _sha256_file(handle) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def export_archive(
    path: str | os.PathLike, include_users: bool = True, shareable: bool = False
) -> ExportResult:
    """Write the whole content to a new archive at `path` (never overwriting a file).

    `shareable`: only what the public may see (`SHAREABLE`, `shareable_selection()`).
    """
    path = Path(path)
    if path.exists():
        raise BackupError(f"{path} already exists; choose another name or remove it first.")
    if not path.parent.is_dir():
        raise BackupError(f"The folder {path.parent} does not exist.")
    if shareable:
        include_users = False
    models_, dropped = plan(include_users)
    # Written next to the target, then renamed: a failed export leaves no half archive.
    fd, tmp_name = tempfile.mkstemp(prefix=".export-", suffix=".zip", dir=path.parent)
    os.close(fd)
    try:
        with _consistent_read():
            selection = None
            # In a shareable archive too, the schema of an archive without users, so that
            # import checks it as one.
            schema_apps = {m._meta.app_label for m in models_}
            if shareable:
                selection = shareable_selection()
                models_ = [m for m in models_ if m in selection]
                dropped = {
                    m._meta.label_lower: NOT_SHAREABLE.get(
                        m._meta.label_lower, "not in the shareable archive"
                    )
                    for m in content_models()
                    if m not in selection
                }
            result = _write_archive(
                Path(tmp_name), models_, include_users, dropped, selection, schema_apps
            )
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    result.path = path
    return result


class _consistent_read:
    """One snapshot of the database for the whole export, where the database offers it."""

    def __enter__(self):
        self.atomic = transaction.atomic()
        outermost = not connection.in_atomic_block
        self.atomic.__enter__()
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return self

    def __exit__(self, *exc):
        return self.atomic.__exit__(*exc)


def _write_archive(
    tmp: Path,
    models_: list[type[models.Model]],
    include_users: bool,
    dropped: dict[str, str],
    selection: dict[type[models.Model], set] | None,
    schema_apps: set[str],
) -> ExportResult:
    members: dict[str, dict[str, Any]] = {}
    model_entries, file_entries, rows = [], [], 0
    missing: list[str] = []
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for model in models_:
            label = model._meta.label_lower
            records = serialize_model(model, include_users, selection)
            member = f"{DATA_DIR}{label}.json"
            data = _dumps(records)
            archive.writestr(member, data)
            members[member] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            model_entries.append({"model": label, "member": member, "count": len(records)})
            rows += len(records)
            for file_field in _file_fields(model):
                holders = model._base_manager.all()
                if selection is not None:
                    # Only the files of the rows in the archive: a restricted document's
                    # file stays out with its row.
                    holders = holders.filter(pk__in=sorted(selection[model]))
                names = (
                    holders.exclude(**{file_field.name: ""})
                    .order_by(file_field.name)
                    .values_list(file_field.name, flat=True)
                    .distinct()
                )
                for name in names:
                    member = f"{FILES_DIR}{name}"
                    if member in members:
                        continue
                    storage = file_field.storage
                    if not storage.exists(name):
                        missing.append(f"{label}: {name}")
                        continue
                    with storage.open(name, "rb") as source, archive.open(member, "w") as out:
                        digest, size = hashlib.sha256(), 0
                        while chunk := source.read(CHUNK):
                            digest.update(chunk)
                            size += len(chunk)
                            out.write(chunk)
                    members[member] = {"sha256": digest.hexdigest(), "size": size}
                    file_entries.append(
                        {"member": member, "name": name, "model": label, "field": file_field.name}
                    )
        if missing:
            raise BackupError(
                "These files are missing from storage, so the archive would be incomplete: "
                + "; ".join(missing)
            )
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "archive_id": uuid.uuid4().hex,
            "created_at": timezone.now().isoformat(),
            "versions": _versions(),
            "database": connection.vendor,
            "includes_users": include_users,
            "shareable": selection is not None,
            "left_out": {**left_out(), **dropped},
            "migrations": _applied_migrations(schema_apps),
            "content_types": _content_type_ids(),
            "models": model_entries,
            "files": file_entries,
            "members": members,
        }
        archive.writestr(MANIFEST, _dumps(manifest))
    return ExportResult(
        path=tmp,
        archive_id=manifest["archive_id"],
        rows=rows,
        models=len(model_entries),
        files=len(file_entries),
        includes_users=include_users,
        left_out=dropped,
        shareable=selection is not None,
    )


# --- reading and checking an archive ------------------------------------------------------


@dataclass
class Archive:
    """A checked archive: its manifest, and every model's records ready to compare or load."""

    manifest: dict[str, Any]
    models: list[type[models.Model]]
    records: dict[str, list[dict]]
    files: list[dict[str, str]]
    zip_path: Path

    @property
    def rows(self) -> int:
        return sum(len(r) for r in self.records.values())


def read_archive(path: str | os.PathLike) -> Archive:
    """Open and check an archive completely; raise BackupError on anything wrong.

    Nothing is written: the checksums, format version, migrations, model names and every
    record (parsed and resolved against this database's content types) are checked here.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"There is no file at {path}.")
    try:
        with zipfile.ZipFile(path) as archive:
            return _check(archive, path)
    except zipfile.BadZipFile as exc:
        raise BackupError(
            f"{path} is not a readable backup archive (truncated or damaged?): {exc}"
        ) from exc
    except (OSError, EOFError, zlib.error) as exc:
        raise BackupError(f"{path} could not be read (truncated or damaged?): {exc}") from exc


def _read_member(archive: zipfile.ZipFile, name: str, expected: dict[str, Any]) -> bytes:
    try:
        with archive.open(name) as handle:
            data = handle.read(int(expected["size"]) + 1)
    except KeyError as exc:
        raise BackupError(f"The archive lacks {name}, which its manifest lists.") from exc
    if len(data) != expected["size"] or hashlib.sha256(data).hexdigest() != expected["sha256"]:
        raise BackupError(f"{name} does not match its checksum: the archive was altered.")
    return data


def _check_file_member(archive: zipfile.ZipFile, name: str, expected: dict[str, Any]) -> None:
    try:
        with archive.open(name) as handle:
            digest, size = _sha256_file(handle)
    except KeyError as exc:
        raise BackupError(f"The archive lacks {name}, which its manifest lists.") from exc
    if size != expected["size"] or digest != expected["sha256"]:
        raise BackupError(f"{name} does not match its checksum: the archive was altered.")


def _load_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError as exc:
        raise BackupError("This is not an Exchange backup: it has no manifest.json.") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise BackupError(f"The manifest is not valid JSON: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("This is not an Exchange backup: its manifest names another format.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"This archive is in format version {manifest.get('format_version')!r}; this "
            f"version of the Exchange reads version {FORMAT_VERSION} only."
        )
    for key in ("archive_id", "migrations", "content_types", "models", "files", "members"):
        if key not in manifest:
            raise BackupError(f"The manifest lacks {key!r}: the archive is damaged.")
    return manifest


# Migrations that change no table an archive's rows are loaded into (labels, help texts,
# validators, a many-to-many field's class): an archive made just before one of them still
# loads as it is, so it counts as made after it.
ROW_NEUTRAL_MIGRATIONS: dict[str, list[str]] = {
    "practices": ["0008_practice_basics_shared"],
}


def _past_row_neutral_migrations(theirs: dict[str, list[str]], mine: dict[str, list[str]]) -> None:
    """Count the archive as made after the row-neutral migrations this installation has."""
    for app, names in ROW_NEUTRAL_MIGRATIONS.items():
        applied_here = [name for name in names if name in mine.get(app, [])]
        if app in theirs and applied_here:
            theirs[app] = sorted({*theirs[app], *applied_here})


def _from_before_the_split(manifest: dict[str, Any]) -> bool:
    """Whether the archive was made before models moved to their own apps (exchange.moves):
    it has the project's migrations but none of those that made the move."""
    theirs = manifest["migrations"]
    return "exchange" in theirs and not any(
        set(theirs.get(app, [])) & set(names) for app, names in MOVE_MIGRATIONS.items()
    )


def _upgrade_labels(manifest: dict[str, Any]) -> None:
    """Name the moved models as they are named now, in the manifest; rows follow in _check."""
    for app, names in MOVE_MIGRATIONS.items():
        manifest["migrations"][app] = sorted([*manifest["migrations"].get(app, []), *names])
    manifest["content_types"] = {
        pk: new_label(".".join(natural)).split(".")
        for pk, natural in manifest["content_types"].items()
    }
    for entry in manifest["models"]:
        entry["model"] = new_label(entry["model"])
    for entry in manifest["files"]:
        if "model" in entry:
            entry["model"] = new_label(entry["model"])


def _upgrade_rows(rows: list[dict], model: type[models.Model]) -> None:
    """The rows of an archive made before the split: their model label and the natural keys
    of the content types and permissions they point to."""
    natural = [
        f
        for f in model._meta.get_fields()
        if f.concrete and f.is_relation and issubclass(f.related_model, NATURAL_KEY_MODELS)
    ]

    def moved(key):
        if isinstance(key, list) and len(key) in (2, 3) and all(isinstance(k, str) for k in key):
            *codename, app, name = key
            return [*codename, *new_label(f"{app}.{name}").split(".")]
        return key

    for row in rows:
        row["model"] = new_label(row["model"])
        fields = row.get("fields", {})
        for relation in natural:
            if relation.name not in fields:
                continue  # a page's content type is in its wagtailcore.page row
            value = fields[relation.name]
            if relation.many_to_many and isinstance(value, list):
                fields[relation.name] = [moved(key) for key in value]
            else:
                fields[relation.name] = moved(value)


def _check(archive: zipfile.ZipFile, path: Path) -> Archive:
    manifest = _load_manifest(archive)
    upgrading = _from_before_the_split(manifest)
    if upgrading:
        _upgrade_labels(manifest)
    members = manifest["members"]
    names = set(archive.namelist()) - {MANIFEST}
    if names - set(members):
        extra = ", ".join(sorted(names - set(members))[:5])
        raise BackupError(f"The archive holds members its manifest does not list: {extra}.")

    exported, _ = plan(manifest.get("includes_users", True))
    known = {m._meta.label_lower: m for m in content_models()}
    mine = _applied_migrations({m._meta.app_label for m in exported})
    theirs = manifest["migrations"]
    _past_row_neutral_migrations(theirs, mine)
    if theirs != {app: mine.get(app, []) for app in theirs} or set(mine) - set(theirs):
        differ = sorted(
            {app for app in set(mine) | set(theirs) if mine.get(app) != theirs.get(app)}
        )
        raise BackupError(
            "The archive was made with another database schema (migrations differ in: "
            + ", ".join(differ)
            + "). Import it with the version of the Exchange that made it "
            + f"({manifest.get('versions', {}).get('exchange', 'unknown')}), then upgrade."
        )

    models_: list[type[models.Model]] = []
    records: dict[str, list[dict]] = {}
    for entry in manifest["models"]:
        label, member = entry["model"], entry["member"]
        if label not in known:
            raise BackupError(f"The archive holds {label}, which this installation does not know.")
        if member not in members:
            raise BackupError(f"The manifest gives no checksum for {member}.")
        data = _read_member(archive, member, members[member])
        try:
            rows = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise BackupError(f"{member} is not valid JSON: {exc}") from exc
        if not isinstance(rows, list) or len(rows) != entry["count"]:
            raise BackupError(
                f"{member} does not hold the {entry['count']} rows the manifest says."
            )
        if upgrading and isinstance(rows, list) and all(isinstance(r, dict) for r in rows):
            _upgrade_rows(rows, known[label])
        if any(not isinstance(r, dict) or r.get("model") != label for r in rows):
            raise BackupError(f"{member} holds rows of another model than {label}.")
        _remap_content_types(rows, label, manifest["content_types"])
        models_.append(known[label])
        records[label] = rows

    for entry in manifest["files"]:
        member = entry.get("member", "")
        model = known.get(entry.get("model"))
        if (
            member not in members
            or entry.get("name") != member[len(FILES_DIR) :]
            or model not in models_
            or entry.get("field") not in {f.name for f in _file_fields(model)}
        ):
            raise BackupError(f"The manifest's entry for the file {member!r} is damaged.")
        _check_file_member(archive, member, members[member])

    result = Archive(manifest, models_, records, manifest["files"], path)
    # Parse every record now, so a bad value is found before anything is written.
    for _ in _deserialize(result):
        pass
    return result


def _deserialize(archive: Archive) -> Iterator[Any]:
    for model in archive.models:
        label = model._meta.label_lower
        try:
            yield from serializers.deserialize(
                "python", archive.records[label], ignorenonexistent=False
            )
        except DeserializationError as exc:
            raise BackupError(f"A row of {label} cannot be read: {exc}") from exc


# --- import -------------------------------------------------------------------------------


@dataclass
class ImportResult:
    archive_id: str
    rows: int
    files: int
    already_imported: bool = False
    files_restored: int = 0
    warnings: list[str] = field(default_factory=list)


def content_in_database(include_users: bool) -> list[str]:
    """What the database holds beyond what `migrate` creates; empty when it may be restored.

    `migrate` leaves Wagtail's root and welcome pages, a site, a locale, a root collection,
    groups with their permissions, a workflow and our seeded vocabularies: an import replaces
    those. Anything else (a page of ours, a document, an image, a row of our own tables,
    and accounts when the archive brings accounts) is content the import would overwrite.
    """
    found = []
    plain_page = ContentType.objects.get_for_model(Page)
    pages = Page.objects.exclude(content_type=plain_page).count()
    if pages:
        found.append(f"{pages} pages")
    seeded = {m._meta.label_lower for m in VOCABULARIES}
    local = set(_local_app_labels())
    checked = [
        m
        for m in content_models()
        if m._meta.label_lower not in seeded
        and not issubclass(m, Page)
        and (
            m._meta.app_label in local
            or m._meta.label_lower
            in {
                "wagtaildocs.document",
                "wagtailimages.image",
                "wagtailredirects.redirect",
                "wagtailcore.comment",
                "taggit.tag",
            }
        )
    ]
    if include_users:
        checked.append(get_user_model())
    for model in checked:
        count = model._base_manager.count()
        if count:
            name = (
                "user accounts" if model is get_user_model() else model._meta.verbose_name_plural
            )
            found.append(f"{count} {name}")
    return found


def _comparable(model: type[models.Model], records: list[dict]) -> list[dict]:
    """Records with StreamField values parsed: PostgreSQL stores them as jsonb, whose key
    order differs from SQLite's text, so equal content may differ as a string."""
    streams = [f.name for f in model._meta.local_fields if isinstance(f, StreamField)]
    if not streams:
        return records
    parsed = []
    for record in records:
        fields_ = dict(record["fields"])
        for name in streams:
            if isinstance(fields_.get(name), str):
                fields_[name] = json.loads(fields_[name] or "[]")
        parsed.append({**record, "fields": fields_})
    return parsed


def _same_content(archive: Archive) -> bool:
    include_users = archive.manifest.get("includes_users", True)
    selection = shareable_selection() if archive.manifest.get("shareable") else None
    return all(
        _comparable(model, serialize_model(model, include_users, selection))
        == _comparable(model, archive.records[model._meta.label_lower])
        for model in archive.models
    )


def _tables_to_clear(models_: list[type[models.Model]]) -> list[type[models.Model]]:
    """The models restored, their many-to-many tables, and what refers to them (derived)."""
    cleared = list(models_)
    for model in models_:
        for m2m in model._meta.local_many_to_many:
            through = m2m.remote_field.through
            if through._meta.auto_created and through not in cleared:
                cleared.append(through)
    # Rows elsewhere pointing at restored ones (search documents, renditions, the admin's
    # search index...) are derived: they go too, and are rebuilt.
    grown = True
    while grown:
        grown = False
        for model in apps.get_models(include_auto_created=True):
            if model in cleared or model._meta.proxy or not model._meta.managed:
                continue
            if (
                any(
                    f.is_relation and f.many_to_one and f.related_model in cleared
                    for f in model._meta.local_fields
                )
                or model._meta.label_lower in LEFT_OUT_MODELS
            ):
                if model in (ContentType, Permission):
                    continue
                cleared.append(model)
                grown = True
    return cleared


def _restore_files(archive: Archive, written: list[tuple[Any, str]]) -> int:
    """Write the archive's files to storage, noting in `written` what to undo on failure."""
    known = {m._meta.label_lower: m for m in archive.models}
    restored = 0
    with zipfile.ZipFile(archive.zip_path) as zf:
        for entry in archive.files:
            storage = known[entry["model"]]._meta.get_field(entry["field"]).storage
            name = entry["name"]
            expected = archive.manifest["members"][entry["member"]]
            if storage.exists(name):
                with storage.open(name, "rb") as current:
                    if _sha256_file(current)[0] == expected["sha256"]:
                        continue
                storage.delete(name)
            with zf.open(entry["member"]) as source:
                saved = storage.save(name, ContentFile(source.read()))
            written.append((storage, saved))
            if saved != name:
                raise BackupError(f"The storage refused the name {name} (it gave {saved}).")
            restored += 1
    return restored


def import_archive(path: str | os.PathLike) -> ImportResult:
    """Restore an archive into a database holding no content; a second import is a no-op."""
    archive = read_archive(path)
    manifest = archive.manifest
    include_users = manifest.get("includes_users", True)
    result = ImportResult(manifest["archive_id"], archive.rows, len(archive.files))

    with transaction.atomic():
        present = content_in_database(include_users)
        if present:
            if not _same_content(archive):
                raise BackupError(
                    "The database is not empty ("
                    + ", ".join(present)
                    + "): import into a newly migrated database. Nothing was changed."
                )
            result.already_imported = True
            result.files_restored = _restore_files(archive, [])
            return result
        cleared = _tables_to_clear(archive.models)
        grants = _root_grants(archive)
        try:
            # A savepoint of its own: a failure here undoes the load and nothing else.
            with transaction.atomic():
                for model in reversed(cleared):
                    model._base_manager.all()._raw_delete(connection.alias)
                _load(archive)
                _restore_root_grants(grants)
                with connection.cursor() as cursor:
                    for sql in connection.ops.sequence_reset_sql(no_style(), cleared):
                        cursor.execute(sql)
                connection.check_constraints(table_names=[m._meta.db_table for m in cleared])
        except IntegrityError as exc:
            raise BackupError(
                f"The archive's rows do not fit together ({exc}). Nothing was changed."
            ) from exc
        if any(Page.find_problems()):
            Page.fix_tree(fix_paths=True)
        written: list[tuple[Any, str]] = []
        try:
            result.files_restored = _restore_files(archive, written)
        except BaseException:
            for storage, name in written:
                storage.delete(name)
            raise
    ContentType.objects.clear_cache()
    Site.clear_site_root_paths_cache()
    result.warnings = _rebuild_derived()
    return result


# What a shareable archive does not bring, and the target database already has at the root of
# its page tree and of its collections: its groups' permissions. Left cleared with the pages,
# nobody but a superuser could edit the imported pages. (The workflow at the root survives:
# `WorkflowPage` is keyed by its page, a link `_tables_to_clear` does not follow.)
_ROOT_GRANTS = (
    (GroupPagePermission, "page_id", Page),
    (GroupCollectionPermission, "collection_id", Collection),
)


def _root_grants(archive: Archive) -> list[models.Model]:
    """The target's own grants at the roots, kept aside before a shareable import clears them."""
    if not archive.manifest.get("shareable"):
        return []
    grants = []
    for model, attname, tree in _ROOT_GRANTS:
        root = tree.get_first_root_node()
        if model not in archive.models and root is not None:
            grants.extend(model._base_manager.filter(**{attname: root.pk}))
    return grants


def _restore_root_grants(grants: list[models.Model]) -> None:
    """Give the kept-aside grants to the restored roots (by place in the tree, not by id)."""
    for model, attname, tree in _ROOT_GRANTS:
        mine = [grant for grant in grants if isinstance(grant, model)]
        root = tree.get_first_root_node()
        if not mine or root is None:
            continue
        for grant in mine:
            setattr(grant, attname, root.pk)
        model._base_manager.bulk_create(mine)


def _load(archive: Archive) -> None:
    for item in _deserialize(archive):
        obj = item.object
        models.Model.save_base(obj, raw=True, force_insert=True)
        for name, values in item.m2m_data.items():
            m2m = obj._meta.get_field(name)
            through = m2m.remote_field.through
            source = m2m.m2m_field_name()
            target = m2m.m2m_reverse_field_name()
            through._base_manager.bulk_create(
                [through(**{f"{source}_id": obj.pk, f"{target}_id": pk}) for pk in values]
            )


def _rebuild_derived() -> list[str]:
    """Search documents and Wagtail's indexes, after the restored content is committed."""
    warnings = []
    steps = [
        ("search_index rebuild", index.rebuild),
        (
            "rebuild_references_index",
            lambda: call_command("rebuild_references_index", stdout=io.StringIO()),
        ),
        ("update_index", lambda: call_command("update_index", stdout=io.StringIO())),
    ]
    for name, step in steps:
        try:
            step()
        except Exception as exc:  # the content is in; say what to run again
            warnings.append(f"`manage.py {name}` failed ({exc}); run it again.")
    return warnings
