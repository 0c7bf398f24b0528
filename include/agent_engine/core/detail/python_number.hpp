#ifndef AGENT_ENGINE_CORE_DETAIL_PYTHON_NUMBER_HPP
#define AGENT_ENGINE_CORE_DETAIL_PYTHON_NUMBER_HPP

// Numbers spelled as Python's repr() and json.dumps() spell them, so that a file
// written by the Python original is re-written byte for byte.

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

namespace agent_engine::detail {

// Enough for any double in Python's repr form (17 digits, sign, point, exponent).
inline constexpr std::size_t max_double_chars = 32;

// The fast path of format_double: a `d` that is the double nearest to a decimal
// with at most `max_short_decimals` digits after the point (12.5, 0.731, 3.0),
// as most scores and budgets are, written without std::to_chars. Returns
// nullptr for any other `d`.
//
// Why the output is repr()'s: with |d| * 10^j < 2^50, no two decimals with j
// digits after the point read back as the same double (they are more than an ulp
// apart), and the one that does, if any, is the integer nearest d * 10^j (off
// from it by under 0.5 even after the product's rounding) over 10^j; it reads
// back if dividing it by 10^j (exact operands, rounded once, as a read rounds)
// gives d. A decimal with fewer digits after the point is one with j digits and
// trailing zeros, so the shortest digits are that integer's without its trailing
// zeros, as with one test d is rejected. |d| >= 1e-4 and |d| * 10^j < 2^50 keep
// them in repr()'s fixed notation.
inline constexpr int max_short_decimals = 6;
inline char* format_short_decimal(char* out, double d) noexcept
{
    constexpr double limit = 0x1p50, scale = 1e6; // 10^max_short_decimals
    double magnitude = std::fabs(d);
    if (!(magnitude >= 1e-4 && magnitude < limit))
        return nullptr;
    // j = 0 only (integral values) where d * 10^6 would reach the limit
    int j = magnitude < limit / scale ? max_short_decimals : 0;
    double power = j ? scale : 1;
    auto digits = static_cast<std::uint64_t>(magnitude * power + 0.5);
    if (static_cast<double>(digits) / power != magnitude)
        return nullptr;
    for (; j && digits % 10 == 0; --j)
        digits /= 10;
    char text[20];
    auto count = static_cast<int>(std::to_chars(text, text + sizeof text, digits).ptr - text);
    if (d < 0)
        *out++ = '-';
    if (count <= j) { // below 1: "0.", then the zeros after the point
        *out++ = '0';
        *out++ = '.';
        std::memset(out, '0', static_cast<std::size_t>(j - count));
        out += j - count;
        std::memcpy(out, text, static_cast<std::size_t>(count));
        return out + count;
    }
    std::memcpy(out, text, static_cast<std::size_t>(count - j));
    out += count - j;
    *out++ = '.';
    if (j == 0) {
        *out++ = '0';
        return out;
    }
    std::memcpy(out, text + count - j, static_cast<std::size_t>(j));
    return out + j;
}

// format_double for any finite `d`: std::to_chars's shortest digits, placed as repr() places them.
inline char* format_double_by_to_chars(char* out, double d) noexcept
{
    char sci[max_double_chars];
    auto res = std::to_chars(sci, sci + sizeof sci, d, std::chars_format::scientific);
    // "-d.ddde+XX": the sign, the digits around the point, 'e', a 2 or 3 digit exponent
    const char* p = sci;
    if (*p == '-')
        *out++ = *p++;
    const char* e = res.ptr[-4] == 'e' ? res.ptr - 4 : res.ptr - 5;
    int exponent = 0;
    for (const char* q = e + 2; q != res.ptr; ++q)
        exponent = exponent * 10 + (*q - '0');
    if (e[1] == '-')
        exponent = -exponent;
    // digits: the mantissa without its point
    char digits[20];
    digits[0] = p[0];
    int ndigits = 1;
    if (e - p > 1) {
        std::memcpy(digits + 1, p + 2, static_cast<std::size_t>(e - p - 2));
        ndigits = static_cast<int>(e - p - 1);
    }

    if (exponent >= -4 && exponent < 16) {
        if (exponent < 0) {
            *out++ = '0';
            *out++ = '.';
            for (int i = -1; i > exponent; --i)
                *out++ = '0';
            std::memcpy(out, digits, static_cast<std::size_t>(ndigits));
            out += ndigits;
        } else {
            int int_digits = exponent + 1;
            for (int i = 0; i < int_digits; ++i)
                *out++ = i < ndigits ? digits[i] : '0';
            *out++ = '.';
            if (ndigits > int_digits) {
                std::memcpy(out, digits + int_digits, static_cast<std::size_t>(ndigits - int_digits));
                out += ndigits - int_digits;
            } else {
                *out++ = '0';
            }
        }
        return out;
    }
    *out++ = digits[0];
    if (ndigits > 1) {
        *out++ = '.';
        std::memcpy(out, digits + 1, static_cast<std::size_t>(ndigits - 1));
        out += ndigits - 1;
    }
    *out++ = 'e';
    *out++ = exponent < 0 ? '-' : '+';
    int magnitude = exponent < 0 ? -exponent : exponent;
    if (magnitude < 10)
        *out++ = '0';
    return std::to_chars(out, out + 4, magnitude).ptr;
}

// Writes the shortest digits that read back as `d`, positioned the way repr()
// does: fixed notation for decimal exponents -4..15 ("0.0001", "1.5", "3.0"),
// scientific outside it ("1e-05", "1e+16", "1.2345e+20"). `d` must be finite.
inline char* format_double(char* out, double d) noexcept
{
    if (char* end = format_short_decimal(out, d))
        return end;
    return format_double_by_to_chars(out, d);
}

inline void append_double(std::string& out, double d)
{
    char buf[max_double_chars];
    out.append(buf, format_double(buf, d));
}

template <class Int> void append_integer(std::string& out, Int v)
{
    char buf[24];
    out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

} // namespace agent_engine::detail

#endif
