"""The JSON Schemas editors' editors read: generated from the models, committed, up to date, in
Dutch, named by every data file, and as strict as the models on the fields they know."""

import json
import shutil

import jsonschema
import pytest
import yaml

from conftest import ROOT
from kennisbank import schemas


def test_committed_schemas_and_marks_are_up_to_date():
    problems = schemas.out_of_date()
    assert problems == [], "run ./dev schemas:\n" + "\n".join(problems)


def test_a_schema_that_differs_from_the_models_is_found(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = schemas.schema_file("handvat", data)
    path.write_text(path.read_text(encoding="utf-8").replace("Het vaste id", "Een id"), encoding="utf-8")
    assert schemas.out_of_date(data) == ["data/schemas/handvat.schema.json: differs from the models"]


def test_a_data_file_without_its_schema_line_is_found(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    v2 = data / "cyclus/V2.yml"
    v2.write_text(v2.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    (data / "cyclus/V12.yml").rename(data / "cyclus/V13.yml")
    problems = schemas.out_of_date(data)
    assert problems == [
        "data/cyclus/V2.yml: first line is not '# yaml-language-server: $schema=../schemas/handvat.schema.json'"
    ]
    schemas.write(data)  # what ./dev schemas does
    assert schemas.out_of_date(data) == []


def test_every_data_file_has_a_schema_and_a_file_without_one_is_named(tmp_path):
    assert {schemas.kind_of(p) for p in schemas.data_files()} == {name for name, *_ in schemas.KINDS}
    with pytest.raises(KeyError, match="data/extra.yml: no schema describes this file"):
        schemas.kind_of(schemas.DATA / "extra.yml")


def _properties(node, where=""):
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            yield f"{where}.{name}", prop
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value, where)


@pytest.mark.parametrize("name", [name for name, *_ in schemas.KINDS])
def test_every_field_is_described_in_dutch(name):
    schema = json.loads(schemas.schema_file(name).read_text(encoding="utf-8"))
    props = list(_properties(schema))
    assert props
    undescribed = [where for where, prop in props if not prop.get("description")]
    assert undescribed == []
    # Dutch, not the code's English: a few words every Dutch description of some length has
    english = [w for w, p in props if len(p["description"]) > 60 and not {"de", "het", "een", "van", "of", "als", "en", "er", "is", "voor", "met", "op"} & set(p["description"].lower().split())]
    assert english == []


def _validator(path):
    schema = json.loads(schemas.schema_file(schemas.kind_of(path)).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("path", schemas.data_files(), ids=lambda p: p.relative_to(schemas.DATA).as_posix())
def test_the_committed_schema_accepts_the_real_data(path):
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw = json.loads(json.dumps(raw, default=str))  # dates as text, as the editor sees them
    errors = [f"{'.'.join(map(str, e.path))}: {e.message}" for e in _validator(path).iter_errors(raw)]
    assert errors == []


@pytest.mark.parametrize(
    "file, change, where",
    [
        ("cyclus/V2.yml", lambda d: d["steps"][3].update(tekst="typo"), "steps.3"),
        ("trainingen/cursussen/masterclass-wraakbeteugeling.yml", lambda d: d.update(prijs="€ 10"), ""),
        ("wijzigingen.yml", lambda d: d[0].update(datum="2026-11-24"), "0"),
        ("woordenlijst.yml", lambda d: d[0].update(synoniemen=["x"]), "0"),
    ],
)
def test_the_schema_underlines_a_field_it_does_not_know(file, change, where):
    path = schemas.DATA / file
    raw = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
    change(raw)
    error = jsonschema.exceptions.best_match(_validator(path).iter_errors(raw))  # the editor's underline
    assert ".".join(map(str, error.absolute_path)) == where
    assert "Additional properties are not allowed" in error.message


def test_the_schema_refuses_a_version_without_quotes_and_a_kind_it_does_not_know():
    path = schemas.DATA / "wijzigingen.yml"
    raw = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
    raw[0]["version"] = 0.2
    assert ["0.version"] == [".".join(map(str, e.path)) for e in _validator(path).iter_errors(raw)]
    guide = schemas.DATA / "trainingen/publieksagressie.yml"
    raw = yaml.safe_load(guide.read_text(encoding="utf-8"))
    raw["notes"] = [{"where": "tabel-9", "text": "x"}]
    errors = list(_validator(guide).iter_errors(raw))
    assert [".".join(map(str, e.path)) for e in errors] == ["notes.0.where"]  # the vocabulary, as enum
