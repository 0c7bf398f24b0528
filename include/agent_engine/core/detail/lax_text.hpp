#ifndef AGENT_ENGINE_CORE_DETAIL_LAX_TEXT_HPP
#define AGENT_ENGINE_CORE_DETAIL_LAX_TEXT_HPP

// The strings pydantic 2.13 reads, in lax mode, as a value of another kind: an
// int (integer_from_text), a float (number_from_text), a bool's words
// (equal_ignoring_case). The rules are rules/number.hpp and rules/boolean.hpp.
// Compiled (src/lax_text.cpp): a lax str into a number is the rare path of a
// read; integer_from_text also reads each key of a dict[int, V], a call per key.

#include <boost/json/value.hpp>

#include <algorithm>
#include <optional>
#include <string_view>

namespace agent_engine::detail {

// Whether `s` is `lower` (lower-case ASCII) in any case.
inline bool equal_ignoring_case(std::string_view s, std::string_view lower) noexcept
{
    return s.size() == lower.size() && std::equal(s.begin(), s.end(), lower.begin(), [](char a, char b) {
               return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
           });
}

// The integer a string spells, as pydantic reads a str into an int (lax mode; a
// dict[int, V] key is always one): surrounding Unicode whitespace (as Rust's
// trim: strip_whitespace), a sign, digits with single underscores between them
// ("1_000"), leading zeros ("01"), and a fraction of zeros only ("1.0", "1.00");
// "1e3", "1.5", "0x1", "1." are not integers. Returns the JSON number it is
// (int64, or uint64 above INT64_MAX, or a double past both, beyond every integer
// type: the caller reports it against its type's range, which pydantic's exact
// int would), or null when the string is not an integer (pydantic's int_parsing).
boost::json::value integer_from_text(std::string_view text);

// The number a string spells as pydantic reads a str into a float (lax mode),
// which is not quite Python's float(): surrounding Unicode whitespace (as Rust's
// trim: strip_whitespace); then underscores anywhere but at either end or two
// in a row, dropped ("1_.5", "-_1", "i_nf" are read); then Rust's f64 grammar:
// a sign, digits with an optional point ("5.", ".5") and exponent, or "inf",
// "infinity", "nan" in any case. "nan(1)", hex and other digits than ASCII are
// not numbers.
std::optional<double> number_from_text(std::string_view text);

} // namespace agent_engine::detail

#endif
