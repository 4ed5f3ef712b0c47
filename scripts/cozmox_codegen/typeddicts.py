"""JSON Schema -> TypedDicts: the typed nested arguments of ``pulumi_cozmox.types``.

Reads the generated (already repaired) ``CreateCampaignDTO`` JSON Schema, so the types and
the validation come from one source, and writes one module: a ``TypedDict`` per object schema
reachable from :data:`ROOTS`, in a stable order (roots first, then by name).

How schema constructs map (anything else is a :class:`TypedDictGenError`, never a guess):

- object with ``properties`` -> ``class X(TypedDict, total=False)``; required properties are
  ``Required[...]``; the schema's descriptions become the class docstring and a string literal
  after each field (what editors show on hover, as in Pulumi's generated SDKs);
- discriminated union (``x-discriminator``, see ``schema.fix_one_of``) -> ``A | B | ...`` of
  the branch TypedDicts, each with its discriminator typed ``Required[Literal[...]]``;
- ``anyOf`` -> ``A | B``; ``allOf`` of one schema (the OpenAPI way to describe a ``$ref``)
  -> that schema; ``enum`` -> ``Literal[...]``; a ``type`` list -> ``A | None`` and so on;
- object without properties (user-owned maps: ``variableValues``, ``metadata``, headers) ->
  ``Mapping[str, Any]``, keys untouched; a schema absent from the document -> ``Mapping[str, Any]``;
- array -> ``Sequence[...]`` (covariant: a ``list[ElevenLabsVoice]`` is accepted);
- a property named like a Python keyword (``async``) cannot be a class attribute: it goes in
  a functional-syntax base class the real class inherits from.

The output is already in ``ruff format`` style (annotations are wrapped the way it wraps them),
so the generated file passes ``make lint`` without a formatter run.
"""

from __future__ import annotations

import json
import keyword
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from cozmox_codegen.schema import walk

#: The schemas programs write by hand; every object schema they reach is generated too.
ROOTS: tuple[str, ...] = ("CreateCustomerDTO", "AssistantOverrides", "SchedulePlan")
#: Python names for API schemas whose API name reads badly in a program.
RENAMES: dict[str, str] = {"CreateCustomerDTO": "Customer"}
DEFS_PREFIX = "#/$defs/"
LINE_LENGTH = 100
INDENT = "    "
_SCALARS = {"string": "str", "number": "float", "integer": "int", "boolean": "bool"}
#: Names the annotations use: a class or a field with one of them would shadow it.
RESERVED = frozenset(
    {"Any", "Literal", "Mapping", "Required", "Sequence", "TypedDict", "TYPE_CHECKING"}
    | set(_SCALARS.values())
)


class TypedDictGenError(Exception):
    """The schema holds a construct this generator has no faithful Python type for."""


# --------------------------------------------------------------------------------------------
# Type expressions and their layout (ruff format's: an outer bracket breaks first, and a
# bracket's content goes on one line if it fits, else one element per line with a trailing comma).


@dataclass(frozen=True)
class Expr:
    """A type expression: a name (``str``), a subscript (``Sequence[X]``) or a union."""

    head: str
    args: tuple[Expr, ...] = ()
    union: bool = False

    def flat(self) -> str:
        if self.union:
            return " | ".join(a.flat() for a in self.args)
        if not self.args:
            return self.head
        return f"{self.head}[{', '.join(a.flat() for a in self.args)}]"


def atom(text: str) -> Expr:
    return Expr(text)


def subscript(head: str, *args: Expr) -> Expr:
    return Expr(head, args)


def union(members: list[Expr]) -> Expr:
    """``A | B``: nested unions flattened, duplicates dropped, order kept."""
    flat: list[Expr] = []
    for m in members:
        for item in m.args if m.union else (m,):
            if item not in flat:
                flat.append(item)
    return flat[0] if len(flat) == 1 else Expr("|", tuple(flat), union=True)


