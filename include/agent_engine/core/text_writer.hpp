#ifndef AGENT_ENGINE_CORE_TEXT_WRITER_HPP
#define AGENT_ENGINE_CORE_TEXT_WRITER_HPP

// text_writer: a writer (see json_rule.hpp) that appends JSON text to a string,
// spelled exactly as Python's json.dumps spells it: ensure_ascii escapes,
// repr() numbers, and with an indent, `json.dumps(x, indent=2)` byte for byte
// up to json_format::max_indented_depth levels of nesting.

#include <agent_engine/core/detail/json_scan.hpp>
#include <agent_engine/core/detail/python_number.hpp>
#include <agent_engine/core/detail/spare_chunks.hpp>

#include <boost/assert.hpp>
#include <boost/config.hpp>
#include <boost/container/small_vector.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agent_engine {

struct json_format {
    // Spaces per level; 0 writes compact text with no spaces at all.
    unsigned indent = 2;
    // Characters outside ASCII escaped as \uXXXX (a surrogate pair above U+FFFF),
    // as json.dumps writes the original's files; false writes them as UTF-8, as
    // pydantic's model_dump_json does (a byte that starts no valid UTF-8
    // sequence is U+FFFD either way, and DEL is then written as is).
    bool ensure_ascii = true;

    // With an indent, a container nested deeper than this (the outermost is at
    // depth 1) is written compact, as with no indent, inside the indented text.
    // Indenting each line by its depth made the text of a document nested d
    // deep up to about d times its size (a 21 KB checkpoint 10,000 deep was
    // written as 200 MB); with no line indented by more than 64 spaces, the
    // text is at most 56 times the size of any text the value was read from
    // (doc/RELIABILITY.md). Real documents are far shallower, and are written
    // as json.dumps(indent=2) writes them.
    static constexpr std::size_t max_indented_depth = 32;

    static constexpr json_format pretty() noexcept { return {2}; }
    static constexpr json_format compact() noexcept { return {0}; }
};

// The text is appended to `out` by finish(), or when the writer is destroyed.
// Until then it goes into chunks of raw memory, so that each event is a few
// stores instead of a std::string append, and each byte is copied once: growing
// a string would copy the text at every doubling and clear the new room first.
// The chunks are the thread's spare ones where they suffice, and become its
// spare ones after (detail/spare_chunks.hpp).
// If writing throws (std::bad_alloc), `out` is left as it was. The destructor
// cannot report a failure to append: call finish() to hear of it.
//
// Each event is written by a function that takes where the text ends (`at`)
// and returns where it ends after, and the public call stores that in cur_.
// The cursor so goes from event to event in a register: had the functions the
// compiler keeps out of line loaded cur_ and stored it, each event would wait
// for the store of the one before (a small checkpoint's write was ~20% slower).
class text_writer {
    std::string& out_;
    std::vector<std::pair<detail::chunk, std::size_t>> filled_; // chunks and their lengths
    detail::chunk chunk_; // the chunk being written: text up to cur_
    char* cur_ = nullptr; // where the next byte goes, between public calls
    char* end_ = nullptr; // end of the room in chunk_
    unsigned format_indent_;
    unsigned indent_; // format_indent_, or 0 in a container deeper than max_indented_depth
    int exceptions_ = std::uncaught_exceptions(); // in flight when the writer was made
    // The container being written: an object's values follow their keys with no
    // separator of their own, and its first item has no comma. A lone value at
    // the top is written as an object's value. Enclosing containers wait in outer_.
    struct level {
        bool object = true;
        bool empty = true;
    };
    level top_;
    boost::container::small_vector<level, 32> outer_; // no allocation up to 32 deep
    bool ensure_ascii_;

    // Where `n` more bytes go after the text ending at `at`: `at`, or a new
    // chunk. Forced inline: at -O2 g++ kept it a call that saved six registers
    // on each of ~180 calls per small checkpoint.
    BOOST_FORCEINLINE char* room(char* at, std::size_t n)
    {
        if (!has_room(at, n)) [[unlikely]]
            return grow(at, n);
        return at;
    }
    // A new chunk of at least n bytes, the text ending at `at`; returns its start.
    // If an allocation throws, nothing has changed. Compiled
    // (src/text_writer.cpp), as are the escapes: rare calls, the same code for
    // every schema.
    char* grow(char* at, std::size_t n);
    // The filled chunks, their text appended or dropped, to the thread's spare ones.
    void spare_filled() noexcept
    {
        for (auto& [filled, size] : filled_)
            detail::spare_chunks::give(std::move(filled));
        filled_.clear();
    }
    BOOST_FORCEINLINE char* put(char* at, std::string_view s)
    {
        at = room(at, s.size());
        std::memcpy(at, s.data(), s.size());
        return at + s.size();
    }

