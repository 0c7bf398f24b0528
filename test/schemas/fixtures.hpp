#ifndef AGENT_ENGINE_TEST_SCHEMAS_FIXTURES_HPP
#define AGENT_ENGINE_TEST_SCHEMAS_FIXTURES_HPP

// The Python original's checkpoint files (test/data/python-original, its
// .agent_engine/tasks tree) and small file helpers for the tests that use them.

#include <agent_engine/core/error.hpp>

#include <boost/describe/enum_to_string.hpp>
#include <boost/test/tools/detail/print_helper.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

// Boost.Test prints the library's described enums by name.
namespace agent_engine {
template <class E>
    requires boost::describe::has_describe_enumerators<E>::value
std::ostream& operator<<(std::ostream& os, E e)
{
    return os << boost::describe::enum_to_string(e, "(invalid)");
}
} // namespace agent_engine

// ... and optionals as their value or "nullopt".
namespace boost::test_tools::tt_detail {
template <class T> struct print_log_value<std::optional<T>> {
    void operator()(std::ostream& os, const std::optional<T>& v)
    {
        if (v)
            print_log_value<T>()(os, *v);
        else
            os << "nullopt";
    }
};
} // namespace boost::test_tools::tt_detail

namespace fixtures {

inline std::filesystem::path root() { return AGENT_ENGINE_FIXTURES; }

// Every fixture file, sorted.
inline std::vector<std::filesystem::path> all()
{
    std::vector<std::filesystem::path> files;
    for (auto const& e : std::filesystem::recursive_directory_iterator(root()))
        if (e.is_regular_file() && e.path().extension() == ".json")
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

// A string member of an error's details ("" when absent).
inline std::string detail(const agent_engine::EngineError& e, const char* key)
{
    if (!e.details || !e.details->contains(key) || !e.details->at(key).is_string())
        return {};
    return std::string(e.details->at(key).get_string());
}

inline std::string read(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write(const std::filesystem::path& p, const std::string& bytes)
{
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
}

// Characters beyond the ASCII controls that act on a terminal or on the text
// around them: C1 controls (the first, NEL, CSI, the last), the line and
// paragraph separators and every bidi control. Ids cannot hold them and
// agent-tasks prints them escaped.
inline const std::vector<std::string> display_controls = {
    "\u0080", "\u0085", "\u009b", "\u009f", "\u2028", "\u2029", "\u061c", "\u200e", "\u200f",
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"};

// A fresh empty directory under the system's temp dir, removed on destruction.
class temp_dir {
    std::filesystem::path path_;

public:
    explicit temp_dir(const std::string& name)
        : path_(std::filesystem::temp_directory_path() /
                ("agent_engine_" + name + "_" + std::to_string(::getpid())))
    {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    ~temp_dir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const noexcept { return path_; }
};

} // namespace fixtures

#endif
