// The direct paths agree with the DOM paths, on many generated objects and on
// many corruptions of their text:
//   to_json(x)         == serialize(to_dict(x))            byte for byte
//   from_json<T>(text) == from_dict<T>(parse_json(text))   values and error lists
//     (from_dict answering as from_json does: input_mode::json)
//     (but for a key repeated in a map: in JSON text, as in pydantic's json mode,
//     every occurrence is checked, which a DOM, like a Python dict, cannot hold)
//   from_json<T>(source) == from_json<T>(text)              the text read in pieces
// and with any read_options::max_errors, validate_dict<T> too.
#define BOOST_TEST_MODULE differential
#include <boost/test/unit_test.hpp>

#include <agent_engine/agent_engine.hpp>

#include <boost/describe/enum_to_string.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace diff {

enum class Phase { queued, running, done };
BOOST_DESCRIBE_ENUM(Phase, queued, running, done)

struct Step {
    std::string id;
    std::optional<std::string> agent;
    boost::json::value output;
    std::int32_t attempts = 0;
};
BOOST_DESCRIBE_STRUCT(Step, (), (id, agent, output, attempts))
AGENT_ENGINE_REQUIRED(Step, id)

// A type of one's own, written as the string "major.minor" (representation<Version>).
struct Version {
    std::uint16_t major = 0;
    std::uint16_t minor = 0;
};

} // namespace diff

template <> struct agent_engine::representation<diff::Version> {
    static std::string to(const diff::Version& v) { return std::to_string(v.major) + "." + std::to_string(v.minor); }
    static agent_engine::converted<diff::Version> from(std::string_view s)
    {
        diff::Version v;
        auto dot = s.find('.');
        if (dot != std::string_view::npos) {
            auto major = std::from_chars(s.data(), s.data() + dot, v.major);
            auto minor = std::from_chars(s.data() + dot + 1, s.data() + s.size(), v.minor);
            if (major.ec == std::errc() && minor.ec == std::errc() && major.ptr == s.data() + dot &&
                minor.ptr == s.data() + s.size())
                return v;
        }
        return agent_engine::invalid("not major.minor");
    }
};

namespace diff {

struct Record {
    std::string name;
    Phase phase = Phase::queued;
    double score = 0;
    std::uint8_t level = 0;
    bool active = false;
    std::vector<std::string> tags;
    agent_engine::ordered_map<std::string, Step> steps;
    std::vector<Step> history;
    std::optional<std::int64_t> big;
    std::variant<std::int64_t, std::string> ref;
    boost::json::object metadata;
    Version version;
};
BOOST_DESCRIBE_STRUCT(Record, (),
                      (name, phase, score, level, active, tags, steps, history, big, ref, metadata, version))
AGENT_ENGINE_REQUIRED(Record, name, phase)
AGENT_ENGINE_FORBID_EXTRA(Record)

class generator {
    std::mt19937_64 rng_;

    std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

public:
    explicit generator(std::uint64_t seed) : rng_(seed) {}

    std::string text()
    {
        static const std::vector<std::string> pieces = {
            "a", "stage", " ", "\"", "\\", "\n", "\t", "\x01", "\x7f", "é", "😀", "中", "'", "/", "-"};
        std::string s;
        for (std::size_t n = below(6); n > 0; --n)
            s += pieces[below(pieces.size())];
        return s;
    }

    double number()
    {
        switch (below(4)) {
        case 0: return static_cast<double>(below(1000));
        case 1: return std::uniform_real_distribution<double>(-1e6, 1e6)(rng_);
        case 2: return std::ldexp(std::uniform_real_distribution<double>(0.5, 1)(rng_), int(below(2000)) - 1000);
        default: return 0.1 * static_cast<double>(below(100));
        }
    }

    boost::json::value any(int depth = 0)
    {
        switch (below(depth > 2 ? 5 : 7)) {
        case 0: return nullptr;
        case 1: return below(2) == 1;
        case 2: return static_cast<std::int64_t>(rng_());
        case 3: return number();
        case 4: return boost::json::string(text());
        case 5: {
            boost::json::array a;
            for (std::size_t n = below(4); n > 0; --n)
                a.push_back(any(depth + 1));
            return a;
        }
        default: {
            boost::json::object o;
            for (std::size_t n = below(4); n > 0; --n)
                o[text()] = any(depth + 1);
            return o;
        }
        }
    }

