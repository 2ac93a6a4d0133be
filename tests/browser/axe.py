"""axe-core check shared by the browser tests."""

from axe_playwright_python.sync_playwright import Axe

BLOCKING = {"serious", "critical"}

_axe = Axe()


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


def assert_accessible(page, label: str = "") -> None:
    """No axe violation of impact serious or critical on the current page."""
    violations = _axe.run(page).response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    where = label or page.url
    assert not blocking, f"axe found {len(blocking)} serious/critical violation(s) on {where}:\n{describe(blocking)}"
