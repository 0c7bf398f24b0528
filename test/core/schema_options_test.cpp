// The declarations next to BOOST_DESCRIBE_STRUCT: required fields and in-class
// defaults, ignoring or forbidding unknown keys, aliases, and options inherited
// from a described base.
//
// Expected errors and messages come from pydantic 2.13 on mirrors of these schemas
// (given above each test), with PYDANTIC_ERRORS_INCLUDE_URL=0.
#define BOOST_TEST_MODULE core_schema_options
#include "test_support.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

using test_support::errors_of;
using test_support::failure;
using test_support::read;
using test_support::written;

namespace opts {

struct Config {
    std::string name;
    int retries = 3;
    std::string mode = "fast";
    std::vector<int> ports{80, 443};
    std::optional<int> limit = 10;
};
BOOST_DESCRIBE_STRUCT(Config, (), (name, retries, mode, ports, limit))
AGENT_ENGINE_REQUIRED(Config, name)

struct Closed {
    int a = 0;
    Config config;
};
BOOST_DESCRIBE_STRUCT(Closed, (), (a, config))
AGENT_ENGINE_FORBID_EXTRA(Closed)

// Keys that are not C++ identifiers, or are keywords.
struct Event {
    std::string type_;
    std::string at;
    int n = 0;
    bool operator==(const Event&) const = default;
};
BOOST_DESCRIBE_STRUCT(Event, (), (type_, at, n))
AGENT_ENGINE_REQUIRED(Event, type_)
AGENT_ENGINE_ALIAS(Event, type_, "type")
AGENT_ENGINE_ALIAS(Event, at, "@timestamp")

// Keys with bytes that JSON text escapes.
struct Escaped {
    int quoted = 0;
    int accented = 0;
    bool operator==(const Escaped&) const = default;
};
BOOST_DESCRIBE_STRUCT(Escaped, (), (quoted, accented))
AGENT_ENGINE_ALIAS(Escaped, quoted, "say \"hi\"")
AGENT_ENGINE_ALIAS(Escaped, accented, "caf\xc3\xa9")

struct StrictEvent : Event {};
BOOST_DESCRIBE_STRUCT(StrictEvent, (Event), ())
AGENT_ENGINE_FORBID_EXTRA(StrictEvent)

// A member whose initializer differs from its type's own defaults.
struct Deployment {
    Config config{"preset", 9, "slow", {1}, 1};
    std::optional<Config> fallback = Config{"preset", 9, "slow", {1}, 1};
};
BOOST_DESCRIBE_STRUCT(Deployment, (), (config, fallback))

struct Base {
    std::string id;
    std::string kind;
};
BOOST_DESCRIBE_STRUCT(Base, (), (id, kind))
AGENT_ENGINE_REQUIRED(Base, id)
AGENT_ENGINE_ALIAS(Base, kind, "type")
AGENT_ENGINE_FORBID_EXTRA(Base)

struct Derived : Base {
    std::string note;
};
BOOST_DESCRIBE_STRUCT(Derived, (Base), (note))

// A derived schema can require a member its base declares optional.
struct StricterDerived : Base {
    int level = 0;
};
BOOST_DESCRIBE_STRUCT(StricterDerived, (Base), (level))
AGENT_ENGINE_REQUIRED(StricterDerived, kind, level)

struct Nullable {
    std::optional<int> x;
    std::optional<int> y = 5;
};
BOOST_DESCRIBE_STRUCT(Nullable, (), (x, y))
AGENT_ENGINE_REQUIRED(Nullable, x)

// Titles that are not the C++ names (pydantic: model_config = ConfigDict(title=...)).
enum class StageState { idle, busy };
BOOST_DESCRIBE_ENUM(StageState, idle, busy)
AGENT_ENGINE_TITLE(StageState, "State")

struct StageV2 {
    std::string id;
    StageState state = StageState::idle;
};
BOOST_DESCRIBE_STRUCT(StageV2, (), (id, state))
AGENT_ENGINE_REQUIRED(StageV2, id)
AGENT_ENGINE_TITLE(StageV2, "Stage")

struct Pipeline {
    std::vector<StageV2> stages;
};
BOOST_DESCRIBE_STRUCT(Pipeline, (), (stages))

struct PinnedStage : StageV2 {};
BOOST_DESCRIBE_STRUCT(PinnedStage, (StageV2), ())

// Another type given the same title: JSON Schema keeps them apart.
struct LegacyStage {
    int number = 0;
};
BOOST_DESCRIBE_STRUCT(LegacyStage, (), (number))
AGENT_ENGINE_TITLE(LegacyStage, "Stage")

struct MixedPipeline {
    StageV2 current;
    LegacyStage legacy;
};
BOOST_DESCRIBE_STRUCT(MixedPipeline, (), (current, legacy))

} // namespace opts

