#!/usr/bin/env python3
"""Writes the pydantic conformance corpus, test/data/pydantic/*.jsonl, from pydantic itself.

    python3 test/pydantic/generate.py [OUT_DIR]      (default: test/data/pydantic)

Needs pydantic 2.13.4 (the version is asserted: another one may word things
differently, and the corpus would change under the test). The test that reads the
corpus, test/pydantic/conformance_test.cpp, never imports pydantic.

The models below mirror test/pydantic/conformance_schemas.hpp: same class and
field names, same defaults, each C++ integer type's range as ge/le. Inputs come
from a fixed list and a seeded random.Random, and nothing depends on the
machine, the time or hash order: running the script again gives byte-identical
files (`--check` regenerates into a temporary directory and compares).

Each line of a file is one input and its cases, one per mode and strictness:
  schema    the C++ / pydantic class name
  input     the JSON text
  tags      what sets the input apart, for the test's exclusions (see TAGS)
  cases     [{mode, strict, tags, outcome}], where
    mode      "json": model_validate_json(input) <-> from_json
              "python": model_validate(json.loads(input)) <-> from_dict(parse_json(input))
    strict    true: the models' config says strict=True (enum members keep
              Field(strict=False), since JSON data cannot hold an Enum instance);
              false: pydantic's default, lax
    tags      what sets this case apart (see TAGS)
    outcome   an index into outcomes (cases that agree share one)
  outcomes  the distinct outcomes, each
    {dump, dumps}      model_dump(mode="json", by_alias=True) as compact JSON text: the input is
                       valid; dumps: the other dumps of DUMPS that differ from it, by name
    {errors, message}  errors(include_url=False) as compact JSON text (ctx values
                       that are not JSON, a ValueError, as their str), and str(error)
                       without the "For further information visit" lines
"""
import json
import math
import os
import random
import sys
import tempfile
import uuid
from datetime import date, time, timedelta
from enum import Enum, IntEnum
from pathlib import Path
from typing import Annotated, Any, Literal, Optional, Union

import pydantic
from pydantic import UUID4, AfterValidator, Base64Bytes, Base64UrlBytes, AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, model_validator

assert pydantic.VERSION == "2.13.4", f"the corpus is pydantic 2.13.4's; this is {pydantic.VERSION}"

I32 = Field(ge=-(2**31), le=2**31 - 1)
I64 = Field(ge=-(2**63), le=2**63 - 1)
U64 = Field(ge=0, le=2**64 - 1)
U8 = Field(ge=0, le=255)


class Color(str, Enum):
    red = "red"
    green = "green"
    blue = "blue"


class Status(str, Enum):
    pending = "pending"
    in_progress = "in-progress"
    done = "done"


class Level(IntEnum):
    low = 1
    high = 2


# Enum members read a string in strict mode too (see the docstring).
ColorField = Annotated[Color, Field(strict=False)]
StatusField = Annotated[Status, Field(strict=False)]
LevelField = Annotated[Level, Field(strict=False)]


def has_no_space(s):
    if " " in s:
        raise ValueError("slug has a space")
    return s


