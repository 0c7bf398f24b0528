#ifndef AGENT_ENGINE_CORE_RULES_NUMBER_HPP
#define AGENT_ENGINE_CORE_RULES_NUMBER_HPP

// Integers of every width are range-checked (300 into std::uint8_t is an error,
// never a wrap); floating-point members accept any JSON number. In lax mode
// (pydantic's default) an integer also accepts an integral JSON float (3.0; one
// beyond 64 bits is int_parsing_size, as there), a bool and a string that spells
// an integer, and a float a bool and a string that spells a number; in strict
// mode neither converts (validation_context::strict).

#include <agent_engine/core/detail/lax_text.hpp>
#include <agent_engine/core/detail/python_repr.hpp>
#include <agent_engine/core/detail/standard_integer.hpp>
#include <agent_engine/core/json_rule.hpp>

#include <boost/json/value.hpp>

#include <cmath>
#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>

namespace agent_engine {
namespace detail {

// A number past T's `bound`, below or above it (pydantic's ge / le words).
template <class Reader, class T> void fail_bound(validation_context& ctx, Reader& r, T bound, bool below)
{
    ctx.fail(below ? error_type::greater_than_equal : error_type::less_than_equal, [&] {
        return validation_context::error_details{r.capture(), {{below ? "ge" : "le", number_value(bound)}}};
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

// An integer as read, before it is fitted to a member's type: exact, in 64 bits
// of the sign it needs, or past every 64-bit integer (a lax string of more digits).
struct exact_integer {
    std::int64_t signed_value = 0;
    std::uint64_t unsigned_value = 0;
    bool is_unsigned = false; // above INT64_MAX: unsigned_value
    int beyond = 0;           // -1 below INT64_MIN, 1 above UINT64_MAX (the value is then that end)

    static exact_integer of(std::uint64_t v) noexcept
    {
        if (v <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return {static_cast<std::int64_t>(v)};
        return {0, v, true};
    }
    // f(the value, as std::int64_t or std::uint64_t).
    template <class F> decltype(auto) visit(F&& f) const
    {
        return is_unsigned ? f(unsigned_value) : f(signed_value);
    }
};

// What an input is as an integer: the value, or the error pydantic gives. Strict:
// a JSON integer only. Lax (pydantic's default) also an integral float strictly
// inside the int64 range (a float beyond: int_parsing_size, pydantic-core's
// float_as_int), a bool (0, 1) and a string that spells an integer
// (detail/lax_text.hpp). For every width: compiled once per reader, not per
// integer type.
struct integer_input {
    std::optional<exact_integer> value;
    error_type error = error_type::int_type;
};
template <class Reader> integer_input to_exact_integer(Reader& r, bool strict)
{
    switch (r.kind()) {
    case boost::json::kind::int64: return {exact_integer{r.get_int64()}};
    case boost::json::kind::uint64: return {exact_integer::of(r.get_uint64())};
    default: break;
    }
    if (strict)
        return {};
    switch (r.kind()) {
    case boost::json::kind::double_: {
        double d = r.get_double();
        if (!std::isfinite(d))
            return {std::nullopt, error_type::finite_number};
        if (d != std::trunc(d))
            return {std::nullopt, error_type::int_from_float};
        if (d <= -0x1p63 || d >= 0x1p63) // both exact as doubles
            return {std::nullopt, error_type::int_parsing_size};
        return {exact_integer{static_cast<std::int64_t>(d)}};
    }
    case boost::json::kind::bool_: return {exact_integer{r.get_bool() ? 1 : 0}};
    case boost::json::kind::string: {
        boost::json::value n = integer_from_text(r.get_string());
        switch (n.kind()) {
        case boost::json::kind::int64: return {exact_integer{n.get_int64()}};
        case boost::json::kind::uint64: return {exact_integer::of(n.get_uint64())};
        case boost::json::kind::double_:
            if (n.get_double() < 0)
                return {exact_integer{std::numeric_limits<std::int64_t>::min(), 0, false, -1}};
            return {exact_integer{0, std::numeric_limits<std::uint64_t>::max(), true, 1}};
        default: return {std::nullopt, error_type::int_parsing};
        }
    }
    default: return {};
    }
}

// The same, reporting the error at the reader's value.
template <class Reader> std::optional<exact_integer> read_exact_integer(Reader& r, validation_context& ctx)
{
    integer_input in = to_exact_integer(r, ctx.strict());
    if (!in.value)
        ctx.fail(in.error, [&] { return r.capture(); });
    return in.value;
}

} // namespace detail

template <class T>
    requires detail::standard_integer<T>
struct json_rule<T> {
    using limits = std::numeric_limits<T>;

    template <class Writer> static void write(Writer& w, T v)
    {
        if constexpr (std::is_signed_v<T>)
            w.int64(v);
        else
            w.uint64(v);
    }

    // Reading is in two steps, so that a member's own ge / le can judge the exact
    // integer before T's range does, as in pydantic, whose int has no width:
    // read_exact, then fit (detail::read_constrained).
    template <class Reader> static void read(Reader& r, T& out, validation_context& ctx)
    {
        if (auto exact = read_exact(r, ctx))
            fit(r, *exact, out, ctx);
    }

    template <class Reader> static std::optional<detail::exact_integer> read_exact(Reader& r, validation_context& ctx)
    {
        return detail::read_exact_integer(r, ctx);
    }

    // Where an integer read lies against T's range: below it (< 0), in it (0), above it (> 0).
    static int side_of(const detail::exact_integer& exact) noexcept
    {
        if (exact.beyond)
            return exact.beyond;
        return exact.visit([](auto v) {
            if (std::cmp_less(v, limits::min()))
                return -1;
            return std::cmp_greater(v, limits::max()) ? 1 : 0;
        });
    }

    // The integer read (still the reader's current value), into T if in its range.
    template <class Reader>
    static bool fit(Reader& r, const detail::exact_integer& exact, T& out, validation_context& ctx)
    {
        if (int side = side_of(exact)) {
            if (side < 0)
                detail::fail_below(ctx, r, limits::min());
            else
                detail::fail_above(ctx, r, limits::max());
            return false;
        }
        exact.visit([&](auto v) { out = static_cast<T>(v); });
        return true;
    }

    static std::string label() { return "int"; }
    // The range of the width, so that other tools reject what reading would.
    static boost::json::value schema(schema_builder&)
    {
        return {{"type", "integer"},
                {"minimum", detail::number_value(limits::min())},
                {"maximum", detail::number_value(limits::max())}};
    }
};

template <std::floating_point T> struct json_rule<T> {
    template <class Writer> static void write(Writer& w, T v) { w.number(static_cast<double>(v)); }

    template <class Reader> static void read(Reader& r, T& out, validation_context& ctx)
    {
        double d;
        switch (r.kind()) {
        case boost::json::kind::int64:
            d = static_cast<double>(r.get_int64());
            ctx.floor_match(validation_context::match_quality::strict); // a union prefers an int
            break;
        case boost::json::kind::uint64:
            d = static_cast<double>(r.get_uint64());
            ctx.floor_match(validation_context::match_quality::strict);
            break;
        case boost::json::kind::double_: d = r.get_double(); break;
        default:
            if (auto lax = ctx.strict() ? std::nullopt : lax_number(r)) {
                d = *lax;
                break;
            }
            ctx.fail(!ctx.strict() && r.kind() == boost::json::kind::string ? error_type::float_parsing
                                                                             : error_type::float_type,
                     [&] { return r.capture(); });
            return;
        }
        if constexpr (sizeof(T) < sizeof(double)) {
            if (std::isfinite(d) && std::fabs(d) > static_cast<double>(std::numeric_limits<T>::max())) {
                ctx.fail(error_type::finite_number, [&] { return r.capture(); });
                return;
            }
        }
        out = static_cast<T>(d);
    }

    // pydantic's lax float: a bool (0.0, 1.0) or a string that spells a number.
    template <class Reader> static std::optional<double> lax_number(Reader& r)
    {
        if (r.kind() == boost::json::kind::bool_)
            return r.get_bool() ? 1.0 : 0.0;
        if (r.kind() == boost::json::kind::string)
            return detail::number_from_text(r.get_string());
        return std::nullopt;
    }

    static std::string label() { return "float"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "number"}}; }
};

} // namespace agent_engine

#endif
