#ifndef AGENT_ENGINE_CORE_TEXT_SOURCE_HPP
#define AGENT_ENGINE_CORE_TEXT_SOURCE_HPP

// text_source: JSON text read piece by piece as it is parsed (a file), so that
// from_json never holds all of it: only a window around the value being read.
// A source is read by offset, so a reader can go back to an earlier value (an
// error's input, a validator's input) by reading it again.

#include <agent_engine/core/result.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace agent_engine {

class text_source {
public:
    virtual ~text_source() = default;

    // Copies up to `size` bytes (size > 0) from `offset` into `out` and returns
    // how many: 0 only at the end of the text. A failure is an error (code io),
    // which from_json returns as it is.
    virtual Result<std::size_t> read(std::uint64_t offset, char* out, std::size_t size) const = 0;

    // All of the text, when the source already holds it in memory: a reader
    // then reads it in place.
    virtual std::optional<std::string_view> contiguous() const noexcept { return std::nullopt; }
};

// A text already in memory, owned.
class string_source final : public text_source {
    std::string text_;

public:
    explicit string_source(std::string text) noexcept : text_(std::move(text)) {}

    Result<std::size_t> read(std::uint64_t offset, char* out, std::size_t size) const override
    {
        if (offset >= text_.size())
            return std::size_t(0);
        std::size_t n = std::min<std::size_t>(size, text_.size() - offset);
        std::memcpy(out, text_.data() + offset, n);
        return n;
    }
    std::optional<std::string_view> contiguous() const noexcept override { return std::string_view(text_); }
};

} // namespace agent_engine

#endif
