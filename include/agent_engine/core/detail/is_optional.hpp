#ifndef AGENT_ENGINE_CORE_DETAIL_IS_OPTIONAL_HPP
#define AGENT_ENGINE_CORE_DETAIL_IS_OPTIONAL_HPP

// The types that hold a T or nothing, written as T or null: std::optional and
// heap_optional, and the smart pointers std::unique_ptr (default deleter) and
// std::shared_ptr to a non-const, non-array T. Their rule, constraints and
// schema are the same.

#include <agent_engine/core/heap_optional.hpp>

#include <memory>
#include <type_traits>

namespace agent_engine::detail {

template <class T> inline constexpr bool is_optional_v = is_std_optional_v<T> || is_heap_optional_v<T>;

template <class T> inline constexpr bool is_fillable_pointee_v = !std::is_const_v<T> && !std::is_array_v<T>;
template <class> inline constexpr bool is_smart_pointer_v = false;
template <class T> inline constexpr bool is_smart_pointer_v<std::unique_ptr<T>> = is_fillable_pointee_v<T>;
template <class T> inline constexpr bool is_smart_pointer_v<std::shared_ptr<T>> = is_fillable_pointee_v<T>;

// Every type written as T or null.
template <class T> inline constexpr bool is_nullable_v = is_optional_v<T> || is_smart_pointer_v<T>;

// How a type that holds a T or nothing (O) gets a T: value_type, and emplace(),
// which makes a default T in it and returns it.
template <class O> struct nullable {
    using value_type = typename O::value_type;
    static value_type& emplace(O& o) { return o.emplace(); }
};
template <class T> struct nullable<std::unique_ptr<T>> {
    using value_type = T;
    static T& emplace(std::unique_ptr<T>& p)
    {
        p = std::make_unique<T>();
        return *p;
    }
};
template <class T> struct nullable<std::shared_ptr<T>> {
    using value_type = T;
    static T& emplace(std::shared_ptr<T>& p)
    {
        p = std::make_shared<T>();
        return *p;
    }
};

} // namespace agent_engine::detail

#endif
