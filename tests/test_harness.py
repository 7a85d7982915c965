"""The test harness's own helpers (tests/conftest.py): the builds at the lowest CPU priority that
run beside the other tests (in_background, Background) must run what was registered, at nice 19,
and give a failed build's return code and output to the test that waits for it."""

from __future__ import annotations

import sys

import conftest
import pytest

from conftest import Background, in_background, in_background_call, needs_background


def test_a_background_build_runs_at_the_lowest_priority_and_gives_its_output(monkeypatch, tmp_path_factory):
    monkeypatch.setattr(conftest, "BACKGROUND", {})

    @in_background("harness_ok")
    def ok(folder):
        script = "import os, sys; open(sys.argv[1], 'w').write('klaar'); print('nice', os.nice(0))"
        return [sys.executable, "-c", script, str(folder / "uit.txt")], {}

    @in_background("harness_broken")
    def broken(folder):
        return [sys.executable, "-c", "import sys; print('kapot', file=sys.stderr); sys.exit(3)"], {}

    background = Background(["harness_broken", "harness_ok"], tmp_path_factory)
    folder, returncode, output = background.finished("harness_ok")
    assert (returncode, output.split()) == (0, ["nice", "19"])
    assert (folder / "uit.txt").read_text(encoding="utf-8") == "klaar"
    _, returncode, output = background.finished("harness_broken")
    assert (returncode, output.strip()) == (3, "kapot")


def test_a_closed_background_starts_nothing(monkeypatch, tmp_path_factory):
    """The thread that waits for the session build may wake after the session ended."""
    monkeypatch.setattr(conftest, "BACKGROUND", {})
    in_background("harness_late")(lambda folder: ([sys.executable, "-c", "pass"], {}))
    background = Background(["harness_late"], tmp_path_factory)
    background.closed = True
    background.start()
    assert background.jobs == {}


def test_a_test_that_reads_a_background_build_is_known_by_its_fixtures(monkeypatch):
    monkeypatch.setattr(conftest, "BACKGROUND", {"harness_build": None})
    reads = type("Item", (), {"fixturenames": ["tmp_path", "harness_build"]})()
    other = type("Item", (), {"fixturenames": ["tmp_path"]})()
    assert needs_background(reads) and not needs_background(other)


def counted(folder):
    """A function run in a process of its own (the test below)."""
    return {"folder": folder.name, "nice": __import__("os").nice(0)}


def refused(folder):
    raise ValueError("data/x.yml: field: kapot")


def test_a_function_run_in_the_background_gives_its_result_or_its_error(monkeypatch, tmp_path_factory):
    monkeypatch.setattr(conftest, "BACKGROUND", {})
    in_background_call("harness_counted")(counted)
    in_background_call("harness_refused")(refused)
    background = Background(["harness_counted", "harness_refused"], tmp_path_factory)
    folder, result = background.result("harness_counted")
    assert result == {"folder": folder.name, "nice": 19}
    with pytest.raises(AssertionError, match="data/x.yml: field: kapot"):
        background.result("harness_refused")
