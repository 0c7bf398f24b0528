#ifndef AGENT_ENGINE_CORE_RULES_BOOLEAN_HPP
#define AGENT_ENGINE_CORE_RULES_BOOLEAN_HPP

// A bool is true or false. In lax mode (pydantic's default) also the integers 0
// and 1, the floats 0.0 and 1.0, and the strings pydantic-core reads as one
// ("true", "yes", "on", "1", "t", "y" and "false", "no", "off", "0", "f", "n", in
// any case, nothing around them); any other number or string is bool_parsing.

#include <agent_engine/core/detail/lax_text.hpp>
#include <agent_engine/core/json_rule.hpp>
#include <agent_engine/core/rules/number.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>

namespace agent_engine {

template <> struct json_rule<bool> {
    template <class Writer> static void write(Writer& w, bool v) { w.boolean(v); }

    template <class Reader> static void read(Reader& r, bool& out, validation_context& ctx)
    {
        if (r.kind() == boost::json::kind::bool_) {
            out = r.get_bool();
            return;
        }
        error_type error = error_type::bool_type;
        if (!ctx.strict()) {
            if (auto lax = lax_bool(r, error)) {
                out = *lax;
                return;
            }
        }
        ctx.fail(error, [&] { return r.capture(); });
    }

    static std::string label() { return "bool"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "boolean"}}; }

private:
    // The bool a number or a string is in lax mode; else nothing, with `error` set
    // to what pydantic reports: bool_parsing for an integer (or an integral float
    // within 64 bits) other than 0 and 1 and for any other string, bool_type for
    // anything else.
    template <class Reader> static std::optional<bool> lax_bool(Reader& r, error_type& error)
    {
        auto integer = [&](auto n) -> std::optional<bool> {
            if (n == 0 || n == 1)
                return n == 1;
            error = error_type::bool_parsing;
            return std::nullopt;
        };
        switch (r.kind()) {
        case boost::json::kind::int64: return integer(r.get_int64());
        case boost::json::kind::uint64: return integer(r.get_uint64());
        case boost::json::kind::double_: {
            double d = r.get_double();
            if (d == std::trunc(d) && d > -0x1p63 && d < 0x1p63)
                return integer(static_cast<std::int64_t>(d));
            return std::nullopt;
        }
        case boost::json::kind::string: {
            static constexpr std::array<std::string_view, 6> yes = {"true", "yes", "on", "1", "t", "y"};
            static constexpr std::array<std::string_view, 6> no = {"false", "no", "off", "0", "f", "n"};
            std::string_view s = r.get_string();
            auto one_of = [&](auto const& words) {
                for (std::string_view w : words)
                    if (detail::equal_ignoring_case(s, w))
                        return true;
                return false;
            };
            if (one_of(yes))
                return true;
            if (one_of(no))
                return false;
            error = error_type::bool_parsing;
            return std::nullopt;
        }
        default: return std::nullopt;
        }
    }

};

} // namespace agent_engine

#endif
