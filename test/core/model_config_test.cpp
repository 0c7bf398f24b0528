// Model configuration with pydantic 2.13's semantics (each expectation is what
// pydantic printed for the same model and input): AGENT_ENGINE_STR_STRIP_WHITESPACE
// (str_strip_whitespace=True), AGENT_ENGINE_STR_TO_LOWER / _UPPER (str_to_lower /
// str_to_upper), AGENT_ENGINE_STR_MIN_LENGTH / _MAX_LENGTH (str_min_length /
// str_max_length), AGENT_ENGINE_VALIDATE_BY_NAME (validate_by_name=True),
// AGENT_ENGINE_VALIDATE_DEFAULT (validate_default=True) and
// AGENT_ENGINE_ALLOW_EXTRA (extra='allow').
#define BOOST_TEST_MODULE core_model_config
#include "test_support.hpp"

#include <boost/json/parse.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

using test_support::errors_of;
using test_support::read;
using test_support::written;

namespace config {

enum class Color { red };
BOOST_DESCRIBE_ENUM(Color, red)

struct Plain {
    std::string name;
};
BOOST_DESCRIBE_STRUCT(Plain, (), (name))

struct Base {
    std::string name;
};
BOOST_DESCRIBE_STRUCT(Base, (), (name))
AGENT_ENGINE_STR_STRIP_WHITESPACE(Base)

// Inherits Base's config; Plain, nested, keeps its own (none).
struct Derived : Base {
    std::string other;
    Plain plain;
    Color color = Color::red;
    boost::json::value any;
    std::string shortest = "xx";
    std::map<std::string, int> labels;
    std::vector<std::string> tags;
    std::optional<std::string> note;
};
BOOST_DESCRIBE_STRUCT(Derived, (Base), (other, plain, color, any, shortest, labels, tags, note))
AGENT_ENGINE_CONSTRAINTS(Derived, shortest, min_length(2))

// class Bag(BaseModel):
//     model_config = ConfigDict(str_strip_whitespace=True)
//     attrs: dict[str, Any] = {}
//     any: Any = None
//     rows: list[dict[str, Any]] = []
struct Bag {
    boost::json::object attrs;
    boost::json::value any;
    std::vector<boost::json::object> rows;
};
BOOST_DESCRIBE_STRUCT(Bag, (), (attrs, any, rows))
AGENT_ENGINE_STR_STRIP_WHITESPACE(Bag)

struct Open {
    std::string task_id;
    int n = 0;
    agent_engine::extra_members extra;
    bool operator==(const Open&) const = default;
};
BOOST_DESCRIBE_STRUCT(Open, (), (task_id, n))
AGENT_ENGINE_ALLOW_EXTRA(Open, extra)
AGENT_ENGINE_REQUIRED(Open, task_id)
AGENT_ENGINE_ALIAS(Open, task_id, "task-id")

struct OpenChild : Open {
    std::string more;
};
BOOST_DESCRIBE_STRUCT(OpenChild, (Open), (more))

// class Lower(BaseModel):
//     model_config = ConfigDict(str_to_lower=True, str_strip_whitespace=True)
//     s: str = ''
//     c: Color = Color.red
//     short: str = Field('xx', min_length=2, max_length=3)
//     lowercase: str = Field('a', pattern='^[a-z]+$')
//     d: dict[str, int] = {}
//     l: list[str] = []
//     a: Any = None
//     o: Optional[str] = None
//     plain: Plain = Plain()
//     da: dict[str, Any] = {}
struct Lower {
    std::string s;
    Color c = Color::red;
    std::string shortest = "xx";
    std::optional<std::string> lowercase;
    std::map<std::string, int> d;
    std::vector<std::string> l;
    boost::json::value a;
    std::optional<std::string> o;
    Plain plain;
    boost::json::object da;
};
BOOST_DESCRIBE_STRUCT(Lower, (), (s, c, shortest, lowercase, d, l, a, o, plain, da))
AGENT_ENGINE_STR_TO_LOWER(Lower)
AGENT_ENGINE_STR_STRIP_WHITESPACE(Lower)
AGENT_ENGINE_CONSTRAINTS(Lower, shortest, min_length(2), max_length(3))
AGENT_ENGINE_CONSTRAINTS(Lower, lowercase, pattern("^[a-z]+$"))

struct Upper : Plain {};
BOOST_DESCRIBE_STRUCT(Upper, (Plain), ())
AGENT_ENGINE_STR_TO_UPPER(Upper)

// class Bounded(BaseModel):
//     model_config = ConfigDict(str_min_length=2, str_max_length=4, str_strip_whitespace=True)
//     s: str = ''
//     c: Color = Color.red
//     d: dict[str, int] = {}
//     l: list[str] = []
//     a: Any = None
//     o: Optional[str] = None
//     f: str = Field('', min_length=1)
//     g: str = Field('abc', max_length=10)
//     plain: Plain = Plain()
struct Bounded {
    std::string s;
    Color c = Color::red;
    std::map<std::string, int> d;
    std::vector<std::string> l;
    boost::json::value a;
    std::optional<std::string> o;
    std::string f;
    std::string g = "abc";
    Plain plain;
};
BOOST_DESCRIBE_STRUCT(Bounded, (), (s, c, d, l, a, o, f, g, plain))
AGENT_ENGINE_STR_MIN_LENGTH(Bounded, 2)
AGENT_ENGINE_STR_MAX_LENGTH(Bounded, 4)
AGENT_ENGINE_STR_STRIP_WHITESPACE(Bounded)
AGENT_ENGINE_CONSTRAINTS(Bounded, f, min_length(1))
AGENT_ENGINE_CONSTRAINTS(Bounded, g, max_length(10))

// class ByName(BaseModel):
//     model_config = ConfigDict(validate_by_name=True, extra='forbid')
//     task_id: int = Field(alias='task-id')
//     n: int = 0
struct ByName {
    int task_id = 0;
    int n = 0;
};
BOOST_DESCRIBE_STRUCT(ByName, (), (task_id, n))
AGENT_ENGINE_ALIAS(ByName, task_id, "task-id")
AGENT_ENGINE_REQUIRED(ByName, task_id)
AGENT_ENGINE_VALIDATE_BY_NAME(ByName)
AGENT_ENGINE_FORBID_EXTRA(ByName)

struct ByNameChild : ByName {};
BOOST_DESCRIBE_STRUCT(ByNameChild, (ByName), ())

// class Defaults(BaseModel):
//     model_config = ConfigDict(validate_default=True, str_to_upper=True)
//     s: str = Field('a', max_length=0)
//     n: int = Field(5, gt=10)
//     k: str = 'x'
//     l: list[str] = ['a']
//     o: Optional[str] = None
struct Defaults {
    std::string s = "a";
    int n = 5;
    std::string k = "x";
    std::vector<std::string> l{"a"};
    std::optional<std::string> o;
};
BOOST_DESCRIBE_STRUCT(Defaults, (), (s, n, k, l, o))
AGENT_ENGINE_VALIDATE_DEFAULT(Defaults)
AGENT_ENGINE_STR_TO_UPPER(Defaults)
AGENT_ENGINE_CONSTRAINTS(Defaults, s, max_length(0))
AGENT_ENGINE_CONSTRAINTS(Defaults, n, gt(10))

} // namespace config