def make_models(strict, union_mode="smart"):
    """The models, with strict=True in every config or not, and the unions in
    union_mode (the corpus is "smart", pydantic's default; "left_to_right" is the
    library's mode, used only to tag the cases where the two differ)."""
    base = {"strict": True} if strict else {}

    def config(**extra):
        return ConfigDict(**base, **extra)

    def union(*types):
        return Annotated[Union[types], Field(union_mode=union_mode)]

    class Scalars(BaseModel):
        model_config = config()
        s: str
        b: bool = False
        i: Annotated[int, I32] = 0
        i64: Annotated[int, I64] = 0
        u64: Annotated[int, U64] = 0
        small: Annotated[int, U8] = 0
        d: float = 0
        color: ColorField = Color.red
        opt: Optional[str] = None
        opt_i: Optional[Annotated[int, I32]] = None

    class Containers(BaseModel):
        model_config = config()
        ints: list[Annotated[int, I32]] = []
        strs: list[str] = []
        counts: dict[str, Annotated[int, I32]] = {}
        sorted: dict[str, float] = {}
        grid: list[list[Annotated[int, I32]]] = []
        maybe_list: Optional[list[str]] = None
        flags: list[bool] = []
        palettes: dict[str, list[ColorField]] = {}

    class Inner(BaseModel):
        model_config = config()
        name: str
        n: Annotated[int, I32] = 0

    class Window(BaseModel):
        model_config = config()
        low: Annotated[int, I32] = 0
        high: Annotated[int, I32] = 0

        @model_validator(mode="after")
        def low_not_above_high(self):
            if self.low > self.high:
                raise ValueError("low is above high")
            return self

    class Nested(BaseModel):
        model_config = config()
        one: Inner
        many: list[Inner] = []
        by_name: dict[str, Inner] = {}
        maybe: Optional[Inner] = None
        heap: Optional[Inner] = None
        window: Window = Window()

    class Aliased(BaseModel):
        model_config = config(extra="forbid")
        task_id: str = Field(alias="task-id")
        retry_count: Annotated[int, I32] = Field(0, alias="retryCount")
        note: Optional[str]
        inner: Inner = Inner(name="")

    class Constrained(BaseModel):
        model_config = config()
        name: str = Field(min_length=1, max_length=8)
        code: str = Field("a-1", pattern=r"^[a-z]+-[0-9]+$")
        kind: Literal["alpha", "beta"] = "alpha"
        retries: Annotated[int, Field(ge=0, le=5)] = 0
        ratio: float = Field(0.5, gt=0, lt=1)
        tags: list[Annotated[str, Field(min_length=1)]] = Field(["t"], min_length=1, max_length=3)
        label: Optional[Annotated[str, Field(max_length=4)]] = None
        level: Literal[1, 2, 3] = 1
        limits: dict[str, Annotated[int, I32]] = Field({}, max_length=2)
        slug: Annotated[str, AfterValidator(has_no_space)] = "s"

    class Other(BaseModel):
        model_config = config()
        x: Annotated[int, I32]
        flag: bool = False

    class Unions(BaseModel):
        model_config = config()
        id: union(int, str) = 0  # std::int64_t: a bounded int would be labelled constrained-int
        shape: union(Inner, Other)
        maybe: Optional[union(bool, float)] = None
        items: list[union(str, ColorField)] = []

    class Free(BaseModel):
        model_config = config()
        any: Any = None
        obj: dict[str, Any] = {}
        arr: list[Any] = []
        tag: str = ""

    class Stripped(BaseModel):
        model_config = config(str_strip_whitespace=True)
        name: str
        tags: list[str] = []
        labels: dict[str, str] = {}
        note: Optional[str] = None

    class Open(BaseModel):
        model_config = config(extra="allow")
        name: str
        n: Annotated[int, I32] = 0

    class Standard(BaseModel):
        model_config = config()
        at: AwareDatetime
        day: date = date(2025, 1, 1)
        took: timedelta = timedelta(0)
        opens: time = time(0)
        ids: set[Annotated[int, I64]] = set()
        frozen: frozenset[Annotated[int, I64]] = frozenset()
        point: tuple[Annotated[int, I64], str] = (0, "")
        id: uuid.UUID = uuid.UUID(int=0)
        file: Path = Path(".")
        status: StatusField = Status.pending
        level: LevelField = Level.low
        by_id: dict[Annotated[int, I64], str] = {}
        maybe_took: Optional[timedelta] = None
        steps: list[timedelta] = []
        hours: dict[str, time] = {}
        data: bytes = b""
        run: UUID4 = uuid.UUID("00000000-0000-4000-8000-000000000000")

    class Cat(BaseModel):
        model_config = config()
        pet_type: Literal["cat"]
        meows: Annotated[int, I32]

    class Dog(BaseModel):
        model_config = config()
        pet_type: Literal["dog", "puppy"]
        barks: float = 0

    Pet = Annotated[Union[Cat, Dog], Field(discriminator="pet_type")]

    class Tagged(BaseModel):
        model_config = config()
        pet: Pet
        spare: Optional[Pet] = None
        pack: list[union(Cat, Dog)] = []

    class Configured(BaseModel):
        model_config = config(str_strip_whitespace=True, str_to_lower=True, str_min_length=2, str_max_length=8,
                              validate_by_name=True)
        name: str
        tags: list[str] = []
        labels: dict[str, str] = {}
        code: Annotated[str, Field(max_length=12, alias="Code")] = "ab"
        blob: Base64Bytes = b""
        url_blob: Base64UrlBytes = b""

    return {m.__name__: m for m in (Scalars, Containers, Nested, Aliased, Constrained, Unions, Free, Stripped, Open,
                                    Standard, Tagged, Configured)}