    Step step()
    {
        Step s;
        s.id = text();
        if (below(2))
            s.agent = text();
        s.output = any();
        s.attempts = static_cast<std::int32_t>(rng_());
        return s;
    }

    Record record()
    {
        Record r;
        r.name = text();
        r.phase = static_cast<Phase>(below(3));
        r.score = number();
        r.level = static_cast<std::uint8_t>(below(256));
        r.active = below(2) == 1;
        for (std::size_t n = below(4); n > 0; --n)
            r.tags.push_back(text());
        for (std::size_t n = below(4); n > 0; --n)
            r.steps[text()] = step();
        for (std::size_t n = below(3); n > 0; --n)
            r.history.push_back(step());
        if (below(2))
            r.big = static_cast<std::int64_t>(rng_());
        if (below(2))
            r.ref = text();
        else
            r.ref = static_cast<std::int64_t>(rng_());
        if (below(2))
            r.metadata["k"] = any();
        r.version = {static_cast<std::uint16_t>(below(100)), static_cast<std::uint16_t>(below(100))};
        return r;
    }

    // One random change to valid JSON text: a byte replaced, removed or
    // inserted, a cut, or a value of another type put in a value's place.
    std::string corrupt(std::string s)
    {
        static const std::string bytes = "{}[]:,\"\\ 0-ex\xff";
        std::size_t at = below(s.size());
        switch (below(5)) {
        case 0: s[at] = bytes[below(bytes.size())]; break;
        case 1: s.erase(at, 1); break;
        case 2: s.insert(at, 1, bytes[below(bytes.size())]); break;
        case 3: s.resize(at); break;
        default: replace_value(s, at);
        }
        return s;
    }

    // Many values of the wrong type, and keys repeated: text with many errors,
    // some of them superseded.
    std::string mistype(std::string s)
    {
        for (std::size_t n = 1 + below(12); n > 0; --n) {
            std::size_t colon = s.find(": ", below(s.size()));
            // a scalar's only: the text stays JSON
            if (colon != std::string::npos && s[colon + 2] != '{' && s[colon + 2] != '[')
                replace_value(s, colon, false);
        }
        for (std::size_t n = below(3); n > 0; --n) {
            // the first key of an object again, first, with another value
            std::size_t open = s.find("{\n", below(s.size()));
            // not in a map (the steps): there, JSON text checks every occurrence
            if (open != std::string::npos && open >= 9 && s.compare(open - 9, 9, "\"steps\": ") == 0)
                continue;
            std::size_t key = open == std::string::npos ? open : s.find_first_not_of(" \n", open + 1);
            if (key == std::string::npos || s[key] != '"')
                continue;
            std::size_t key_end = s.find("\": ", key + 1);
            s.insert(open + 1, s.substr(key, key_end + 3 - key) + random_value(false) + ", ");
        }
        return s;
    }

private:
    // A JSON value (or Python's NaN, -Infinity, or 1e400, infinity); or, if
    // `out_of_range`, maybe an integer too large for a double, which is a json error.
    const std::string& random_value(bool out_of_range)
    {
        static const std::vector<std::string> values = {
            "null", "true",  "1",           "-1",          "1.5",          "300", "\"x\"", "[]", "{}",
            "NaN",  "1e400", "[-Infinity]", "[1, \"a\"]", "{\"a\": 1}", "1" + std::string(400, '0')};
        return values[below(values.size() - !out_of_range)];
    }

