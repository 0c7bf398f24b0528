// Text that Python writes: to_json / serialize equal json.dumps byte for byte,
// error messages show inputs as pydantic shows them (Python repr, shortened
// the way pydantic-core shortens), and parse_json reports where the text broke.
//
// Expected JSON text comes from /usr/bin/python3 (3.11): json.dumps(x, indent=2)
// for the pretty format, json.dumps(x, separators=(",", ":")) for the compact one.
// Expected error lines come from pydantic 2.13 (PYDANTIC_ERRORS_INCLUDE_URL=0).
#define BOOST_TEST_MODULE core_python_format
#include "test_support.hpp"

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

using test_support::compact;
using test_support::failure;
using test_support::written;

namespace fmt {

struct Item {
    int id = 0;
    std::vector<boost::json::object> sub;
};
BOOST_DESCRIBE_STRUCT(Item, (), (id, sub))

struct Doc {
    std::string name;
    int count = 0;
    double ratio = 0;
    bool ok = false;
    std::optional<std::string> none;
    std::vector<std::string> tags;
    std::map<std::string, int> meta;
    std::vector<Item> items;
    std::vector<std::vector<int>> matrix;
};
BOOST_DESCRIBE_STRUCT(Doc, (), (name, count, ratio, ok, none, tags, meta, items, matrix))

// A target whose errors pydantic words exactly as we do for any input:
// `l: List[int]` rejects every non-list with list_type, `s: str` every list with string_type.
struct Target {
    std::vector<int> l;
    std::string s;
};
BOOST_DESCRIBE_STRUCT(Target, (), (l, s))

} // namespace fmt

namespace {

fmt::Doc sample_doc()
{
    fmt::Doc d;
    d.name = "t\xc3\xa9st";
    d.count = 3;
    d.ratio = 0.5;
    d.ok = true;
    d.items = {{1, {}}, {2, {boost::json::object{}}}};
    d.matrix = {{1, 2}, {}};
    return d;
}

// The line pydantic prints under the location of the one error in `{key: input}`.
std::string error_line(std::string_view key, std::string_view input)
{
    std::string text = "{\"" + std::string(key) + "\": " + std::string(input) + "}";
    std::string message = failure<fmt::Target>(text).message;
    std::string head = "1 validation error for Target\n" + std::string(key) + "\n";
    BOOST_REQUIRE(message.substr(0, head.size()) == head);
    return message.substr(head.size());
}

// pydantic's line for `l: List[int]` given a non-list input shown as `repr` of Python type `type`.
std::string list_error(std::string_view repr, std::string_view type)
{
    return "  Input should be a valid list [type=list_type, input_value=" + std::string(repr) +
           ", input_type=" + std::string(type) + "]";
}

} // namespace

// python3 -c 'import json; print(json.dumps({"name": "t\u00e9st", "count": 3, "ratio": 0.5, "ok": True,
//   "none": None, "tags": [], "meta": {}, "items": [{"id": 1, "sub": []}, {"id": 2, "sub": [{}]}],
//   "matrix": [[1, 2], []]}, indent=2))'
BOOST_AUTO_TEST_CASE(pretty_output_is_json_dumps_indent_2)
{
    constexpr std::string_view python = R"({
  "name": "t\u00e9st",
  "count": 3,
  "ratio": 0.5,
  "ok": true,
  "none": null,
  "tags": [],
  "meta": {},
  "items": [
    {
      "id": 1,
      "sub": []
    },
    {
      "id": 2,
      "sub": [
        {}
      ]
    }
  ],
  "matrix": [
    [
      1,
      2
    ],
    []
  ]
})";
    fmt::Doc d = sample_doc();
    BOOST_TEST(agent_engine::to_json(d) == python);
    BOOST_TEST(agent_engine::to_json(d, agent_engine::json_format::pretty()) == python);
    BOOST_TEST(agent_engine::serialize(agent_engine::to_dict(d)) == python);
    // and it reads back to the same text
    BOOST_TEST(agent_engine::to_json(test_support::read<fmt::Doc>(python)) == python);
}

