"""Search documents follow their pages: publish, unpublish, move, privacy change, delete."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import index

_paused: ContextVar[bool] = ContextVar("search_sync_paused", default=False)


def _enabled() -> bool:
    return getattr(settings, "SEARCH_AUTO_SYNC", True) and not _paused.get()


@contextmanager
def paused() -> Iterator[None]:
    """No sync per page inside the block: for code that publishes many pages in one go
    (the demo loader), each publish would otherwise re-index much of the site again. The
    caller syncs once afterwards (index.sync)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def _sync_around(page: Page) -> None:
    if _enabled():
        index.sync(index.affected_page_ids(page))


def on_publish_change(sender, instance: Page, **kwargs) -> None:
    _sync_around(instance)


def before_move(sender, instance: Page, parent_page_before: Page, **kwargs) -> None:
    # The old parent and its ancestors lose what the moved page gave them.
    instance._search_before_move = index.affected_page_ids(parent_page_before)


def after_move(sender, instance: Page, **kwargs) -> None:
    if _enabled():
        before = getattr(instance, "_search_before_move", set())
        index.sync(before | index.affected_page_ids(instance))


def before_delete(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) and _enabled():
        instance._search_affected = index.affected_page_ids(instance)


def after_delete(sender, instance, **kwargs) -> None:
    affected = getattr(instance, "_search_affected", None)
    if affected is not None:
        index.remove([instance.pk])
        index.sync(affected - {instance.pk})


def on_restriction_change(sender, instance: PageViewRestriction, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _sync_around(page)


def connect() -> None:
    page_published.connect(on_publish_change, dispatch_uid="search_publish")
    page_unpublished.connect(on_publish_change, dispatch_uid="search_unpublish")
    pre_page_move.connect(before_move, dispatch_uid="search_pre_move")
    post_page_move.connect(after_move, dispatch_uid="search_post_move")
    pre_delete.connect(before_delete, dispatch_uid="search_pre_delete")
    post_delete.connect(after_delete, dispatch_uid="search_post_delete")
    post_save.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="search_pvr")
    post_delete.connect(
        on_restriction_change, sender=PageViewRestriction, dispatch_uid="search_pvr_delete"
    )
