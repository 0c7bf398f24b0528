#ifndef AGENT_ENGINE_CORE_DETAIL_LAX_TEXT_HPP
#define AGENT_ENGINE_CORE_DETAIL_LAX_TEXT_HPP

// The strings pydantic 2.13 reads, in lax mode, as a value of another kind: an
// int (integer_from_text), a float (number_from_text), a bool's words
// (equal_ignoring_case). The rules are rules/number.hpp and rules/boolean.hpp.

#include <agent_engine/core/detail/utf8.hpp>

#include <boost/json/value.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <iterator>
#include <system_error>

namespace agent_engine::detail {

// Whether `s` is `lower` (lower-case ASCII) in any case.
inline bool equal_ignoring_case(std::string_view s, std::string_view lower) noexcept
{
    return s.size() == lower.size() && std::equal(s.begin(), s.end(), lower.begin(), [](char a, char b) {
               return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
           });
}

// Appends the digits of `text`, digits with single underscores between them
// (Python's "1_000"); false when it is anything else (empty, "_1", "1__0", "1_").
inline bool append_digits(std::string& out, std::string_view text)
{
    bool after_digit = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            out += c;
            after_digit = true;
        } else if (c == '_' && after_digit) {
            after_digit = false;
        } else {
            return false;
        }
    }
    return after_digit;
}

// The integer a string spells, as pydantic reads a str into an int (lax mode; a
// dict[int, V] key is always one): surrounding Unicode whitespace (as Rust's
// trim: strip_whitespace), a sign, digits with single underscores between them
// ("1_000"), leading zeros ("01"), and a fraction of zeros only ("1.0", "1.00");
// "1e3", "1.5", "0x1", "1." are not integers. Returns the JSON number it is
// (int64, or uint64 above INT64_MAX, or a double past both, beyond every integer
// type: the caller reports it against its type's range, which pydantic's exact
// int would), or null when the string is not an integer (pydantic's int_parsing).
inline boost::json::value integer_from_text(std::string_view text)
{
    text = strip_whitespace(text);
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
    if (!append_digits(digits, text))
        return nullptr;
    const char* first = digits.data();
    const char* last = first + digits.size();
    if (std::int64_t v; std::from_chars(first, last, v).ec == std::errc())
        return v;
    if (std::uint64_t v; digits.front() != '-' && std::from_chars(first, last, v).ec == std::errc())
        return v;
    return std::strtod(first, nullptr); // past every integer type: only its sign and size matter
}

// The power of ten of the leading digit of decimal `text` (digits, an optional
// point and exponent): 2 for "123", -3 for "0.001e0". Decides whether a number
// out of a double's range is too large or too small without strtod, whose
// decimal point is the C locale's.
inline long decimal_exponent(std::string_view text)
{
    auto e = text.find_first_of("eE");
    std::string_view mantissa = text.substr(0, e);
    long exponent = 0;
    if (e != std::string_view::npos) {
        std::string_view digits = text.substr(e + 1);
        if (!digits.empty() && digits.front() == '+')
            digits.remove_prefix(1);
        if (std::from_chars(digits.data(), digits.data() + digits.size(), exponent).ec == std::errc::result_out_of_range)
            exponent = digits.front() == '-' ? std::numeric_limits<long>::min() / 2 : std::numeric_limits<long>::max() / 2;
    }
    auto point = std::min(mantissa.find('.'), mantissa.size());
    auto lead = mantissa.find_first_not_of("0.");
    if (lead == std::string_view::npos) // all zeros: never out of range, but say "small"
        return std::numeric_limits<long>::min() / 2;
    long place = lead < point ? static_cast<long>(point - lead - 1) : -static_cast<long>(lead - point);
    return place + exponent;
}

// The number a string spells as pydantic reads a str into a float (lax mode),
// which is not quite Python's float(): surrounding Unicode whitespace (as Rust's
// trim: strip_whitespace); then underscores anywhere but at either end or two
// in a row, dropped ("1_.5", "-_1", "i_nf" are read); then Rust's f64 grammar:
// a sign, digits with an optional point ("5.", ".5") and exponent, or "inf",
// "infinity", "nan" in any case. "nan(1)", hex and other digits than ASCII are
// not numbers.
inline std::optional<double> number_from_text(std::string_view text)
{
    text = strip_whitespace(text);
    if (text.empty() || text.front() == '_' || text.back() == '_' || text.find("__") != std::string_view::npos)
        return std::nullopt;
    std::string plain;
    std::remove_copy(text.begin(), text.end(), std::back_inserter(plain), '_');
    std::string_view unsigned_text = plain;
    bool negative = !plain.empty() && plain.front() == '-';
    if (!plain.empty() && (plain.front() == '-' || plain.front() == '+'))
        unsigned_text.remove_prefix(1);
    auto is = [&](std::string_view word) { return equal_ignoring_case(unsigned_text, word); };
    double d;
    if (is("inf") || is("infinity")) {
        d = std::numeric_limits<double>::infinity();
    } else if (is("nan")) {
        d = std::numeric_limits<double>::quiet_NaN();
    } else {
        // from_chars also reads words (inf, "nan(1)"): only digits or a point may start
        char lead = unsigned_text.empty() ? '\0' : unsigned_text.front();
        if (lead != '.' && (lead < '0' || lead > '9'))
            return std::nullopt;
        const char* first = unsigned_text.data();
        const char* last = first + unsigned_text.size();
        auto [end, ec] = std::from_chars(first, last, d);
        if (end != last || (ec != std::errc() && ec != std::errc::result_out_of_range))
            return std::nullopt;
        if (ec == std::errc::result_out_of_range) // too large: inf, as Python; too small: 0
            d = decimal_exponent(unsigned_text) > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    }
    return negative ? -d : d;
}

} // namespace agent_engine::detail

#endif
