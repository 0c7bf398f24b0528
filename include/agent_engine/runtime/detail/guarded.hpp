#ifndef AGENT_ENGINE_RUNTIME_DETAIL_GUARDED_HPP
#define AGENT_ENGINE_RUNTIME_DETAIL_GUARDED_HPP

// guarded(where, f): runs a task store operation returning Result, turning any
// exception it throws (bad_alloc, filesystem_error, system_error from a mutex,
// invalid_argument from a number conversion) into an io error about `where`:
// bad data, a failing disk or a failing server never throws out of a store.

#include <agent_engine/core/error.hpp>

#include <exception>
#include <string>
#include <string_view>

namespace agent_engine::detail {

template <class F> auto guarded(std::string_view where, F&& f) noexcept -> decltype(f())
{
    constexpr auto source = EngineErrorSource::task_manager;
    try {
        return f();
    } catch (const std::exception& e) {
        return make_error(EngineErrorCode::io, source, "io_failed",
                          "Cannot access " + std::string(where) + ": " + e.what(),
                          {{"path", where}, {"reason", e.what()}});
    } catch (...) {
        return make_error(EngineErrorCode::io, source, "io_failed", "Cannot access " + std::string(where),
                          {{"path", where}});
    }
}

} // namespace agent_engine::detail

#endif
