#ifndef AGENT_ENGINE_CORE_DETAIL_STR_CONFIG_HPP
#define AGENT_ENGINE_CORE_DETAIL_STR_CONFIG_HPP

// How a model takes the str values of its own fields: its str_* configuration,
// resolved by schema_model and carried into reading by validation_context.

#include <cstddef>
#include <limits>

namespace agent_engine::detail {

enum class letter_case : unsigned char { kept, lower, upper };

struct str_config {
    bool strip_whitespace = false;             // AGENT_ENGINE_STR_STRIP_WHITESPACE
    letter_case to_case = letter_case::kept;   // AGENT_ENGINE_STR_TO_LOWER / _UPPER
    std::size_t min_length = 0;                // AGENT_ENGINE_STR_MIN_LENGTH
    std::size_t max_length = std::numeric_limits<std::size_t>::max(); // AGENT_ENGINE_STR_MAX_LENGTH

    constexpr bool bounds_length() const noexcept
    {
        return min_length != 0 || max_length != std::numeric_limits<std::size_t>::max();
    }
};

} // namespace agent_engine::detail

#endif