BOOST_AUTO_TEST_CASE(strip_whitespace_applies_to_the_str_values_of_the_models_own_fields)
{
    auto d = read<config::Derived>(R"({"name": " a ", "other": "\u00a0b\t", "plain": {"name": " p "}, "any": " x ",
                                      "labels": {" s ": 1, "s": 2}, "tags": ["  t", "u\u3000"], "note": "\n n"})");
    BOOST_TEST(d.name == "a");            // a base's config counts for the derived model
    BOOST_TEST(d.other == "b");           // Unicode whitespace too (U+00A0)
    BOOST_TEST(d.plain.name == " p ");    // a nested model follows its own config
    BOOST_TEST(d.any == boost::json::value(" x ")); // free-form values are not str values
    BOOST_TEST(written(d.labels) == R"({"s":2})"); // " s " and "s" are one key, the last value wins
    BOOST_TEST(d.tags == (std::vector<std::string>{"t", "u"}), boost::test_tools::per_element());
    BOOST_TEST(d.note.value() == "n");
    BOOST_TEST(read<config::Derived>(R"({"name": "\ufeffbom"})").name == "\xef\xbb\xbf" "bom"); // not White_Space
    BOOST_TEST(read<config::Plain>(R"({"name": " p "})").name == " p ");
}

BOOST_AUTO_TEST_CASE(strip_whitespace_strips_the_keys_of_a_dict_of_any_not_its_values)
{
    // Bag.model_validate(json.loads(text)) and Bag.model_validate_json(text) agree:
    // attrs={'a': ' v ', 'n': {' k ': 1}} any={' k ': ' v '} rows=[{'r': ' w '}]
    auto bag = read<config::Bag>(R"({"attrs": {" a\u00a0": " v ", "n": {" k ": 1}}, "any": {" k ": " v "},
                                    "rows": [{"\tr": " w "}]})");
    BOOST_TEST(written(bag) == R"({"attrs":{"a":" v ","n":{" k ":1}},"any":{" k ":" v "},"rows":[{"r":" w "}]})");
    // Keys that strip to one: the last value, at the first one's place, as a dict
    // assigned to again. '{"attrs": {" a": 1, "b": 2, "a ": 3}}' -> attrs={'a': 3, 'b': 2}
    BOOST_TEST(written(read<config::Bag>(R"({"attrs": {" a": 1, "b": 2, "a ": 3}})").attrs) == R"({"a":3,"b":2})");
}

