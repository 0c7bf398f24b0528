#ifndef AGENT_ENGINE_CORE_TEXT_READER_HPP
#define AGENT_ENGINE_CORE_TEXT_READER_HPP

// text_reader: a reader (see dom_reader.hpp for the interface) straight over
// JSON text, with no DOM in between. The rules pull values from it exactly as
// they do from a dom_reader; a value a rule does not want is skipped (and still
// checked) without being built.
//
// parse_json builds its DOM with it too, so from_json and from_dict(parse_json)
// read the same numbers (correctly rounded, through std::from_chars; integers
// keep all 64 bits) and reject the same text. The checkpoint metadata reader
// (src/runtime/task_metadata.cpp) is from_json<TaskMetadata> on all or part of
// a checkpoint's text, so it reads the same values.
//
// A syntax error stops the read: failed() turns true, every further value reads
// as null and every loop ends, and error() describes the first problem.
//
// Over a text_source, the reader holds only a window of the text (64 KiB, more
// for a longer token) and reads on when a token reaches its end; what it gave
// out earlier (a key, a string) is valid until it reads on. Going back to an
// earlier value (capture(mark)) reads it again from the source.

#include <agent_engine/core/detail/json_scan.hpp>
#include <agent_engine/core/detail/utf8.hpp>
#include <agent_engine/core/detail/value_arena.hpp>
#include <agent_engine/core/error.hpp>
#include <agent_engine/core/text_source.hpp>
#include <agent_engine/core/text_writer.hpp>

#include <boost/config.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_stack.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace agent_engine {

// Nesting deeper than this is a json error, on every read (text, source, DOM).
// The Python original never writes a deeper document: pydantic's model_dump
// refuses an Any value nested deeper than about 255 ("Circular reference
// detected (depth exceeded)"); json.load reads about 990 levels, pydantic's own
// JSON parser about 200. 512 reads all it writes, with room to spare, and
// bounds what a hostile document can make every later step do per byte.
// Boost.JSON's default (32) rejects real agent outputs. The tokenizer keeps its
// own stack, so depth costs no C++ stack.
inline constexpr std::size_t max_json_depth = 512;

class text_reader {
public:
    using mark_type = std::size_t;

    explicit text_reader(std::string_view text, std::size_t max_depth = max_json_depth) noexcept
        : text_(text), max_depth_(max_depth)
    {
    }
    text_reader(const text_reader&) = delete;
    text_reader& operator=(const text_reader&) = delete;
    ~text_reader()
    {
        if (arena_)
            arena_->close();
    }

    // Reads the text of `source`.
    explicit text_reader(const text_source& source, std::size_t max_depth = max_json_depth)
        : text_reader(source, 0, max_depth)
    {
    }

    // Calls f(reader) with a reader of `value`, for a read that starts over from a
    // DOM (see settle_repeats): a text_reader of its text, so that a read from
    // text never compiles the rules for a dom_reader as well.
    template <class F> static void read_again(const boost::json::value& value, F&& f)
    {
        std::string text;
        text_writer writer(text, json_format::compact());
        writer.value(value);
        writer.finish();
        text_reader again(text);
        f(again);
    }

    boost::json::kind kind()
    {
        peek();
        return kind_;
    }

    bool get_bool() { return consume_scalar(), bool_; }
    std::int64_t get_int64() { return consume_scalar(), int64_; }
    std::uint64_t get_uint64() { return consume_scalar(), uint64_; }
    double get_double() { return consume_scalar(), double_; }
    std::string_view get_string()
    {
        peek();
        std::string_view s = kind_ == boost::json::kind::string ? read_string(pos_, scratch()) : std::string_view();
        state_ = state::consumed;
        return s;
    }

    std::size_t size_hint() const noexcept { return 0; }