// The declarations are visible at compile time.
static_assert(agent_engine::is_required<opts::Config, &opts::Config::name>());
static_assert(!agent_engine::is_required<opts::Config, &opts::Config::retries>());
static_assert(agent_engine::forbids_extra<opts::Closed>());
static_assert(!agent_engine::forbids_extra<opts::Config>());
static_assert(agent_engine::forbids_extra<opts::Derived>());
static_assert(agent_engine::is_required<opts::Derived, &opts::Base::id>());
static_assert(!agent_engine::is_required<opts::Derived, &opts::Base::kind>());
static_assert(agent_engine::is_required<opts::StricterDerived, &opts::Base::kind>());
static_assert(agent_engine::schema_title<opts::Derived>() == "Derived");

BOOST_AUTO_TEST_CASE(a_missing_optional_key_keeps_the_in_class_default)
{
    auto c = read<opts::Config>(R"({"name": "svc"})");
    BOOST_TEST(c.name == "svc");
    BOOST_TEST(c.retries == 3);
    BOOST_TEST(c.mode == "fast");
    BOOST_TEST((c.ports == std::vector<int>{80, 443}));
    BOOST_TEST((c.limit == std::optional<int>(10)));
    // a present key replaces the default whole, containers included
    auto d = read<opts::Config>(R"({"name": "svc", "ports": [8080], "limit": null})");
    BOOST_TEST((d.ports == std::vector<int>{8080}));
    BOOST_TEST(!d.limit.has_value());
}

// class Deployment(BaseModel): config: Config = Config(name="preset", retries=9, ...)
// Deployment.model_validate({"config": {"name": "x"}}).config.retries == 3
BOOST_AUTO_TEST_CASE(a_nested_schema_read_from_input_starts_from_its_own_defaults)
{
    auto d = read<opts::Deployment>(R"({"config": {"name": "x"}})");
    BOOST_TEST(d.config.name == "x");
    BOOST_TEST(d.config.retries == 3);
    BOOST_TEST(d.config.mode == "fast");
    BOOST_TEST((d.config.ports == std::vector<int>{80, 443}));
    // the same inside an optional
    auto f = read<opts::Deployment>(R"({"fallback": {"name": "y"}})");
    BOOST_TEST(f.fallback.value().retries == 3);
    // absent, the member keeps its initializer
    BOOST_TEST(read<opts::Deployment>("{}").config.retries == 9);
    BOOST_TEST(read<opts::Deployment>("{}").fallback.value().retries == 9);
}

// class Config(BaseModel): name: str; retries: int = 3; ...   input {"retries": 1}
BOOST_AUTO_TEST_CASE(a_missing_required_key_is_an_error_and_nothing_else_is)
{
    auto error = failure<opts::Config>(R"({"retries": 1})");
    BOOST_TEST(test_support::compact(error.details->at("errors")) ==
               R"([{"type":"missing","loc":["name"],"msg":"Field required","input":{"retries":1}}])");
    BOOST_TEST(error.message == "1 validation error for Config\n"
                                "name\n"
                                "  Field required [type=missing, input_value={'retries': 1}, input_type=dict]");
}

// class Nullable(BaseModel): x: Optional[int]; y: Optional[int] = 5
BOOST_AUTO_TEST_CASE(a_required_optional_needs_its_key_but_takes_null)
{
    BOOST_TEST(errors_of<opts::Nullable>("{}") ==
               R"([{"type":"missing","loc":["x"],"msg":"Field required","input":{}}])");
    auto n = read<opts::Nullable>(R"({"x": null})");
    BOOST_TEST(!n.x.has_value());
    BOOST_TEST((n.y == std::optional<int>(5)));
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_ignored_by_default)
{
    auto c = read<opts::Config>(R"({"unknown": {"deep": [1, 2]}, "name": "svc", "other": null})");
    BOOST_TEST(written(c) == R"({"name":"svc","retries":3,"mode":"fast","ports":[80,443],"limit":10})");
}

