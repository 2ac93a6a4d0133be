"""Shared pieces of the role × URL matrix. Each app's `tests/<app>/matrix.py` may define

    ENTRIES: dict[url name, Entry]       # the app's URLs and who may use them
    def objects(municipality, coordinator) -> dict   # objects of one town its URLs name (keys used by kwargs)

and tests/test_url_matrix.py picks them up.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

EDIT = frozenset({"network_admin", "coach", "coordinator", "editor"})
READ = EDIT | {"viewer"}
MANAGE = frozenset({"network_admin", "coordinator"})
ADMIN = frozenset({"network_admin"})


@dataclass
class Entry:
    scope: str  # "municipality": names town A; "network": the admin's network; "user": any signed-in user
    allowed: frozenset[str] | set[str]
    kwargs: Callable[[dict], dict] = field(default=lambda objects: {})
    method: str = "get"
    names_object: bool = False  # network scope: the URL names an object of one network


def town(objects: dict) -> dict:
    return {"slug": objects["municipality"].slug}


def town_and(key: str) -> Callable[[dict], dict]:
    return lambda objects: {"slug": objects["municipality"].slug, "pk": objects[key]}