// the same, with separators=(",", ":")
BOOST_AUTO_TEST_CASE(compact_output_has_no_spaces)
{
    constexpr std::string_view python =
        R"({"name":"t\u00e9st","count":3,"ratio":0.5,"ok":true,"none":null,"tags":[],"meta":{},)"
        R"("items":[{"id":1,"sub":[]},{"id":2,"sub":[{}]}],"matrix":[[1,2],[]]})";
    BOOST_TEST(written(sample_doc()) == python);
    BOOST_TEST(agent_engine::to_json(boost::json::value(7), agent_engine::json_format::compact()) == "7");
}

namespace {

// `depth` containers, each holding the next one and then 7, the innermost only 7:
// [[...[7], 7]..., 7] or {"k": {"k": ... {"n": 7}, "n": 7}..., "n": 7}.
boost::json::value nested(std::size_t depth, bool objects)
{
    boost::json::value v = objects ? boost::json::value{{"n", 7}} : boost::json::value(boost::json::array{7});
    for (std::size_t d = 1; d < depth; ++d)
        v = objects ? boost::json::value{{"k", std::move(v)}, {"n", 7}}
                    : boost::json::value(boost::json::array{std::move(v), 7});
    return v;
}

std::string nested_compact(std::size_t depth, bool objects)
{
    std::string text = objects ? R"({"n":7})" : "[7]";
    for (std::size_t d = 1; d < depth; ++d)
        text = objects ? R"({"k":)" + text + R"(,"n":7})" : "[" + text + ",7]";
    return text;
}

// Appends what json.dumps(nested(...), indent=2) writes from the container at
// depth d (1 for the outermost) on, after `prefix` on its first line, except
// that a container deeper than 32 is written compact.
void nested_pretty(std::string& out, std::size_t d, std::size_t depth, bool objects, const std::string& prefix)
{
    out += prefix;
    if (d > 32) {
        out += nested_compact(depth - d + 1, objects);
        return;
    }
    std::string indent = "\n" + std::string(2 * d, ' ');
    out += objects ? '{' : '[';
    if (d < depth) {
        nested_pretty(out, d + 1, depth, objects, indent + (objects ? R"("k": )" : ""));
        out += ',';
    }
    out += indent + (objects ? R"("n": 7)" : "7");
    out += "\n" + std::string(2 * (d - 1), ' ') + (objects ? '}' : ']');
}

} // namespace

// Containers up to 32 deep are written as json.dumps(indent=2) writes them
// (nested_pretty's text for 32 levels, of arrays and of objects, is what
// python3 prints); deeper ones compact, on the line of the 32nd level, after
// which its other items are indented again.
BOOST_AUTO_TEST_CASE(pretty_output_indents_32_levels_then_writes_compact)
{
    using agent_engine::json_format;
    static_assert(json_format::max_indented_depth == 32);
    for (bool objects : {false, true}) {
        for (std::size_t depth : {1, 2, 31, 32, 33, 34, 40, 512}) {
            BOOST_TEST_CONTEXT((objects ? "objects " : "arrays ") << depth << " deep")
            {
                boost::json::value v = nested(depth, objects);
                std::string expected;
                nested_pretty(expected, 1, depth, objects, "");
                std::string pretty = agent_engine::serialize(v, json_format::pretty());
                BOOST_TEST(pretty == expected);
                BOOST_TEST(agent_engine::serialize(v, json_format::compact()) == nested_compact(depth, objects));
                // no line is indented by more than 32 levels
                BOOST_TEST(pretty.find("\n" + std::string(2 * 32 + 1, ' ')) == std::string::npos);
                BOOST_TEST(agent_engine::to_json(test_support::read<boost::json::value>(pretty)) == pretty);
            }
        }
    }
    // the 33rd level, in an array and after a key
    std::string arrays = agent_engine::serialize(nested(34, false), json_format::pretty());
    BOOST_TEST(arrays.find("\n" + std::string(64, ' ') + "[[7],7],\n" + std::string(64, ' ') + "7\n") !=
               std::string::npos);
    std::string objects = agent_engine::serialize(nested(34, true), json_format::pretty());
    BOOST_TEST(objects.find("\n" + std::string(64, ' ') + R"("k": {"k":{"n":7},"n":7},)") != std::string::npos);
}