// class Config(BaseModel): name: str; ...
// class Closed(BaseModel): model_config = ConfigDict(extra='forbid'); a: int = 0; config: Config = ...
BOOST_AUTO_TEST_CASE(forbidden_extras_come_after_field_errors_in_input_order)
{
    // Closed forbids extras; the Config inside it does not.
    BOOST_TEST(errors_of<opts::Closed>(R"({"z": 1, "config": {"name": 5, "free": 1}, "a": [], "b": [null]})") ==
               R"([{"type":"int_type","loc":["a"],"msg":"Input should be a valid integer","input":[]},)"
               R"({"type":"string_type","loc":["config","name"],"msg":"Input should be a valid string","input":5},)"
               R"({"type":"extra_forbidden","loc":["z"],"msg":"Extra inputs are not permitted","input":1},)"
               R"({"type":"extra_forbidden","loc":["b"],"msg":"Extra inputs are not permitted","input":[null]}])");
}

BOOST_AUTO_TEST_CASE(an_alias_is_the_json_key_both_ways)
{
    opts::Event e{"deploy", "2024-01-01T00:00:00Z", 2};
    test_support::check_round_trip(e, R"({"type":"deploy","@timestamp":"2024-01-01T00:00:00Z","n":2})");
    auto back = read<opts::Event>(R"({"@timestamp": "t", "type": "x"})");
    BOOST_TEST(back.type_ == "x");
    BOOST_TEST(back.at == "t");
}

// Member names are written as they are; an alias that needs escapes is escaped.
BOOST_AUTO_TEST_CASE(an_alias_is_escaped_as_any_key)
{
    test_support::check_round_trip(opts::Escaped{1, 2}, R"({"say \"hi\"":1,"caf\u00e9":2})");
    BOOST_TEST(agent_engine::to_json(opts::Escaped{1, 2}) == "{\n  \"say \\\"hi\\\"\": 1,\n  \"caf\\u00e9\": 2\n}");
}

// Keys that need decoding keep their place while values that need decoding
// too are read below them: each error is at its key, on every read path.
// dict[str, Escaped], input {"k\u0065y": {"say \"hi\"": "\u0031 ", "caf\u00e9": "\u0032x"}}
BOOST_AUTO_TEST_CASE(a_decoded_key_outlives_the_decoded_values_below_it)
{
    BOOST_TEST((errors_of<std::map<std::string, opts::Escaped>>(
                   R"({"k\u0065y": {"say \"hi\"": "\u0031 ", "caf\u00e9": "\u0032x"}})")) ==
               R"([{"type":"int_parsing","loc":["key","caf\u00e9"],)"
               R"("msg":"Input should be a valid integer, unable to parse string as an integer","input":"2x"}])");
}

// class Event(BaseModel): type_: str = Field(alias="type"); at: str = Field("", alias="@timestamp"); n: int = 0
// input {"type_": "x", "n": 1}
BOOST_AUTO_TEST_CASE(with_an_alias_the_cpp_name_is_not_a_key)
{
    auto error = failure<opts::Event>(R"({"type_": "x", "n": 1})");
    BOOST_TEST(test_support::compact(error.details->at("errors")) ==
               R"([{"type":"missing","loc":["type"],"msg":"Field required","input":{"type_":"x","n":1}}])");
}

// class StrictEvent(Event): model_config = ConfigDict(extra='forbid')
// input {"type_": "x", "@timestamp": 5, "n": 1}
BOOST_AUTO_TEST_CASE(errors_are_located_by_the_alias)
{
    auto error = failure<opts::StrictEvent>(R"({"type_": "x", "@timestamp": 5, "n": 1})");
    BOOST_TEST(test_support::compact(error.details->at("errors")) ==
               R"([{"type":"missing","loc":["type"],"msg":"Field required","input":{"type_":"x","@timestamp":5,"n":1}},)"
               R"({"type":"string_type","loc":["@timestamp"],"msg":"Input should be a valid string","input":5},)"
               R"({"type":"extra_forbidden","loc":["type_"],"msg":"Extra inputs are not permitted","input":"x"}])");
    BOOST_TEST(error.message ==
               "3 validation errors for StrictEvent\n"
               "type\n"
               "  Field required [type=missing, input_value={'type_': 'x', '@timestamp': 5, 'n': 1}, input_type=dict]\n"
               "@timestamp\n"
               "  Input should be a valid string [type=string_type, input_value=5, input_type=int]\n"
               "type_\n"
               "  Extra inputs are not permitted [type=extra_forbidden, input_value='x', input_type=str]");
}

