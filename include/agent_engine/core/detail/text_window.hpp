#ifndef AGENT_ENGINE_CORE_DETAIL_TEXT_WINDOW_HPP
#define AGENT_ENGINE_CORE_DETAIL_TEXT_WINDOW_HPP

// text_window: the JSON text a text_reader reads, in memory: all of it, or over a
// text_source a window of it (64 KiB, more for a longer token) that reads on when
// a token reaches its end.
//
// Positions count from the window's first byte, which is base_ bytes into the
// text: base_ + p is a position's offset in the text. When the window moves on
// it moves the positions the tokenizer holds (the cursor, the current value's
// start) back with it, so that they still index the same bytes.

#include <agent_engine/core/error.hpp>
#include <agent_engine/core/text_source.hpp>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>

namespace agent_engine::detail {

class text_window {
public:
    explicit text_window(std::string_view text) noexcept : text_(text) {}

    // The text of `source` from `offset` on.
    text_window(const text_source& source, std::size_t offset)
    {
        base_ = offset;
        if (auto whole = source.contiguous()) {
            text_ = whole->substr(std::min(offset, whole->size()));
        } else {
            source_ = &source;
            window_capacity_ = initial_window;
            window_ = std::make_unique_for_overwrite<char[]>(window_capacity_);
            text_ = std::string_view(window_.get(), 0);
        }
    }
    text_window(const text_window&) = delete;
    text_window& operator=(const text_window&) = delete;

    // Source mode: whether more text may follow the window.
    bool can_read_on() const noexcept { return source_ && !source_done_; }

    // Calls f(piece, offset) with the text before `offset`, in order: from the
    // window, or from the source read again.
    template <class F> void for_each_piece_before(std::size_t offset, F f) const
    {
        if (!source_) {
            f(text_.substr(0, offset - base_), base_);
            return;
        }
        char buf[4096];
        for (std::size_t at = 0; at < offset;) {
            auto n = source_->read(at, buf, std::min(sizeof buf, offset - at));
            if (!n || n.value() == 0)
                break;
            f(std::string_view(buf, n.value()), at);
            at += n.value();
        }
    }

protected:
    static constexpr std::size_t initial_window = 64 * 1024;

    // The text, or the window of it in memory (source mode): text_ holds the
    // bytes from offset base_ of the text on.
    std::string_view text_;
    std::size_t base_ = 0;
    const text_source* source_ = nullptr;
    std::unique_ptr<char[]> window_;
    std::size_t window_capacity_ = 0;
    bool source_done_ = false;
    std::optional<EngineError> source_error_; // the source's read failure, as it is

    // The cursor, and where the current value starts. Modulo 2^N: once the
    // window has moved past it, base_ + begin_ is still its offset in the text
    // (which is all capture() needs).
    std::size_t pos_ = 0;
    std::size_t begin_ = 0;

    // Source mode: drops the window's bytes before `keep` (the start of what is
    // still needed: position `keep` becomes 0) and reads more text after the
    // rest; false when none came (the end, or a read error: source_error_).
    bool move_on(std::size_t keep)
    {
        if (!can_read_on())
            return false;
        std::size_t kept = text_.size() - keep;
        char* window = window_.get();
        if (kept > window_capacity_ / 2) { // a long token: a bigger window
            auto bigger = std::make_unique_for_overwrite<char[]>(window_capacity_ * 2);
            std::memcpy(bigger.get(), text_.data() + keep, kept);
            window_ = std::move(bigger);
            window_capacity_ *= 2;
            window = window_.get();
        } else {
            std::memmove(window, text_.data() + keep, kept);
        }
        std::size_t text_end = base_ + text_.size();
        base_ += keep;
        pos_ -= keep;
        begin_ -= keep;
        text_ = std::string_view(window, kept);
        auto n = source_->read(text_end, window + kept, window_capacity_ - kept);
        if (!n || n.value() == 0) {
            source_done_ = true;
            if (!n) // the read fails, whatever is in the window already
                source_error_ = std::move(n).error();
            return false;
        }
        text_ = std::string_view(window, kept + n.value());
        return true;
    }
};

} // namespace agent_engine::detail

#endif
