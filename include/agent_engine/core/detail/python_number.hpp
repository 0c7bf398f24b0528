#ifndef AGENT_ENGINE_CORE_DETAIL_PYTHON_NUMBER_HPP
#define AGENT_ENGINE_CORE_DETAIL_PYTHON_NUMBER_HPP

// Numbers spelled as Python's repr() and json.dumps() spell them, so that a file
// written by the Python original is re-written byte for byte.

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <system_error>

namespace agent_engine::detail {

// Enough for any double in Python's repr form (17 digits, sign, point, exponent).
inline constexpr std::size_t max_double_chars = 32;

// Writes the shortest digits that read back as `d`, positioned the way repr()
// does: fixed notation for decimal exponents -4..15 ("0.0001", "1.5", "3.0"),
// scientific outside it ("1e-05", "1e+16", "1.2345e+20"). `d` must be finite.
inline char* format_double(char* out, double d) noexcept
{
    char sci[max_double_chars];
    auto res = std::to_chars(sci, sci + sizeof sci, d, std::chars_format::scientific);
    char* end = res.ptr;
    char* p = sci;
    if (*p == '-')
        *out++ = *p++;
    char* e = static_cast<char*>(std::memchr(p, 'e', static_cast<std::size_t>(end - p)));
    int exponent = 0;
    std::from_chars(e[1] == '+' ? e + 2 : e + 1, end, exponent);
    // digits: the mantissa without its point
    char digits[20] = {};
    int ndigits = 0;
    for (char* q = p; q != e; ++q)
        if (*q != '.')
            digits[ndigits++] = *q;

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
