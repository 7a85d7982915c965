"""Building blocks shared by every content schema: strict models, plain text, steps, tables."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

# Text fields are plain text: markup in data is refused here and escaped again when rendered.
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def one_of(known: tuple[str, ...], what: str):
    """A text field that must be one of a vocabulary; the message lists the known values."""

    def check(value: str) -> str:
        if value not in known:
            raise ValueError(f"unknown {what} {value!r}; known: {', '.join(known)}")
        return value

    return Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(check)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Table(Strict):
    caption: Text
    columns: list[Text] = Field(min_length=1)
    rows: list[list[str]] = Field(min_length=1)

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> "Table":
        for n, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(f"row {n} has {len(row)} cells for {len(self.columns)} columns")
        return self


# Steps are actions (a checkbox each); points are signals, indicators, questions or examples
# (no checkbox). Decided per list from the source's wording; ids and anchors are the same.
ListKind = Literal["steps", "points"]


class SubItem(Strict):
    label: Text
    text: Text
    # a numbered list inside an item that the source flattened into one sentence (C5.2)
    items: list["SubItem"] = []


class CrossReference(Strict):
    """Words of a step that point to another step or recommendation ("zie ook punt 4")."""

    words: Text  # must stand in the step's text
    target: Annotated[str, StringConstraints(pattern=r"^[A-Z]\d+(\.\d+)?$")]  # "V2" or "V2.4"


class Step(Strict):
    text: Text
    items: list[SubItem] = []
    table: Table | None = None
    after: Text | None = None
    role: Text | None = None  # the kind of group member a step is about (C3)
    see: list[CrossReference] = []  # the step's own references, made links


class Group(Strict):
    title: Text
    audience: Text | None = None
    kind: ListKind = "steps"
    steps: list[Step] = Field(min_length=1)


class Note(Strict):
    step: int | None = None
    text: Text