# --- JSON text with what json.dumps cannot write: number literals as given, repeated keys.


class Raw:
    """A JSON value written as this text (a number literal such as 1e400 or -0.0)."""

    def __init__(self, text):
        self.text = text


class Pairs:
    """An object written from a list of (key, value) pairs: keys may repeat."""

    def __init__(self, pairs):
        self.pairs = pairs


def write(v, style):
    """JSON text of v. style: (item separator, key separator, ensure_ascii)."""
    comma, colon, ascii_only = style
    if isinstance(v, Raw):
        return v.text
    if isinstance(v, Pairs):
        return "{" + comma.join(json.dumps(k, ensure_ascii=ascii_only) + colon + write(x, style) for k, x in v.pairs) + "}"
    if isinstance(v, dict):
        return write(Pairs(list(v.items())), style)
    if isinstance(v, list):
        return "[" + comma.join(write(x, style) for x in v) + "]"
    return json.dumps(v, ensure_ascii=ascii_only)


STYLES = [(",", ":", True), (", ", ": ", True), (", ", ": ", False), (",\n  ", ":\t", False)]

# --- Inputs.

BOUNDARY_NUMBERS = [
    "0", "-1", "1", "255", "256", "2147483647", "2147483648", "-2147483648", "-2147483649",
    "9007199254740992", "9007199254740993", "9223372036854775807", "9223372036854775808",
    "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616",
    "100000000000000000000000000000", "1e308", "1.7976931348623157e308", "1e400", "-1e400",
    "1.5", "-0.0", "0.0", "3.0", "1e2", "5e-324", "2.5e-3", "-7", "0.1",
]
WRONG_TYPES = [None, True, 0, 1.5, "", "5", [], ["a"], {}, {"name": "n"}]
STRINGS = [
    "", " ", " padded ", "\tlead", "trail\n", "caf\u00e9", "\u65e5\u672c", "\U0001f600 emoji", "quote\"back\\slash",
    "ctrl\u0001\u001f", "nul\u0000in", "\u0085next\u2028line\u2029", "\u00a0nbsp", "\ufeffbom", "a" * 60,
    "\u00e9" * 40, "red", "green", "alpha", "abc-123", "ABC-1", "a-1\n", "x/y", "dotted.key",
]


def paths(v, prefix=()):
    """Every (path, value) of a JSON document, the root first."""
    yield prefix, v
    if isinstance(v, dict):
        for k, x in v.items():
            yield from paths(x, prefix + (k,))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from paths(x, prefix + (i,))


def replaced(doc, path, new):
    if not path:
        return new
    if isinstance(doc, dict):
        return {k: (replaced(x, path[1:], new) if k == path[0] else x) for k, x in doc.items()}
    return [replaced(x, path[1:], new) if i == path[0] else x for i, x in enumerate(doc)]


def removed(doc, path):
    if len(path) == 1:
        if isinstance(doc, dict):
            return {k: x for k, x in doc.items() if k != path[0]}
        return [x for i, x in enumerate(doc) if i != path[0]]
    if isinstance(doc, dict):
        return {k: (removed(x, path[1:]) if k == path[0] else x) for k, x in doc.items()}
    return [removed(x, path[1:]) if i == path[0] else x for i, x in enumerate(doc)]