BOOST_AUTO_TEST_CASE(strip_whitespace_leaves_enums_and_precedes_constraints)
{
    BOOST_TEST(errors_of<config::Derived>(R"({"name": "a", "color": " red "})") ==
               R"([{"type":"enum","loc":["color"],"msg":"Input should be 'red'","input":" red ","ctx":{"expected":"'red'"}}])");
    // The length is the stripped string's ("x", 1 character); the error shows the
    // input given, as pydantic's does.
    BOOST_TEST(errors_of<config::Derived>(R"({"name": "a", "shortest": " x "})") ==
               R"([{"type":"string_too_short","loc":["shortest"],"msg":"String should have at least 2 characters","input":" x ","ctx":{"min_length":2}}])");
}

BOOST_AUTO_TEST_CASE(allow_extra_keeps_unknown_keys_and_writes_them_back_in_their_place)
{
    // pydantic: {'task-id': 't', 'n': 2, 'x': 1, 'y': [None]}; "task_id", the
    // aliased member's own name, is dropped. The library writes "x" back before
    // the member it preceded.
    auto o = read<config::Open>(R"({"x": 1, "task-id": "t", "task_id": "u", "n": 2, "y": [null]})");
    BOOST_TEST(o.task_id == "t");
    BOOST_TEST(o.extra.size() == 2u);
    BOOST_TEST(*o.extra.find("x") == boost::json::value(1));
    BOOST_TEST(!o.extra.contains("task_id"));
    BOOST_TEST(written(o) == R"({"x":1,"task-id":"t","n":2,"y":[null]})");
    // A newer writer's key between two members stays there; one set by the program goes last.
    auto newer = read<config::Open>(R"({"task-id": "t", "added": {"a": [1]}, "n": 3})");
    newer.extra.set("mine", "m");
    BOOST_TEST(written(newer) == R"({"task-id":"t","added":{"a":[1]},"n":3,"mine":"m"})");
    BOOST_TEST(newer.extra.erase("added"));
    BOOST_TEST(written(newer) == R"({"task-id":"t","n":3,"mine":"m"})");
    // Reading it back gives the same object.
    test_support::check_round_trip(newer, R"({"task-id":"t","n":3,"mine":"m"})");
    // No extras: exactly what a schema without the declaration writes.
    BOOST_TEST(written(read<config::Open>(R"({"task-id": "t"})")) == R"({"task-id":"t","n":0})");
}

