#ifndef AGENT_ENGINE_RUNTIME_DETAIL_PROJECTS_NAMED_HPP
#define AGENT_ENGINE_RUNTIME_DETAIL_PROJECTS_NAMED_HPP

// The projects an operation over a store works on (copy, migrate): those named,
// each of which the store must hold, or all of them.

#include <agent_engine/runtime/task_store.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace agent_engine::detail {

// `named`, or every project of `store` when none is named; a named project the
// store does not hold is a not_found error ("project_not_found") naming all such,
// "No project 'p' in the {store_name}".
Result<std::vector<std::string>> projects_named(const task_store& store, const std::vector<std::string>& named,
                                                std::string_view store_name);

} // namespace agent_engine::detail

#endif