    template <class F> void for_each_member(F&& f)
    {
        mark_type self = base_ + begin_;
        if (!enter(boost::json::kind::object))
            return;
        std::string& key_buffer = key_buffer_at(depth_);
        for (bool more = !close_if('}'); more && !failed_;) {
            skip_ws();
            if (!expect('"', "expected a key string"))
                break;
            std::string_view key = read_string(pos_ - 1, key_buffer);
            if (source_ && key.data() != key_buffer.data()) // the window moves under the member's read
                key = key_buffer.assign(key);
            skip_ws();
            if (failed_ || !expect(':', "expected ':' after a key"))
                break;
            visit_next(f, key);
            more = after_item('}');
        }
        leave(self);
    }

    template <class F> void for_each_element(F&& f)
    {
        mark_type self = base_ + begin_;
        if (!enter(boost::json::kind::array))
            return;
        std::size_t index = 0;
        for (bool more = !close_if(']'); more && !failed_;) {
            visit_next(f, index++);
            more = after_item(']');
        }
        leave(self);
    }

    // Consumes the current value, checking its syntax without building it.
    void skip()
    {
        if (peek() != state::peeked)
            return;
        null_sink sink;
        walk(sink);
    }

    // The current value as a DOM (consumed if it was not already: after a
    // scalar getter, the same scalar).
    boost::json::value capture() { return build_value({}); }

    // The same, for a json::value member to keep: its memory comes from the
    // reader's current value_arena (see detail/value_arena.hpp), once the values
    // kept so far span arenas_from bytes of text. Until then the default resource
    // costs less than an arena's blocks and the counted storage_ptr in each value.
    boost::json::value capture_to_keep()
    {
        if (kept_text_ < arenas_from) {
            std::size_t from = mark();
            boost::json::value v = capture();
            kept_text_ += base_ + pos_ - from;
            return v;
        }
        if (!arena_ || arena_->size() >= arena_span) {
            if (arena_)
                arena_->close();
            arena_storage_ = boost::json::make_shared_resource<detail::value_arena>(
                arena_ ? std::min(arena_->next_block_size(), detail::value_arena::max_block) : first_arena_block,
                arena_);
        }
        return build_value(arena_storage_);
    }

    mark_type mark()
    {
        peek();
        return base_ + begin_;
    }
    boost::json::value capture(mark_type m) const
    {
        if (source_)
            return text_reader(*source_, m, max_depth_).capture();
        return text_reader(text_.substr(m - base_), max_depth_).capture();
    }

    // After the root value: only whitespace may follow.
    bool finish()
    {
        if (!failed_ && state_ != state::consumed)
            skip();
        skip_ws();
        if (!failed_ && pos_ != text_.size())
            fail("extra data after the JSON value");
        return !failed_;
    }

    bool failed() const noexcept { return failed_; }

    // The first syntax problem: code json, details {reason, line, column, offset}.
    // A source's read failure is that error as it is.
    EngineError error() const
    {
        if (source_error_)
            return *source_error_;
        std::size_t line = 1, line_start = 0;
        auto count_lines = [&](std::string_view piece, std::size_t at) {
            for (std::size_t i = 0; i < piece.size(); ++i)
                if (piece[i] == '\n')
                    ++line, line_start = at + i + 1;
        };
        if (source_) { // the text before the error, read again
            char buf[4096];
            for (std::size_t at = 0; at < error_offset_;) {
                auto n = source_->read(at, buf, std::min(sizeof buf, error_offset_ - at));
                if (!n || n.value() == 0)
                    break;
                count_lines(std::string_view(buf, n.value()), at);
                at += n.value();
            }
        } else {
            count_lines(text_.substr(0, error_offset_ - base_), base_);
        }
        std::size_t column = error_offset_ - line_start + 1;
        std::string message = "Invalid JSON: " + error_reason_ + " at line " + std::to_string(line) + ", column " +
                              std::to_string(column) + " (char " + std::to_string(error_offset_) + ")";
        return make_error(EngineErrorCode::json, EngineErrorSource::json_engine, "invalid_json", std::move(message),
                          {{"reason", error_reason_}, {"line", line}, {"column", column}, {"offset", error_offset_}});
    }

private:
    enum class state { fresh, peeked, consumed };

