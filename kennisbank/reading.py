"""Reading the editors' files: every way a file can be unreadable or lose something is one line.

- Text is UTF-8, with or without a byte-order mark, with any line ending (CRLF and CR become
  LF); any other encoding is refused by name, with the line and the byte.
- YAML is libyaml's safe subset (fast), but a key given twice in one mapping and an impossible
  date (2026-13-45) are errors with their line, instead of the last value winning or a Python
  exception.
- Control characters (NUL, BEL, ...) and bidirectional controls (U+202E, ...) are refused in
  every text, naming where they stand; tabs and newlines are allowed.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# C0 controls but tab and newline (CR is normalised away), DEL, C1 controls, the bidirectional
# controls (marks, embeddings, overrides, isolates), line/paragraph separators and a stray BOM.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


class ReadError(ValueError):
    """One problem, already worded as a line ("file: where: what is wrong")."""


# The C0 controls editors meet, which have no name in the Unicode database
CONTROL_NAMES = {0: "NUL", 7: "BELL", 8: "BACKSPACE", 0x0B: "VERTICAL TAB", 0x0C: "FORM FEED", 0x1B: "ESCAPE", 0x7F: "DELETE"}


def char_name(char: str) -> str:
    name = unicodedata.name(char, "") or CONTROL_NAMES.get(ord(char), "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def forbidden_char(text: str) -> str | None:
    """The first forbidden character of a text, described ("U+202E (RIGHT-TO-LEFT OVERRIDE)")."""
    match = FORBIDDEN.search(text)
    return char_name(match.group()) if match else None


def read_text(path: Path, where: str) -> str:
    """A file's text: UTF-8 with or without BOM, newlines made LF. ReadError when it is no UTF-8."""
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReadError(
            f"{where}: line {line}: not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


class Loader(_BASE):
    """libyaml's safe loader that refuses duplicate keys and impossible dates."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, Any] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.get(key)
                except TypeError:  # an unhashable key: the base class reports it
                    continue
                if first is not None:
                    raise ConstructorError(
                        None, None, f"duplicate key {key!r} (also on line {first.line + 1}); the second would replace the first",
                        key_node.start_mark,
                    )
                seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:
            raise ConstructorError(None, None, f"impossible date {node.value!r}: {exc}", node.start_mark) from None


Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)


def parse_yaml(text: str, where: str, line_offset: int = 0) -> Any:
    """The YAML of a text; ReadError "where: line N: malformed YAML: ..." when it does not parse."""
    text = "\n" * line_offset + text  # every line number the loader gives is then the file's
    try:
        return yaml.load(text, Loader=Loader)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow anywhere (NUL, ...)
        line = text.count("\n", 0, exc.position) + 1
        raise ReadError(f"{where}: line {line}: {char_name(chr(exc.character))} is not allowed in text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" line {mark.line + 1}:" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if isinstance(exc, ConstructorError) and problem.startswith(("duplicate key", "impossible date")):
            raise ReadError(f"{where}:{at} {problem}") from None
        raise ReadError(f"{where}:{at} malformed YAML: {problem}") from None


def load_yaml(path: Path, where: str) -> Any:
    """A YAML file's content (None when empty); ReadError naming the file otherwise."""
    return parse_yaml(read_text(path, where), where)


def control_characters(tree: Any, where: str, path: str = "") -> list[str]:
    """One problem per string in a YAML tree that holds a forbidden character (keys included)."""
    if isinstance(tree, str):
        found = forbidden_char(tree)
        return [f"{where}: {path or '(file)'}: {found} is not allowed in text: {_excerpt(tree)}"] if found else []
    problems = []
    if isinstance(tree, dict):
        for key, value in tree.items():
            sub = f"{path}.{key}" if path else str(key)
            problems += control_characters(key, where, sub) if isinstance(key, str) and forbidden_char(key) else []
            problems += control_characters(value, where, sub)
    elif isinstance(tree, list):
        for n, value in enumerate(tree):
            problems += control_characters(value, where, f"{path}.{n}" if path else str(n))
    return problems


def _excerpt(text: str) -> str:
    """The text around its first forbidden character, with that character made visible."""
    start = FORBIDDEN.search(text).start()
    part = text[max(0, start - 20): start + 20]
    return repr(FORBIDDEN.sub(lambda m: f"<U+{ord(m.group()):04X}>", part))
