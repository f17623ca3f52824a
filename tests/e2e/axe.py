"""axe-core (through axe-playwright-python) with the WCAG 2.2 A and AA rules, and a report
of its violations that says what failed and where."""

from __future__ import annotations

try:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Page
except ImportError:  # conftest skips every e2e test and says what to install
    Axe = None

# Every success criterion of WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe's tags).
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def violations(page: Page) -> list[dict]:
    """axe's violations of the WCAG A/AA rules on the page as it is now."""
    options = {"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def report(found: list[dict]) -> str:
    """One paragraph per violation: rule id, impact, help, and each failing node's target."""
    lines = []
    for violation in found:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}: {node.get('failureSummary', '').strip()}")
            lines.append(f"        {node['html'][:200]}")
    return "\n".join(lines)


def assert_no_violations(page: Page) -> None:
    found = violations(page)
    assert not found, f"{len(found)} WCAG A/AA violation(s) on {page.url}:\n{report(found)}"