BOOST_AUTO_TEST_CASE(allow_extra_keeps_a_repeated_keys_first_place)
{
    // A repeated key keeps its first place and takes its last value, as in the
    // dict json.load gives pydantic: "y" follows "n", not "task-id" (found by the fuzzer).
    auto o = read<config::Open>(R"({"task-id": "t", "n": 1, "y": 2, "task-id": "u", "z": 3, "z": 4})");
    BOOST_TEST(o.task_id == "u");
    BOOST_TEST(written(o) == R"({"task-id":"u","n":1,"y":2,"z":4})");
    auto before = read<config::Open>(R"({"x": 0, "task-id": "t", "x": 5, "n": 1, "n": 2})");
    BOOST_TEST(written(before) == R"({"x":5,"task-id":"t","n":2})");
}

BOOST_AUTO_TEST_CASE(allow_extra_is_inherited_and_leaves_required_members_required)
{
    auto c = read<config::OpenChild>(R"({"task-id": "t", "z": {}})");
    BOOST_TEST(written(c) == R"({"task-id":"t","n":0,"more":"","z":{}})"); // pydantic's dump
    BOOST_TEST(errors_of<config::Open>(R"({"x": 1})") ==
               R"([{"type":"missing","loc":["task-id"],"msg":"Field required","input":{"x":1}}])");
}

BOOST_AUTO_TEST_CASE(allow_extra_json_schema_allows_additional_properties)
{
    // pydantic's model_json_schema of OpenChild has "additionalProperties": true;
    // the member that holds the extras is no property.
    auto schema = agent_engine::json_schema<config::OpenChild>();
    BOOST_TEST(schema.at("additionalProperties") == boost::json::value(true));
    BOOST_TEST(test_support::compact(schema.at("required")) == R"(["task-id"])");
    auto const& properties = schema.at("properties").as_object();
    BOOST_TEST(properties.size() == 3u);
    BOOST_TEST(!properties.contains("extra"));
}

BOOST_AUTO_TEST_CASE(str_to_lower_changes_str_values_and_dict_keys_after_stripping)
{
    // pydantic: s='ab' short='xx' d={'k': 1} l=['x'] a=' A ' o='o' plain=Plain(name='N') da={'k': 'V'}
    auto v = read<config::Lower>(R"({"s": " AB ", "d": {" K ": 1}, "l": [" X "], "a": " A ", "o": "O",
                                    "plain": {"name": "N"}, "da": {"K": "V"}})");
    BOOST_TEST(v.s == "ab");
    BOOST_TEST(written(v.d) == R"({"k":1})");
    BOOST_TEST(v.l == (std::vector<std::string>{"x"}), boost::test_tools::per_element());
    BOOST_TEST(v.a == boost::json::value(" A ")); // Any is no str
    BOOST_TEST(v.o.value() == "o");
    BOOST_TEST(v.plain.name == "N"); // a nested model follows its own config
    BOOST_TEST(written(v.da) == R"({"k":"V"})"); // the keys of a dict of Any, not its values
    // Keys beyond ASCII too, and a dict whose keys stay as they are is kept as it is:
    // pydantic: da={'é': 1}, da={'ké': 2} and da={'é': 1, 'k-2': 2}
    BOOST_TEST(read<config::Lower>(R"({"da": {"\u00c9": 1}})").da.contains("\xc3\xa9"));
    BOOST_TEST(read<config::Lower>(R"({"da": {"K\u00e9": 2}})").da.contains("k\xc3\xa9"));
    BOOST_TEST(written(read<config::Lower>(R"({"da": {"\u00e9": 1, "k-2": 2}})").da) == R"({"\u00e9":1,"k-2":2})");
    // Every letter changes, as pydantic's str_to_lower changes it (unicode_case_test.cpp).
    BOOST_TEST(read<config::Lower>(R"({"s": "\u00c9A"})").s == "\xc3\xa9" "a");
    BOOST_TEST(read<config::Upper>(R"({"name": "aB-c"})").name == "AB-C"); // inherited Plain's member, Upper's config
}

