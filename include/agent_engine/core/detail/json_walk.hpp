#ifndef AGENT_ENGINE_CORE_DETAIL_JSON_WALK_HPP
#define AGENT_ENGINE_CORE_DETAIL_JSON_WALK_HPP

// json_walker: consumes the value at the tokenizer's cursor with an explicit
// stack (depth costs no C++ stack), reporting it to a sink: skip() and capture()
// differ only in the sink. A sink has scalar(tokenizer), key(k), string(s),
// close_object(n) and close_array(n).

#include <agent_engine/core/detail/json_tokenizer.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

namespace agent_engine::detail {

// The sink that keeps nothing: the value's syntax is checked, nothing is built.
struct null_sink {
    void scalar(const json_tokenizer&) {}
    void key(std::string_view) {}
    void string(std::string_view) {}
    void close_object(std::size_t) {}
    void close_array(std::size_t) {}
};

class json_walker : public json_tokenizer {
public:
    using json_tokenizer::json_tokenizer;

protected:
    // The open containers, kept so that their memory is reused from one value
    // to the next.
    struct walk_frame {
        bool object;
        std::size_t count;
    };
    std::vector<walk_frame> walk_frames_;

    template <class Sink> void walk(Sink& sink)
    {
        std::vector<walk_frame>& frames = walk_frames_;
        frames.clear();
        if (frames.capacity() == 0)
            frames.reserve(16); // one allocation for a reader's values, rather than one per doubling
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
        member_key key = read_member_key();
        if (failed_)
            return false;
        sink.key(key.text);
        return key.colon_read || after_key();
    }
};

} // namespace agent_engine::detail

#endif
