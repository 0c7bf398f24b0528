#ifndef AGENT_ENGINE_CORE_DETAIL_IS_OPTIONAL_HPP
#define AGENT_ENGINE_CORE_DETAIL_IS_OPTIONAL_HPP

// The types that hold a T or nothing, written as T or null: std::optional and
// heap_optional. Their rule, constraints and schema are the same.

#include <agent_engine/core/heap_optional.hpp>

namespace agent_engine::detail {

template <class T> inline constexpr bool is_optional_v = is_std_optional_v<T> || is_heap_optional_v<T>;

} // namespace agent_engine::detail

#endif
