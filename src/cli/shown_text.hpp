#ifndef AGENT_TASKS_SHOWN_TEXT_HPP
#define AGENT_TASKS_SHOWN_TEXT_HPP

// The one escaping rule for text agent-tasks did not write, on a terminal and
// in an HTML report: each control (is_control_code_point: newline, ESC, DEL, C1,
// line separators, bidi controls) as an escape (\n, \x1b, \u202e) and each byte
// that is not UTF-8 as \xNN, so that nothing read from a store or a file can add
// a line, send a command or reorder what is shown around it.

#include <agent_engine/runtime/project_id.hpp>

#include <string>
#include <string_view>

namespace agent_tasks {

// Appends `s` to `out`, escaped. `own(out, cp)` is asked first about each code
// point and returns true when it appended that code point its own way (an HTML
// entity, a kept newline).
template <class Own> void append_shown(std::string& out, std::string_view s, Own own)
{
    auto hex = [&out](const char* prefix, unsigned value, int digits) {
        out += prefix;
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
            out += "0123456789abcdef"[(value >> shift) & 15];
    };
    for (std::size_t i = 0; i < s.size();) {
        auto [cp, len] = agent_engine::detail::code_point_at(s, i);
        if (len == 0)
            hex("\\x", static_cast<unsigned char>(s[i]), 2);
        else if (own(out, cp)) {
        } else if (!agent_engine::is_control_code_point(cp))
            out.append(s, i, len);
        else if (cp == '\n' || cp == '\r' || cp == '\t')
            out += cp == '\n' ? "\\n" : cp == '\r' ? "\\r" : "\\t";
        else
            hex(cp < 0x80 ? "\\x" : "\\u", cp, cp < 0x80 ? 2 : 4);
        i += len == 0 ? 1 : len;
    }
}

} // namespace agent_tasks

#endif
