#ifndef AGENT_ENGINE_CORE_RULES_POINTER_HPP
#define AGENT_ENGINE_CORE_RULES_POINTER_HPP

// std::unique_ptr<T> and std::shared_ptr<T> are written as std::optional<T> is
// (rules/optional.hpp, the same rule): an empty pointer is null, null reads as
// empty, and a value read makes a new, default-constructed T and reads into it.
// pydantic's Optional[T]: label nullable[T], schema anyOf [T, null].
//
// With a pointer a schema can hold itself: a member std::unique_ptr<Node> (or
// std::vector<std::unique_ptr<Node>>, or std::vector<Node>) in Node; its JSON
// Schema refers to Node's definition ("$ref"). A struct with a unique_ptr is
// move-only, which every path takes (from_json / from_dict return it by value).
//
// Only the default deleter's unique_ptr, and pointers to non-const objects (a
// read fills the object). A shared_ptr is written as the value it points to:
// two pointers to one object are written twice and read back as two objects.

#include <agent_engine/core/detail/is_optional.hpp>
#include <agent_engine/core/rules/optional.hpp>

namespace agent_engine {

template <class P>
    requires detail::is_smart_pointer_v<P>
struct json_rule<P> : detail::nullable_rule<P> {};

} // namespace agent_engine

#endif
