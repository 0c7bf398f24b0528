#ifndef AGENT_ENGINE_TEST_SCHEMAS_FIXTURES_HPP
#define AGENT_ENGINE_TEST_SCHEMAS_FIXTURES_HPP

// The Python original's checkpoint files (test/data/python-original, its
// .agent_engine/tasks tree) and small file helpers for the tests that use them.

#include <boost/describe/enum_to_string.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <fstream>
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