    // Replaces the value after the first ':' from `at` on with another one.
    void replace_value(std::string& s, std::size_t at, bool out_of_range = true)
    {
        std::size_t colon = s.find(':', at);
        if (colon == std::string::npos)
            return;
        std::size_t end = s.find_first_of(",}\n", colon + 2);
        if (end == std::string::npos)
            return;
        s.replace(colon + 2, end - colon - 2, random_value(out_of_range));
    }
};

// A comparable account of a read: the object's text, or the error's message and details.
template <class T> std::string outcome(const agent_engine::Result<T>& r)
{
    if (r)
        return agent_engine::to_json(r.value(), agent_engine::json_format::compact());
    auto const& e = r.error();
    return std::string(boost::describe::enum_to_string(e.code, "?")) + "\n" + e.message + "\n" +
           agent_engine::serialize(e.details ? boost::json::value(*e.details) : boost::json::value());
}

// A text handed out a few bytes per read (1 to max_piece, at random): every
// token, escape and UTF-8 sequence somewhere straddles the reader's window.
class piecewise_source final : public agent_engine::text_source {
    std::string text_;
    std::size_t max_piece_;
    mutable std::mt19937_64 rng_;

public:
    piecewise_source(std::string text, std::size_t max_piece, std::uint64_t seed)
        : text_(std::move(text)), max_piece_(max_piece), rng_(seed)
    {
    }
    agent_engine::Result<std::size_t> read(std::uint64_t offset, char* out, std::size_t size) const override
    {
        if (offset >= text_.size())
            return std::size_t(0);
        std::size_t piece = std::uniform_int_distribution<std::size_t>(1, max_piece_)(rng_);
        std::size_t n = std::min({size, piece, text_.size() - static_cast<std::size_t>(offset)});
        std::memcpy(out, text_.data() + offset, n);
        return n;
    }
};

// from_dict of the parsed text, answering as from_json does (input_mode::json)
// unless told otherwise.
template <class T> std::string outcome_via_dom(std::string_view text, agent_engine::read_options options = {})
{
    auto dom = agent_engine::parse_json(text);
    if (!dom)
        return outcome(agent_engine::Result<T>(dom.error()));
    options.mode = options.mode.value_or(agent_engine::input_mode::json);
    return outcome(agent_engine::from_dict<T>(dom.value(), options));
}

} // namespace diff

BOOST_AUTO_TEST_CASE(direct_writer_matches_serialized_dom)
{
    diff::generator gen(1);
    for (int i = 0; i < 500; ++i) {
        diff::Record r = gen.record();
        for (auto format : {agent_engine::json_format::pretty(), agent_engine::json_format::compact()}) {
            std::string direct = agent_engine::to_json(r, format);
            BOOST_TEST_REQUIRE(direct == agent_engine::serialize(agent_engine::to_dict(r), format));
        }
    }
}

BOOST_AUTO_TEST_CASE(streaming_reader_matches_dom_on_valid_text)
{
    diff::generator gen(2);
    for (int i = 0; i < 500; ++i) {
        diff::Record r = gen.record();
        std::string text = agent_engine::to_json(r);
        auto direct = agent_engine::from_json<diff::Record>(text);
        BOOST_TEST_REQUIRE(direct.has_value());
        // and the value survives the round trip exactly, doubles included
        BOOST_TEST_REQUIRE(agent_engine::to_json(direct.value()) == text);
        BOOST_TEST_REQUIRE(diff::outcome(direct) == diff::outcome_via_dom<diff::Record>(text));
    }
}

BOOST_AUTO_TEST_CASE(streaming_reader_matches_dom_on_corrupted_text)
{
    diff::generator gen(3);
    int json_errors = 0, validation_errors = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string text = gen.corrupt(agent_engine::to_json(gen.record()));
        auto direct = agent_engine::from_json<diff::Record>(text);
        BOOST_TEST_REQUIRE(diff::outcome(direct) == diff::outcome_via_dom<diff::Record>(text), "input: " << text);
        if (!direct)
            ++(direct.error().code == agent_engine::EngineErrorCode::json ? json_errors : validation_errors);
    }
    // the corruptions exercise both kinds of failure, not only one
    BOOST_TEST(json_errors > 300);
    BOOST_TEST(validation_errors > 300);
}

// A struct's repeated member keeps its first place and its last value, in a DOM
// as in a Python dict: the streaming reader lists the errors in that order too.
BOOST_AUTO_TEST_CASE(repeated_keys_list_errors_in_the_order_of_their_first_place)
{
    for (std::string_view text : {
             // extra keys (Record forbids them), one repeated
             R"({"name": "n", "phase": "done", "x": 1, "y": 2, "x": 3})",
             // a member repeated, its first value wrong, then another member wrong
             R"({"name": 1, "phase": "done", "level": 300, "name": "n", "tags": [2]})",
             R"({"name": 1, "phase": "done", "level": 300, "name": 2, "tags": [2]})",
         }) {
        auto direct = agent_engine::from_json<diff::Record>(text);
        BOOST_TEST_REQUIRE(!direct.has_value());
        BOOST_TEST(diff::outcome(direct) == diff::outcome_via_dom<diff::Record>(text), text);
    }
}

