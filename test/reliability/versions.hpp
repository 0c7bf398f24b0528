#ifndef AGENT_ENGINE_TEST_RELIABILITY_VERSIONS_HPP
#define AGENT_ENGINE_TEST_RELIABILITY_VERSIONS_HPP

// Versions of one task that crashing or concurrent writers save, each
// recognisable after a load: stage "s" holds {"marker": M, "blob": B} where B is
// `size` copies of the marker's first letter. A load that returns anything
// else (a mix, a cut) is a torn read.

#include "../schemas/fixtures.hpp"

#include <agent_engine/runtime/task_manager.hpp>

#include <sys/mman.h>
#include <sys/wait.h>

#include <csignal>
#include <new>
#include <set>
#include <string>
#include <system_error>

namespace reliability {

using namespace agent_engine;

inline TaskSpec spec_of(const std::string& spec_id)
{
    TaskSpec s;
    s.task_spec_id = spec_id;
    s.request = "survive";
    return s;
}

// A result's error message, "" on success (for assertion messages, which
// Boost.Test evaluates whether or not the check fails).
template <class R> std::string error_text(const R& result) { return result ? std::string() : result.error().message; }

// The stage record of the version `marker` with a blob of `size` bytes.
inline StageExecutionRecord version_record(const std::string& marker, std::size_t size)
{
    StageExecutionRecord r;
    r.output = boost::json::object{{"marker", marker}, {"blob", std::string(size, marker.at(0))}};
    return r;
}

// Makes `marker` the task's current version in `tm` (the task must be held).
inline void set_version(TaskManager& tm, const std::string& task_id, const std::string& marker, std::size_t size)
{
    auto recorded = tm.record_stage_result(task_id, "s", version_record(marker, size));
    if (!recorded)
        throw std::runtime_error(recorded.error().message);
}

// The marker of a loaded task, or "" when the task is not a whole version of
// one of `sizes` (marker → blob size).
inline std::string marker_of(const Task& task, const std::map<std::string, std::size_t>& sizes)
{
    auto it = task.stage_results.find("s");
    if (it == task.stage_results.end() || !it->second.output.is_object())
        return {};
    auto const& out = it->second.output.get_object();
    auto const* marker = out.if_contains("marker");
    auto const* blob = out.if_contains("blob");
    if (!marker || !marker->is_string() || !blob || !blob->is_string())
        return {};
    std::string m(marker->get_string());
    auto size = sizes.find(m);
    if (size == sizes.end() || blob->get_string() != std::string(size->second, m.at(0)))
        return {};
    return m;
}

// Every name in `dir`, sorted.
inline std::set<std::string> entries(const std::filesystem::path& dir)
{
    std::set<std::string> names;
    for (auto const& e : std::filesystem::directory_iterator(dir))
        names.insert(e.path().filename().string());
    return names;
}

// Runs `body` in a forked child that exits 0 when it returns true, 1 otherwise
// (or on an exception). The parent must hold no lock another thread might own.
template <class Body> pid_t fork_child(Body body)
{
    pid_t pid = ::fork();
    if (pid == 0) {
        int status = 1;
        try {
            status = body() ? 0 : 1;
        } catch (...) {
        }
        ::_exit(status);
    }
    return pid;
}

// A T in an anonymous MAP_SHARED mapping: made before a fork, the parent and
// its children see each other's writes to it (through lock-free atomics).
template <class T> class shared_memory {
    T* p_;

public:
    shared_memory()
    {
        void* p = ::mmap(nullptr, sizeof(T), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            throw std::system_error(errno, std::generic_category(), "mmap");
        p_ = new (p) T();
    }
    shared_memory(const shared_memory&) = delete;
    shared_memory& operator=(const shared_memory&) = delete;
    ~shared_memory()
    {
        p_->~T();
        ::munmap(p_, sizeof(T));
    }
    T& operator*() const { return *p_; }
    T* operator->() const { return p_; }
};

// The child's wait status.
inline int wait_child(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

} // namespace reliability

#endif
