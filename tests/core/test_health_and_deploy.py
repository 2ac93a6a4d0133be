"""Operations: the health check, Django's deployment checks and the security headers."""

import os
import re
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError

VORORT = Path(sys.prefix) / "bin" / "vorort"
# Variables that would change what the production settings look like (or point at another database).
_OVERRIDES = (
    "DATABASE_URL",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "VORORT_DATA_DIR",
    "DJANGO_SETTINGS_MODULE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_PRELOAD",
    "EMAIL_BACKEND",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set for the browser tests, never in production
    "DATABASE_URL",
)


def _random_key(length: int = 64) -> str:
    alphabet = string.ascii_letters + string.digits + string.punctuation.replace("'", "").replace('"', "")
    return "".join(secrets.choice(alphabet) for _ in range(length))


def _check_deploy(tmp_path, **env_overrides) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in _OVERRIDES}
    env.update(
        DEBUG="0",
        SECRET_KEY=_random_key(),
        ALLOWED_HOSTS="vorort.example.org",
        VORORT_DATA_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="vorort.settings",
    )
    env.update(env_overrides)
    env = {key: value for key, value in env.items() if value is not None}
    return subprocess.run(
        [str(VORORT), "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# --- /healthz ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["database"] == "ok"
    assert data["status"] == "ok"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_only_answers_get(client):
    assert client.post("/healthz").status_code == 405
    assert client.delete("/healthz").status_code == 405


@pytest.mark.django_db
def test_healthz_reports_a_broken_database_as_503(client, monkeypatch):
    class BrokenConnection:
        vendor = "sqlite"

        def cursor(self):
            raise OperationalError("database is locked")

    monkeypatch.setattr("vorort.core.views.connection", BrokenConnection())

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "error"
    assert "locked" not in response.content.decode()  # no internals leak


# --- check --deploy ---------------------------------------------------------------------------------


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = _check_deploy(tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_is_clean_with_a_generated_secret_key(tmp_path):
    result = _check_deploy(tmp_path, SECRET_KEY=None)

    assert result.returncode == 0, result.stdout + result.stderr
    key_file = tmp_path / "secret_key"
    assert key_file.exists()
    assert len(key_file.read_text().strip()) >= 50
    assert key_file.stat().st_mode & 0o077 == 0


def test_check_deploy_catches_debug_mode(tmp_path):
    """The check above can fail: with DEBUG on, Django's deploy check warns (security.W018)."""
    result = _check_deploy(tmp_path, DEBUG="1")

    assert result.returncode != 0
    assert "W018" in result.stdout + result.stderr


# --- security headers -------------------------------------------------------------------------------


def _csp(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "signed_in"),
    [
        ("/", False),
        ("/anmelden/", False),
        ("/start/", True),
        ("/arbeitsbereich/beckum/", True),
        ("/arbeitsbereich/beckum/prozess/", True),
        ("/healthz", False),
    ],
)
def test_pages_carry_a_strict_content_security_policy(client, client_for, users, town_a, path, signed_in):
    if signed_in:
        client = client_for(users["coordinator"])

    response = client.get(path)

    assert response.status_code == 200
    assert "Content-Security-Policy" in response
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    directives = _csp(response)
    assert directives["default-src"] == ["'self'"]
    assert "'self'" in directives["script-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


@pytest.mark.django_db
def test_anonymous_pages_carry_the_policy_and_other_security_headers(client):
    response = client.get("/")

    assert response.status_code == 200
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_pages_need_no_inline_script_or_style(client_for, users, town_a):
    """Without 'unsafe-inline' the browser would block inline code, so there must be none."""
    client = client_for(users["coordinator"])
    for path in ["/start/", f"/arbeitsbereich/{town_a.slug}/", f"/arbeitsbereich/{town_a.slug}/prozess/"]:
        content = client.get(path).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", content), path
        assert not re.search(r"<style[\s>]", content), path
        assert not re.search(r'\sstyle="', content), path
        assert not re.search(r"\son[a-z]+=", content), path