// A map's repeated key, in JSON text, has every occurrence checked and its errors
// listed in the order of the text, as pydantic's model_validate_json does (it
// reads a dict pair by pair); its last value wins. A DOM holds the last only.
BOOST_AUTO_TEST_CASE(a_map_in_json_text_checks_every_occurrence_of_a_repeated_key)
{
    auto locs = [](std::string_view text) {
        auto direct = agent_engine::from_json<diff::Record>(text);
        BOOST_TEST_REQUIRE(!direct.has_value());
        diff::piecewise_source source{std::string(text), 3, 1};
        BOOST_TEST(diff::outcome(agent_engine::from_json<diff::Record>(source)) == diff::outcome(direct));
        std::string out;
        for (auto const& e : direct.error().details->at("errors").as_array())
            out += agent_engine::serialize(e.at("loc"), agent_engine::json_format::compact()) + " " +
                   std::string(e.at("type").as_string()) + ";";
        return out;
    };
    // "a" first, its last value wrong, then "b" wrong: in the order of the text
    BOOST_TEST(locs(R"({"name": "n", "phase": "done", "steps": {"a": {"id": "x"}, "b": {"id": 1}, "a": {"id": 2}}})") ==
               R"(["steps","b","id"] string_type;["steps","a","id"] string_type;)");
    // the first value wrong, the last right: its error stays
    BOOST_TEST(locs(R"({"name": "n", "phase": "done", "steps": {"a": {"id": 1}, "b": {"id": 2}, "a": {"id": "ok"}}})") ==
               R"(["steps","a","id"] string_type;["steps","b","id"] string_type;)");
    // a repeated struct member (its last value counts) holding a map whose keys repeat
    BOOST_TEST(locs(R"({"name": "n", "steps": {"a": {"id": 1}}, "phase": "done", "steps": {"c": {"id": 4},)"
                    R"( "d": {"attempts": "x"}, "c": {"id": 5, "attempts": 1.5}}, "x": 0})") ==
               R"(["x"] extra_forbidden;["steps","c","id"] string_type;["steps","d","id"] missing;)"
               R"(["steps","d","attempts"] int_parsing;["steps","c","id"] string_type;["steps","c","attempts"] int_from_float;)");
    // the value is the last one's, at the key's first place
    auto read = agent_engine::from_json<diff::Record>(
        R"({"name": "n", "phase": "done", "steps": {"a": {"id": "1"}, "b": {"id": "2"}, "a": {"id": "3"}}})");
    BOOST_TEST_REQUIRE(read.has_value());
    BOOST_TEST(agent_engine::to_json(read.value().steps, agent_engine::json_format::compact()) ==
               R"({"a":{"id":"3","agent":null,"output":null,"attempts":0},"b":{"id":"2","agent":null,"output":null,"attempts":0}})");
}

BOOST_AUTO_TEST_CASE(reading_a_source_in_pieces_matches_reading_the_text)
{
    diff::generator gen(4);
    int failures = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string valid = agent_engine::to_json(gen.record(), i % 2 ? agent_engine::json_format::pretty()
                                                                       : agent_engine::json_format::compact());
        std::string text = i % 3 ? gen.corrupt(valid) : valid;
        auto whole = agent_engine::from_json<diff::Record>(text);
        diff::piecewise_source source(text, 1 + i % 16, static_cast<std::uint64_t>(i));
        auto pieces = agent_engine::from_json<diff::Record>(source);
        BOOST_TEST_REQUIRE(diff::outcome(pieces) == diff::outcome(whole), "input: " << text);
        failures += !whole;
    }
    BOOST_TEST(failures > 1000); // errors (and their re-read inputs) were compared, not only values
}

namespace diff {
// Every ':' between a key and its value in `text` (JSON), written as `separator`.
std::string with_colons_as(std::string_view text, std::string_view separator)
{
    std::string out;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if (c == '"') {
            in_string = true;
        } else if (c == ':') {
            out += separator;
            continue;
        }
        out += c;
    }
    return out;
}
} // namespace diff

