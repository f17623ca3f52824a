"""What a higher app lends a lower one, through Wagtail hooks.

Apps depend one way (docs/architecture.md): a city page never imports the practices,
dialogues or search that build on cities. Where a page shows what a higher app holds (a
city's practices, the dialogues it took part in, similar cities from the search index),
the higher app registers a function under a hook name in its `wagtail_hooks.py`, and the
page asks for it here. The names are listed in docs/architecture.md.
"""

from __future__ import annotations

from typing import Any

from wagtail import hooks


def provided(name: str, *args: Any, default: Any = None, **kwargs: Any) -> Any:
    """The answer of the function an installed app registered as `name`, else `default`."""
    found = hooks.get_hooks(name)
    return found[-1](*args, **kwargs) if found else default


def contributed(name: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """The context every function registered as `name` adds, merged in app order."""
    context: dict[str, Any] = {}
    for contribute in hooks.get_hooks(name):
        context.update(contribute(*args, **kwargs))
    return context
