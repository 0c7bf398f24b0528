#ifndef AGENT_ENGINE_CORE_DETAIL_PYTHON_REPR_HPP
#define AGENT_ENGINE_CORE_DETAIL_PYTHON_REPR_HPP

// How pydantic shows an input in a ValidationError: Python's repr() of the
// value json.loads() would give, and the name of its Python type.

#include <agent_engine/core/detail/python_number.hpp>

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>

namespace agent_engine::detail {

// Appends repr(s): quoted as Python quotes it, each character that is not
// str.isprintable() escaped by its code point in hex, as repr() does (src/python_repr.cpp).
void append_python_str(std::string& out, std::string_view s);

// "'a', 'b' or 'c'": how pydantic lists the allowed values of an enum or a
// literal, each written by append(out, item).
template <class Range, class Append> std::string join_alternatives(const Range& items, Append append)
{
    std::string out;
    std::size_t i = 0, n = std::size(items);
    for (auto const& item : items) {
        if (i > 0)
            out += i + 1 == n ? " or " : ", ";
        append(out, item);
        ++i;
    }
    return out;
}

// A C++ number as a JSON value, in the widest type of its kind: how a limit or
// an allowed value appears in an error's ctx and, through append_python_repr,
// in its message (3, 0.5, 1e-07).
template <class N> boost::json::value number_value(N n)
{
    if constexpr (std::is_floating_point_v<N>)
        return static_cast<double>(n);
    else if constexpr (std::is_signed_v<N>)
        return static_cast<std::int64_t>(n);
    else
        return static_cast<std::uint64_t>(n);
}

inline void append_python_repr(std::string& out, const boost::json::value& v)
{
    switch (v.kind()) {
    case boost::json::kind::null: out += "None"; break;
    case boost::json::kind::bool_: out += v.get_bool() ? "True" : "False"; break;
    case boost::json::kind::int64: append_integer(out, v.get_int64()); break;
    case boost::json::kind::uint64: append_integer(out, v.get_uint64()); break;
    case boost::json::kind::double_: {
        double d = v.get_double();
        if (std::isnan(d))
            out += "nan";
        else if (std::isinf(d))
            out += d < 0 ? "-inf" : "inf";
        else
            append_double(out, d);
        break;
    }
    case boost::json::kind::string: append_python_str(out, v.get_string()); break;
    case boost::json::kind::array: {
        out += '[';
        bool first = true;
        for (auto const& e : v.get_array()) {
            if (!first)
                out += ", ";
            first = false;
            append_python_repr(out, e);
        }
        out += ']';
        break;
    }
    case boost::json::kind::object: {
        out += '{';
        bool first = true;
        for (auto const& m : v.get_object()) {
            if (!first)
                out += ", ";
            first = false;
            append_python_str(out, m.key());
            out += ": ";
            append_python_repr(out, m.value());
        }
        out += '}';
        break;
    }
    }
}

inline std::string_view python_type_name(const boost::json::value& v) noexcept
{
    switch (v.kind()) {
    case boost::json::kind::null: return "NoneType";
    case boost::json::kind::bool_: return "bool";
    case boost::json::kind::int64:
    case boost::json::kind::uint64: return "int";
    case boost::json::kind::double_: return "float";
    case boost::json::kind::string: return "str";
    case boost::json::kind::array: return "list";
    case boost::json::kind::object: return "dict";
    }
    return "object";
}

// pydantic shortens a repr longer than 50 bytes of UTF-8 to its first 25 and
// last 24 bytes around "...", moving each cut off the middle of a character:
// the head ends at a character boundary at or before byte 25, the tail starts at
// one at or after len - 24 (pydantic-core's truncate_input_value).
inline std::string shorten_repr(const std::string& repr)
{
    if (repr.size() <= 50)
        return repr;
    auto is_boundary = [&](std::size_t i) {
        return i >= repr.size() || (static_cast<unsigned char>(repr[i]) & 0xC0) != 0x80;
    };
    std::size_t head_end = 25;
    while (!is_boundary(head_end))
        --head_end;
    std::size_t tail_begin = repr.size() - 24;
    while (!is_boundary(tail_begin))
        ++tail_begin;
    return repr.substr(0, head_end) + "..." + repr.substr(tail_begin);
}

// "a.0.`b.c`": how pydantic prints a loc (keys as they are, in backquotes if
// they hold a dot; indices as numbers; anything else, as a migration's loc may
// hold, as its repr).
inline void append_loc(std::string& out, const boost::json::array& loc)
{
    bool first = true;
    for (auto const& part : loc) {
        if (!first)
            out += '.';
        first = false;
        if (part.is_string() && part.get_string().find('.') != boost::json::string::npos) {
            out += '`';
            out += part.get_string();
            out += '`';
        } else if (part.is_string()) {
            out += part.get_string();
        } else {
            append_python_repr(out, part);
        }
    }
}

} // namespace agent_engine::detail

#endif
