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

    # the values in the JSON Schema too, so editors complete them (kennisbank.schemas)
    values = Field(json_schema_extra={"enum": list(known)})
    return Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(check), values]


class Strict(BaseModel):
    # A field's docstring (Dutch) is its description in the JSON Schemas editors see.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True)


class Table(Strict):
    caption: Text
    """Het bijschrift van de tabel: waar de tabel over gaat."""
    columns: list[Text] = Field(min_length=1)
    """De kolomkoppen, van links naar rechts."""
    rows: list[list[str]] = Field(min_length=1)
    """De rijen; elke rij heeft evenveel cellen als er kolommen zijn. Een rij met één cel is een
    zin van de bron die de rijen eronder inleidt (‘Sterke indicatoren van geweld zijn:’); die
    staat over de hele breedte van de tabel."""

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> "Table":
        for n, row in enumerate(self.rows):
            if len(row) != len(self.columns) and len(row) != 1:
                raise ValueError(f"row {n} has {len(row)} cells for {len(self.columns)} columns")
        return self


# Steps are actions (a checkbox each); points are signals, indicators, questions or examples
# (no checkbox). Decided per list from the source's wording; ids and anchors are the same.
ListKind = Literal["steps", "points"]


class SubItem(Strict):
    label: Text
    """De letter of het nummer van het onderdeel zoals de bron het geeft (a, b, …)."""
    text: Text
    """De tekst van het onderdeel, letterlijk uit de bron."""
    # a numbered list inside an item that the source flattened into one sentence (C5.2)
    items: list["SubItem"] = []
    """Een lijst binnen dit onderdeel (zoals bij C5.2); meestal leeg."""


class CrossReference(Strict):
    """Woorden van een stap die naar een andere stap of een ander handvat verwijzen (‘zie ook punt 4’)."""

    words: Text  # must stand in the step's text
    """De woorden in de tekst van de stap die naar elders verwijzen (bijvoorbeeld ‘zie ook punt 4’); ze moeten letterlijk in de stap staan."""
    target: Annotated[str, StringConstraints(pattern=r"^[A-Z]\d+(\.\d+)?$")]  # "V2" or "V2.4"
    """Waar ze naar verwijzen: een handvat (V2) of een stap (V2.4)."""


class Step(Strict):
    text: Text
    """De hele stap, letterlijk uit de bron; alinea’s gescheiden door een lege regel. Bronverwijzingen tussen [[ en ]]."""
    items: list[SubItem] = []
    """Onderdelen met een letter (a., b., …) onder de stap."""
    table: Table | None = None
    """Een tabel in plaats van een lange opsomming die de bron in een zin samenvoegde."""
    after: Text | None = None
    """Tekst na de onderdelen of de tabel."""
    role: Text | None = None  # the kind of group member a step is about (C3)
    """Over welk soort groepslid de stap gaat (zoals bij C3)."""
    see: list[CrossReference] = []  # the step's own references, made links
    """Verwijzingen van de bron zelf naar een andere stap of een ander handvat, als link."""


class Group(Strict):
    title: Text
    """De tussenkop van de bron boven deze stappen."""
    audience: Text | None = None
    """Alleen bij een kop voor een doelgroep: de sleutel uit doelgroepen.yml (groups)."""
    kind: ListKind = "steps"
    """steps (handelingen, met vinkje) of points (signalen, vragen, voorbeelden; zonder vinkje)."""
    steps: list[Step] = Field(min_length=1)
    """De stappen onder deze kop."""


class Note(Strict):
    step: int | None = None
    """Het nummer van de stap binnen het handvat waar de noot bij hoort; leeg voor het hele handvat."""
    text: Text
    """De noot van de redactie, zichtbaar op de pagina (bijvoorbeeld over een fout in de bron)."""


