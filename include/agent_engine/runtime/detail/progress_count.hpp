#ifndef AGENT_ENGINE_RUNTIME_DETAIL_PROGRESS_COUNT_HPP
#define AGENT_ENGINE_RUNTIME_DETAIL_PROGRESS_COUNT_HPP

// progress_count: reports the items of one step to a progress_callback (when
// there is one), as task_store.hpp says: 0 when the step starts, then each item.

#include <agent_engine/runtime/task_store.hpp>

#include <cstddef>
#include <string_view>

namespace agent_engine::detail {

class progress_count {
    const progress_callback& report_;
    std::string_view step_;
    std::size_t done_ = 0, total_;

public:
    progress_count(const progress_callback& report, std::string_view step, std::size_t total)
        : report_(report), step_(step), total_(total)
    {
        if (report_)
            report_(step_, 0, total_);
    }
    void advance()
    {
        ++done_;
        if (report_)
            report_(step_, done_, total_);
    }
};

} // namespace agent_engine::detail

#endif
