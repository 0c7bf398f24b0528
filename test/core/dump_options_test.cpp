// dump_options (by_alias, exclude_none, exclude_defaults) on both writers, and
// json_format::ensure_ascii. Each expectation is what pydantic 2.13 printed for
// the mirrored model and input (model_dump_json(by_alias=..., exclude_none=...,
// exclude_defaults=...), model_dump(mode="json", ...)).
#define BOOST_TEST_MODULE core_dump_options
#include "test_support.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

using agent_engine::dump_options;
using agent_engine::json_format;
using test_support::compact;
using test_support::read;

namespace dump {

// class Inner(BaseModel):
//     model_config = ConfigDict(populate_by_name=True)
//     name: str = Field("x", alias="innerName")
//     note: Optional[str] = None
//     count: int = 0
// No operator==: exclude_defaults compares what is written.
struct Inner {
    std::string name = "x";
    std::optional<std::string> note;
    int count = 0;
};
BOOST_DESCRIBE_STRUCT(Inner, (), (name, note, count))
AGENT_ENGINE_ALIAS(Inner, name, "innerName")

// class Outer(BaseModel):
//     model_config = ConfigDict(extra="allow", populate_by_name=True)
//     task_id: str = Field("", alias="taskId")
//     maybe: Optional[int] = None
//     inner: Inner = Inner()
//     inners: list[Inner] = []
//     opt_list: list[Optional[int]] = []
//     by_key: dict[str, Optional[int]] = {}
//     models: dict[str, Inner] = {}
//     either: Union[int, Inner, None] = None
//     opt_inner: Optional[Inner] = None
struct Outer {
    std::string task_id;
    std::optional<std::int64_t> maybe;
    Inner inner;
    std::vector<Inner> inners;
    std::vector<std::optional<std::int64_t>> opt_list;
    std::map<std::string, std::optional<std::int64_t>> by_key;
    std::map<std::string, Inner> models;
    std::optional<std::variant<std::int64_t, Inner>> either;
    std::optional<Inner> opt_inner;
    agent_engine::extra_members extras;
};
BOOST_DESCRIBE_STRUCT(Outer, (), (task_id, maybe, inner, inners, opt_list, by_key, models, either, opt_inner))
AGENT_ENGINE_ALIAS(Outer, task_id, "taskId")
AGENT_ENGINE_ALLOW_EXTRA(Outer, extras)

// A pointer's == compares addresses: exclude_defaults compares what it points to.
struct Pointed {
    std::shared_ptr<Inner> shared = std::make_shared<Inner>();
    std::unique_ptr<Inner> unique;
};
BOOST_DESCRIBE_STRUCT(Pointed, (), (shared, unique))

struct Versioned {
    int schema_version = 1;
    std::string client;
};
BOOST_DESCRIBE_STRUCT(Versioned, (), (schema_version, client))
AGENT_ENGINE_SCHEMA_VERSION(Versioned, schema_version, 1)

struct Named {
    std::string name;
    std::string note;
};
BOOST_DESCRIBE_STRUCT(Named, (), (name, note))
AGENT_ENGINE_REQUIRED(Named, name)

struct Text {
    std::string s;
};
BOOST_DESCRIBE_STRUCT(Text, (), (s))

} // namespace dump

namespace {

// The value written under `options` as compact text by both paths, which must agree.
template <class T> std::string dumped(const T& value, const dump_options& options)
{
    std::string text = agent_engine::to_json(value, json_format::compact(), options);
    BOOST_TEST(compact(agent_engine::to_dict(value, options)) == text);
    return text;
}

// Outer.model_validate of this: every kind of member, null and default ones, kept extras.
dump::Outer sample()
{
    return read<dump::Outer>(
        R"({"taskId":"t","maybe":null,"inner":{"innerName":"x","note":null,"count":0},)"
        R"("inners":[{"innerName":"y"},{}],"opt_list":[null,1],"by_key":{"a":null,"b":2},)"
        R"("models":{"m":{"count":3}},"either":{"innerName":"z","note":null},"opt_inner":{"note":null},)"
        R"("extra_none":null,"extra_dict":{"k":null}})");
}

} // namespace

