#ifndef AGENT_ENGINE_CORE_DETAIL_STANDARD_INTEGER_HPP
#define AGENT_ENGINE_CORE_DETAIL_STANDARD_INTEGER_HPP

// The integer types a JSON integer is read into: every std::integral but bool
// and the character types, which hold text, not numbers (and which std::cmp_less
// and its kin refuse). signed char and unsigned char (std::int8_t, std::uint8_t)
// are integers.

#include <concepts>
#include <type_traits>

namespace agent_engine::detail {

template <class T>
inline constexpr bool is_character_v =
    std::is_same_v<std::remove_cv_t<T>, char> || std::is_same_v<std::remove_cv_t<T>, wchar_t> ||
    std::is_same_v<std::remove_cv_t<T>, char8_t> || std::is_same_v<std::remove_cv_t<T>, char16_t> ||
    std::is_same_v<std::remove_cv_t<T>, char32_t>;

template <class T>
concept standard_integer = std::integral<T> && !std::is_same_v<std::remove_cv_t<T>, bool> && !is_character_v<T>;

} // namespace agent_engine::detail

#endif