    // Reads the text of `source` from `offset` on (capture(mark) goes back so).
    text_reader(const text_source& source, std::size_t offset, std::size_t max_depth) : max_depth_(max_depth)
    {
        if (auto whole = source.contiguous()) {
            text_ = whole->substr(std::min(offset, whole->size()));
            base_ = offset;
        } else {
            source_ = &source;
            base_ = offset;
            window_capacity_ = initial_window;
            window_ = std::make_unique_for_overwrite<char[]>(window_capacity_);
            text_ = std::string_view(window_.get(), 0);
        }
    }

    static constexpr std::size_t initial_window = 64 * 1024;

    // The text, or the window of it in memory (source mode): text_ holds the
    // bytes from offset base_ of the text on, and positions count from there.
    std::string_view text_;
    std::size_t base_ = 0;
    const text_source* source_ = nullptr;
    std::unique_ptr<char[]> window_;
    std::size_t window_capacity_ = 0;
    bool source_done_ = false;
    std::optional<EngineError> source_error_;

    std::size_t pos_ = 0;
    // Where the current value starts. Modulo 2^N: once the window has moved past
    // it, base_ + begin_ is still its offset in the text (which is all capture() needs).
    std::size_t begin_ = 0;
    std::size_t max_depth_;
    std::size_t depth_ = 0;
    state state_ = state::fresh;
    boost::json::kind kind_ = boost::json::kind::null;
    bool bool_ = false;
    std::int64_t int64_ = 0;
    std::uint64_t uint64_ = 0;
    double double_ = 0;
    bool failed_ = false;
    std::size_t error_offset_ = 0;
    std::string error_reason_;
    std::string string_scratch_;
    std::deque<std::string> key_buffers_; // one per depth: a key outlives the reads below it
    // walk()'s open containers and capture()'s DOM builder, kept so that their
    // memory is reused from one value to the next (a Task captures thousands).
    struct walk_frame {
        bool object;
        std::size_t count;
    };
    std::vector<walk_frame> walk_frames_;
    std::optional<boost::json::value_stack> dom_stack_;
    // capture_to_keep()'s arena, closed once it holds arena_span bytes.
    static constexpr std::size_t arenas_from = 16 * 1024, first_arena_block = 1024, arena_span = 256 * 1024;
    std::size_t kept_text_ = 0;
    boost::json::storage_ptr arena_storage_;
    detail::value_arena* arena_ = nullptr;

    boost::json::value build_value(boost::json::storage_ptr storage)
    {
        if (state_ == state::consumed && !failed_)
            return capture(base_ + begin_);
        if (peek() != state::peeked)
            return nullptr;
        if (!dom_stack_)
            dom_stack_.emplace();
        dom_stack_->reset(std::move(storage));
        dom_sink sink{*dom_stack_};
        walk(sink);
        return failed_ ? boost::json::value() : dom_stack_->release();
    }

    void fail(std::string_view reason)
    {
        if (failed_)
            return;
        failed_ = true;
        error_offset_ = base_ + std::min(pos_, text_.size());
        error_reason_ = reason;
        state_ = state::consumed;
        kind_ = boost::json::kind::null;
    }

    std::string& scratch() noexcept { return string_scratch_; }
    std::string& key_buffer_at(std::size_t depth)
    {
        while (key_buffers_.size() <= depth)
            key_buffers_.emplace_back();
        return key_buffers_[depth];
    }

    // Source mode: whether more text may follow the window.
    bool can_read_on() const noexcept { return source_ && !source_done_; }