    // Separator and line break before a value in an array (after a key in an
    // object, none), with room for `n` bytes after them: where the value goes.
    // The caller writes through the pointer it returns and returns where it ends.
    BOOST_FORCEINLINE char* begin_value(char* at, std::size_t n)
    {
        return start_value(room(at, value_room(n)));
    }
    // One check for room for the separator, the line break and the item's first `n` bytes.
    BOOST_FORCEINLINE char* begin_item(char* at, std::size_t n)
    {
        return start_item(room(at, 1 + line_room() + n));
    }
    // Room for a value of `n` bytes with what comes before it.
    std::size_t value_room(std::size_t n) const { return top_.object ? n : 1 + line_room() + n; }
    // '\n' and the indentation, and the room they take: spaces are stored 16 at a time
    std::size_t line_length() const { return indent_ ? outer_.size() * indent_ + 1 : 0; }
    std::size_t line_room() const { return indent_ ? line_length() + 16 : 0; }
    bool has_room(const char* at, std::size_t n) const { return static_cast<std::size_t>(end_ - at) >= n; }
    // begin_value and begin_item once there is room.
    BOOST_FORCEINLINE char* start_value(char* at) { return top_.object ? at : start_item(at); }
    BOOST_FORCEINLINE char* start_item(char* at)
    {
        std::size_t line = line_length();
        bool first = top_.empty;
        top_.empty = false;
        *at = ',';
        return line_break(at + !first, line);
    }
    // '\n' and line - 1 spaces at `out`, which has room for line + 15 bytes (line_room()).
    BOOST_FORCEINLINE static char* line_break(char* out, std::size_t line)
    {
        if (line) {
            *out = '\n';
            constexpr char spaces[] = "                ";
            static_assert(sizeof spaces == 17);
            for (std::size_t i = 1; i < line; i += 16)
                std::memcpy(out + i, spaces, 16);
            out += line;
        }
        return out;
    }
    // The depth of the container being written is outer_.size().
    BOOST_NOINLINE char* open(char* at, char c, bool object)
    {
        char* out = begin_value(at, 1);
        *out++ = c;
        outer_.push_back(top_);
        top_ = {object, true};
        if (outer_.size() == json_format::max_indented_depth + 1)
            indent_ = 0;
        return out;
    }
    BOOST_NOINLINE char* close(char* at, char c)
    {
        bool empty = top_.empty;
        top_ = outer_.back();
        outer_.pop_back();
        std::size_t line = empty ? 0 : line_length();
        char* out = line_break(room(at, line_room() + 1), line);
        *out++ = c;
        if (outer_.size() == json_format::max_indented_depth)
            indent_ = format_indent_;
        return out;
    }
    BOOST_NOINLINE char* literal(char* at, std::string_view s)
    {
        char* out = begin_value(at, s.size());
        std::memcpy(out, s.data(), s.size());
        return out + s.size();
    }
    char* null(char* at) { return literal(at, "null"); }
    char* boolean(char* at, bool b) { return literal(at, b ? std::string_view("true") : std::string_view("false")); }
    template <class Int> BOOST_NOINLINE char* integer(char* at, Int v)
    {
        char* out = begin_value(at, 24);
        return std::to_chars(out, out + 24, v).ptr;
    }
    BOOST_NOINLINE char* number(char* at, double v)
    {
        if (!std::isfinite(v)) [[unlikely]]
            return literal(at, std::isnan(v) ? "NaN" : v < 0 ? "-Infinity" : "Infinity");
        return detail::format_double(begin_value(at, detail::max_double_chars), v);
    }
    // The common case has no call, so no registers to save: growing and escaping are tail calls.
    BOOST_NOINLINE char* string(char* at, std::string_view s)
    {
        if (!has_room(at, value_room(s.size() + 2))) [[unlikely]]
            return reserve_then_string(at, s);
        return append_escaped(start_value(at), s);
    }
    BOOST_NOINLINE char* reserve_then_string(char* at, std::string_view s)
    {
        return append_escaped(begin_value(at, s.size() + 2), s);
    }
    // One check for room for the key, its quotes, ':' and the space after it.
    BOOST_NOINLINE char* key(char* at, std::string_view k)
    {
        char* out = append_escaped(begin_item(at, k.size() + 4), k);
        return end_key(room(out, 2)); // the room is there, unless escapes took it
    }
    // The ':' after a key ending at `out`, and the space pretty text puts after
    // it: the caller made room for both.
    BOOST_FORCEINLINE char* end_key(char* out)
    {
        out[0] = ':';
        out[1] = ' ';
        return out + 1 + (indent_ != 0);
    }
    // `s` quoted and escaped at `out`, which has room for s.size() + 2 bytes.
    // Returns where it ends.
    BOOST_FORCEINLINE char* append_escaped(char* out, std::string_view s);
    // The rest of a string from its first byte that needs an escape (to go at
    // `out`), and its closing quote.
    char* append_escaped_rest(char* out, const unsigned char* p, const unsigned char* end);

public:
    explicit text_writer(std::string& out, json_format format = {})
        : out_(out), format_indent_(format.indent), indent_(format.indent), ensure_ascii_(format.ensure_ascii)
    {}
    text_writer(const text_writer&) = delete;
    text_writer& operator=(const text_writer&) = delete;
    ~text_writer()
    {
        if (std::uncaught_exceptions() == exceptions_) { // else the write failed: `out` stays as it was
            try {
                finish();
            } catch (const std::bad_alloc&) {
                // `out` stays as it was (finish() appends all or nothing)
            }
        }
        spare_filled();
        detail::spare_chunks::give(std::move(chunk_));
    }

