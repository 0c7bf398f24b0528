#include <agent_engine/core/detail/python_repr.hpp>
#include <agent_engine/core/detail/utf8.hpp>

#include "python_printable_table.hpp"

#include <algorithm>
#include <iterator>

namespace agent_engine::detail {
namespace {

bool python_escapes(unsigned cp) noexcept
{
    if (cp < 0x80)
        return cp < 0x20 || cp == 0x7f;
    auto after = std::upper_bound(std::begin(python_escaped_ranges), std::end(python_escaped_ranges), cp,
                                  [](unsigned c, const code_point_range& r) { return c < r.first; });
    return after != std::begin(python_escaped_ranges) && cp <= std::prev(after)->last;
}

void append_escape(std::string& out, unsigned cp)
{
    constexpr char hex[] = "0123456789abcdef";
    int digits = cp < 0x100 ? 2 : cp < 0x10000 ? 4 : 8;
    out += cp < 0x100 ? "\\x" : cp < 0x10000 ? "\\u" : "\\U";
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out += hex[(cp >> shift) & 15];
}

} // namespace

void append_python_str(std::string& out, std::string_view s)
{
    // repr() prefers single quotes, and switches to double quotes when that
    // spares escaping: a ' inside and no ".
    bool has_single = s.find('\'') != std::string_view::npos;
    char quote = has_single && s.find('"') == std::string_view::npos ? '"' : '\'';
    out += quote;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : utf8_sequence_length(s, i);
        if (len == 0) { // not UTF-8 (the reader lets none through): the byte as it is
            out += s[i++];
            continue;
        }
        unsigned cp = len == 1 ? c : utf8_code_point(s, i, len);
        if (cp == '\\' || cp == static_cast<unsigned char>(quote)) {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (python_escapes(cp)) {
            append_escape(out, cp);
        } else {
            out.append(s, i, len);
        }
        i += len;
    }
    out += quote;
}

} // namespace agent_engine::detail
