#ifndef AGENT_ENGINE_CORE_RULES_NUMBER_HPP
#define AGENT_ENGINE_CORE_RULES_NUMBER_HPP

// Integers of every width are range-checked (300 into std::uint8_t is an error,
// never a wrap) and accept an integral JSON float (3.0), as pydantic does;
// floating-point members accept any JSON number.

#include <agent_engine/core/json_rule.hpp>

#include <boost/json/value.hpp>

#include <charconv>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

namespace agent_engine {
namespace detail {

// JSON value of a bound, in the widest integer type of its sign.
template <class T> boost::json::value bound_value(T v)
{
    if constexpr (std::is_signed_v<T>)
        return static_cast<std::int64_t>(v);
    else
        return static_cast<std::uint64_t>(v);
}

// A number past T's `bound`, below or above it (pydantic's ge / le words).
template <class Reader, class T> void fail_bound(validation_context& ctx, Reader& r, T bound, bool below)
{
    ctx.fail(below ? error_type::greater_than_equal : error_type::less_than_equal, [&] {
        return validation_context::error_details{r.capture(), {{below ? "ge" : "le", bound_value(bound)}}};
    });
}
template <class Reader, class T> void fail_below(validation_context& ctx, Reader& r, T bound)
{
    fail_bound(ctx, r, bound, true);
}
template <class Reader, class T> void fail_above(validation_context& ctx, Reader& r, T bound)
{
    fail_bound(ctx, r, bound, false);
}

// The integer a string spells, as pydantic reads a str into an int (lax mode; a
// dict[int, V] key is always one): surrounding whitespace, a sign, digits with
// single underscores between them ("1_000"), leading zeros ("01"), and a
// fraction of zeros only ("1.0", "1.00"); "1e3", "1.5", "0x1", "1." are not
// integers. Returns the JSON number it is (int64, or uint64 above INT64_MAX,
// or a double past both, which is out of range of every integer rule), or
// null when the string is not an integer (pydantic's int_parsing). Only ASCII
// whitespace is stripped (Python strips Unicode spaces too).
inline boost::json::value integer_from_text(std::string_view text)
{
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    if (auto point = text.find('.'); point != std::string_view::npos) {
        std::string_view fraction = text.substr(point + 1);
        if (fraction.empty() || fraction.find_first_not_of('0') != std::string_view::npos)
            return nullptr;
        text = text.substr(0, point);
    }
    std::string digits; // sign and digits, underscores dropped
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        if (text.front() == '-')
            digits += '-';
        text.remove_prefix(1);
    }
    bool after_digit = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            digits += c;
            after_digit = true;
        } else if (c == '_' && after_digit) {
            after_digit = false;
        } else {
            return nullptr;
        }
    }
    if (!after_digit) // empty, a bare sign, or a trailing underscore
        return nullptr;
    const char* first = digits.data();
    const char* last = first + digits.size();
    if (std::int64_t v; std::from_chars(first, last, v).ec == std::errc())
        return v;
    if (std::uint64_t v; digits.front() != '-' && std::from_chars(first, last, v).ec == std::errc())
        return v;
    return std::strtod(first, nullptr); // past every integer type: only its sign and size matter
}

} // namespace detail

template <class T>
    requires std::integral<T> && (!std::same_as<T, bool>)
struct json_rule<T> {
    using limits = std::numeric_limits<T>;

    template <class Writer> static void write(Writer& w, T v)
    {
        if constexpr (std::is_signed_v<T>)
            w.int64(v);
        else
            w.uint64(v);
    }

    template <class Reader> static void read(Reader& r, T& out, validation_context& ctx)
    {
        switch (r.kind()) {
        case boost::json::kind::int64: {
            std::int64_t v = r.get_int64();
            if (std::cmp_less(v, limits::min()))
                detail::fail_below(ctx, r, limits::min());
            else if (std::cmp_greater(v, limits::max()))
                detail::fail_above(ctx, r, limits::max());
            else
                out = static_cast<T>(v);
            return;
        }
        case boost::json::kind::uint64: {
            std::uint64_t v = r.get_uint64();
            if (std::cmp_greater(v, limits::max()))
                detail::fail_above(ctx, r, limits::max());
            else
                out = static_cast<T>(v);
            return;
        }
        case boost::json::kind::double_: {
            double d = r.get_double();
            if (!std::isfinite(d))
                ctx.fail(error_type::finite_number, [&] { return r.capture(); });
            else if (d != std::trunc(d))
                ctx.fail(error_type::int_from_float, [&] { return r.capture(); });
            // An integer literal below INT64_MIN arrives as a double that can round
            // to exactly -2^63, so for 64-bit types that boundary is out of range too.
            else if (d < static_cast<double>(limits::min()) ||
                     (std::is_signed_v<T> && limits::digits > 53 && d == static_cast<double>(limits::min())))
                detail::fail_below(ctx, r, limits::min());
            // max + 1 is a power of two, so it is exact as a double
            else if (d >= static_cast<double>(limits::max() / 2 + 1) * 2.0)
                detail::fail_above(ctx, r, limits::max());
            else
                out = static_cast<T>(d);
            return;
        }
        default: ctx.fail(error_type::int_type, [&] { return r.capture(); });
        }
    }

    static std::string label() { return "int"; }
    // The range of the width, so that other tools reject what reading would.
    static boost::json::value schema(schema_builder&)
    {
        return {{"type", "integer"},
                {"minimum", detail::bound_value(limits::min())},
                {"maximum", detail::bound_value(limits::max())}};
    }
};

template <std::floating_point T> struct json_rule<T> {
    template <class Writer> static void write(Writer& w, T v) { w.number(static_cast<double>(v)); }

    template <class Reader> static void read(Reader& r, T& out, validation_context& ctx)
    {
        double d;
        switch (r.kind()) {
        case boost::json::kind::int64: d = static_cast<double>(r.get_int64()); break;
        case boost::json::kind::uint64: d = static_cast<double>(r.get_uint64()); break;
        case boost::json::kind::double_: d = r.get_double(); break;
        default: ctx.fail(error_type::float_type, [&] { return r.capture(); }); return;
        }
        if constexpr (sizeof(T) < sizeof(double)) {
            if (std::isfinite(d) && std::fabs(d) > static_cast<double>(std::numeric_limits<T>::max())) {
                ctx.fail(error_type::finite_number, [&] { return r.capture(); });
                return;
            }
        }
        out = static_cast<T>(d);
    }

    static std::string label() { return "float"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "number"}}; }
};

} // namespace agent_engine

#endif
