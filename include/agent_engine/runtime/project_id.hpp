#ifndef AGENT_ENGINE_RUNTIME_PROJECT_ID_HPP
#define AGENT_ENGINE_RUNTIME_PROJECT_ID_HPP

// Task ids and project ids name files and directories under the storage root:
// {root}/{project_id}/{task_id}.json. These are the rules that keep them from
// naming anything else.

#include <agent_engine/core/detail/utf8.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace agent_engine {

// Longest file or directory name most filesystems accept (NAME_MAX).
inline constexpr std::size_t max_name_bytes = 255;

// The extension of a checkpoint file.
inline constexpr std::string_view checkpoint_extension = ".json";

// The bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E,
// U+2066-U+2069): invisible, they reorder how the text around them is shown,
// so "task-\u202Enosj.exe" reads as "task-exe.json".
constexpr bool is_bidi_control(char32_t cp) noexcept
{
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

// Code points that act on a terminal, or on the lines around them, instead of
// showing as a character: C0 controls (newline, ESC), DEL, C1 controls
// (U+0080-U+009F, among them CSI), the line and paragraph separators
// U+2028/U+2029 and the bidi controls. Ids cannot hold them, and agent-tasks
// prints them escaped.
constexpr bool is_control_code_point(char32_t cp) noexcept
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || is_bidi_control(cp);
}

namespace detail {

struct code_point_at_result {
    char32_t cp;
    std::size_t len; // 0: s[i] starts no well-formed UTF-8 sequence
};

// The code point that starts at s[i], ASCII or a well-formed UTF-8 sequence.
constexpr code_point_at_result code_point_at(std::string_view s, std::size_t i) noexcept
{
    auto u = static_cast<unsigned char>(s[i]);
    if (u < 0x80)
        return {u, 1};
    std::size_t len = utf8_sequence_length(s, i);
    return {len ? utf8_code_point(s, i, len) : 0, len};
}

} // namespace detail

// True when `name` is one plain directory entry name: non-empty, at most 255
// bytes, valid UTF-8 (the name is also stored in the checkpoint's JSON, which
// cannot hold other bytes), no '/', '\\', NUL or other control character
// (is_control_code_point: an id is shown to people, where a control would
// forge or reorder what they see), and not starting with '.' (which excludes
// ".", "..", hidden entries and the store's temporary files).
constexpr bool is_safe_name(std::string_view name) noexcept
{
    if (name.empty() || name.size() > max_name_bytes || name.front() == '.')
        return false;
    for (std::size_t i = 0; i < name.size();) {
        auto [cp, len] = detail::code_point_at(name, i);
        if (len == 0 || cp == '/' || cp == '\\' || is_control_code_point(cp))
            return false;
        i += len;
    }
    return true;
}

// True when `task_id` can name a checkpoint file ({task_id}.json fits in 255 bytes).
constexpr bool is_safe_task_id(std::string_view task_id) noexcept
{
    return is_safe_name(task_id) && task_id.size() + checkpoint_extension.size() <= max_name_bytes;
}

// The project a task id belongs to, by the convention task-{spec_id}-{suffix}:
// everything between the first and the last '-' (a spec id may contain '-').
// "default" when the id has fewer than three '-'-separated parts, as in the
// Python original, and also when the result would not be a safe directory name.
inline std::string extract_project_id(std::string_view task_id)
{
    std::size_t first = task_id.find('-');
    std::size_t last = task_id.rfind('-');
    if (first == std::string_view::npos || first == last)
        return "default";
    std::string_view project = task_id.substr(first + 1, last - first - 1);
    if (!is_safe_name(project))
        return "default";
    return std::string(project);
}

} // namespace agent_engine

#endif