// python3 -c 'import json; print(json.dumps([0.1, 1e-05, 1e16, 1.5, 3.0, -0.0, 1e22, 5e-324, 123456789.123,
//   1.7976931348623157e+308, 0.0001, 1e15, 123456789012345678.0, 2.5e-7, -1.5e300, 1.5e-323,
//   9007199254740993.0, 0.30000000000000004, 100.0], separators=(",", ":")))'
BOOST_AUTO_TEST_CASE(doubles_are_spelled_like_python_repr)
{
    std::vector<double> values = {0.1,
                                  1e-05,
                                  1e16,
                                  1.5,
                                  3.0,
                                  -0.0,
                                  1e22,
                                  5e-324,
                                  123456789.123,
                                  1.7976931348623157e+308,
                                  0.0001,
                                  1e15,
                                  123456789012345678.0,
                                  2.5e-7,
                                  -1.5e300,
                                  1.5e-323,
                                  9007199254740993.0,
                                  0.30000000000000004,
                                  100.0};
    BOOST_TEST(written(values) == "[0.1,1e-05,1e+16,1.5,3.0,-0.0,1e+22,5e-324,123456789.123,"
                                  "1.7976931348623157e+308,0.0001,1000000000000000.0,1.2345678901234568e+17,"
                                  "2.5e-07,-1.5e+300,1.5e-323,9007199254740992.0,0.30000000000000004,100.0]");
    // and each reads back to the same bits
    auto back = test_support::read<std::vector<double>>(written(values));
    BOOST_REQUIRE(back.size() == values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        BOOST_TEST(back[i] == values[i]);
        BOOST_TEST(std::signbit(back[i]) == std::signbit(values[i]));
    }
}

// JSON has no spelling for them. The original wrote json.dumps(model_dump(mode="json")), which
// keeps a float's inf and writes the non-JSON Infinity; so do we, on both paths, and read it back.
// (pydantic's model_dump_json writes null; a free-form value's are null either way: round_trip_test.)
// python3 -c 'import json; print(json.dumps([float("inf"), float("-inf"), float("nan"), 1.0]))'
BOOST_AUTO_TEST_CASE(non_finite_floats_are_written_as_json_dumps_writes_them)
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    std::vector<double> values = {inf, -inf, std::numeric_limits<double>::quiet_NaN(), 1.0};
    BOOST_TEST(written(values) == "[Infinity,-Infinity,NaN,1.0]");
    BOOST_TEST(compact(agent_engine::to_dict(values)) == "[Infinity,-Infinity,NaN,1.0]");
    BOOST_TEST(written(std::numeric_limits<float>::infinity()) == "Infinity");
}

// python3 -c 'import json; print(json.dumps("q\" b\\ / \u0001 \x1f \x7f \n\t\b\f\r \u00e9 \U0001F600 \u4e2d"))'
BOOST_AUTO_TEST_CASE(strings_are_escaped_like_json_dumps_ensure_ascii)
{
    std::string s = "q\" b\\ / \x01 \x1f \x7f \n\t\b\f\r \xc3\xa9 \xf0\x9f\x98\x80 \xe4\xb8\xad";
    constexpr std::string_view python =
        R"("q\" b\\ / \u0001 \u001f \u007f \n\t\b\f\r \u00e9 \ud83d\ude00 \u4e2d")";
    BOOST_TEST(written(s) == python);
    BOOST_TEST(test_support::read<std::string>(python) == s);
    // keys are escaped the same way
    BOOST_TEST(written(std::map<std::string, int>{{"k\xc3\xa9\"", 1}}) == R"({"k\u00e9\"":1})");
}