BOOST_AUTO_TEST_CASE(the_defaults_write_every_member_by_alias)
{
    BOOST_TEST(dumped(sample(), {}) ==
               R"({"taskId":"t","maybe":null,"inner":{"innerName":"x","note":null,"count":0},)"
               R"("inners":[{"innerName":"y","note":null,"count":0},{"innerName":"x","note":null,"count":0}],)"
               R"("opt_list":[null,1],"by_key":{"a":null,"b":2},"models":{"m":{"innerName":"x","note":null,"count":3}},)"
               R"("either":{"innerName":"z","note":null,"count":0},"opt_inner":{"innerName":"x","note":null,"count":0},)"
               R"("extra_none":null,"extra_dict":{"k":null}})");
}

// Members and kept extras holding None go, in nested models too (in a list, a
// map, a union); a null in a list or a map stays.
BOOST_AUTO_TEST_CASE(exclude_none_leaves_out_null_members_at_every_depth)
{
    BOOST_TEST(dumped(sample(), {.exclude_none = true}) ==
               R"({"taskId":"t","inner":{"innerName":"x","count":0},)"
               R"("inners":[{"innerName":"y","count":0},{"innerName":"x","count":0}],)"
               R"("opt_list":[null,1],"by_key":{"a":null,"b":2},"models":{"m":{"innerName":"x","count":3}},)"
               R"("either":{"innerName":"z","count":0},"opt_inner":{"innerName":"x","count":0},)"
               R"("extra_dict":{"k":null}})");
}

// A member equal to its default goes, a nested model's too; kept extras have no
// default and stay.
BOOST_AUTO_TEST_CASE(exclude_defaults_leaves_out_default_members_at_every_depth)
{
    BOOST_TEST(dumped(sample(), {.exclude_defaults = true}) ==
               R"({"taskId":"t","inners":[{"innerName":"y"},{}],"opt_list":[null,1],"by_key":{"a":null,"b":2},)"
               R"("models":{"m":{"count":3}},"either":{"innerName":"z"},"opt_inner":{},)"
               R"("extra_none":null,"extra_dict":{"k":null}})");
    // A default nested model read from input is left out; a 0 where the default is None is not.
    BOOST_TEST(dumped(read<dump::Outer>(R"({"inner":{"innerName":"x"},"opt_inner":null,"either":0})"),
                      {.exclude_defaults = true}) == R"({"either":0})");
    BOOST_TEST(dumped(read<dump::Outer>(R"({"inner":{"innerName":"y"}})"), {.exclude_defaults = true}) ==
               R"({"inner":{"innerName":"y"}})");
}

BOOST_AUTO_TEST_CASE(by_alias_false_writes_member_names_at_every_depth)
{
    BOOST_TEST(dumped(sample(), {.by_alias = false}) ==
               R"({"task_id":"t","maybe":null,"inner":{"name":"x","note":null,"count":0},)"
               R"("inners":[{"name":"y","note":null,"count":0},{"name":"x","note":null,"count":0}],)"
               R"("opt_list":[null,1],"by_key":{"a":null,"b":2},"models":{"m":{"name":"x","note":null,"count":3}},)"
               R"("either":{"name":"z","note":null,"count":0},"opt_inner":{"name":"x","note":null,"count":0},)"
               R"("extra_none":null,"extra_dict":{"k":null}})");
}

BOOST_AUTO_TEST_CASE(the_options_combine)
{
    BOOST_TEST(dumped(sample(), {.by_alias = false, .exclude_none = true, .exclude_defaults = true}) ==
               R"({"task_id":"t","inners":[{"name":"y"},{}],"opt_list":[null,1],"by_key":{"a":null,"b":2},)"
               R"("models":{"m":{"count":3}},"either":{"name":"z"},"opt_inner":{},"extra_dict":{"k":null}})");
}

