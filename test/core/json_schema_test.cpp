#define BOOST_TEST_MODULE core_json_schema
#include <boost/test/unit_test.hpp>

#include <agent_engine/agent_engine.hpp>
#include <agent_engine/schemas/task.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <unistd.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace schema_test {

enum class Color { red, green };
BOOST_DESCRIBE_ENUM(Color, red, green)

struct Item {
    std::string name;
    std::uint8_t count = 1;
};
BOOST_DESCRIBE_STRUCT(Item, (), (name, count))
AGENT_ENGINE_REQUIRED(Item, name)
AGENT_ENGINE_FORBID_EXTRA(Item)
AGENT_ENGINE_CONSTRAINTS(Item, name, min_length(1), max_length(8), pattern("^[a-z]+$"))
AGENT_ENGINE_CONSTRAINTS(Item, count, gt(0))

struct Order {
    std::string order_id;
    Color color = Color::green;
    std::optional<std::string> placed_at;
    std::vector<Item> items;
    std::map<std::string, double> prices;
    boost::json::value extra;
    std::variant<std::int64_t, std::string> reference = std::int64_t{0};
    std::optional<Item> gift;
    double discount = 0.0;
    std::string type_ = "standard";
    std::vector<std::string> tags;
};
BOOST_DESCRIBE_STRUCT(Order, (),
                      (order_id, color, placed_at, items, prices, extra, reference, gift, discount, type_, tags))
AGENT_ENGINE_REQUIRED(Order, order_id, items)
AGENT_ENGINE_ALIAS(Order, type_, "type")
AGENT_ENGINE_SCHEMA_DESCRIPTION(Order, "A customer's order")
AGENT_ENGINE_DESCRIPTION(Order, order_id, "Unique id of the order")
AGENT_ENGINE_DESCRIPTION(Order, gift, "Wrapped separately")
AGENT_ENGINE_CONSTRAINTS(Order, order_id, pattern("^order-"))
AGENT_ENGINE_CONSTRAINTS(Order, placed_at, timestamp())
AGENT_ENGINE_CONSTRAINTS(Order, items, min_length(1), max_length(3))
AGENT_ENGINE_CONSTRAINTS(Order, discount, ge(0), lt(1))
AGENT_ENGINE_CONSTRAINTS(Order, type_, one_of("standard", "express"))
AGENT_ENGINE_CONSTRAINTS(Order, tags, each(min_length(1)))

// A schema that contains itself stays under $defs, referenced from the root.
struct Node {
    std::string label;
    std::vector<Node> children;
};
BOOST_DESCRIBE_STRUCT(Node, (), (label, children))

// A root whose "$ref" text is long enough to live on the heap, beside a
// definition whose name has the same length as the root's.
enum class LongEnum { first, second };
BOOST_DESCRIBE_ENUM(LongEnum, first, second)
struct LongName {
    LongEnum kind = LongEnum::first;
};
BOOST_DESCRIBE_STRUCT(LongName, (), (kind))

// The standard containers: sets, fixed-length tuples, smart pointers, and a
// schema that holds itself through a unique_ptr.
struct Shelf {
    std::string name;
    std::set<std::string> tags;
    std::array<double, 2> size{};
    std::pair<std::string, std::int32_t> label;
    std::tuple<bool, Color> flags;
    std::shared_ptr<Item> featured;
    std::unique_ptr<Shelf> below;
};
BOOST_DESCRIBE_STRUCT(Shelf, (), (name, tags, size, label, flags, featured, below))
AGENT_ENGINE_REQUIRED(Shelf, name)

// Durations and times of day (format duration and time), alone, optional and in a map.
struct Timetable {
    std::chrono::seconds timeout{};
    agent_engine::time_of_day opens;
    std::optional<std::chrono::milliseconds> grace;
    std::map<std::string, agent_engine::time_of_day> closes;
};
BOOST_DESCRIBE_STRUCT(Timetable, (), (timeout, opens, grace, closes))

// Base64 bytes: the schema's length bounds the text written (2 to 3 bytes: 4 characters).
struct Sealed {
    agent_engine::base64_bytes digest{std::byte{'a'}, std::byte{'b'}};
    agent_engine::base64url_bytes token;
};
BOOST_DESCRIBE_STRUCT(Sealed, (), (digest, token))
AGENT_ENGINE_CONSTRAINTS(Sealed, digest, min_length(2), max_length(3))

} // namespace schema_test

namespace other_ns {
// Same unqualified name as schema_test::Item: its definition must not be shared.
struct Item {
    bool flag = false;
};
BOOST_DESCRIBE_STRUCT(Item, (), (flag))
struct Pair {
    schema_test::Item a;
    Item b;
};
BOOST_DESCRIBE_STRUCT(Pair, (), (a, b))
} // namespace other_ns

