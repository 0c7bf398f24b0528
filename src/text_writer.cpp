// The writer's compiled part: a new chunk when one is full, and a string's
// escapes, each a call where it is used and the same code for every schema.
#include <agent_engine/core/text_writer.hpp>

#include <agent_engine/core/detail/utf8.hpp>

#include <algorithm>
#include <memory>
#include <string_view>
#include <utility>

namespace agent_engine {

char* text_writer::grow(char* at, std::size_t n)
{
    // chunks double from 4 KiB to 1 MiB: a short text takes one, a long one wastes little
    constexpr std::size_t first_chunk = 4096;
    auto used = static_cast<std::size_t>(at - chunk_.bytes.get());
    if (used && filled_.size() == filled_.capacity()) // room first: a spare taken is not lost
        filled_.reserve(std::max<std::size_t>(8, 2 * filled_.size()));
    detail::chunk next = detail::spare_chunks::take(n);
    if (!next.bytes) {
        next.size = std::max(n, std::clamp(chunk_.size * 2, first_chunk, detail::spare_chunks::largest));
        next.bytes = std::make_unique_for_overwrite<char[]>(next.size);
    }
    if (used)
        filled_.emplace_back(std::move(chunk_), used); // cannot throw: the room is there
    else
        detail::spare_chunks::give(std::move(chunk_));
    chunk_ = std::move(next);
    // cur_ too, though the event goes on from the returned start: should the
    // event throw before it stores its end, cur_ stays in chunk_, not in a
    // chunk handed on (a caller that catches and then calls finish()).
    cur_ = chunk_.bytes.get();
    end_ = cur_ + chunk_.size;
    return cur_;
}

char* text_writer::append_escaped_rest(char* out, const unsigned char* p, const unsigned char* end)
{
    constexpr char hex[] = "0123456789abcdef";
    auto u_escape = [&](unsigned cp) {
        char buf[6] = {'\\', 'u', hex[(cp >> 12) & 15], hex[(cp >> 8) & 15], hex[(cp >> 4) & 15], hex[cp & 15]};
        out = put(out, std::string_view(buf, 6));
    };
    while (p != end) {
        unsigned char c = *p;
        if (c < 0x80) {
            switch (c) {
            case '"': out = put(out, "\\\""); break;
            case '\\': out = put(out, "\\\\"); break;
            case '\n': out = put(out, "\\n"); break;
            case '\r': out = put(out, "\\r"); break;
            case '\t': out = put(out, "\\t"); break;
            case '\b': out = put(out, "\\b"); break;
            case '\f': out = put(out, "\\f"); break;
            case 0x7f: // DEL: escaped by ensure_ascii only
                if (!ensure_ascii_) {
                    out = put(out, "\x7f");
                    break;
                }
                [[fallthrough]];
            default: u_escape(c);
            }
            ++p;
        } else {
            // A UTF-8 sequence: \uXXXX, with a surrogate pair above U+FFFF, or
            // as is without ensure_ascii. A byte that starts no valid sequence
            // becomes U+FFFD.
            std::string_view rest(reinterpret_cast<const char*>(p), static_cast<std::size_t>(end - p));
            std::size_t len = detail::utf8_sequence_length(rest, 0);
            unsigned cp = len ? detail::utf8_code_point(rest, 0, len) : 0xFFFD;
            if (!ensure_ascii_) {
                out = put(out, len ? rest.substr(0, len) : std::string_view("\xEF\xBF\xBD"));
            } else if (cp >= 0x10000) {
                cp -= 0x10000;
                u_escape(0xD800 + (cp >> 10));
                u_escape(0xDC00 + (cp & 0x3FF));
            } else {
                u_escape(cp);
            }
            p += len ? len : 1;
        }
        // The plain run that follows, a window at a time: asking for room for all
        // the rest of a long string at each escape would take a chunk each time.
        while (p != end) {
            const auto* window_end = p + std::min<std::size_t>(static_cast<std::size_t>(end - p), 4096);
            out = room(out, static_cast<std::size_t>(window_end - p));
            const auto* stop = detail::copy_string_run<true>(p, window_end, reinterpret_cast<unsigned char*>(out));
            out += stop - p;
            p = stop;
            if (stop != window_end)
                break; // the next byte needs an escape
        }
    }
    return put(out, "\"");
}

} // namespace agent_engine