// A key is read apart from its ':' in one step when the two are adjacent, or
// step by step otherwise: every layout reads the same value, in a window or in
// pieces, and as a DOM.
BOOST_AUTO_TEST_CASE(a_key_reads_alike_whatever_the_whitespace_around_its_colon)
{
    diff::generator gen(7);
    for (std::string_view separator : {":", ": ", " :", " : ", ":  ", ":\n\t", "\r\n:\n", ":\n"}) {
        for (int i = 0; i < 100; ++i) {
            diff::Record r = gen.record();
            std::string expected = agent_engine::to_json(r, agent_engine::json_format::compact());
            std::string text = diff::with_colons_as(expected, separator);
            auto whole = agent_engine::from_json<diff::Record>(text);
            BOOST_TEST_REQUIRE(whole.has_value(), diff::outcome(whole) << " input: " << text);
            BOOST_TEST_REQUIRE(agent_engine::to_json(whole.value(), agent_engine::json_format::compact()) ==
                               expected);
            diff::piecewise_source source(text, 1 + static_cast<std::size_t>(i) % 8, static_cast<std::uint64_t>(i));
            BOOST_TEST_REQUIRE(diff::outcome(agent_engine::from_json<diff::Record>(source)) == diff::outcome(whole));
            // " :" is never read in one step: the other layouts' DOMs are checked against its
            auto dom = agent_engine::parse_json(text);
            auto stepwise = agent_engine::parse_json(diff::with_colons_as(expected, " :"));
            BOOST_TEST_REQUIRE((dom.has_value() && stepwise.has_value()));
            BOOST_TEST_REQUIRE(dom.value() == stepwise.value());
        }
    }
    // A text that ends right after a key's ':' (or the space after it) is incomplete,
    // whole or in pieces. Each is read from a buffer of its own size: a read past its
    // end is caught under AddressSanitizer.
    std::string compact = agent_engine::to_json(gen.record(), agent_engine::json_format::compact());
    std::string spaced = diff::with_colons_as(compact, ": ");
    int cuts = 0;
    for (const std::string& text : {compact, spaced}) {
        for (std::size_t colon = text.find("\":"); colon != std::string::npos; colon = text.find("\":", colon + 1)) {
            for (std::size_t cut : {colon + 2, colon + 3}) {
                auto bytes = std::make_unique<char[]>(cut);
                std::memcpy(bytes.get(), text.data(), cut);
                std::string_view prefix(bytes.get(), cut);
                auto whole = agent_engine::from_json<diff::Record>(prefix);
                BOOST_TEST_REQUIRE(!whole.has_value(), prefix);
                BOOST_TEST_REQUIRE(whole.error().message.starts_with("Invalid JSON: incomplete JSON"),
                                   whole.error().message);
                diff::piecewise_source source(std::string(prefix), 3, cut);
                BOOST_TEST_REQUIRE(diff::outcome(agent_engine::from_json<diff::Record>(source)) ==
                                   diff::outcome(whole));
                ++cuts;
            }
        }
    }
    BOOST_TEST(cuts > 20);
    // and a key without its ':' is an error at the first byte after the key's whitespace
    const std::pair<std::string_view, int> missing[] = {
        {R"({"name" "x"})", 9}, {R"({"name":"x","tags" [])", 20}, {R"({"name"})", 8}};
    for (auto [text, column] : missing) {
        auto read = agent_engine::from_json<diff::Record>(text);
        BOOST_TEST_REQUIRE(!read.has_value());
        BOOST_TEST(read.error().message ==
                       "Invalid JSON: expected ':' after a key at line 1, column " + std::to_string(column) +
                           " (char " + std::to_string(column - 1) + ")",
                   read.error().message);
    }
}

// Tokens longer than the reader's first window (64 KiB): it grows for them.
BOOST_AUTO_TEST_CASE(a_source_with_tokens_longer_than_the_window)
{
    diff::Record r;
    r.name = std::string(200000, 'n');
    r.tags = {std::string(70000, 'x') + "\"" + std::string(70000, 'y'), std::string(100000, '\n')};
    r.steps[std::string(90000, 'k')].id = "é😀" + std::string(65536, 'z');
    r.metadata["n"] = 0.1;
    std::string text = agent_engine::to_json(r);
    std::string digits = "1" + std::string(100000, '0') + "e-100000"; // a number of 100,008 characters
    std::size_t score = text.find("\"score\":");
    BOOST_TEST_REQUIRE(score != std::string::npos);
    std::size_t value = text.find_first_not_of(' ', score + 8);
    text.replace(value, text.find(',', value) - value, digits);
    for (std::size_t piece : {std::size_t(7), std::size_t(1) << 20}) {
        diff::piecewise_source source(text, piece, 5);
        auto read = agent_engine::from_json<diff::Record>(source);
        BOOST_TEST_REQUIRE(read.has_value(), diff::outcome(read));
        BOOST_TEST(read.value().score == 1.0);
        auto whole = agent_engine::from_json<diff::Record>(text);
        BOOST_TEST(agent_engine::to_json(read.value()) == agent_engine::to_json(whole.value()));
    }
}

