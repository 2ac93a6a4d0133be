"""The API app's URLs in the role × URL matrix (see tests/test_url_matrix.py).

The token pages are ordinary session pages (ENTRIES). The public API endpoints are listed in PUBLIC there
(tests/api/test_public.py checks they show nothing unpublished). The workspace endpoints authenticate with an API
token, not a session, so the session matrix (anonymous → login page) does not fit them: they are listed here in
TOKEN_ENTRIES, and tests/api/test_token_matrix.py runs the same matrix with tokens (no token → 401, roles without
the right → 403, other towns' people and town B's objects → 404).
"""

from dataclasses import dataclass, field

from tests.matrix_support import EDIT, READ, Entry

EVERYONE = frozenset(
    {"network_admin", "coach", "coordinator", "editor", "viewer", "participant", "coordinator_b", "other_admin"}
)

ENTRIES = {
    "api:tokens": Entry("user", EVERYONE),
    "api:token_revoke": Entry("user", EVERYONE, method="post"),
}


@dataclass
class TokenEntry:
    scope: str  # "municipality": names town A (slug, maybe pk); "user": the token's own view
    allowed: frozenset[str]
    method: str = "get"
    names: str = ""  # the kind of town A's object the address names as `id`: "measure", "lesson" or "indicator"
    payload: dict = field(default_factory=dict)


NEW_MEASURE = {"title": "Matrix-Maßnahme", "action_field": "mobilitaet"}
NEW_LESSON = {"title": "Matrix-Wissen", "text": "Gelernt."}
NEW_MEASUREMENT = {"measured_on": "2026-01-01", "value": "12.5"}

TOKEN_ENTRIES = {
    "api-v1:workspace_list": [TokenEntry("user", EVERYONE)],
    "api-v1:workspace_measures": [
        TokenEntry("municipality", READ),
        TokenEntry("municipality", EDIT, method="post", payload=NEW_MEASURE),
    ],
    "api-v1:workspace_measure": [
        TokenEntry("municipality", READ, names="measure"),
        TokenEntry("municipality", EDIT, method="patch", names="measure", payload={"summary": "geändert"}),
    ],
    "api-v1:workspace_lessons": [
        TokenEntry("municipality", READ),
        TokenEntry("municipality", EDIT, method="post", payload=NEW_LESSON),
    ],
    "api-v1:workspace_lesson": [
        TokenEntry("municipality", READ, names="lesson"),
        TokenEntry("municipality", EDIT, method="patch", names="lesson", payload={"text": "geändert"}),
        TokenEntry("municipality", EDIT, method="delete", names="lesson"),  # an internal lesson
    ],
    "api-v1:workspace_indicators": [TokenEntry("municipality", READ)],
    "api-v1:workspace_measurements": [
        TokenEntry("municipality", READ, names="indicator"),
        TokenEntry("municipality", EDIT, method="post", names="indicator", payload=NEW_MEASUREMENT),
    ],
}
