// Strings read as numbers, as pydantic's lax mode and its int dict keys read
// them (detail/lax_text.hpp).
#include <agent_engine/core/detail/lax_text.hpp>
#include <agent_engine/core/detail/utf8.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <string>
#include <system_error>

namespace agent_engine::detail {
namespace {

// Appends the digits of `text`, digits with single underscores between them
// (Python's "1_000"); false when it is anything else (empty, "_1", "1__0", "1_").
bool append_digits(std::string& out, std::string_view text)
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

// The power of ten of the leading digit of decimal `text` (digits, an optional
// point and exponent): 2 for "123", -3 for "0.001e0". Decides whether a number
// out of a double's range is too large or too small without strtod, whose
// decimal point is the C locale's.
long decimal_exponent(std::string_view text)
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

} // namespace

boost::json::value integer_from_text(std::string_view text)
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

std::optional<double> number_from_text(std::string_view text)
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