// A source that fails: its error comes back as it is, not as a JSON error.
BOOST_AUTO_TEST_CASE(a_failing_source_returns_its_own_error)
{
    struct failing_source final : agent_engine::text_source {
        std::string text;
        std::size_t fails_at = 10;
        agent_engine::Result<std::size_t> read(std::uint64_t offset, char* out, std::size_t size) const override
        {
            if (offset >= fails_at)
                return agent_engine::make_error(agent_engine::EngineErrorCode::io,
                                                agent_engine::EngineErrorSource::json_engine, "read_failed",
                                                "the disk went away");
            std::size_t n = std::min<std::size_t>(size, fails_at - offset);
            std::memcpy(out, text.data() + offset, n);
            return n;
        }
    } source;
    source.text = R"({"name": "a long enough name", "phase": "done"})";
    auto read = agent_engine::from_json<diff::Record>(source);
    BOOST_TEST_REQUIRE(!read.has_value());
    BOOST_TEST((read.error().code == agent_engine::EngineErrorCode::io));
    BOOST_TEST(read.error().message == "the disk went away");
    // A failure after the whole value was read (while checking what follows it) too.
    source.text = R"({"name":"n"} garbage)";
    source.fails_at = 12;
    read = agent_engine::from_json<diff::Record>(source);
    BOOST_TEST_REQUIRE(!read.has_value());
    BOOST_TEST(read.error().message == "the disk went away");
}

// With a small max_errors, on text with many errors and repeated keys: every
// path keeps the same errors and counts the same total, which is the total
// of a read that keeps them all; the ones kept are among those.
BOOST_AUTO_TEST_CASE(every_path_keeps_and_counts_the_same_errors_past_max_errors)
{
    diff::generator gen(6);
    int overflowed = 0, json_errors = 0;
    for (int i = 0; i < 2000; ++i) {
        std::string text = gen.mistype(agent_engine::to_json(gen.record()));
        auto all = agent_engine::from_json<diff::Record>(text);
        if (all.has_value() || all.error().code != agent_engine::EngineErrorCode::validation) {
            json_errors += !all.has_value();
            continue;
        }
        auto const& all_errors = all.error().details->at("errors").as_array();
        std::size_t count = all_errors.size();
        BOOST_TEST_REQUIRE(all.error().details->at("error_count") == count);
        for (std::size_t max : {0, 1, 2, 3, 7}) {
            BOOST_TEST_CONTEXT("input: " << text << "\nmax_errors " << max)
            {
                // every path answering as from_json does
                agent_engine::read_options options{.max_errors = max, .mode = agent_engine::input_mode::json};
                auto direct = agent_engine::from_json<diff::Record>(text, options);
                std::string expected = diff::outcome(direct);
                BOOST_TEST_REQUIRE(diff::outcome_via_dom<diff::Record>(text, options) == expected);
                diff::piecewise_source source(text, 1 + i % 16, static_cast<std::uint64_t>(i));
                BOOST_TEST_REQUIRE(diff::outcome(agent_engine::from_json<diff::Record>(source, options)) == expected);
                auto dom = agent_engine::parse_json(text);
                auto validated = agent_engine::validate_dict<diff::Record>(dom.value(), options);
                BOOST_TEST_REQUIRE(!validated.has_value());
                BOOST_TEST_REQUIRE(diff::outcome(agent_engine::Result<diff::Record>(validated.error())) == expected);
                auto const& details = *direct.error().details;
                BOOST_TEST_REQUIRE(details.at("error_count") == count);
                auto const& kept = details.at("errors").as_array();
                BOOST_TEST_REQUIRE(kept.size() == std::min(max, count));
                auto text_of = [](const boost::json::value& e) { return agent_engine::serialize(e); }; // NaN != NaN
                for (auto const& e : kept)
                    BOOST_TEST_REQUIRE(std::any_of(all_errors.begin(), all_errors.end(),
                                                   [&](const boost::json::value& a) { return text_of(a) == text_of(e); }));
                overflowed += count > max;
            }
        }
    }
    BOOST_TEST(json_errors < 200);
    BOOST_TEST(overflowed > 3000); // most reads had more errors than they kept
}

