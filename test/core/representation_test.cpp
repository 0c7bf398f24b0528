// A type of one's own in two functions (representation<T>): written as its
// representation, read back through it on every path with the representation's
// errors and from's own at the value's location, in validate and JSON Schema too.
// Representations here: a string (Version, titled), a container (Point, as
// [x, y]), a described struct (Range, as {"low", "high"}) and a type that has a
// representation itself (Strict, through Counted).
#define BOOST_TEST_MODULE core_representation
#include "test_support.hpp"

#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace shop {

// Written as the string "major.minor".
struct Version {
    int major = 0;
    int minor = 0;
    bool operator==(const Version&) const = default;
};

// Written as [x, y].
struct Point {
    double x = 0;
    double y = 0;
    bool operator==(const Point&) const = default;
};

// Written as the described struct Bounds; low <= high.
class Range {
    double low_ = 0, high_ = 0;

public:
    Range() = default;
    Range(double low, double high) : low_(low), high_(high) {}
    double low() const { return low_; }
    double high() const { return high_; }
    bool operator==(const Range&) const = default;
};

struct Bounds {
    double low = 0;
    double high = 0;
};
BOOST_DESCRIBE_STRUCT(Bounds, (), (low, high))
AGENT_ENGINE_REQUIRED(Bounds, low, high)

// A string whose representation counts how often it is written.
struct Counted {
    std::string text;
};
inline int counted_writes = 0;

// Never valid: its errors carry a Counted as input.
struct Strict {
    Counted inner;
};

} // namespace shop

template <> struct agent_engine::representation<shop::Version> {
    static std::string to(const shop::Version& v) { return std::to_string(v.major) + '.' + std::to_string(v.minor); }
    // the parsing inline, as doc/design/schema_model.md writes it
    static agent_engine::converted<shop::Version> from(std::string_view s)
    {
        shop::Version v;
        const char* end = s.data() + s.size();
        auto major = std::from_chars(s.data(), end, v.major);
        if (major.ec == std::errc() && major.ptr != end && *major.ptr == '.') {
            auto minor = std::from_chars(major.ptr + 1, end, v.minor);
            if (minor.ec == std::errc() && minor.ptr == end)
                return v;
        }
        return agent_engine::invalid("version_format", "Input should be 'major.minor'", {{"pattern", "major.minor"}});
    }
    static constexpr std::string_view title = "Version";
};

template <> struct agent_engine::representation<shop::Point> {
    static std::vector<double> to(const shop::Point& p) { return {p.x, p.y}; }
    static agent_engine::converted<shop::Point> from(const std::vector<double>& xy)
    {
        if (xy.size() != 2)
            return agent_engine::invalid("a point has two coordinates");
        return shop::Point{xy[0], xy[1]};
    }
};

template <> struct agent_engine::representation<shop::Range> {
    static shop::Bounds to(const shop::Range& r) { return {r.low(), r.high()}; }
    static agent_engine::converted<shop::Range> from(const shop::Bounds& b)
    {
        if (b.low > b.high)
            return agent_engine::invalid("low is above high");
        return shop::Range(b.low, b.high);
    }
};

template <> struct agent_engine::representation<shop::Counted> {
    static std::string to(const shop::Counted& c)
    {
        ++shop::counted_writes;
        return c.text;
    }
    static agent_engine::converted<shop::Counted> from(std::string_view s) { return shop::Counted{std::string(s)}; }
};

template <> struct agent_engine::representation<shop::Strict> {
    static shop::Counted to(const shop::Strict& s) { return s.inner; }
    static agent_engine::converted<shop::Strict> from(const shop::Counted&)
    {
        return agent_engine::invalid("strict", "Never valid");
    }
};

namespace shop {

inline bool released(const Version& v) { return v.major > 0; }

struct Release {
    Version version;
    std::vector<Version> compatible;
    std::map<std::string, Version> pinned;
    Point at;
    std::optional<Range> window;
};
BOOST_DESCRIBE_STRUCT(Release, (), (version, compatible, pinned, at, window))
AGENT_ENGINE_REQUIRED(Release, version)
AGENT_ENGINE_CONSTRAINTS(Release, version, satisfies(released, "version 0 is not a release"))
AGENT_ENGINE_DESCRIPTION(Release, version, "major.minor")

} // namespace shop

namespace {

shop::Release sample()
{
    shop::Release r;
    r.version = {2, 13};
    r.compatible = {{1, 0}, {2, 0}};
    r.pinned = {{"core", {3, 1}}};
    r.at = {0.5, -2};
    r.window = shop::Range(1, 2.5);
    return r;
}

bool same(const shop::Release& a, const shop::Release& b)
{
    return a.version == b.version && a.compatible == b.compatible && a.pinned == b.pinned && a.at == b.at &&
           a.window == b.window;
}

} // namespace

