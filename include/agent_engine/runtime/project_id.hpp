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

// True when `name` is one plain directory entry name: non-empty, at most 255
// bytes, valid UTF-8 (the name is also stored in the checkpoint's JSON, which
// cannot hold other bytes), no '/', '\\', NUL or control character, and not
// starting with '.' (which excludes ".", "..", hidden entries and the store's
// temporary files).
constexpr bool is_safe_name(std::string_view name) noexcept
{
    if (name.empty() || name.size() > max_name_bytes || name.front() == '.')
        return false;
    for (std::size_t i = 0; i < name.size();) {
        auto u = static_cast<unsigned char>(name[i]);
        if (u >= 0x80) {
            std::size_t len = detail::utf8_sequence_length(name, i);
            if (len == 0)
                return false;
            i += len;
            continue;
        }
        if (u < 0x20 || u == 0x7f || u == '/' || u == '\\')
            return false;
        ++i;
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