// A key's ':' follows it whether or not the key needed an escape, in both formats.
// python3 -c 'import json; d = {"plain": 1, "q\"uote": [], "new\nline": {"caf\u00e9": None},
//     "": "x", "tab\there\u2028": True}; print(json.dumps(d, indent=2)); print(json.dumps(d, separators=(",", ":")))'
BOOST_AUTO_TEST_CASE(escaped_keys_are_followed_by_their_colon_like_json_dumps)
{
    boost::json::object object;
    object["plain"] = 1;
    object["q\"uote"] = boost::json::array();
    object["new\nline"] = {{"caf\xc3\xa9", nullptr}};
    object[""] = "x";
    object["tab\there\xe2\x80\xa8"] = true;
    boost::json::value free_form = std::move(object);
    constexpr std::string_view pretty = R"({
  "plain": 1,
  "q\"uote": [],
  "new\nline": {
    "caf\u00e9": null
  },
  "": "x",
  "tab\there\u2028": true
})";
    BOOST_TEST(agent_engine::to_json(free_form, agent_engine::json_format::pretty()) == pretty);
    BOOST_TEST(written(free_form) ==
               R"({"plain":1,"q\"uote":[],"new\nline":{"caf\u00e9":null},"":"x","tab\there\u2028":true})");
}

// A std::string may hold bytes that are not UTF-8, which Python's str cannot:
// each such byte is written as U+FFFD, as bytes.decode("utf-8", "replace") gives.
// python3 -c 'import json; print(json.dumps(b"a\xffb\x80c\xc3".decode("utf-8", "replace")))'
BOOST_AUTO_TEST_CASE(invalid_utf8_bytes_become_replacement_characters)
{
    BOOST_TEST(written(std::string("a\xff" "b\x80" "c\xc3")) == R"("a\ufffdb\ufffdc\ufffd")");
    // overlong encodings and UTF-16 surrogates are not UTF-8 either
    BOOST_TEST(written(std::string("\xc0\xaf")) == R"("\ufffd\ufffd")");
    BOOST_TEST(written(std::string("\xed\xa0\x80")) == R"("\ufffd\ufffd\ufffd")");
}

