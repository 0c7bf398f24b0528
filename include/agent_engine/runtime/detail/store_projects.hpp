#ifndef AGENT_ENGINE_RUNTIME_DETAIL_STORE_PROJECTS_HPP
#define AGENT_ENGINE_RUNTIME_DETAIL_STORE_PROJECTS_HPP

// The projects an operation over a store works on (copy, migrate, history):
// those named, each of which the store must hold, or all of them; and their
// documents, listed before any is read so that progress has its total.

#include <agent_engine/runtime/task_store.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace agent_engine::detail {

// `named`, or every project of `store` when none is named; a named project the
// store does not hold is a not_found error ("project_not_found") naming all such,
// "No project 'p' in the {store_name}".
Result<std::vector<std::string>> projects_named(const task_store& store, const std::vector<std::string>& named,
                                                std::string_view store_name);

// The ids of each project's documents (indexed like `projects`), and how many in all.
struct listed_documents {
    std::vector<std::vector<std::string>> ids;
    std::size_t total = 0;
};
Result<listed_documents> list_documents(const task_store& store, std::span<const std::string> projects);

} // namespace agent_engine::detail

#endif