namespace ae = agent_engine;
using schema_test::Order;

namespace {

std::string compact(const boost::json::value& v) { return boost::json::serialize(v); }
std::string compact_text(std::string_view text) { return boost::json::serialize(boost::json::parse(text)); }

} // namespace

BOOST_AUTO_TEST_CASE(schema_of_a_described_struct)
{
    auto schema = ae::json_schema<Order>();
    BOOST_TEST(compact(schema) == compact_text(R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Order",
  "description": "A customer's order",
  "type": "object",
  "properties": {
    "order_id": {"type": "string", "pattern": "^order-", "title": "Order Id", "description": "Unique id of the order"},
    "color": {"$ref": "#/$defs/Color", "default": "green"},
    "placed_at": {"anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}], "title": "Placed At",
                  "default": null},
    "items": {"type": "array", "items": {"$ref": "#/$defs/Item"}, "minItems": 1, "maxItems": 3, "title": "Items"},
    "prices": {"type": "object", "additionalProperties": {"type": "number"}, "title": "Prices", "default": {}},
    "extra": {"title": "Extra", "default": null},
    "reference": {"anyOf": [{"type": "integer", "minimum": -9223372036854775808, "maximum": 9223372036854775807},
                            {"type": "string"}], "title": "Reference", "default": 0},
    "gift": {"anyOf": [{"$ref": "#/$defs/Item"}, {"type": "null"}], "title": "Gift",
             "description": "Wrapped separately", "default": null},
    "discount": {"type": "number", "minimum": 0, "exclusiveMaximum": 1, "title": "Discount", "default": 0.0},
    "type": {"type": "string", "enum": ["standard", "express"], "title": "Type", "default": "standard"},
    "tags": {"type": "array", "items": {"type": "string", "minLength": 1}, "title": "Tags", "default": []}
  },
  "required": ["order_id", "items"],
  "$defs": {
    "Color": {"enum": ["red", "green"], "title": "Color", "type": "string"},
    "Item": {
      "title": "Item",
      "type": "object",
      "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 8, "pattern": "^[a-z]+$", "title": "Name"},
        "count": {"type": "integer", "minimum": 0, "maximum": 255, "exclusiveMinimum": 0, "title": "Count",
                  "default": 1}
      },
      "required": ["name"],
      "additionalProperties": false
    }
  }
})json"));
}

