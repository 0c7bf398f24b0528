#ifndef AGENT_ENGINE_TEST_CORE_TEST_SUPPORT_HPP
#define AGENT_ENGINE_TEST_CORE_TEST_SUPPORT_HPP

// Helpers shared by the core tests. Everything goes through the public API.

#include <agent_engine/agent_engine.hpp>

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

namespace test_support {

// JSON as one line with no spaces: what json.dumps(x, separators=(",", ":")) prints.
// Text, not boost::json::value ==, because value == ignores key order.
inline std::string compact(const boost::json::value& v)
{
    return agent_engine::serialize(v, agent_engine::json_format::compact());
}

// The value written as compact text by both paths (to_dict, and to_json), which must agree.
template <class T> std::string written(const T& value)
{
    std::string text = agent_engine::to_json(value, agent_engine::json_format::compact());
    BOOST_TEST(compact(agent_engine::to_dict(value)) == text);
    return text;
}

// The error message of a failed result, for a failed REQUIRE; empty on success.
template <class R> std::string message_of(const R& r)
{
    return r.has_error() ? r.error().message : std::string();
}

// Writes `value`, checks the exact compact text, then reads it back both ways
// (from_dict of to_dict, from_json of pretty to_json) and checks equality.
template <class T> void check_round_trip(const T& value, std::string_view expected_compact)
{
    BOOST_TEST(written(value) == expected_compact);
    auto from_dict = agent_engine::from_dict<T>(agent_engine::to_dict(value));
    BOOST_REQUIRE_MESSAGE(from_dict.has_value(), message_of(from_dict));
    BOOST_TEST((from_dict.value() == value));
    auto from_json = agent_engine::from_json<T>(agent_engine::to_json(value));
    BOOST_REQUIRE_MESSAGE(from_json.has_value(), message_of(from_json));
    BOOST_TEST((from_json.value() == value));
}

// Reads `text` as T, which must succeed, by both read paths: from_json (straight
// from text) and from_dict of parse_json (through a DOM); they must agree.
template <class T> T read(std::string_view text, const agent_engine::read_options& options = {})
{
    auto r = agent_engine::from_json<T>(text, options);
    BOOST_REQUIRE_MESSAGE(r.has_value(), message_of(r));
    auto dom = agent_engine::parse_json(text);
    BOOST_REQUIRE_MESSAGE(dom.has_value(), message_of(dom));
    auto via_dom = agent_engine::from_dict<T>(dom.value(), options);
    BOOST_REQUIRE_MESSAGE(via_dom.has_value(), message_of(via_dom));
    BOOST_TEST(written(via_dom.value()) == written(r.value()));
    return std::move(r).value();
}

// A text handed out 7 bytes per read, so that the reader reads it through its
// window and goes back to the source for an earlier value.
class trickle_source final : public agent_engine::text_source {
    std::string text_;

public:
    explicit trickle_source(std::string_view text) : text_(text) {}
    agent_engine::Result<std::size_t> read(std::uint64_t offset, char* out, std::size_t size) const override
    {
        std::size_t n = offset >= text_.size() ? 0 : std::min({size, std::size_t(7), text_.size() - offset});
        std::memcpy(out, text_.data() + offset, n);
        return n;
    }
};

// Reads `text` as T, which must fail validation the same way on every read path
// (from_json of the text and of a source, from_dict and validate_dict of its
// DOM), in options.mode or else python mode (the tests' expected texts are
// model_validate's), and in json mode too; returns the EngineError.
template <class T> agent_engine::EngineError failure(std::string_view text, agent_engine::read_options options = {})
{
    if (!options.mode) {
        options.mode = agent_engine::input_mode::json;
        (void)failure<T>(text, options);
        options.mode = agent_engine::input_mode::python;
    }
    auto r = agent_engine::from_json<T>(text, options);
    BOOST_REQUIRE_MESSAGE(r.has_error(), "expected a validation error for: " << text);
    BOOST_REQUIRE_MESSAGE(r.error().code == agent_engine::EngineErrorCode::validation, r.error().message);
    BOOST_REQUIRE(r.error().details.has_value());
    const std::string expected = compact(agent_engine::to_dict(r.error()));
    auto dom = agent_engine::parse_json(text);
    BOOST_REQUIRE_MESSAGE(dom.has_value(), message_of(dom));
    auto via_dom = agent_engine::from_dict<T>(dom.value(), options);
    BOOST_REQUIRE(via_dom.has_error());
    BOOST_TEST(via_dom.error().message == r.error().message);
    BOOST_TEST(compact(agent_engine::to_dict(via_dom.error())) == expected);
    auto validated = agent_engine::validate_dict<T>(dom.value(), options);
    BOOST_REQUIRE(validated.has_error());
    BOOST_TEST(compact(agent_engine::to_dict(validated.error())) == expected);
    auto via_source = agent_engine::from_json<T>(trickle_source(text), options);
    BOOST_REQUIRE(via_source.has_error());
    BOOST_TEST(compact(agent_engine::to_dict(via_source.error())) == expected);
    return std::move(r).error();
}

// details["errors"] of a failed read, as compact text.
template <class T> std::string errors_of(std::string_view text, const agent_engine::read_options& options = {})
{
    return compact(failure<T>(text, options).details->at("errors"));
}

} // namespace test_support

#endif