// The value written need not be a schema: the options reach the schemas in it.
// TypeAdapter(list[Inner]).dump_json([Inner(), Inner(count=1)], exclude_defaults=True, by_alias=True)
// TypeAdapter(dict[str, Inner]).dump_json({"a": Inner(note="n")}, exclude_none=True, by_alias=False)
BOOST_AUTO_TEST_CASE(the_options_reach_schemas_in_any_value)
{
    std::vector<dump::Inner> list(2);
    list[1].count = 1;
    BOOST_TEST(dumped(list, {.exclude_defaults = true}) == R"([{},{"count":1}])");
    std::map<std::string, dump::Inner> map{{"a", {}}};
    map["a"].note = "n";
    BOOST_TEST(dumped(map, {.by_alias = false, .exclude_none = true}) == R"({"a":{"name":"x","note":"n","count":0}})");
}

// The options-only form of to_json indents, as to_json(value) does.
BOOST_AUTO_TEST_CASE(to_json_takes_options_alone)
{
    dump::Inner inner;
    inner.count = 2;
    BOOST_TEST(agent_engine::to_json(inner, {.exclude_none = true}) == "{\n  \"innerName\": \"x\",\n  \"count\": 2\n}");
}

BOOST_AUTO_TEST_CASE(exclude_defaults_compares_what_a_pointer_points_to)
{
    dump::Pointed p;
    p.shared = std::make_shared<dump::Inner>(); // another pointer, an equal value
    BOOST_TEST(dumped(p, {.exclude_defaults = true}) == "{}");
    p.unique = std::make_unique<dump::Inner>();
    p.shared->count = 1;
    BOOST_TEST(dumped(p, {.exclude_defaults = true}) == R"({"shared":{"count":1},"unique":{}})");
}

// class Named(BaseModel):
//     name: str
//     note: str = ""
// Named(name="").model_dump_json(exclude_defaults=True) keeps the required name.
BOOST_AUTO_TEST_CASE(a_required_member_has_no_default_to_leave_it_out)
{
    BOOST_TEST(dumped(dump::Named{}, {.exclude_defaults = true}) == R"({"name":""})");
}

// A document without its version reads as version 1 (a migration): the version is always written.
BOOST_AUTO_TEST_CASE(a_schema_version_is_always_written)
{
    BOOST_TEST(dumped(dump::Versioned{}, {.exclude_defaults = true}) == R"({"schema_version":1})");
}

// pydantic's model_dump_json(ensure_ascii=False) of Text(s="é\x7f\u2028😀\x01\n"):
// UTF-8 and DEL as they are, control characters escaped. A byte that starts no
// UTF-8 sequence is U+FFFD, as with ensure_ascii.
BOOST_AUTO_TEST_CASE(ensure_ascii_false_writes_utf8)
{
    dump::Text t{"\xC3\xA9\x7f\xE2\x80\xA8\xF0\x9F\x98\x80\x01\n"};
    BOOST_TEST(agent_engine::to_json(t, {.indent = 0, .ensure_ascii = false}) ==
               "{\"s\":\"\xC3\xA9\x7f\xE2\x80\xA8\xF0\x9F\x98\x80\\u0001\\n\"}");
    BOOST_TEST(agent_engine::to_json(t, json_format::compact()) ==
               R"({"s":"\u00e9\u007f\u2028\ud83d\ude00\u0001\n"})"); // json.dumps, the default
    t.s = "a\xFF" "b";
    BOOST_TEST(agent_engine::to_json(t, {.indent = 0, .ensure_ascii = false}) == "{\"s\":\"a\xEF\xBF\xBD" "b\"}");
    BOOST_TEST(agent_engine::to_json(t, json_format::compact()) == R"({"s":"a\ufffdb"})");
}