BOOST_AUTO_TEST_CASE(written_as_the_representation)
{
    BOOST_TEST(test_support::written(sample()) ==
               R"({"version":"2.13","compatible":["1.0","2.0"],"pinned":{"core":"3.1"},"at":[0.5,-2.0],)"
               R"("window":{"low":1.0,"high":2.5}})");
    BOOST_TEST(test_support::written(shop::Version{4, 0}) == R"("4.0")");
}

BOOST_AUTO_TEST_CASE(read_back_through_the_representation_on_every_path)
{
    const std::string text = agent_engine::to_json(sample());
    // from_json of the text and from_dict of its DOM (they must agree)
    shop::Release back = test_support::read<shop::Release>(text);
    BOOST_TEST(same(back, sample()));
    BOOST_TEST(back.window->high() == 2.5);
    // a source read in pieces
    auto from_source = agent_engine::from_json<shop::Release>(test_support::trickle_source(text));
    BOOST_REQUIRE_MESSAGE(from_source.has_value(), test_support::message_of(from_source));
    BOOST_TEST(same(from_source.value(), sample()));
    // validate, of a value and of a DOM
    BOOST_TEST(agent_engine::validate(sample()).has_value());
    BOOST_TEST(agent_engine::validate_dict<shop::Release>(agent_engine::to_dict(sample())).has_value());
    // a top-level custom type
    BOOST_TEST((test_support::read<shop::Version>(R"("10.20")") == shop::Version{10, 20}));
    BOOST_TEST((test_support::read<shop::Point>("[1, 2.5]") == shop::Point{1, 2.5}));
}

// The representation's own errors (a number where a string is), then from's
// (an `invalid`, with the representation's JSON form as input), each where the
// value is: a member, a list element, a map value, inside a nested one.
BOOST_AUTO_TEST_CASE(both_kinds_of_error_at_the_value_location)
{
    auto error = test_support::failure<shop::Release>(
        R"({"version": "2.x", "compatible": ["1.0", 3, "1"], "pinned": {"a": "1.1", "b": false, "c": "v2"},)"
        R"( "at": [1], "window": {"low": 2, "high": 1}})");
    BOOST_TEST(test_support::compact(error.details->at("errors")) ==
               R"([{"type":"version_format","loc":["version"],"msg":"Input should be 'major.minor'","input":"2.x","ctx":{"pattern":"major.minor"}},)"
               R"({"type":"string_type","loc":["compatible",1],"msg":"Input should be a valid string","input":3},)"
               R"({"type":"version_format","loc":["compatible",2],"msg":"Input should be 'major.minor'","input":"1","ctx":{"pattern":"major.minor"}},)"
               R"({"type":"string_type","loc":["pinned","b"],"msg":"Input should be a valid string","input":false},)"
               R"({"type":"version_format","loc":["pinned","c"],"msg":"Input should be 'major.minor'","input":"v2","ctx":{"pattern":"major.minor"}},)"
               R"({"type":"value_error","loc":["at"],"msg":"Value error, a point has two coordinates","input":[1.0],"ctx":{"error":"a point has two coordinates"}},)"
               R"({"type":"value_error","loc":["window"],"msg":"Value error, low is above high","input":{"low":2.0,"high":1.0},"ctx":{"error":"low is above high"}}])");
    BOOST_TEST(error.message ==
               "7 validation errors for Release\n"
               "version\n"
               "  Input should be 'major.minor' [type=version_format, input_value='2.x', input_type=str]\n"
               "compatible.1\n"
               "  Input should be a valid string [type=string_type, input_value=3, input_type=int]\n"
               "compatible.2\n"
               "  Input should be 'major.minor' [type=version_format, input_value='1', input_type=str]\n"
               "pinned.b\n"
               "  Input should be a valid string [type=string_type, input_value=False, input_type=bool]\n"
               "pinned.c\n"
               "  Input should be 'major.minor' [type=version_format, input_value='v2', input_type=str]\n"
               "at\n"
               "  Value error, a point has two coordinates [type=value_error, input_value=[1.0], input_type=list]\n"
               "window\n"
               "  Value error, low is above high [type=value_error, input_value={'low': 2.0, 'high': 1.0}, input_type=dict]");
}

// A described-struct or container representation reports its own errors inside it.
BOOST_AUTO_TEST_CASE(errors_inside_a_structured_representation)
{
    BOOST_TEST(test_support::errors_of<shop::Release>(
                   R"({"version": "1.0", "at": [1, "y"], "window": {"high": 1}})") ==
               R"([{"type":"float_parsing","loc":["at",1],"msg":"Input should be a valid number, unable to parse string as a number","input":"y"},)"
               R"({"type":"missing","loc":["window","low"],"msg":"Field required","input":{"high":1}}])");
    // the wrong JSON type altogether
    BOOST_TEST(test_support::errors_of<shop::Release>(R"({"version": "1.0", "at": {}, "window": []})") ==
               R"([{"type":"list_type","loc":["at"],"msg":"Input should be a valid list","input":{}},)"
               R"({"type":"model_type","loc":["window"],"msg":"Input should be a valid dictionary or instance of Bounds","input":[],"ctx":{"class_name":"Bounds"}}])");
}

