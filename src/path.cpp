// Paths as pydantic writes them: str() of a pathlib.PurePosixPath.
#include <agent_engine/core/rules/path.hpp>

namespace agent_engine::detail {

std::string python_path_text(std::string_view path)
{
    // POSIX keeps exactly two leading slashes (an implementation-defined root);
    // one, or three and more, are one.
    std::size_t leading = path.find_first_not_of('/');
    if (leading == std::string_view::npos)
        leading = path.size();
    std::string out = leading == 2 ? "//" : leading > 0 ? "/" : "";
    std::size_t root = out.size();
    std::size_t at = leading;
    while (at < path.size()) {
        std::size_t end = path.find('/', at);
        if (end == std::string_view::npos)
            end = path.size();
        std::string_view part = path.substr(at, end - at);
        if (!part.empty() && part != ".") {
            if (out.size() > root)
                out += '/';
            out.append(part);
        }
        at = end + 1;
    }
    if (out.empty()) // (a new string: g++ 12 -O2 warns, wrongly, of an overlap in assigning "." to `out`)
        return ".";
    return out;
}

} // namespace agent_engine::detail