// The standard containers (sets, fixed-length tuples, smart pointers, a schema
// that holds itself): the same agreements, on generated values and on their
// text corrupted, given items of the wrong type, or arrays one item longer.
namespace diff {

struct Bag {
    std::set<std::string> tags;
    std::multiset<std::int32_t> scores;
    std::array<std::int32_t, 3> origin{};
    std::pair<std::string, double> label;
    std::tuple<std::int64_t, bool, std::string> row;
    std::unique_ptr<Step> step;
    std::shared_ptr<std::string> note;
    std::vector<std::unique_ptr<Bag>> inner;
};
BOOST_DESCRIBE_STRUCT(Bag, (), (tags, scores, origin, label, row, step, note, inner))

Bag bag(generator& gen, std::mt19937_64& rng, int depth = 0)
{
    auto below = [&](std::uint64_t n) { return rng() % n; };
    Bag b;
    for (auto n = below(4); n > 0; --n)
        b.tags.insert(gen.text());
    for (auto n = below(4); n > 0; --n)
        b.scores.insert(static_cast<std::int32_t>(below(3)));
    b.origin = {static_cast<std::int32_t>(rng()), 0, static_cast<std::int32_t>(below(9))};
    b.label = {gen.text(), gen.number()};
    b.row = {static_cast<std::int64_t>(rng()), below(2) == 1, gen.text()};
    if (below(2))
        b.step = std::make_unique<Step>(gen.step());
    if (below(2))
        b.note = std::make_shared<std::string>(gen.text());
    for (auto n = depth < 2 ? below(3) : 0; n > 0; --n)
        b.inner.push_back(below(3) ? std::make_unique<Bag>(bag(gen, rng, depth + 1)) : nullptr);
    return b;
}

// One more item, of the wrong type, at the start of a random array.
std::string lengthen(std::string s, std::mt19937_64& rng)
{
    std::size_t open = s.find('[', rng() % s.size());
    if (open != std::string::npos)
        s.insert(open + 1, s[open + 1] == ']' ? "\"x\"" : "\"x\", ");
    return s;
}

} // namespace diff

BOOST_AUTO_TEST_CASE(standard_containers_agree_on_every_path)
{
    diff::generator gen(7);
    std::mt19937_64 rng(7);
    int failures = 0;
    for (int i = 0; i < 600; ++i) {
        diff::Bag b = diff::bag(gen, rng);
        std::string text = agent_engine::to_json(b);
        BOOST_TEST_REQUIRE(text == agent_engine::serialize(agent_engine::to_dict(b)));
        auto back = agent_engine::from_json<diff::Bag>(text);
        BOOST_TEST_REQUIRE(back.has_value(), diff::outcome(back));
        BOOST_TEST_REQUIRE(agent_engine::to_json(back.value()) == text);
        std::string changed = i % 3 == 0 ? gen.corrupt(text) : i % 3 == 1 ? gen.mistype(text) : diff::lengthen(text, rng);
        for (std::size_t max : {std::size_t(2), std::size_t(1000)}) {
            agent_engine::read_options options{.max_errors = max};
            auto direct = agent_engine::from_json<diff::Bag>(changed, options);
            BOOST_TEST_REQUIRE(diff::outcome(direct) == diff::outcome_via_dom<diff::Bag>(changed, options),
                               "input: " << changed);
            diff::piecewise_source source(changed, 1 + i % 16, static_cast<std::uint64_t>(i));
            BOOST_TEST_REQUIRE(diff::outcome(agent_engine::from_json<diff::Bag>(source, options)) ==
                                   diff::outcome(direct),
                               "input: " << changed);
            failures += !direct;
        }
    }
    BOOST_TEST(failures > 600); // most changes fail, so errors were compared, not only values
}