// class Base(BaseModel): model_config = ConfigDict(extra='forbid'); id: str; kind: str = Field("", alias="type")
// class Derived(Base): note: str = ""       input {"note": 1, "kind": "k", "extra": true}
BOOST_AUTO_TEST_CASE(options_are_inherited_from_a_described_base)
{
    auto error = failure<opts::Derived>(R"({"note": 1, "kind": "k", "extra": true})");
    BOOST_TEST(test_support::compact(error.details->at("errors")) ==
               R"([{"type":"missing","loc":["id"],"msg":"Field required","input":{"note":1,"kind":"k","extra":true}},)"
               R"({"type":"string_type","loc":["note"],"msg":"Input should be a valid string","input":1},)"
               R"({"type":"extra_forbidden","loc":["kind"],"msg":"Extra inputs are not permitted","input":"k"},)"
               R"({"type":"extra_forbidden","loc":["extra"],"msg":"Extra inputs are not permitted","input":true}])");
    BOOST_TEST(error.message ==
               "4 validation errors for Derived\n"
               "id\n"
               "  Field required [type=missing, input_value={'note': 1, 'kind': 'k', 'extra': True}, input_type=dict]\n"
               "note\n"
               "  Input should be a valid string [type=string_type, input_value=1, input_type=int]\n"
               "kind\n"
               "  Extra inputs are not permitted [type=extra_forbidden, input_value='k', input_type=str]\n"
               "extra\n"
               "  Extra inputs are not permitted [type=extra_forbidden, input_value=True, input_type=bool]");

    opts::Derived d;
    d.id = "i";
    d.kind = "k";
    d.note = "n";
    BOOST_TEST(written(d) == R"({"id":"i","type":"k","note":"n"})");
}

BOOST_AUTO_TEST_CASE(a_derived_schema_adds_required_members_of_its_base)
{
    BOOST_TEST(errors_of<opts::StricterDerived>(R"({"id": "i"})") ==
               R"([{"type":"missing","loc":["type"],"msg":"Field required","input":{"id":"i"}},)"
               R"({"type":"missing","loc":["level"],"msg":"Field required","input":{"id":"i"}}])");
    // the base alone still accepts a missing "type"
    BOOST_TEST(read<opts::Base>(R"({"id": "i"})").kind.empty());
}

BOOST_AUTO_TEST_CASE(a_title_names_the_schema_in_errors_and_json_schema)
{
    BOOST_TEST(failure<opts::StageV2>("{}").message ==
               "1 validation error for Stage\n"
               "id\n"
               "  Field required [type=missing, input_value={}, input_type=dict]");
    BOOST_TEST(errors_of<opts::Pipeline>(R"({"stages": [1]})") ==
               R"([{"type":"model_type","loc":["stages",0],"msg":"Input should be a valid dictionary or instance of Stage",)"
               R"("input":1,"ctx":{"class_name":"Stage"}}])");
    auto schema = agent_engine::json_schema<opts::Pipeline>();
    BOOST_TEST(test_support::compact(schema.at("properties").at("stages").at("items")) == R"({"$ref":"#/$defs/Stage"})");
    BOOST_TEST(test_support::compact(schema.at("$defs").at("Stage").at("title")) == R"("Stage")");
    BOOST_TEST(test_support::compact(schema.at("$defs").at("State").at("title")) == R"("State")");
    // a title names its own class: a derived schema keeps its C++ name
    BOOST_TEST(agent_engine::schema_title<opts::PinnedStage>() == "PinnedStage");
}

BOOST_AUTO_TEST_CASE(two_types_of_one_title_get_two_definitions)
{
    // pydantic's rule for a name clash: the first keeps the name, the next is qualified.
    auto schema = agent_engine::json_schema<opts::MixedPipeline>();
    BOOST_TEST(test_support::compact(schema.at("properties").at("current").at("$ref")) == R"("#/$defs/Stage")");
    BOOST_TEST(test_support::compact(schema.at("properties").at("legacy").at("$ref")) ==
               R"("#/$defs/opts__LegacyStage")");
    BOOST_TEST(schema.at("$defs").at("Stage").at("properties").as_object().contains("id"));
    BOOST_TEST(schema.at("$defs").at("opts__LegacyStage").at("properties").as_object().contains("number"));
    BOOST_TEST(test_support::compact(schema.at("$defs").at("opts__LegacyStage").at("title")) == R"("Stage")");
}