BOOST_AUTO_TEST_CASE(str_to_lower_leaves_enums_and_follows_length_checks)
{
    BOOST_TEST(errors_of<config::Lower>(R"({"c": "RED"})") ==
               R"([{"type":"enum","loc":["c"],"msg":"Input should be 'red'","input":"RED","ctx":{"expected":"'red'"}}])");
    // The length is the stripped string's; the error shows the input given, as pydantic's.
    BOOST_TEST(errors_of<config::Lower>(R"({"shortest": " ABCD "})") ==
               R"([{"type":"string_too_long","loc":["shortest"],"msg":"String should have at most 3 characters","input":" ABCD ","ctx":{"max_length":3}}])");
    BOOST_TEST(read<config::Lower>(R"({"shortest": " AB "})").shortest == "ab");
    // A member's pattern sees the string stripped, before its case changes; the
    // error shows the input given.
    BOOST_TEST(errors_of<config::Lower>(R"({"lowercase": " AB "})") ==
               R"([{"type":"string_pattern_mismatch","loc":["lowercase"],"msg":"String should match pattern '^[a-z]+$'","input":" AB ","ctx":{"pattern":"^[a-z]+$"}}])");
    BOOST_TEST(read<config::Lower>(R"({"lowercase": " ab "})").lowercase.value() == "ab");
}

BOOST_AUTO_TEST_CASE(str_length_bounds_every_str_of_the_models_fields)
{
    // pydantic 2.13 gives these errors, in this order, both from a dict and from JSON;
    // Any values, enums and a nested model's str are not bounded.
    BOOST_TEST(errors_of<config::Bounded>(R"({"s": "a", "d": {"k": 1, "kkkkk": 2}, "l": ["x", "yyyyy"], "a": "z",
                                             "o": "q", "f": "", "g": "abcdefgh", "plain": {"name": "n"}})") ==
               R"([{"type":"string_too_short","loc":["s"],"msg":"String should have at least 2 characters","input":"a","ctx":{"min_length":2}},)"
               R"({"type":"string_too_short","loc":["d","k","[key]"],"msg":"String should have at least 2 characters","input":"k","ctx":{"min_length":2}},)"
               R"({"type":"string_too_long","loc":["d","kkkkk","[key]"],"msg":"String should have at most 4 characters","input":"kkkkk","ctx":{"max_length":4}},)"
               R"({"type":"string_too_short","loc":["l",0],"msg":"String should have at least 2 characters","input":"x","ctx":{"min_length":2}},)"
               R"({"type":"string_too_long","loc":["l",1],"msg":"String should have at most 4 characters","input":"yyyyy","ctx":{"max_length":4}},)"
               R"({"type":"string_too_short","loc":["o"],"msg":"String should have at least 2 characters","input":"q","ctx":{"min_length":2}},)"
               R"({"type":"string_too_short","loc":["f"],"msg":"String should have at least 1 character","input":"","ctx":{"min_length":1}}])");
    // Counted after stripping; an error shows the string as given, as pydantic's does.
    BOOST_TEST(read<config::Bounded>(R"({"s": " ab "})").s == "ab");
    BOOST_TEST(errors_of<config::Bounded>(R"({"s": " a "})") ==
               R"([{"type":"string_too_short","loc":["s"],"msg":"String should have at least 2 characters","input":" a ","ctx":{"min_length":2}}])");
    // A member's own bound replaces the model's at that end only: f's
    // min_length(1) accepts "a", str_max_length still refuses "abcdef".
    BOOST_TEST(read<config::Bounded>(R"({"f": "a"})").f == "a");
    BOOST_TEST(errors_of<config::Bounded>(R"({"f": "abcdef"})") ==
               R"([{"type":"string_too_long","loc":["f"],"msg":"String should have at most 4 characters","input":"abcdef","ctx":{"max_length":4}}])");
    // Defaults are not checked (no validate_default): pydantic's Bounded() is valid.
    BOOST_TEST(read<config::Bounded>("{}").s.empty());
}