# A valid document per schema, every member set, and a few others.
BASES = {
    "Scalars": [
        {"s": "text", "b": True, "i": 7, "i64": -5, "u64": 5, "small": 200, "d": 2.5, "color": "green", "opt": "o", "opt_i": 3},
        {"s": ""},
    ],
    "Containers": [
        {"ints": [1, 2], "strs": ["a", "b"], "counts": {"z": 1, "a": 2}, "sorted": {"b": 1.5, "a": 2},
         "grid": [[1], [2, 3]], "maybe_list": ["m"], "flags": [True, False], "palettes": {"p": ["red", "blue"]}},
        {"maybe_list": None, "grid": [[]]},
    ],
    "Nested": [
        {"one": {"name": "a", "n": 1}, "many": [{"name": "b"}, {"name": "c", "n": 2}], "by_name": {"k": {"name": "d"}},
         "maybe": {"name": "e"}, "heap": {"name": "f", "n": 3}, "window": {"low": 1, "high": 2}},
        {"one": {"name": ""}, "maybe": None, "heap": None},
    ],
    "Aliased": [
        {"task-id": "t1", "retryCount": 2, "note": None, "inner": {"name": "i"}},
        {"task-id": "t2", "note": "n"},
    ],
    "Constrained": [
        {"name": "ok", "code": "abc-12", "kind": "beta", "retries": 5, "ratio": 0.25, "tags": ["a", "b", "c"],
         "label": "lbl", "level": 3, "limits": {"a": 1, "b": 2}, "slug": "a-b"},
        {"name": "12345678", "label": None},
    ],
    "Unions": [
        {"id": "abc", "shape": {"name": "s"}, "maybe": True, "items": ["x", "red"]},
        {"id": 5, "shape": {"x": 1, "flag": True}, "maybe": 2.5, "items": []},
        {"shape": {"x": 2}, "maybe": None},
        # valid for both alternatives: smart mode picks the one with more fields set, or the exact type
        {"id": "7", "shape": {"name": "s", "x": 1, "flag": True}, "maybe": 1, "items": ["blue"]},
        {"shape": {"name": "s", "x": 1}, "maybe": 0},
    ],
    "Free": [
        {"any": {"k": [1, "two", None, 3.5, {"deep": True}]}, "obj": {"a": [], "b": {}}, "arr": [1, [2], {"c": 3}], "tag": "t"},
        {"any": 5, "obj": {}, "arr": []},
    ],
    "Stripped": [
        {"name": " padded ", "tags": ["  a", "b  "], "labels": {" k ": " v "}, "note": "\tn\n"},
        {"name": "plain"},
    ],
    "Open": [
        {"name": "o", "n": 1, "extra": "kept", "more": [1, 2]},
        {"name": "o"},
    ],
    "Standard": [
        {"at": "2025-12-06T02:45:18Z", "day": "2025-12-06", "took": "PT1H2M3.5S", "opens": "09:30:00", "ids": [3, 1],
         "frozen": [2], "point": [4, "four"], "id": "12345678-1234-5678-1234-567812345678", "file": "a/b.txt",
         "status": "in-progress", "level": 2, "by_id": {"7": "seven"}, "maybe_took": "-P1D", "steps": [90, "01:00"],
         "hours": {"mon": "08:00:00+01:00"}, "data": "caf\u00e9\u0000", "run": "224cadd9-f70c-4e27-8288-5fa94df6618f"},
        {"at": 1733453118, "took": 1.5, "opens": 3600, "maybe_took": None},
    ],
    "Tagged": [
        {"pet": {"pet_type": "cat", "meows": 3}, "spare": {"pet_type": "puppy", "barks": 1.5},
         "pack": [{"pet_type": "dog"}, {"meows": 1, "pet_type": "cat"}]},
        {"pet": {"barks": 2, "pet_type": "dog"}, "spare": None},
    ],
    "Configured": [
        {"name": " Mixed Cs ", "tags": ["ab", " CD "], "labels": {" Key ": "Val"}, "Code": "Code 12",
         "blob": "Y2Fmw6k=", "url_blob": "-_8="},
        {"name": "nm", "code": "by name", "blob": "YQ==\n", "url_blob": "+/8="},
    ],
}


