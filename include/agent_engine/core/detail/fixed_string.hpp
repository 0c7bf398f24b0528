#ifndef AGENT_ENGINE_CORE_DETAIL_FIXED_STRING_HPP
#define AGENT_ENGINE_CORE_DETAIL_FIXED_STRING_HPP

// A string literal as a template argument (discriminator<"kind">), so that what
// it names can be checked when the schema compiles.

#include <cstddef>
#include <string_view>

namespace agent_engine::detail {

template <std::size_t N> struct fixed_string {
    char text[N]{};
    constexpr fixed_string(const char (&s)[N]) noexcept // NOLINT: implicit, to take a literal
    {
        for (std::size_t i = 0; i < N; ++i)
            text[i] = s[i];
    }
    constexpr std::string_view view() const noexcept { return {text, N - 1}; }
};

} // namespace agent_engine::detail

#endif