    // Frees the chunks the calling thread keeps for its next write (2 MiB at
    // most): for a thread that is done writing large texts but goes on living.
    static void release_thread_memory() noexcept { detail::spare_chunks::release(); }

    // Appends the text written so far to `out`: all of it, or on std::bad_alloc nothing.
    void finish()
    {
        auto in_chunk = static_cast<std::size_t>(cur_ - chunk_.bytes.get());
        std::size_t total = out_.size() + in_chunk;
        for (auto const& [text, size] : filled_)
            total += size;
        out_.reserve(total);
        for (auto const& [text, size] : filled_)
            out_.append(text.bytes.get(), size);
        out_.append(chunk_.bytes.get(), in_chunk);
        spare_filled();
        cur_ = chunk_.bytes.get();
    }

    BOOST_FORCEINLINE void null() { cur_ = null(cur_); }
    BOOST_FORCEINLINE void boolean(bool b) { cur_ = boolean(cur_, b); }
    BOOST_FORCEINLINE void int64(std::int64_t v) { cur_ = integer(cur_, v); }
    BOOST_FORCEINLINE void uint64(std::uint64_t v) { cur_ = integer(cur_, v); }
    // A float. Non-finite ones have no JSON spelling: written NaN, Infinity and
    // -Infinity, as json.dumps wrote the original's checkpoints (and as they are read).
    BOOST_FORCEINLINE void number(double v) { cur_ = number(cur_, v); }
    BOOST_FORCEINLINE void string(std::string_view s) { cur_ = string(cur_, s); }
    BOOST_FORCEINLINE void begin_object(std::size_t = 0) { cur_ = open(cur_, '{', true); }
    BOOST_FORCEINLINE void end_object() { cur_ = close(cur_, '}'); }
    BOOST_FORCEINLINE void begin_array(std::size_t = 0) { cur_ = open(cur_, '[', false); }
    BOOST_FORCEINLINE void end_array() { cur_ = close(cur_, ']'); }
    BOOST_FORCEINLINE void key(std::string_view k) { cur_ = key(cur_, k); }
    // A key with nothing to escape, as a schema's member names: copied as is.
    BOOST_FORCEINLINE void plain_key(std::string_view k)
    {
        BOOST_ASSERT(detail::is_plain_string(k));
        char* out = begin_item(cur_, k.size() + 4);
        *out++ = '"';
        std::memcpy(out, k.data(), k.size());
        out += k.size();
        *out++ = '"';
        cur_ = end_key(out);
    }
    // A free-form value, as pydantic dumps Any: a NaN or an infinity in it is
    // null. serialize() writes them as number() does, as json.dumps does.
    enum class non_finite_as { null, number };
    BOOST_FORCEINLINE void value(const boost::json::value& v, non_finite_as non_finite = non_finite_as::null)
    {
        cur_ = value(cur_, v, non_finite);
    }

private:
    char* value(char* at, const boost::json::value& v, non_finite_as non_finite);
};

// Most strings need no escape: one pass copies and checks them, with no call.
inline char* text_writer::append_escaped(char* out, std::string_view s)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    *out++ = '"';
    const auto* stop = detail::copy_string_run<true>(p, end, reinterpret_cast<unsigned char*>(out));
    out += stop - p;
    if (stop != end) [[unlikely]]
        return append_escaped_rest(out, stop, end);
    *out++ = '"';
    return out;
}

inline char* text_writer::value(char* at, const boost::json::value& v, non_finite_as non_finite)
{
    switch (v.kind()) {
    case boost::json::kind::null: return null(at);
    case boost::json::kind::bool_: return boolean(at, v.get_bool());
    case boost::json::kind::int64: return integer(at, v.get_int64());
    case boost::json::kind::uint64: return integer(at, v.get_uint64());
    case boost::json::kind::double_:
        if (non_finite == non_finite_as::null && !std::isfinite(v.get_double()))
            return null(at);
        return number(at, v.get_double());
    case boost::json::kind::string: return string(at, v.get_string());
    case boost::json::kind::array:
        at = open(at, '[', false);
        for (auto const& e : v.get_array())
            at = value(at, e, non_finite);
        return close(at, ']');
    case boost::json::kind::object:
        at = open(at, '{', true);
        for (auto const& m : v.get_object())
            at = value(key(at, m.key()), m.value(), non_finite);
        return close(at, '}');
    }
    return at;
}

} // namespace agent_engine

#endif
