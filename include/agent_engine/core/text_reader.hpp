#ifndef AGENT_ENGINE_CORE_TEXT_READER_HPP
#define AGENT_ENGINE_CORE_TEXT_READER_HPP

// text_reader: a reader (see dom_reader.hpp for the interface) straight over
// JSON text, with no DOM in between. The rules pull values from it exactly as
// they do from a dom_reader; a value a rule does not want is skipped (and still
// checked) without being built.
//
// parse_json builds its DOM with it too, so from_json and from_dict(parse_json)
// read the same numbers (correctly rounded, as std::from_chars rounds; integers
// keep all 64 bits) and reject the same text. The checkpoint metadata reader
// (src/runtime/task_metadata.cpp) is from_json<TaskMetadata> on all or part of
// a checkpoint's text, so it reads the same values.
//
// A syntax error stops the read: failed() turns true, every further value reads
// as null and every loop ends, and error() describes the first problem.
//
// Over a text_source, the reader holds only a window of the text (see
// detail/text_window.hpp); what it gave out earlier (a key, a string) is valid
// until it reads on. Going back to an earlier value (capture(mark)) reads it
// again from the source.
//
// Its parts, in detail/: text_window (the text in memory), json_tokenizer (its
// tokens), json_walker (a whole value, to a sink), dom_builder (the sink that
// builds a DOM) and kept_value_memory (where kept values' memory comes from).

#include <agent_engine/core/detail/dom_builder.hpp>
#include <agent_engine/core/detail/json_walk.hpp>
#include <agent_engine/core/detail/kept_value_memory.hpp>
#include <agent_engine/core/error.hpp>
#include <agent_engine/core/text_source.hpp>
#include <agent_engine/core/text_writer.hpp>

#include <boost/json/value.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

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

class text_reader : private detail::json_walker {
public:
    using mark_type = std::size_t;

    explicit text_reader(std::string_view text, std::size_t max_depth = max_json_depth) noexcept
        : json_walker(text, max_depth)
    {
    }
    text_reader(const text_reader&) = delete;
    text_reader& operator=(const text_reader&) = delete;

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
        writer.value(value, text_writer::non_finite_as::number); // read back as they were
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
    // Inline, so that a str member's value is read where its kind was tested.
    BOOST_FORCEINLINE std::string_view get_string()
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
        for (bool more = !close_if('}'); more && !failed_;) {
            member_key key = read_member_key();
            if (failed_)
                break;
            // Most keys are views of the text. One decoded into the scratch
            // buffer, or in a window that moves on (source mode), must outlive
            // the reads below it: it is kept in its depth's buffer.
            if (source_ || key.text.data() == scratch().data())
                key.text = key_buffer_at(depth_).assign(key.text);
            if (!to_member_value(key.colon_read))
                break;
            visit(f, key.text);
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
            state_ = state::fresh;
            visit(f, index++);
            more = after_item(']');
        }
        leave(self);
    }

    // Consumes the current value, checking its syntax without building it.
    void skip()
    {
        if (peek() != state::peeked)
            return;
        detail::null_sink sink;
        walk(sink);
    }

    // The current value as a DOM (consumed if it was not already: after a
    // scalar getter, the same scalar). The captures are compiled
    // (src/text_reader.cpp): each is a call where it is used, and building a
    // DOM is the same code for every schema.
    boost::json::value capture();

    // The same, for a json::value member to keep, its memory from
    // detail::kept_value_memory.
    boost::json::value capture_to_keep();

    mark_type mark()
    {
        peek();
        return base_ + begin_;
    }
    boost::json::value capture(mark_type m) const;

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

    using json_tokenizer::error;
    using json_tokenizer::failed;

private:
    // Reads the text of `source` from `offset` on (capture(mark) goes back so).
    text_reader(const text_source& source, std::size_t offset, std::size_t max_depth)
        : json_walker(source, offset, max_depth)
    {
    }

    // One per depth, made at the first key that needs one (a deque allocates
    // as it is made); a deque, so that a buffer stays where it is.
    std::optional<std::deque<std::string>> key_buffers_;
    detail::dom_builder dom_;
    detail::kept_value_memory kept_;

    boost::json::value build_value(boost::json::storage_ptr storage);
    std::string& key_buffer_at(std::size_t depth);

    // Back on the container (`container_begin`, its mark), consumed, so that
    // capture() returns it whole.
    void leave(mark_type container_begin)
    {
        --depth_;
        begin_ = container_begin - base_;
        state_ = state::consumed;
    }
    // f(arg) on the value at the cursor (fresh or peeked), skipped if f leaves it.
    template <class F, class Arg> void visit(F& f, Arg arg)
    {
        f(arg);
        if (state_ != state::consumed)
            skip();
    }
};

} // namespace agent_engine

#endif
