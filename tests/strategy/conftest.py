import re

import pytest
from django.test import Client

HUGE = "x" * 100_000
ENGLISH = ("This field is required", "Enter a valid", "Ensure this value", "already exists", "Select a valid")


@pytest.fixture
def login():
    """A client logged in as `user` that answers errors with 500 pages instead of raising."""

    def make(user):
        client = Client(raise_request_exception=False)
        client.force_login(user, backend="vorort.accounts.backends.EmailBackend")
        return client

    return make


def field_errors(html: str, field: str) -> str:
    """The error list rendered next to form field `field`, as text ("" if there is none)."""
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html, re.S)
    return re.sub(r"<[^>]+>", " ", match.group(1)) if match else ""


def assert_refused(response, field: str, *german: str) -> str:
    """A form answered with a German message at `field`, nothing saved, no server error."""
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    errors = field_errors(html, field)
    assert errors, f"no error list next to {field}"
    for text in german:
        assert text in errors, errors
    for text in ENGLISH:
        assert text not in html
    assert "Es wurde nichts gespeichert" in html
    return html