// A member of a custom type keeps its constraints, checked on the value read.
BOOST_AUTO_TEST_CASE(constraints_of_a_member_apply_to_the_value)
{
    BOOST_TEST(test_support::errors_of<shop::Release>(R"({"version": "0.9"})") ==
               R"([{"type":"value_error","loc":["version"],"msg":"Value error, version 0 is not a release","input":"0.9","ctx":{"error":"version 0 is not a release"}}])");
    // not checked on a value that did not read
    BOOST_TEST(test_support::errors_of<shop::Release>(R"({"version": "0"})") ==
               R"([{"type":"version_format","loc":["version"],"msg":"Input should be 'major.minor'","input":"0","ctx":{"pattern":"major.minor"}}])");
}

BOOST_AUTO_TEST_CASE(max_errors_keeps_the_first_and_builds_no_other_input)
{
    const std::string text = R"(["a", "b", "c", "d", "e"])";
    shop::counted_writes = 0;
    auto all = agent_engine::from_json<std::vector<shop::Strict>>(text);
    BOOST_REQUIRE(!all.has_value());
    BOOST_TEST(all.error().details->at("error_count") == 5);
    BOOST_TEST(shop::counted_writes == 5); // each kept error's input is the Counted written
    BOOST_TEST(test_support::compact(all.error().details->at("errors").as_array()[4]) ==
               R"({"type":"strict","loc":[4],"msg":"Never valid","input":"e"})");

    shop::counted_writes = 0;
    auto error = test_support::failure<std::vector<shop::Strict>>(
        text, {.max_errors = 2, .mode = agent_engine::input_mode::python});
    BOOST_TEST(error.details->at("error_count") == 5);
    BOOST_TEST(test_support::compact(error.details->at("errors")) ==
               R"([{"type":"strict","loc":[0],"msg":"Never valid","input":"a"},)"
               R"({"type":"strict","loc":[1],"msg":"Never valid","input":"b"}])");
    // failure() reads by four paths (in the one mode given), each building the inputs of the 2 kept errors only
    BOOST_TEST(shop::counted_writes == 4 * 2);
}

// Its label, in "validation errors for" and in a container's or union's, is
// its title if it has one, else the representation's.
BOOST_AUTO_TEST_CASE(label_is_the_title_or_the_representation_s)
{
    BOOST_TEST(agent_engine::rule_of<shop::Version>::label() == "Version");
    BOOST_TEST(agent_engine::rule_of<shop::Point>::label() == "list[float]");
    BOOST_TEST(agent_engine::rule_of<shop::Range>::label() == "Bounds");
    BOOST_TEST(test_support::failure<std::vector<shop::Version>>("[1]").message ==
               "1 validation error for list[Version]\n"
               "0\n"
               "  Input should be a valid string [type=string_type, input_value=1, input_type=int]");
    using int_or_version = std::variant<int, shop::Version>;
    BOOST_TEST(test_support::errors_of<int_or_version>(R"("x")") ==
               R"([{"type":"int_parsing","loc":["int"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"},)"
               R"({"type":"version_format","loc":["Version"],"msg":"Input should be 'major.minor'","input":"x","ctx":{"pattern":"major.minor"}}])");
}

BOOST_AUTO_TEST_CASE(json_schema_is_the_representation_s)
{
    BOOST_TEST(test_support::compact(agent_engine::json_schema<shop::Version>()) ==
               R"({"$schema":"https://json-schema.org/draft/2020-12/schema","type":"string","title":"Version"})");
    BOOST_TEST(test_support::compact(agent_engine::json_schema<shop::Release>()) ==
               R"({"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Release","type":"object","properties":{)"
               R"("version":{"type":"string","title":"Version","description":"major.minor"},)"
               R"("compatible":{"type":"array","items":{"type":"string","title":"Version"},"title":"Compatible","default":[]},)"
               R"("pinned":{"type":"object","additionalProperties":{"type":"string","title":"Version"},"title":"Pinned","default":{}},)"
               R"("at":{"type":"array","items":{"type":"number"},"title":"At","default":[0.0,0.0]},)"
               R"("window":{"anyOf":[{"$ref":"#/$defs/Bounds"},{"type":"null"}],"title":"Window","default":null}},)"
               R"("required":["version"],"$defs":{"Bounds":{"title":"Bounds","type":"object",)"
               R"("properties":{"low":{"type":"number","title":"Low"},"high":{"type":"number","title":"High"}},"required":["low","high"]}}})");
}