// Lines printed by pydantic for R.model_validate({"l": input}) / ({"s": input}), with
// class R(BaseModel): l: List[int] = []; s: str = ""
BOOST_AUTO_TEST_CASE(inputs_are_shown_as_python_repr)
{
    BOOST_TEST(error_line("l", R"("x")") == list_error("'x'", "str"));
    BOOST_TEST(error_line("l", R"("it's")") == list_error(R"("it's")", "str"));
    BOOST_TEST(error_line("l", R"("it's \"q\"")") == list_error(R"('it\'s "q"')", "str"));
    BOOST_TEST(error_line("l", R"("\"")") == list_error(R"('"')", "str"));
    BOOST_TEST(error_line("l", R"("\u0001\u007f\n\t\\\r")") == list_error(R"('\x01\x7f\n\t\\\r')", "str"));
    BOOST_TEST(error_line("l", "null") == list_error("None", "NoneType"));
    BOOST_TEST(error_line("l", "true") == list_error("True", "bool"));
    BOOST_TEST(error_line("l", "false") == list_error("False", "bool"));
    BOOST_TEST(error_line("l", "1.5") == list_error("1.5", "float"));
    BOOST_TEST(error_line("l", "1e16") == list_error("1e+16", "float"));
    BOOST_TEST(error_line("l", "1e-05") == list_error("1e-05", "float"));
    BOOST_TEST(error_line("l", "-0.0") == list_error("-0.0", "float"));
    BOOST_TEST(error_line("l", "5e-324") == list_error("5e-324", "float"));
    BOOST_TEST(error_line("l", "1e22") == list_error("1e+22", "float"));
    BOOST_TEST(error_line("l", "18446744073709551615") == list_error("18446744073709551615", "int"));
    BOOST_TEST(error_line("l", "-9223372036854775808") == list_error("-9223372036854775808", "int"));
    BOOST_TEST(error_line("l", R"({"a": 1, "b": [null, true, 2.5], "it's": "x"})") ==
               list_error(R"({'a': 1, 'b': [None, True, 2.5], "it's": 'x'})", "dict"));
    BOOST_TEST(error_line("l", "{}") == list_error("{}", "dict"));
    BOOST_TEST(error_line("s", R"([null, true, false, 0.1, {"a": 1}])") ==
               "  Input should be a valid string [type=string_type, input_value=[None, True, False, 0.1, "
               "{'a': 1}], input_type=list]");
    BOOST_TEST(error_line("s", "[[]]") ==
               "  Input should be a valid string [type=string_type, input_value=[[]], input_type=list]");
}

// Every character Python's repr() escapes, and none it prints as it is:
// test/data/python_repr/cases.jsonl holds repr() of strings at both edges of
// each range str.isprintable() refuses (scripts/python-printable writes it).
BOOST_AUTO_TEST_CASE(strings_are_shown_as_python_repr_for_every_code_point_range)
{
    std::ifstream in(AGENT_ENGINE_TEST_DATA "/python_repr/cases.jsonl");
    BOOST_REQUIRE(in);
    std::size_t cases = 0, escaped = 0;
    for (std::string line; std::getline(in, line); ++cases) {
        auto c = boost::json::parse(line).as_object();
        std::string_view s = c.at("s").as_string(), expected = c.at("repr").as_string();
        std::string got;
        agent_engine::detail::append_python_str(got, s);
        BOOST_TEST(got == expected, "repr of " << line);
        escaped += expected.find("\\u") != std::string_view::npos || expected.find("\\U") != std::string_view::npos;
    }
    BOOST_TEST(cases > 5000u);
    BOOST_TEST(escaped > 1000u); // four- and eight-digit escapes are exercised
}

// pydantic prints a key that holds a dot in backquotes, so that the location
// line can be read back: d.`a.b`, not d.a.b.
BOOST_AUTO_TEST_CASE(dotted_keys_are_quoted_in_the_location_line)
{
    auto e = failure<std::map<std::string, int>>(R"({"a.b": "x", "a`b": "y", "": "z"})");
    BOOST_TEST(e.message.find("\n`a.b`\n") != std::string::npos, e.message);
    BOOST_TEST(e.message.find("\na`b\n") != std::string::npos, e.message);
    // the loc in errors() keeps the key as it is
    BOOST_TEST(compact(e.details->at("errors").as_array()[0].at("loc")) == R"(["a.b"])");
}

// pydantic-core shortens a repr longer than 50 bytes to its first 25 and last 24
// bytes, each cut moved to a character boundary (towards the middle).
BOOST_AUTO_TEST_CASE(long_inputs_are_shortened_like_pydantic)
{
    std::string a48(48, 'a'), a49(49, 'a'), a60(60, 'a');
    // 48 characters + quotes = 50 bytes: kept whole; 49 + quotes = 51: shortened
    BOOST_TEST(error_line("l", '"' + a48 + '"') == list_error("'" + a48 + "'", "str"));
    BOOST_TEST(error_line("l", '"' + a49 + '"') ==
               list_error("'aaaaaaaaaaaaaaaaaaaaaaaa...aaaaaaaaaaaaaaaaaaaaaaa'", "str"));
    BOOST_TEST(error_line("l", '"' + a60 + '"') ==
               list_error("'aaaaaaaaaaaaaaaaaaaaaaaa...aaaaaaaaaaaaaaaaaaaaaaa'", "str"));

    std::string e_acute = "\xc3\xa9", emoji = "\xf0\x9f\x98\x80";
    auto repeat = [](const std::string& s, int n) {
        std::string out;
        for (int i = 0; i < n; ++i)
            out += s;
        return out;
    };
    // "é" * 60: pydantic prints 12 é ... 11 é
    BOOST_TEST(error_line("l", '"' + repeat(e_acute, 60) + '"') ==
               list_error("'" + repeat(e_acute, 12) + "..." + repeat(e_acute, 11) + "'", "str"));
    // "x" * 20 + "é" * 30
    BOOST_TEST(error_line("l", '"' + std::string(20, 'x') + repeat(e_acute, 30) + '"') ==
               list_error("'" + std::string(20, 'x') + repeat(e_acute, 2) + "..." + repeat(e_acute, 11) + "'",
                          "str"));
    // "😀" * 20
    BOOST_TEST(error_line("l", '"' + repeat(emoji, 20) + '"') ==
               list_error("'" + repeat(emoji, 6) + "..." + repeat(emoji, 5) + "'", "str"));
    // containers are shortened as their whole repr
    BOOST_TEST(error_line("l", R"({"k": ")" + std::string(60, 'v') + R"("})") ==
               list_error("{'k': 'vvvvvvvvvvvvvvvvvv...vvvvvvvvvvvvvvvvvvvvvv'}", "dict"));
    BOOST_TEST(error_line("s", "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29]") ==
               "  Input should be a valid string [type=string_type, input_value=[0, 1, 2, 3, 4, 5, 6, 7, "
               "... 24, 25, 26, 27, 28, 29], input_type=list]");
}

// Positions as Python's json.loads reports them (lineno, colno, pos of JSONDecodeError).
BOOST_AUTO_TEST_CASE(parse_errors_give_line_column_and_offset)
{
    struct case_t {
        std::string_view text;
        std::int64_t line, column, offset;
    };
    const case_t cases[] = {
        {"{\n  \"a\": 1,\n  \"b\": tru\n}", 3, 8, 19}, // Expecting value: line 3 column 8 (char 19)
        {"{\"a\": 1} x", 1, 10, 9},                 // Extra data: line 1 column 10 (char 9)
        {"[1,\n 2,,]", 2, 4, 7},                    // Expecting value: line 2 column 4 (char 7)
        {"{\"a\": 1,}", 1, 9, 8},                   // Expecting property name ...: line 1 column 9 (char 8)
        {"{\"a\"\n:\n}", 3, 1, 7},                  // Expecting value: line 3 column 1 (char 7)
        {"", 1, 1, 0},                              // Expecting value: line 1 column 1 (char 0)
    };
    for (auto const& c : cases) {
        BOOST_TEST_CONTEXT("input: " << c.text)
        {
            auto r = agent_engine::parse_json(c.text);
            BOOST_REQUIRE(r.has_error());
            auto const& e = r.error();
            BOOST_TEST((e.code == agent_engine::EngineErrorCode::json));
            BOOST_TEST((e.source == agent_engine::EngineErrorSource::json_engine));
            BOOST_REQUIRE(e.details.has_value());
            BOOST_TEST(e.details->at("line").to_number<std::int64_t>() == c.line);
            BOOST_TEST(e.details->at("column").to_number<std::int64_t>() == c.column);
            BOOST_TEST(e.details->at("offset").to_number<std::int64_t>() == c.offset);
            BOOST_TEST(e.details->at("reason").is_string());
            // the message names the same place
            std::string where = "at line " + std::to_string(c.line) + ", column " + std::to_string(c.column) +
                                " (char " + std::to_string(c.offset) + ")";
            BOOST_TEST(e.message.find(where) != std::string::npos, e.message);
            // from_json stops at the same place, with the same error, not a validation error
            auto typed = agent_engine::from_json<boost::json::value>(c.text);
            BOOST_REQUIRE(typed.has_error());
            BOOST_TEST(typed.error().message == e.message);
        }
    }
}

BOOST_AUTO_TEST_CASE(trailing_garbage_is_an_error_whitespace_is_not)
{
    BOOST_TEST(agent_engine::parse_json("{\"a\": 1}\n  \t").has_value());
    BOOST_TEST(agent_engine::parse_json("{\"a\": 1}}").has_error());
    BOOST_TEST(agent_engine::parse_json("1 2").has_error());
    BOOST_TEST(agent_engine::from_json<fmt::Target>("{} []").has_error());
    BOOST_TEST((agent_engine::from_json<fmt::Target>("{} []").error().code == agent_engine::EngineErrorCode::json));
}

// As Python's json.loads: 1e999 is inf and 1e-999 is 0.0. An integer beyond a double,
// which json.loads keeps exact, is a json error (a number that cannot be stored).
BOOST_AUTO_TEST_CASE(numbers_beyond_double_range)
{
    BOOST_TEST(agent_engine::serialize(agent_engine::parse_json("[1e999, -1e999]").value(), agent_engine::json_format::compact()) ==
               "[Infinity,-Infinity]");
    auto r = agent_engine::parse_json("[1" + std::string(999, '0') + "]");
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST((r.error().code == agent_engine::EngineErrorCode::json));
    BOOST_TEST(r.error().details->at("offset").to_number<std::int64_t>() == 1);
    BOOST_TEST(test_support::read<double>("1e-999") == 0.0);
}
