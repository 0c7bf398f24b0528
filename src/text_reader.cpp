// The reader's compiled part: what builds a DOM from the text (a capture, for
// a json::value member or an error's input) and the key buffers, the same code
// for every schema.
#include <agent_engine/core/text_reader.hpp>

#include <utility>

namespace agent_engine {

boost::json::value text_reader::capture() { return build_value({}); }

boost::json::value text_reader::capture_to_keep()
{
    if (!kept_.in_arenas()) {
        std::size_t from = mark();
        boost::json::value v = capture();
        kept_.count(base_ + pos_ - from);
        return v;
    }
    return build_value(kept_.arena());
}

boost::json::value text_reader::capture(mark_type m) const
{
    if (source_)
        return text_reader(*source_, m, max_depth_).capture();
    return text_reader(text_.substr(m - base_), max_depth_).capture();
}

boost::json::value text_reader::build_value(boost::json::storage_ptr storage)
{
    if (state_ == state::consumed && !failed_)
        return capture(base_ + begin_);
    if (peek() != state::peeked)
        return nullptr;
    dom_.start(std::move(storage));
    walk(dom_);
    return failed_ ? boost::json::value() : dom_.release();
}

std::string& text_reader::key_buffer_at(std::size_t depth)
{
    if (!key_buffers_)
        key_buffers_.emplace();
    while (key_buffers_->size() <= depth)
        key_buffers_->emplace_back();
    return (*key_buffers_)[depth];
}

} // namespace agent_engine