    // Source mode: drops the window's bytes before `keep` (the start of what is
    // still needed: position `keep` becomes 0) and reads more text after the
    // rest; false when none came (the end, or a read error).
    BOOST_NOINLINE bool read_on(std::size_t keep)
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
            if (!n) { // the read fails, whatever is in the window already
                source_error_ = std::move(n).error();
                fail("the text could not be read");
            }
            return false;
        }
        text_ = std::string_view(window, kept + n.value());
        return true;
    }

    // Source mode: reads on until at least `n` bytes follow the cursor (or the
    // text ends), keeping the window from `keep`; returns how far positions moved.
    std::size_t ensure(std::size_t n, std::size_t keep)
    {
        std::size_t base = base_;
        while (text_.size() - pos_ < n && read_on(keep - (base_ - base))) {
        }
        return base_ - base;
    }

    // Called before every token, mostly where there is no whitespace or one space
    // (after a colon in pretty text): those tests are inlined, a longer run
    // (pretty text's indentation) is not.
    BOOST_FORCEINLINE void skip_ws()
    {
        if (pos_ < text_.size() && static_cast<unsigned char>(text_[pos_]) > ' ')
            return;
        if (pos_ + 1 < text_.size() && text_[pos_] == ' ' && static_cast<unsigned char>(text_[pos_ + 1]) > ' ') {
            ++pos_;
            return;
        }
        skip_ws_run();
    }
    BOOST_NOINLINE void skip_ws_run()
    {
        pos_ = static_cast<std::size_t>(scan_ws(text_.data() + pos_) - text_.data());
        if (pos_ == text_.size() && source_)
            skip_ws_across_windows();
    }
    const char* scan_ws(const char* p) const noexcept
    {
        const char* end = text_.data() + text_.size();
        while (p != end) {
            char c = *p;
            if (c == ' ')
                p = detail::skip_spaces(p, end);
            else if (c == '\n' || c == '\r' || c == '\t')
                ++p;
            else
                break;
        }
        return p;
    }
    BOOST_NOINLINE void skip_ws_across_windows()
    {
        while (pos_ == text_.size() && read_on(pos_))
            pos_ = static_cast<std::size_t>(scan_ws(text_.data()) - text_.data());
    }

    bool expect(char c, std::string_view reason)
    {
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        fail(pos_ < text_.size() ? reason : std::string_view("incomplete JSON"));
        return false;
    }

    bool literal(std::string_view word)
    {
        if (text_.size() - pos_ < word.size() && can_read_on())
            ensure(word.size(), pos_);
        if (text_.size() - pos_ >= word.size() && std::equal(word.begin(), word.end(), text_.data() + pos_)) {
            pos_ += word.size();
            return true;
        }
        fail(pos_ + word.size() > text_.size() && word.substr(0, text_.size() - pos_) == text_.substr(pos_)
                 ? "incomplete JSON"
                 : "syntax error");
        return false;
    }

    // Classifies the value at the cursor; scalars other than strings are read
    // whole, so kind() can tell int64 from uint64 from double as Boost.JSON does.
    BOOST_FORCEINLINE state peek()
    {
        if (state_ != state::fresh || failed_)
            return state_;
        return peek_fresh();
    }
    state peek_fresh()
    {
        skip_ws();
        begin_ = pos_;
        state_ = state::peeked;
        if (pos_ == text_.size()) {
            fail("incomplete JSON");
            return state_;
        }
        switch (text_[pos_]) {
        case '{': kind_ = boost::json::kind::object; break;
        case '[': kind_ = boost::json::kind::array; break;
        case '"': kind_ = boost::json::kind::string; break;
        case 't':
            kind_ = boost::json::kind::bool_;
            bool_ = true;
            literal("true");
            break;
        case 'f':
            kind_ = boost::json::kind::bool_;
            bool_ = false;
            literal("false");
            break;
        case 'n':
            kind_ = boost::json::kind::null;
            literal("null");
            break;
        default:
            if (source_)
                ensure_whole_number();
            read_number();
            break;
        }
        return state_;
    }

    // Source mode: reads on until the number at the cursor ends inside the window.
    void ensure_whole_number()
    {
        auto in_number = [](char c) {
            return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
        };
        std::size_t scanned = pos_;
        do {
            auto end = std::find_if_not(text_.begin() + scanned, text_.end(), in_number);
            scanned = static_cast<std::size_t>(end - text_.begin());
            if (scanned != text_.size())
                return;
            scanned -= pos_;
        } while (read_on(pos_));
    }

    void consume_scalar()
    {
        peek();
        state_ = state::consumed;
    }

    void read_number()
    {
        const char* first = text_.data() + pos_;
        const char* end = text_.data() + text_.size();
        const char* p = first;
        auto digits = [&] {
            const char* start = p;
            while (p != end && *p >= '0' && *p <= '9')
                ++p;
            return p != start;
        };
        bool negative = p != end && *p == '-';
        if (negative)
            ++p;
        const char* int_start = p;
        if (!digits())
            return fail(p == end ? "incomplete JSON" : "syntax error");
        if (*int_start == '0' && p - int_start > 1)
            return fail("syntax error"); // no leading zeros
        bool integral = true;
        if (p != end && *p == '.') {
            ++p;
            integral = false;
            if (!digits())
                return fail(p == end ? "incomplete JSON" : "syntax error");
        }
        if (p != end && (*p == 'e' || *p == 'E')) {
            ++p;
            integral = false;
            if (p != end && (*p == '+' || *p == '-'))
                ++p;
            if (!digits())
                return fail(p == end ? "incomplete JSON" : "syntax error");
        }
        pos_ = static_cast<std::size_t>(p - text_.data());
        if (integral && p - int_start <= 18) { // fits an int64 whatever the digits
            std::int64_t v = 0;
            for (const char* d = int_start; d != p; ++d)
                v = v * 10 + (*d - '0');
            kind_ = boost::json::kind::int64;
            int64_ = negative ? -v : v;
            return;
        }
        if (integral) {
            if (negative) {
                if (std::from_chars(first, p, int64_).ec == std::errc()) {
                    kind_ = boost::json::kind::int64;
                    return;
                }
            } else if (std::from_chars(first, p, uint64_).ec == std::errc()) {
                if (uint64_ <= static_cast<std::uint64_t>(INT64_MAX)) {
                    kind_ = boost::json::kind::int64;
                    int64_ = static_cast<std::int64_t>(uint64_);
                } else {
                    kind_ = boost::json::kind::uint64;
                }
                return;
            }
        }
        kind_ = boost::json::kind::double_;
        auto res = std::from_chars(first, p, double_);
        if (res.ec == std::errc::result_out_of_range) {
            // Too small to represent reads as zero, as in Python; too large is an error.
            if (decimal_magnitude(first, p) < 0) {
                double_ = negative ? -0.0 : 0.0;
                return;
            }
            pos_ = static_cast<std::size_t>(first - text_.data());
            fail("number out of range");
        }
    }

    // The power of ten of a valid JSON number's first significant digit
    // (saturating): "1e400" 400, "0.00012" -4, "1000e-403" -400.
    static long decimal_magnitude(const char* first, const char* last) noexcept
    {
        const char* e = std::find_if(first, last, [](char c) { return c == 'e' || c == 'E'; });
        long exponent = 0;
        if (e != last) {
            bool minus = e[1] == '-';
            for (const char* d = e + 1 + (e[1] == '-' || e[1] == '+'); d != last; ++d)
                exponent = std::min(exponent * 10 + (*d - '0'), 1L << 40);
            exponent = minus ? -exponent : exponent;
        }
        const char* point = std::find(first, e, '.');
        long integer_digits = 0;
        for (const char* c = first; c != point; ++c)
            integer_digits += *c >= '0' && *c <= '9';
        long index = 0; // of each digit, counted from the first integer digit
        for (const char* c = first; c != e; ++c) {
            if (*c < '0' || *c > '9')
                continue;
            if (*c != '0')
                return exponent + integer_digits - 1 - index;
            ++index;
        }
        return exponent;
    }

    // Reads the string whose opening quote is at `quote`; the result views the
    // text itself, or `buffer` when escapes had to be decoded. Most strings are
    // plain ASCII: one scan and no call.
    BOOST_FORCEINLINE std::string_view read_string(std::size_t quote, std::string& buffer)
    {
        const auto* s = reinterpret_cast<const unsigned char*>(text_.data());
        std::size_t start = quote + 1;
        pos_ = static_cast<std::size_t>(detail::find_string_special<false>(s + start, s + text_.size()) - s);
        if (pos_ != text_.size() && s[pos_] == '"') {
            ++pos_;
            return std::string_view(text_.data() + start, pos_ - 1 - start);
        }
        return read_string_rest(start, buffer);
    }

    // The rest of a string from `pos_`, its first special byte (`start` is the
    // first byte of its content).
    BOOST_NOINLINE std::string_view read_string_rest(std::size_t start, std::string& buffer)
    {
        const auto* s = reinterpret_cast<const unsigned char*>(text_.data());
        std::size_t n = text_.size();
        bool decoded = false;
        // Source mode: reads on so that the next escape or UTF-8 sequence is whole
        // in the window (\uXXXX\uXXXX is the longest), keeping the string read so
        // far while it is a view of the window.
        auto read_on_in_string = [&] {
            std::size_t moved = ensure(12, decoded ? pos_ : start);
            if (!decoded)
                start -= moved;
            s = reinterpret_cast<const unsigned char*>(text_.data());
            n = text_.size();
        };
        auto scan_run = [&] {
            std::size_t run = pos_;
            pos_ = static_cast<std::size_t>(detail::find_string_special<false>(s + pos_, s + n) - s);
            if (decoded)
                buffer.append(text_.data() + run, pos_ - run);
        };
        while (true) {
            if (pos_ == n) {
                if (!can_read_on()) {
                    fail("incomplete JSON");
                    return {};
                }
                read_on_in_string();
                scan_run();
                continue;
            }
            unsigned char c = s[pos_];
            if (c == '"') {
                ++pos_;
                return decoded ? std::string_view(buffer) : text_.substr(start, pos_ - 1 - start);
            }
            if (c < 0x20) {
                fail("illegal control character in string");
                return {};
            }
            if (n - pos_ < 12 && can_read_on()) {
                read_on_in_string();
                continue; // the same byte, with what follows it
            }
            if (c == '\\') {
                // the first escape: from here on the string is built in `buffer`
                if (!decoded) {
                    buffer.assign(text_.data() + start, pos_ - start);
                    decoded = true;
                }
                if (!read_escape(buffer))
                    return {};
            } else {
                std::size_t len = detail::utf8_sequence_length(text_, pos_);
                if (len == 0) {
                    fail("invalid UTF-8 in string");
                    return {};
                }
                if (decoded)
                    buffer.append(text_.data() + pos_, len);
                pos_ += len;
            }
            scan_run();
        }
    }

    bool read_escape(std::string& buffer)
    {
        ++pos_;
        if (pos_ >= text_.size()) {
            fail("incomplete JSON");
            return false;
        }
        char c = text_[pos_++];
        switch (c) {
        case '"': buffer += '"'; return true;
        case '\\': buffer += '\\'; return true;
        case '/': buffer += '/'; return true;
        case 'b': buffer += '\b'; return true;
        case 'f': buffer += '\f'; return true;
        case 'n': buffer += '\n'; return true;
        case 'r': buffer += '\r'; return true;
        case 't': buffer += '\t'; return true;
        case 'u': break;
        default: --pos_; fail("illegal escape in string"); return false;
        }
        unsigned cp = 0;
        if (!read_hex4(cp))
            return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low = 0;
            if (text_.substr(pos_, 2) != "\\u") {
                fail("illegal leading surrogate");
                return false;
            }
            pos_ += 2;
            if (!read_hex4(low))
                return false;
            if (low < 0xDC00 || low > 0xDFFF) {
                fail("illegal trailing surrogate");
                return false;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fail("illegal trailing surrogate");
            return false;
        }
        detail::append_utf8(buffer, cp);
        return true;
    }

    bool read_hex4(unsigned& out)
    {
        if (text_.size() - pos_ < 4) {
            fail("incomplete JSON");
            return false;
        }
        for (int i = 0; i < 4; ++i) {
            char h = text_[pos_];
            unsigned digit = h >= '0' && h <= '9'   ? unsigned(h - '0')
                             : h >= 'a' && h <= 'f' ? unsigned(h - 'a' + 10)
                             : h >= 'A' && h <= 'F' ? unsigned(h - 'A' + 10)
                                                    : 16u;
            if (digit == 16) {
                fail("expected a hex digit");
                return false;
            }
            out = out * 16 + digit;
            ++pos_;
        }
        return true;
    }


    // Container iteration: enter at '{' / '[', then items separated by ','.
    bool enter(boost::json::kind k)
    {
        if (peek() != state::peeked || kind_ != k)
            return false;
        if (++depth_ > max_depth_) {
            fail("JSON nested too deeply");
            return false;
        }
        pos_ = begin_ + 1;
        skip_ws();
        return true;
    }
    bool close_if(char close)
    {
        if (pos_ < text_.size() && text_[pos_] == close) {
            ++pos_;
            return true;
        }
        return false;
    }
    // After an item: true when another one follows.
    bool after_item(char close)
    {
        skip_ws();
        if (close_if(close))
            return false;
        return expect(',', close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
    }
    // Back on the container (`container_begin`, its mark), consumed, so that
    // capture() returns it whole.
    void leave(mark_type container_begin)
    {
        --depth_;
        begin_ = container_begin - base_;
        state_ = state::consumed;
    }
    template <class F, class Arg> void visit_next(F& f, Arg arg)
    {
        state_ = state::fresh;
        f(arg);
        if (state_ != state::consumed)
            skip();
    }

    // walk(): consumes the current value with an explicit stack, reporting it
    // to a sink; skip() and capture() differ only in the sink.
    struct null_sink {
        void scalar(const text_reader&) {}
        void key(std::string_view) {}
        void string(std::string_view) {}
        void close_object(std::size_t) {}
        void close_array(std::size_t) {}
    };
    struct dom_sink {
        boost::json::value_stack& stack;
        void scalar(const text_reader& r)
        {
            switch (r.kind_) {
            case boost::json::kind::null: stack.push_null(); break;
            case boost::json::kind::bool_: stack.push_bool(r.bool_); break;
            case boost::json::kind::int64: stack.push_int64(r.int64_); break;
            case boost::json::kind::uint64: stack.push_uint64(r.uint64_); break;
            case boost::json::kind::double_: stack.push_double(r.double_); break;
            default: break;
            }
        }
        void key(std::string_view k) { stack.push_key(k); }
        void string(std::string_view s) { stack.push_string(s); }
        void close_object(std::size_t n) { stack.push_object(n); }
        void close_array(std::size_t n) { stack.push_array(n); }
    };

    template <class Sink> void walk(Sink& sink)
    {
        std::vector<walk_frame>& frames = walk_frames_;
        frames.clear();
        while (!failed_) {
            // one value at the cursor (already peeked)
            if (kind_ == boost::json::kind::object || kind_ == boost::json::kind::array) {
                bool object = kind_ == boost::json::kind::object;
                if (++depth_ > max_depth_)
                    return fail("JSON nested too deeply");
                pos_ = begin_ + 1;
                skip_ws();
                if (close_if(object ? '}' : ']')) {
                    --depth_;
                    object ? sink.close_object(0) : sink.close_array(0);
                } else {
                    frames.push_back({object, 0});
                    if (object && !walk_key(sink))
                        return;
                    state_ = state::fresh;
                    peek();
                    continue;
                }
            } else if (kind_ == boost::json::kind::string) {
                sink.string(read_string(begin_, scratch()));
            } else {
                sink.scalar(*this);
            }
            // the value is complete: close every container it completes
            while (!failed_) {
                if (frames.empty()) {
                    state_ = state::consumed;
                    return;
                }
                walk_frame& top = frames.back();
                ++top.count;
                char close = top.object ? '}' : ']';
                if (after_item(close)) {
                    if (top.object && !walk_key(sink))
                        return;
                    state_ = state::fresh;
                    peek();
                    break;
                }
                if (failed_)
                    return;
                top.object ? sink.close_object(top.count) : sink.close_array(top.count);
                frames.pop_back();
                --depth_;
            }
        }
    }

    template <class Sink> bool walk_key(Sink& sink)
    {
        skip_ws();
        if (!expect('"', "expected a key string"))
            return false;
        std::string_view key = read_string(pos_ - 1, scratch());
        if (failed_)
            return false;
        sink.key(key);
        skip_ws();
        return expect(':', "expected ':' after a key");
    }
};

} // namespace agent_engine

#endif