def documents(schema, rng):
    """(text, tags) of every input for a schema, in a fixed order."""
    out = []

    def add(doc, *tags, style=None):
        out.append((write(doc, style or STYLES[rng.randrange(len(STYLES))]), tags))

    for number, base in enumerate(BASES[schema]):
        for style in STYLES:
            add(base, style=style)
        if number > 0:  # the other bases: as they are, and without each member
            for key in base:
                add(removed(base, (key,)))
            continue
        for path, value in list(paths(base)):
            # every wrong JSON type, at every depth
            for w in WRONG_TYPES:
                add(replaced(base, path, w))
            # boundary numbers where a number is
            if path and isinstance(value, (int, float)) and not isinstance(value, bool):
                for n in BOUNDARY_NUMBERS:
                    add(replaced(base, path, Raw(n)))
            # strings with escapes, unicode, whitespace
            if isinstance(value, str):
                for s in STRINGS:
                    add(replaced(base, path, s))
            if path:
                add(removed(base, path))
            if isinstance(value, dict):
                add(replaced(base, path, {**value, "extra": 1}))
                add(replaced(base, path, {**value, " \u00e9\"\\x.y": [None]}))
                if value:
                    k = next(iter(value))
                    dup = Pairs([(k, "first"), *value.items()])  # the first value is overwritten
                    add(replaced(base, path, dup), "repeated_key")
                    dup = Pairs([*value.items(), (k, [])])  # the last value wins
                    add(replaced(base, path, dup), "repeated_key")
            if isinstance(value, list):
                add(replaced(base, path, value + value))
                add(replaced(base, path, value[:1]))
                # too long and a wrong item: a list's max_length judges it anyway
                # (one style: no draw, so the other cases keep their text)
                add(replaced(base, path, [{}] + value + value), style=STYLES[0])
                # an empty string and a wrong item: item constraints judge as items are read
                add(replaced(base, path, ["", {}] + value[:1]), style=STYLES[0])
    # wrong top-level types
    for w in [None, True, 0, -1.5, "x", [], [{}], Raw("1e400")]:
        add(w)
    # random documents: random members of the bases, with random values
    pool = [v for base in BASES[schema] for _, v in paths(base)] + WRONG_TYPES + STRINGS
    for _ in range(30):
        base = BASES[schema][rng.randrange(len(BASES[schema]))]
        doc = base
        for _ in range(rng.randrange(1, 4)):
            path, _ = rng.choice(list(paths(doc)))
            choice = rng.randrange(3)
            if choice == 0:
                doc = replaced(doc, path, rng.choice(pool))
            elif choice == 1:
                doc = replaced(doc, path, Raw(rng.choice(BOUNDARY_NUMBERS)))
            elif path:
                doc = removed(doc, path)
        add(doc)
    seen = set()
    unique = []
    for text, tags in out:
        if text not in seen:
            seen.add(text)
            unique.append((text, tags))
    return unique


# --- Outcomes.


def errors_text(errors):
    def ctx_value(v):
        return v if isinstance(v, (str, int, float, bool, type(None), list, dict, tuple)) else str(v)

    shown = []
    for e in errors:
        e = dict(e)
        if "ctx" in e:
            e["ctx"] = {k: ctx_value(v) for k, v in e["ctx"].items()}
        shown.append(e)
    return json.dumps(shown, separators=(",", ":"))


def message_text(e):
    return "\n".join(line for line in str(e).split("\n") if not line.startswith("    For further information visit"))


def compact(v):
    return json.dumps(v, separators=(",", ":"))


# The other dumps of a valid input, by name, each beside the library's call that
# should write the same (test/pydantic/conformance_test.cpp, other_dumps).
DUMPS = {
    "exclude_none": lambda m: compact(m.model_dump(mode="json", by_alias=True, exclude_none=True)),
    "exclude_defaults": lambda m: compact(m.model_dump(mode="json", by_alias=True, exclude_defaults=True)),
    "by_name": lambda m: compact(m.model_dump(mode="json", by_alias=False)),
    "model_dump_json": lambda m: m.model_dump_json(by_alias=True),
    "json_dumps_indent": lambda m: json.dumps(m.model_dump(mode="json", by_alias=True), indent=2),
}


