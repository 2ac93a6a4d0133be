"""Helpers for tests that send concurrent requests from threads (each with its own database connection).

On PostgreSQL the threads use the test database as it is. SQLite's in-memory test database cannot make a writer
wait (its shared-cache table locks fail at once; the busy timeout does not apply), so `thread_database` gives the
threads a file copy with the production settings – WAL, ``BEGIN IMMEDIATE`` and a busy timeout. Read results with
`in_thread`, which sees the same database as the workers.
"""

import sqlite3
import threading
from contextlib import contextmanager

from django.db import connections


@contextmanager
def thread_database(tmp_path):
    """Point new threads' connections at a database that behaves like production under concurrency."""
    connection = connections["default"]
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    connection.ensure_connection()
    path = tmp_path / "concurrency.sqlite3"
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    settings_dict = connections.settings["default"]
    original = settings_dict["NAME"]
    settings_dict["NAME"] = str(path)
    try:
        yield
    finally:
        settings_dict["NAME"] = original


def in_thread(work):
    """Run `work()` in a new thread (own connection, as the workers had) and return its result."""
    result: dict = {}

    def runner():
        try:
            result["value"] = work()
        except BaseException as error:  # noqa: BLE001 - re-raised below
            result["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=runner)
    thread.start()
    thread.join(timeout=120)
    if "error" in result:
        raise result["error"]
    return result["value"]


def run_concurrently(work, count: int) -> list[BaseException]:
    """Run `work(index)` in `count` threads released at once; returns the errors they raised."""
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def runner(index: int):
        try:
            barrier.wait(timeout=30)
            work(index)
        except BaseException as error:  # noqa: BLE001 - collected for the test to report
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=runner, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a worker thread hung"
    return errors
