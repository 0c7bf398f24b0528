#ifndef AGENT_ENGINE_CORE_DOM_READER_HPP
#define AGENT_ENGINE_CORE_DOM_READER_HPP

// dom_reader: a reader (see json_rule.hpp) over a parsed boost::json::value.
//
// A reader is a cursor on one JSON value. A rule looks at kind(), then consumes
// the value once at most: with a scalar getter of that kind, by iterating its
// members or elements, or with capture(), which hands the value over as a DOM
// (for the `input` of an error), or capture_to_keep() (for json::value
// members), or with skip(). A value the rule leaves (the input of an error that
// is only counted) the reader skips.

#include <boost/json/value.hpp>

#include <cstdint>
#include <string_view>

namespace agent_engine {

class dom_reader {
    const boost::json::value* cur_;

public:
    // A position whose value capture(mark) can still return later.
    using mark_type = const boost::json::value*;

    explicit dom_reader(const boost::json::value& v) noexcept : cur_(&v) {}

    // Calls f(reader) with a reader of `value`, for a read that starts over from a
    // DOM (see settle_repeats).
    template <class F> static void read_again(const boost::json::value& value, F&& f)
    {
        dom_reader again(value);
        f(again);
    }

    boost::json::kind kind() const noexcept { return cur_->kind(); }

    bool get_bool() const noexcept { return cur_->get_bool(); }
    std::int64_t get_int64() const noexcept { return cur_->get_int64(); }
    std::uint64_t get_uint64() const noexcept { return cur_->get_uint64(); }
    double get_double() const noexcept { return cur_->get_double(); }
    std::string_view get_string() const noexcept { return cur_->get_string(); }

    // Elements (array) or members (object) of the current value, when known.
    std::size_t size_hint() const noexcept
    {
        return cur_->is_array() ? cur_->get_array().size() : cur_->is_object() ? cur_->get_object().size() : 0;
    }

    // Calls f(key) with the cursor on each member's value, in input order.
    template <class F> void for_each_member(F&& f)
    {
        const boost::json::value* self = cur_;
        for (auto const& m : self->get_object()) {
            cur_ = &m.value();
            f(std::string_view(m.key()));
        }
        cur_ = self;
    }

    // Calls f(index) with the cursor on each element, in order.
    template <class F> void for_each_element(F&& f)
    {
        const boost::json::value* self = cur_;
        std::size_t i = 0;
        for (auto const& e : self->get_array()) {
            cur_ = &e;
            f(i++);
        }
        cur_ = self;
    }

    void skip() const noexcept {}
    // Copies with the default resource: nothing read keeps the input's storage.
    boost::json::value capture() const { return capture(cur_); }
    boost::json::value capture_to_keep() const { return capture(cur_); }
    mark_type mark() const noexcept { return cur_; }
    boost::json::value capture(mark_type m) const { return boost::json::value(*m, boost::json::storage_ptr()); }
};

} // namespace agent_engine

#endif