BOOST_AUTO_TEST_CASE(a_recursive_schema_keeps_its_definition)
{
    BOOST_TEST(compact(ae::json_schema<schema_test::Node>()) == compact_text(R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$ref": "#/$defs/Node",
  "$defs": {"Node": {"title": "Node", "type": "object", "properties": {
    "label": {"type": "string", "title": "Label", "default": ""},
    "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}, "title": "Children", "default": []}}}}
})json"));
}

// The root is inlined and the other definitions stay (once a read of freed
// memory: the root's name was viewed inside the "$ref" being replaced).
BOOST_AUTO_TEST_CASE(an_inlined_root_keeps_the_other_definitions)
{
    auto schema = ae::json_schema<schema_test::LongName>();
    BOOST_TEST(schema.at("title").as_string() == "LongName");
    BOOST_TEST(schema.at("properties").at("kind").at("$ref").as_string() == "#/$defs/LongEnum");
    BOOST_TEST(schema.at("$defs").as_object().size() == 1u);
    BOOST_TEST(schema.at("$defs").as_object().contains("LongEnum"));
}

BOOST_AUTO_TEST_CASE(two_types_of_one_name_get_two_definitions)
{
    auto schema = ae::json_schema<other_ns::Pair>();
    auto const& props = schema.at("properties");
    BOOST_TEST(props.at("a").at("$ref").as_string() == "#/$defs/Item");
    BOOST_TEST(props.at("b").at("$ref").as_string() == "#/$defs/other_ns__Item");
    BOOST_TEST(schema.at("$defs").at("other_ns__Item").at("properties").as_object().contains("flag"));
}

BOOST_AUTO_TEST_CASE(schemas_of_plain_types)
{
    BOOST_TEST(compact(ae::json_schema<std::vector<std::int8_t>>()) ==
               compact_text(R"({"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "array",
                           "items": {"type": "integer", "minimum": -128, "maximum": 127}})"));
    BOOST_TEST(compact(ae::json_schema<std::uint64_t>()) ==
               compact_text(R"({"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "integer",
                           "minimum": 0, "maximum": 18446744073709551615})"));
    BOOST_TEST(compact(ae::json_schema<schema_test::Color>()) ==
               compact_text(R"({"$schema": "https://json-schema.org/draft/2020-12/schema", "enum": ["red", "green"],
                           "title": "Color", "type": "string"})"));
}

BOOST_AUTO_TEST_CASE(property_titles_follow_pydantic)
{
    BOOST_TEST(ae::schema_builder::property_title("task_id") == "Task Id");
    BOOST_TEST(ae::schema_builder::property_title("stage2name") == "Stage2Name");
    BOOST_TEST(ae::schema_builder::property_title("_private_") == "Private");
}

namespace {

// One case for check_json_schema.py; also checks that from_dict agrees.
template <class T>
void add_case(boost::json::array& cases, std::string name, const boost::json::value& instance, bool valid)
{
    // validate() rather than from_dict: from_dict<EngineError> cannot return a Result<EngineError>.
    BOOST_TEST_CONTEXT(name) { BOOST_TEST(ae::validate_dict<T>(instance).has_value() == valid); }
    cases.push_back(boost::json::object{{"name", std::move(name)},
                                        {"schema", ae::json_schema<T>()},
                                        {"instance", instance},
                                        {"valid", valid}});
}

boost::json::value with(boost::json::value v, std::string_view key, boost::json::value member)
{
    v.as_object()[key] = std::move(member);
    return v;
}

std::string read_file(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

// The generated schemas, checked by an independent validator (python3-jsonschema):
// what from_dict accepts, the schema accepts; what it rejects, the schema rejects.
BOOST_AUTO_TEST_CASE(a_real_validator_agrees_with_from_dict)
{
    boost::json::array cases;

    Order order;
    order.order_id = "order-1";
    order.placed_at = "2025-12-06T02:45:18.337698Z";
    order.items.push_back({"apple", 3});
    order.gift = schema_test::Item{"pear", 1};
    order.prices = {{"apple", 1.5}};
    order.reference = std::string("ref");
    order.tags = {"fresh"};
    boost::json::value valid = ae::to_dict(order);
    add_case<Order>(cases, "order", valid, true);
    add_case<Order>(cases, "order with offset", with(valid, "placed_at", "2025-12-06T03:45:18+01:00"), true);
    add_case<Order>(cases, "order, minimal", boost::json::parse(R"({"order_id": "order-2", "items": [{"name": "x"}]})"),
                    true);
    add_case<Order>(cases, "order_id pattern", with(valid, "order_id", "ord-1"), false);
    add_case<Order>(cases, "order_id missing", boost::json::parse(R"({"items": [{"name": "x"}]})"), false);
    add_case<Order>(cases, "color enum", with(valid, "color", "blue"), false);
    add_case<Order>(cases, "placed_at format", with(valid, "placed_at", "2025-12-06 02:45"), false);
    add_case<Order>(cases, "placed_at without offset", with(valid, "placed_at", "2025-12-06T02:45:18"), false);
    add_case<Order>(cases, "items too short", with(valid, "items", boost::json::array()), false);
    add_case<Order>(cases, "items too long", with(valid, "items", boost::json::parse(
        R"([{"name": "a"}, {"name": "b"}, {"name": "c"}, {"name": "d"}])")), false);
    add_case<Order>(cases, "item extra key", with(valid, "items", boost::json::parse(R"([{"name": "a", "x": 1}])")),
                    false);
    add_case<Order>(cases, "item name too long", with(valid, "items", boost::json::parse(R"([{"name": "abcdefghi"}])")),
                    false);
    add_case<Order>(cases, "item count out of uint8", with(valid, "items", boost::json::parse(
        R"([{"name": "a", "count": 256}])")), false);
    add_case<Order>(cases, "item count gt 0", with(valid, "items", boost::json::parse(R"([{"name": "a", "count": 0}])")),
                    false);
    add_case<Order>(cases, "prices values", with(valid, "prices", boost::json::parse(R"({"a": "cheap"})")), false);
    // (not true, which lax mode reads as 1, as pydantic does: a JSON Schema describes strict mode)
    add_case<Order>(cases, "reference variant", with(valid, "reference", 1.5), false);
    add_case<Order>(cases, "gift null", with(valid, "gift", nullptr), true);
    add_case<Order>(cases, "discount lt 1", with(valid, "discount", 1.0), false);
    add_case<Order>(cases, "discount ge 0", with(valid, "discount", -0.5), false);
    add_case<Order>(cases, "type one_of", with(valid, "type", "slow"), false);
    add_case<Order>(cases, "tags items", with(valid, "tags", boost::json::parse(R"([""])")), false);

    // The standard containers (a duplicate in a set is left out: from_dict collapses
    // it, as pydantic does, where "uniqueItems" refuses it).
    boost::json::value shelf = boost::json::parse(
        R"({"name": "top", "tags": ["a", "b"], "size": [1.5, 2], "label": ["x", 3], "flags": [true, "red"],)"
        R"( "featured": {"name": "pear", "count": 1}, "below": {"name": "low", "below": null}})");
    using schema_test::Shelf;
    add_case<Shelf>(cases, "shelf", shelf, true);
    add_case<Shelf>(cases, "shelf, minimal", boost::json::parse(R"({"name": "s"})"), true);
    add_case<Shelf>(cases, "set not an array", with(shelf, "tags", "a"), false);
    add_case<Shelf>(cases, "set item type", with(shelf, "tags", boost::json::parse("[1]")), false);
    add_case<Shelf>(cases, "array too short", with(shelf, "size", boost::json::parse("[1]")), false);
    add_case<Shelf>(cases, "array too long", with(shelf, "size", boost::json::parse("[1, 2, 3]")), false);
    add_case<Shelf>(cases, "pair item type", with(shelf, "label", boost::json::parse("[3, \"x\"]")), false);
    add_case<Shelf>(cases, "tuple enum item", with(shelf, "flags", boost::json::parse("[true, \"blue\"]")), false);
    add_case<Shelf>(cases, "tuple not an array", with(shelf, "flags", true), false);
    add_case<Shelf>(cases, "shared_ptr null", with(shelf, "featured", nullptr), true);
    add_case<Shelf>(cases, "shared_ptr value", with(shelf, "featured", boost::json::parse(R"({"count": 1})")), false);
    // pydantic's schema says string for both, though its lax mode also reads a
    // number of seconds: only strings are cases here.
    boost::json::value timetable = boost::json::parse(
        R"({"timeout": "PT1M30S", "opens": "09:30:00", "grace": "PT1.5S", "closes": {"mon": "17:00:00+01:00"}})");
    using schema_test::Timetable;
    add_case<Timetable>(cases, "timetable", timetable, true);
    add_case<Timetable>(cases, "duration null", with(timetable, "timeout", nullptr), false);
    add_case<Timetable>(cases, "optional duration null", with(timetable, "grace", nullptr), true);
    add_case<Timetable>(cases, "time in a map", with(timetable, "closes", boost::json::parse(R"({"mon": true})")), false);
    boost::json::value sealed = boost::json::parse(R"({"digest": "YWJj", "token": "-_8="})");
    using schema_test::Sealed;
    add_case<Sealed>(cases, "base64", sealed, true);
    add_case<Sealed>(cases, "base64 of 2 bytes", with(sealed, "digest", "YWI="), true);
    add_case<Sealed>(cases, "base64 too long", with(sealed, "digest", "YWJjZA=="), false);
    add_case<Sealed>(cases, "base64 not a string", with(sealed, "token", 5), false);
    add_case<Shelf>(cases, "recursion, deep error",
                    with(shelf, "below", boost::json::parse(R"({"name": "a", "below": {"name": 5}})")), false);

    // The library's own error type.
    auto error = ae::to_dict(ae::make_error(ae::EngineErrorCode::tool, ae::EngineErrorSource::tool_runtime, "e1",
                                            "tool failed", {{"tool", "grep"}}));
    add_case<ae::EngineError>(cases, "EngineError", error, true);
    add_case<ae::EngineError>(cases, "EngineError code", with(error, "code", "bogus"), false);
    add_case<ae::EngineError>(cases, "EngineError details", with(error, "details", "text"), false);
    auto no_message = error;
    no_message.as_object().erase("message");
    add_case<ae::EngineError>(cases, "EngineError message missing", no_message, false);

    // The Python original's checkpoints, and a broken one.
    std::filesystem::path originals = AGENT_ENGINE_REPO_TEST_DATA "/python-original";
    std::size_t checkpoints = 0;
    for (auto const& entry : std::filesystem::recursive_directory_iterator(originals)) {
        if (entry.path().extension() != ".json")
            continue;
        auto dom = ae::parse_json(read_file(entry.path()));
        BOOST_REQUIRE(dom.has_value());
        add_case<ae::Task>(cases, entry.path().filename().string(), dom.value(), true);
        if (checkpoints++ == 0)
            add_case<ae::Task>(cases, "checkpoint with unknown status", with(dom.value(), "status", "lost"), false);
    }
    BOOST_TEST(checkpoints >= 1u);

    auto dir = std::filesystem::temp_directory_path() / ("agent_engine_json_schema_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto cases_file = dir / "cases.json";
    {
        std::ofstream out(cases_file, std::ios::binary);
        out << ae::serialize(cases);
    }
    std::string command = std::string("\"") + AGENT_ENGINE_PYTHON + "\" \"" + AGENT_ENGINE_SCHEMA_CHECKER + "\" \"" +
                          cases_file.string() + "\"";
    int status = std::system(command.c_str());
    BOOST_TEST(status == 0, "check_json_schema.py failed (status " << status << "); is python3-jsonschema installed?");
    std::filesystem::remove_all(dir);
}
