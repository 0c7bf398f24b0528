// Model configuration with pydantic 2.13's semantics (each expectation is what
// pydantic printed for the same model and input): AGENT_ENGINE_STR_STRIP_WHITESPACE
// (str_strip_whitespace=True) and AGENT_ENGINE_ALLOW_EXTRA (extra='allow').
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
    // The length is the stripped string's ("x", 1 character). pydantic shows the
    // input given (" x "); the library shows the value read, as for a converted
    // number (doc/schemas.md section 8, "converted numbers shown").
    BOOST_TEST(errors_of<config::Derived>(R"({"name": "a", "shortest": " x "})") ==
               R"([{"type":"string_too_short","loc":["shortest"],"msg":"String should have at least 2 characters","input":"x","ctx":{"min_length":2}}])");
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