def layout(expr: Expr, indent: str, prefix: str = "", suffix: str = "") -> list[str]:
    """The lines of ``prefix + expr + suffix`` at ``indent``, wrapped to :data:`LINE_LENGTH`."""
    one = f"{indent}{prefix}{expr.flat()}{suffix}"
    if len(one) <= LINE_LENGTH or not expr.args:
        return [one]
    inner = indent + INDENT
    if expr.union:
        # A long union goes in parentheses (inside brackets, the brackets do).
        return [f"{indent}{prefix}(", *_operands(expr, inner), f"{indent}){suffix}"]
    head, tail = f"{indent}{prefix}{expr.head}[", f"{indent}]{suffix}"
    if len(expr.args) == 1:
        arg = expr.args[0]
        return [head, *(_operands(arg, inner) if arg.union else layout(arg, inner)), tail]
    joined = f"{inner}{', '.join(a.flat() for a in expr.args)}"
    if len(joined) <= LINE_LENGTH:
        return [head, joined, tail]
    return [head, *(line for a in expr.args for line in layout(a, inner, "", ",")), tail]


def _operands(expr: Expr, indent: str) -> list[str]:
    """A union's operands at ``indent``: on one line if they fit, else one a line."""
    one = f"{indent}{expr.flat()}"
    if len(one) <= LINE_LENGTH:
        return [one]
    lines: list[str] = []
    for i, arg in enumerate(expr.args):
        lines += layout(arg, indent, "" if i == 0 else "| ")
    return lines


# --------------------------------------------------------------------------------------------
# Docstrings.


def docstring(text: str, indent: str) -> list[str]:
    """``text`` as a docstring at ``indent``: escaped, prose lines wrapped, code kept as is."""
    text = text.strip().replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        text = text[:-1] + '\\"'
    if text.startswith('"'):
        text = "\\" + text
    lines: list[str] = []
    fenced = False
    width = LINE_LENGTH - len(indent)
    for raw in text.splitlines():
        line = raw.rstrip()
        if line.lstrip().startswith("```"):
            fenced = not fenced
        # The first line shares its room with the opening quotes.
        room = width - (0 if lines else len('"""'))
        if fenced or len(line) <= room:
            lines.append(line)
            continue
        lead = line[: len(line) - len(line.lstrip())]
        bullet = lead + "  " if line.lstrip().startswith(("- ", "* ")) else lead
        wrapped = textwrap.wrap(
            line,
            width=width,
            initial_indent="" if lines else '"""',
            subsequent_indent=bullet,
            break_long_words=False,
            break_on_hyphens=False,
        )
        if not lines:
            wrapped[0] = wrapped[0][len('"""') :]
        lines += wrapped
    if len(lines) == 1:
        # ruff format keeps one line of text on one line, whatever its length.
        return [f'{indent}"""{lines[0]}"""']
    out = [f'{indent}"""{lines[0]}']
    out += [f"{indent}{line}" if line else "" for line in lines[1:]]
    out.append(f'{indent}"""')
    return out


# --------------------------------------------------------------------------------------------
# Schema -> classes.


@dataclass
class Field:
    key: str
    type: Expr
    required: bool
    description: str | None


@dataclass
class TypedDictClass:
    api_name: str
    name: str
    doc: str
    fields: list[Field] = field(default_factory=list)


def _ref(node: dict[str, Any]) -> str | None:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith(DEFS_PREFIX):
        return ref[len(DEFS_PREFIX) :]
    return None


def _literal(values: list[Any]) -> Expr:
    return subscript("Literal", *(atom(_constant(v)) for v in values))