BOOST_AUTO_TEST_CASE(str_length_config_is_not_in_the_json_schema)
{
    // pydantic's model_json_schema shows no minLength / maxLength for the config,
    // only a member's own.
    auto schema = agent_engine::json_schema<config::Bounded>();
    auto const& properties = schema.at("properties").as_object();
    BOOST_TEST(test_support::compact(properties.at("s")) == R"({"type":"string","title":"S","default":""})");
    BOOST_TEST(test_support::compact(properties.at("f")) == R"({"type":"string","minLength":1,"title":"F","default":""})");
}

BOOST_AUTO_TEST_CASE(validate_by_name_reads_an_aliased_member_from_its_name_too)
{
    BOOST_TEST(read<config::ByName>(R"({"task_id": 5})").task_id == 5);
    BOOST_TEST(read<config::ByName>(R"({"task-id": 6})").task_id == 6);
    BOOST_TEST(read<config::ByNameChild>(R"({"task_id": 7})").task_id == 7); // inherited
    // Errors are at the key given, in declaration order; a missing member is
    // reported at its alias (pydantic 2.13, both modes).
    BOOST_TEST(errors_of<config::ByName>(R"({"n": "z", "task_id": "x"})") ==
               R"([{"type":"int_parsing","loc":["task_id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"},)"
               R"({"type":"int_parsing","loc":["n"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"z"}])");
    BOOST_TEST(errors_of<config::ByName>("{}") ==
               R"([{"type":"missing","loc":["task-id"],"msg":"Field required","input":{}}])");
}

BOOST_AUTO_TEST_CASE(validate_by_name_prefers_the_alias_wherever_it_comes)
{
    // pydantic's model_validate_json: the alias's value, the name ignored, in
    // either order (model_validate reports the name as an extra: doc/schemas.md).
    BOOST_TEST(read<config::ByName>(R"({"task_id": 1, "task-id": 2})").task_id == 2);
    BOOST_TEST(read<config::ByName>(R"({"task-id": 2, "task_id": 1})").task_id == 2);
    BOOST_TEST(read<config::ByName>(R"({"task_id": "x", "task-id": 2})").task_id == 2); // the name's error goes
    BOOST_TEST(errors_of<config::ByName>(R"({"task-id": "y", "task_id": "x"})") ==
               R"([{"type":"int_parsing","loc":["task-id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"y"}])");
}

BOOST_AUTO_TEST_CASE(validate_default_reads_a_left_out_members_default)
{
    // pydantic 2.13, Defaults() and Defaults.model_validate_json('{}') alike:
    // the defaults' constraints fail, at the members, showing the default 'a' as
    // input, not the 'A' read.
    BOOST_TEST(errors_of<config::Defaults>("{}") ==
               R"([{"type":"string_too_long","loc":["s"],"msg":"String should have at most 0 characters","input":"a","ctx":{"max_length":0}},)"
               R"({"type":"greater_than","loc":["n"],"msg":"Input should be greater than 10","input":5,"ctx":{"gt":10}}])");
    // Given members are read as usual; a default takes the str config:
    // Defaults(s='', n=11) -> k='X' l=['A'] o=None
    auto d = read<config::Defaults>(R"({"s": "", "n": 11})");
    BOOST_TEST(d.k == "X");
    BOOST_TEST(d.l == (std::vector<std::string>{"A"}), boost::test_tools::per_element());
    BOOST_TEST(!d.o.has_value());
}