def outcome(model, mode, text):
    """("dump", text, other dumps as JSON text) or ("errors", errors text, message)."""
    try:
        if mode == "json":
            m = model.model_validate_json(text)
        else:
            m = model.model_validate(json.loads(text))
    except ValidationError as e:
        return ("errors", errors_text(e.errors(include_url=False)), message_text(e))
    dump = compact(m.model_dump(mode="json", by_alias=True))
    # Only those that differ from the dump: the test takes a missing one to be the dump.
    others = {name: f(m) for name, f in DUMPS.items()}
    return ("dump", dump, json.dumps({k: v for k, v in others.items() if v != dump}, separators=(",", ":")))


def numbers(v):
    if isinstance(v, bool):
        return
    if isinstance(v, (int, float)):
        yield v
    elif isinstance(v, dict):
        for x in v.values():
            yield from numbers(x)
    elif isinstance(v, list):
        for x in v:
            yield from numbers(x)


# What sets a case apart (the test's exclusions match on these):
TAGS = {
    "repeated_key": "an object of the input repeats a key",
    "big_int": "the input holds an integer outside [-2^63, 2^64-1]",
    "non_finite": "the input holds a number too large for a double (1e400)",
    "lax_differs": "a lax case whose outcome differs from the same input's in strict mode",
    "strict_differs": "a strict case whose outcome differs from the same input's in lax mode",
    "json_differs": "a json case whose outcome differs from model_validate of json.loads(input)",
    "smart_union": "the outcome differs with union_mode='left_to_right' (the library's union mode)",
}


def lines(schema, rng):
    """One line per input: its cases (mode x strictness) and their distinct outcomes."""
    models = {strict: make_models(strict) for strict in (True, False)}
    left = {strict: make_models(strict, "left_to_right") for strict in (True, False)}
    for text, tags in documents(schema, rng):
        parsed = json.loads(text)
        tags = list(tags)
        if any(isinstance(n, int) and not -(2**63) <= n <= 2**64 - 1 for n in numbers(parsed)):
            tags.append("big_int")
        if any(isinstance(n, float) and math.isinf(n) for n in numbers(parsed)):
            tags.append("non_finite")
        outcomes = []
        line_cases = []
        for mode in ("json", "python"):
            results = {strict: outcome(models[strict][schema], mode, text) for strict in (True, False)}
            for strict in (True, False):
                r = results[strict]
                case_tags = []
                if r != results[not strict]:
                    case_tags.append("strict_differs" if strict else "lax_differs")
                if mode == "json" and r != outcome(models[strict][schema], "python", text):
                    case_tags.append("json_differs")
                if r != outcome(left[strict][schema], mode, text):
                    case_tags.append("smart_union")
                if r not in outcomes:
                    outcomes.append(r)
                line_cases.append({"mode": mode, "strict": strict, "tags": case_tags, "outcome": outcomes.index(r)})
        shown = [{"dump": r[1], "dumps": json.loads(r[2])} if r[0] == "dump" else {"errors": r[1], "message": r[2]}
                 for r in outcomes]
        yield {"schema": schema, "input": text, "tags": sorted(tags), "cases": line_cases, "outcomes": shown}


def generate(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for index, schema in enumerate(BASES):
        rng = random.Random(1800 + index)  # one seed per schema: a new schema leaves the others' files alone
        with open(os.path.join(out_dir, f"{schema}.jsonl"), "w", encoding="utf-8", newline="\n") as f:
            for line in lines(schema, rng):
                f.write(json.dumps(line, ensure_ascii=True, separators=(",", ":")) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "data", "pydantic")
    args = sys.argv[1:]
    if args[:1] == ["--check"]:
        target = args[1] if len(args) > 1 else default
        with tempfile.TemporaryDirectory() as tmp:
            generate(tmp)
            differ = [n for n in sorted(os.listdir(tmp))
                      if not os.path.exists(os.path.join(target, n))
                      or open(os.path.join(tmp, n), "rb").read() != open(os.path.join(target, n), "rb").read()]
        if differ:
            sys.exit(f"regenerated files differ from {target}: {', '.join(differ)}")
        print(f"{target}: byte-identical when regenerated")
        return
    generate(args[0] if args else default)


if __name__ == "__main__":
    main()
