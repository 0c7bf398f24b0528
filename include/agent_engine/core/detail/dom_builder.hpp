#ifndef AGENT_ENGINE_CORE_DETAIL_DOM_BUILDER_HPP
#define AGENT_ENGINE_CORE_DETAIL_DOM_BUILDER_HPP

// dom_builder: the json_walker sink that builds the value walked as a
// boost::json::value. Its stack is kept from one value to the next, so that its
// memory is reused (a Task captures thousands).

#include <agent_engine/core/detail/json_tokenizer.hpp>

#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_stack.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace agent_engine::detail {

class dom_builder {
public:
    dom_builder() = default;
    dom_builder(const dom_builder&) = delete; // its stack points into it
    dom_builder& operator=(const dom_builder&) = delete;

    // Starts a value whose memory comes from `storage`.
    void start(boost::json::storage_ptr storage)
    {
        if (!stack_)
            stack_.emplace(boost::json::storage_ptr(), first_stack_, sizeof first_stack_);
        stack_->reset(std::move(storage));
    }
    boost::json::value release() { return stack_->release(); }

    void scalar(const json_tokenizer& t)
    {
        switch (t.token_kind()) {
        case boost::json::kind::null: stack_->push_null(); break;
        case boost::json::kind::bool_: stack_->push_bool(t.bool_value()); break;
        case boost::json::kind::int64: stack_->push_int64(t.int64_value()); break;
        case boost::json::kind::uint64: stack_->push_uint64(t.uint64_value()); break;
        case boost::json::kind::double_: stack_->push_double(t.double_value()); break;
        default: break;
        }
    }
    void key(std::string_view k) { stack_->push_key(k); }
    void string(std::string_view s) { stack_->push_string(s); }
    void close_object(std::size_t n) { stack_->push_object(n); }
    void close_array(std::size_t n) { stack_->push_array(n); }

private:
    // The stack's memory until a value needs more: building a small value
    // allocates nothing but the value (the stack holds each key and each value
    // of the objects still open: 40 fit an object of 16 members and more).
    alignas(boost::json::value) unsigned char first_stack_[40 * sizeof(boost::json::value)];
    std::optional<boost::json::value_stack> stack_;
};

} // namespace agent_engine::detail

#endif
