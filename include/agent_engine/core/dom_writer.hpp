#ifndef AGENT_ENGINE_CORE_DOM_WRITER_HPP
#define AGENT_ENGINE_CORE_DOM_WRITER_HPP

// dom_writer: a writer (see json_rule.hpp) that builds a boost::json::value.
// The rules that write text through text_writer build the DOM through this one,
// so to_dict and the direct text path cannot disagree.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

namespace agent_engine {

class dom_writer {
    boost::json::value root_;
    // Open containers, innermost last; `slot_` is where the value after a key goes.
    std::vector<boost::json::value*> open_;
    boost::json::value* slot_ = nullptr;

    template <class V> boost::json::value& emit(V&& v)
    {
        if (open_.empty()) {
            root_ = std::forward<V>(v);
            return root_;
        }
        boost::json::value& top = *open_.back();
        if (top.is_array())
            return top.get_array().emplace_back(std::forward<V>(v));
        *slot_ = std::forward<V>(v);
        return *slot_;
    }

    static void null_non_finite(boost::json::value& v)
    {
        if (v.is_double() && !std::isfinite(v.get_double()))
            v = nullptr;
        else if (v.is_array())
            for (auto& e : v.get_array())
                null_non_finite(e);
        else if (v.is_object())
            for (auto& m : v.get_object())
                null_non_finite(m.value());
    }

public:
    void null() { emit(nullptr); }
    void boolean(bool b) { emit(b); }
    void int64(std::int64_t v) { emit(v); }
    void uint64(std::uint64_t v) { emit(v); }
    void number(double v) { emit(v); }
    void string(std::string_view s) { emit(boost::json::string(s)); }
    void begin_object(std::size_t size_hint = 0)
    {
        auto& v = emit(boost::json::object());
        v.get_object().reserve(size_hint);
        open_.push_back(&v);
    }
    void end_object() { open_.pop_back(); }
    void begin_array(std::size_t size_hint = 0)
    {
        auto& v = emit(boost::json::array());
        v.get_array().reserve(size_hint);
        open_.push_back(&v);
    }
    void end_array() { open_.pop_back(); }
    void key(std::string_view k)
    {
        auto& obj = open_.back()->get_object();
        slot_ = &obj.insert_or_assign(k, nullptr).first->value();
    }
    void plain_key(std::string_view k) { key(k); }
    // As text_writer::value: a NaN or an infinity in a free-form value is null.
    void value(const boost::json::value& v) { null_non_finite(emit(v)); }

    boost::json::value release() { return std::move(root_); }
};

} // namespace agent_engine

#endif