def _constant(value: Any) -> str:
    """A JSON scalar as Python source, quoted the way ruff format quotes it."""
    if isinstance(value, float) or not isinstance(value, str | int | None):
        raise TypedDictGenError(f"enum value {value!r}: Literal takes str, int, bool or None")
    if not isinstance(value, str):
        return repr(value)
    if not value.isprintable():
        raise TypedDictGenError(f"enum value {value!r} holds unprintable characters")
    escaped = value.replace("\\", "\\\\")
    if '"' in value and "'" not in value:
        return f"'{escaped}'"
    return '"' + escaped.replace('"', '\\"') + '"'


class Generator:
    """Turns the ``$defs`` of one JSON Schema into the classes to write."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = schema["$defs"]
        for api_name in self.defs:
            py = self.py_name(api_name)
            if not py.isidentifier() or keyword.iskeyword(py) or py in RESERVED:
                raise TypedDictGenError(f"{api_name}: no Python class can be named {py!r}")
        self.class_names = frozenset(self.py_name(n) for n in self.defs)
        self.wanted: list[str] = []

    def py_name(self, api_name: str) -> str:
        return RENAMES.get(api_name, api_name)

    def is_class(self, api_name: str) -> bool:
        node = self.defs[api_name]
        return node.get("type") == "object" and "properties" in node

    def want(self, api_name: str, where: str) -> Expr:
        if api_name not in self.defs:
            raise TypedDictGenError(f"{where}: $ref to {api_name}, absent from $defs")
        if self.defs[api_name].get("x-cozmox-unknown"):
            # The document lacks this schema (the validation accepts anything): so does the type.
            return subscript("Mapping", atom("str"), atom("Any"))
        if not self.is_class(api_name):
            return self.type_of(self.defs[api_name], api_name)
        if api_name not in self.wanted:
            self.wanted.append(api_name)
        return atom(self.py_name(api_name))

    def type_of(self, node: dict[str, Any], where: str) -> Expr:
        """The Python type of the schema ``node`` (found at ``where``, for errors)."""
        ref = _ref(node)
        if ref is not None:
            return self.want(ref, where)
        disc = node.get("x-discriminator")
        if isinstance(disc, dict):
            targets: list[Expr] = []
            for value, r in _mapping(disc):
                target = _ref({"$ref": r})
                if target is None:
                    raise TypedDictGenError(f"{where}: mapping {value!r} -> {r!r}")
                targets.append(self.want(target, where))
            return union(targets)
        if "enum" in node:
            if node["enum"]:
                return _literal(node["enum"])
            if "type" not in node:
                raise TypedDictGenError(f"{where}: empty enum without a type")
        if "anyOf" in node:
            return union([self.type_of(b, f"{where}|{i}") for i, b in enumerate(node["anyOf"])])
        if "allOf" in node:
            parts = union([self.type_of(b, f"{where}&{i}") for i, b in enumerate(node["allOf"])])
            if parts.union:
                raise TypedDictGenError(f"{where}: allOf of different types: {parts.flat()}")
            return parts
        type_ = node.get("type")
        if isinstance(type_, list):
            return union([self.type_of({**node, "type": t}, where) for t in type_])
        if type_ in _SCALARS:
            return atom(_SCALARS[type_])
        if type_ == "null":
            return atom("None")
        if type_ == "array":
            items = node.get("items")
            inner = self.type_of(items, f"{where}[]") if isinstance(items, dict) else atom("Any")
            return subscript("Sequence", inner)
        if type_ == "object":
            if "properties" in node:
                raise TypedDictGenError(f"{where}: an inline object schema has no class name")
            extra = node.get("additionalProperties")
            value = self.type_of(extra, f"{where}{{}}") if isinstance(extra, dict) else atom("Any")
            return subscript("Mapping", atom("str"), value)
        if type_ is None and not set(node) - {"description", "title", "examples", "default"}:
            return atom("Any")
        raise TypedDictGenError(f"{where}: no Python type for {sorted(node)}")

    def selectors(self) -> dict[str, list[tuple[str, Any]]]:
        """For each union branch, the discriminator values that select it, e.g.
        ``ElevenLabsVoice -> [("provider", "11labs")]`` (for its docstring)."""
        found: dict[str, list[tuple[str, Any]]] = {}
        for node in walk(self.defs):
            disc = node.get("x-discriminator")
            if not isinstance(disc, dict):
                continue
            for value, r in _mapping(disc):
                target = _ref({"$ref": r})
                pair = (disc["propertyName"], value)
                if target is not None and pair not in found.setdefault(target, []):
                    found[target].append(pair)
        return found

    def referrers(self) -> dict[str, str]:
        return referrers(self.defs)

    def classes(self, roots: tuple[str, ...] = ROOTS) -> list[TypedDictClass]:
        """Every class reachable from ``roots``: roots first, then by name."""
        for root in roots:
            if root not in self.defs or not self.is_class(root):
                raise TypedDictGenError(f"root {root} is not an object schema")
            self.want(root, root)
        selectors, referrers = self.selectors(), self.referrers()
        built: dict[str, TypedDictClass] = {}
        while len(built) < len(self.wanted):
            for api_name in [n for n in self.wanted if n not in built]:
                built[api_name] = self.build(api_name, selectors, referrers)
        rest = sorted((n for n in built if n not in roots), key=self.py_name)
        return [built[n] for n in (*roots, *rest)]

    def build(
        self, api_name: str, selectors: dict[str, list[tuple[str, Any]]], referrers: dict[str, str]
    ) -> TypedDictClass:
        node = self.defs[api_name]
        required = set(node.get("required", []))
        title = f"The API's ``{api_name}``"
        chosen = selectors.get(api_name, [])
        if chosen:
            title += " (" + ", ".join(f'``"{p}": {json.dumps(v)}``' for p, v in chosen) + ")"
        doc = "\n\n".join(
            text
            for text in (f"{title}.", node.get("description"), referrers.get(api_name))
            if isinstance(text, str)
        )
        cls = TypedDictClass(api_name, self.py_name(api_name), doc)
        for key, prop in node["properties"].items():
            if not isinstance(prop, dict):
                raise TypedDictGenError(f"{api_name}.{key}: not a schema")
            if key in RESERVED or key in self.class_names:
                # A class attribute named like a type shadows it in the class's annotations.
                raise TypedDictGenError(f"{api_name}.{key}: a field named like a type")
            description = prop.get("description")
            if not isinstance(description, str):
                description = None
            if prop.get("deprecated") is True:
                description = f"Deprecated. {description or ''}".strip()
            cls.fields.append(
                Field(key, self.type_of(prop, f"{api_name}.{key}"), key in required, description)
            )
        return cls


def referrers(defs: dict[str, Any], quote: str = "``") -> dict[str, str]:
    """For each schema, where it is first used (by owner and key, in ``quote`` marks) and the
    first sentence of that property's description: the only description most schemas of this
    document have."""
    found: dict[str, str] = {}
    for owner in sorted(defs):
        for key, prop in sorted(defs[owner].get("properties", {}).items()):
            text = prop.get("description")
            about = f": {_first_sentence(text)}" if isinstance(text, str) else "."
            for ref in _refs(prop):
                found.setdefault(ref, f"Used in {quote}{owner}.{key}{quote}{about}")
    return found


def _first_sentence(text: str) -> str:
    first = text.strip().split("\n", 1)[0]
    end = first.find(". ")
    return first if end < 0 else first[: end + 1]


def _mapping(disc: dict[str, Any]) -> Iterator[tuple[Any, str]]:
    """``(value, reference)`` for each branch of an ``x-discriminator`` mapping."""
    for value, refs in disc["mapping"].items():
        for r in refs if isinstance(refs, list) else [refs]:
            yield value, r


def _refs(node: Any) -> Iterator[str]:
    """The schemas ``node`` refers to: ``$ref`` and discriminator mapping targets."""
    for sub in walk(node):
        targets = [sub.get("$ref")]
        if isinstance(sub.get("x-discriminator"), dict):
            targets += [r for _, r in _mapping(sub["x-discriminator"])]
        for target in targets:
            found = _ref({"$ref": target})
            if found is not None:
                yield found


# --------------------------------------------------------------------------------------------
# Rendering.


def _field_type(f: Field) -> Expr:
    return subscript("Required", f.type) if f.required else f.type


def render_class(cls: TypedDictClass) -> list[str]:
    lines: list[str] = []
    plain = [f for f in cls.fields if f.key.isidentifier() and not keyword.iskeyword(f.key)]
    special = [f for f in cls.fields if f not in plain]
    bases = "TypedDict"
    if special:
        # ``async: bool`` is a syntax error in a class body; the functional syntax takes any key.
        bases = f"_{cls.name}Keywords"
        for f in special:
            text = (f.description or "").strip().splitlines() or [""]
            lines += [f"# {f.key}: {text[0]}".rstrip()]
            lines += [f"#   {line.strip()}".rstrip() for line in text[1:]]
        lines += _call(bases, f'"{bases}", {{{_special_items(special)}}}, total=False')
        lines += ["", ""]
    lines.append(f"class {cls.name}({bases}, total=False):")
    lines += docstring(cls.doc, INDENT)
    if plain:
        lines.append("")
    for f in plain:
        lines += layout(_field_type(f), INDENT, f"{f.key}: ")
        if f.description:
            lines += docstring(f.description, INDENT)
    return lines


def _call(target: str, args: str) -> list[str]:
    """``target = TypedDict(args)``, laid out as ruff format does."""
    one = f"{target} = TypedDict({args})"
    if len(one) <= LINE_LENGTH:
        return [one]
    if len(INDENT + args) <= LINE_LENGTH:
        return [f"{target} = TypedDict(", INDENT + args, ")"]
    raise TypedDictGenError(f"{target}: the TypedDict call does not fit on one line")


def _special_items(fields: list[Field]) -> str:
    return ", ".join(f'"{f.key}": "{_field_type(f).flat()}"' for f in fields)


HEADER = '''\
# Generated from {source} by scripts/cozmox_codegen (`make schema`).
# Do not edit: change the generator or the schema, then run `make schema`.
# ruff: noqa: E501 (the API's descriptions hold long URLs and code)
"""Typed dicts for the nested arguments of a ``Campaign``, generated from the API's JSON Schema.

