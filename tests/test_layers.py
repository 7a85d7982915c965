"""The layers inside kennisbank: pure schemes and readers <- the validated model <- what is derived
from it. A module imports only from its own layer or a lower one (type-checking imports included),
so the model never depends on the site map it feeds."""

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "kennisbank"
LAYERS = (
    # pure: schemes (paths, anchors), file reading, basic types; they know no content
    ("base", {"__init__", "schemes", "reading", "dates", "qr", "publisher", "model_base", "citations", "frontmatter"}),
    # the validated model: the data files' models and their loading
    ("model", {"model", "model_trainingen", "model_nu", "model_woordenlijst", "model_wijzigingen", "model_synoniemen", "model_welke_fase"}),
    # derived from the model: the site map, the changelog's readings, the one entry point, exports of the data
    ("derived", {"sitemap", "changelog", "project", "opendata", "schemas", "abbreviations"}),
)


def layer_of(module: str) -> int:
    return next(n for n, (_, modules) in enumerate(LAYERS) if module in modules)


def imported(path: Path) -> set[str]:
    """The kennisbank modules a file imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            package = node.module or ""
            if node.level == 1 and not package:  # from . import sitemap
                found |= {alias.name for alias in node.names}
            elif node.level == 1 or package.startswith("kennisbank."):
                found.add(package.removeprefix("kennisbank.").split(".")[0])
            elif package == "kennisbank":
                found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("kennisbank.")}
    return found


def test_every_module_has_a_layer():
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    placed = set().union(*(m for _, m in LAYERS))
    assert modules - placed == set(), "place the new module in a layer of LAYERS"
    assert placed - modules == set(), "a module in LAYERS no longer exists"


def test_no_module_imports_from_a_higher_layer():
    upward = [
        f"kennisbank/{path.name} ({LAYERS[layer_of(path.stem)][0]}) imports {name} ({LAYERS[layer_of(name)][0]})"
        for path in sorted(PACKAGE.glob("*.py"))
        for name in sorted(imported(path))
        if layer_of(name) > layer_of(path.stem)
    ]
    assert upward == []


def test_the_check_sees_an_import_back_up(tmp_path):
    """The rule bites: a model module that asks the site map is reported."""
    bad = tmp_path / "model_x.py"
    bad.write_text("from .sitemap import url_of\nfrom kennisbank import changelog\n", encoding="utf-8")
    assert imported(bad) == {"sitemap", "changelog"}
    assert all(layer_of(name) > layer_of("model") for name in imported(bad))
