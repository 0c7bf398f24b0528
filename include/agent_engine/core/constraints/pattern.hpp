#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_PATTERN_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_PATTERN_HPP

// pattern: a regular expression the string must contain a match of. The regex
// engine is compiled into the library (src/search_pattern.cpp), so that no
// schema's translation unit parses Boost.Regex, whether it uses pattern or not.

#include <agent_engine/core/constraints/kind.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace agent_engine {
namespace detail {

// Whether `s` contains a match of `pattern` (ECMAScript/Perl syntax, search
// semantics as re.search): true or false, or why the pattern could not be
// evaluated. Patterns compile once per process, on first use (a pattern that
// does not compile is remembered with its error). Boost.Regex matches without
// recursion, so a long input cannot overflow the stack; it throws instead when
// a match grows too costly. Every exception becomes the error text.
struct pattern_search {
    bool matched = false;
    std::optional<std::string> error;
};
pattern_search search_pattern(std::string_view pattern, std::string_view s);

} // namespace detail

namespace constraints {

// The string contains a match of an ECMAScript regular expression (anchor it with
// ^ and $ to match the whole string), as pydantic's re.search does. A pattern
// that cannot be evaluated reports string_pattern_mismatch with ctx.error.
struct pattern {
    std::string_view regex;
    template <class A> constexpr explicit pattern(const A& r) noexcept : regex(agent_engine::detail::kept_text(r)) {}
    template <class V> static constexpr bool require()
    {
        constexpr bool applies = agent_engine::detail::is_text_v<V>;
        static_assert(applies, "agent_engine: pattern applies to a string member.");
        return applies;
    }
    // `input()` gives the string as its input held it (before str_strip_whitespace).
    template <class V, class Input> bool check(const V& v, validation_context& ctx, const Input& input) const
    {
        auto found = agent_engine::detail::search_pattern(regex, std::string_view(v));
        if (found.matched)
            return true;
        ctx.fail(error_type::string_pattern_mismatch, [&] {
            validation_context::error_details e{input(), {{"pattern", regex}}};
            // An invalid pattern, or a match too costly to finish: still this
            // member's error, with the reason.
            if (found.error)
                e.ctx.emplace("error", *found.error);
            return e;
        });
        return false;
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        s["pattern"] = regex;
    }
};

} // namespace constraints
} // namespace agent_engine

#endif