``Customer`` (the API's ``CreateCustomerDTO``), ``AssistantOverrides`` and every object under
it, and ``SchedulePlan``. Keys are the API's own JSON keys. A union (``A | B``) is chosen by its
discriminator: ``{{"provider": "11labs", ...}}`` is an ``ElevenLabsVoice``.

For type checkers and editors: at run time a value is a plain ``dict`` (calling a TypedDict
makes one), and the provider receives it unchanged. Annotations stay strings, never evaluated,
so the names they use are imported for type checkers only (run-time introspection such as
``__required_keys__`` does not see ``Required``). Importing this module takes about 45 ms (each
class compiles its annotation strings): ``pulumi_cozmox`` loads it only when a program imports
one of its names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any, Literal

    from typing_extensions import Required
'''


def render_module(classes: list[TypedDictClass], *, source: str) -> str:
    """The text of the generated module."""
    out = HEADER.format(source=source).splitlines()
    out += ["", "__all__ = ["]
    out += [f'{INDENT}"{cls.name}",' for cls in sorted(classes, key=lambda c: c.name)]
    out.append("]")
    for cls in classes:
        out += ["", "", *render_class(cls)]
    return "\n".join(out) + "\n"


def generate(schema: dict[str, Any], *, source: str, roots: tuple[str, ...] = ROOTS) -> str:
    """The module text for the ``$defs`` of ``schema`` (a generated root schema)."""
    return render_module(Generator(schema).classes(roots), source=source)
