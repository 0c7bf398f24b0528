#ifndef AGENT_ENGINE_CORE_RULES_JSON_VALUE_HPP
#define AGENT_ENGINE_CORE_RULES_JSON_VALUE_HPP

// Arbitrary JSON members: boost::json::value takes anything (pydantic's Any),
// boost::json::object any dictionary, boost::json::array any list.

#include <agent_engine/core/json_rule.hpp>
#include <agent_engine/core/rules/string.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <memory>

namespace agent_engine {

namespace detail {
// Puts `v` in `out` with its storage: an assignment would copy it into out's.
template <class Json> void replace_json(Json& out, Json&& v) noexcept
{
    std::destroy_at(&out);
    std::construct_at(&out, std::move(v));
}

// The object with its keys as the model being read takes a str (configured_str:
// stripped under str_strip_whitespace, cased under str_to_lower / _upper, as
// pydantic's dict[str, Any] keys are; its values, Any, are not). Keys that
// become one keep the first one's place and take the last value, as a Python
// dict assigned to again. Compiled (src/json_value.cpp), called only when the
// configuration changes a str.
void configure_changed_keys(boost::json::object& o, validation_context& ctx);
inline void configure_keys(boost::json::object& o, validation_context& ctx)
{
    if (ctx.str_config().strip_whitespace || ctx.str_config().to_case != letter_case::kept)
        configure_changed_keys(o, ctx);
}
} // namespace detail

template <> struct json_rule<boost::json::value> {
    template <class Writer> static void write(Writer& w, const boost::json::value& v) { w.value(v); }

    template <class Reader> static void read(Reader& r, boost::json::value& out, validation_context& ctx)
    {
        detail::replace_json(out, r.capture_to_keep());
        ctx.floor_match(validation_context::match_quality::strict); // pydantic: Any matches, never exactly
    }

    static std::string label() { return "any"; }
    static boost::json::value schema(schema_builder&) { return boost::json::object(); }
};

template <> struct json_rule<boost::json::object> {
    template <class Writer> static void write(Writer& w, const boost::json::object& v)
    {
        w.begin_object(v.size());
        for (auto const& m : v) {
            w.key(m.key());
            w.value(m.value());
        }
        w.end_object();
    }

    template <class Reader> static void read(Reader& r, boost::json::object& out, validation_context& ctx)
    {
        if (r.kind() != boost::json::kind::object)
            return ctx.fail(error_type::dict_type, [&] { return r.capture(); });
        boost::json::value v = r.capture_to_keep(); // null after a syntax error
        if (!v.is_object())
            return;
        detail::configure_keys(v.get_object(), ctx);
        detail::replace_json(out, std::move(v.get_object()));
        if (!out.empty()) // its values are Any
            ctx.floor_match(validation_context::match_quality::strict);
    }

    static std::string label() { return "dict[str,any]"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "object"}}; }
};

template <> struct json_rule<boost::json::array> {
    template <class Writer> static void write(Writer& w, const boost::json::array& v)
    {
        w.begin_array(v.size());
        for (auto const& e : v)
            w.value(e);
        w.end_array();
    }

    template <class Reader> static void read(Reader& r, boost::json::array& out, validation_context& ctx)
    {
        if (r.kind() != boost::json::kind::array)
            return ctx.fail(error_type::list_type, [&] { return r.capture(); });
        boost::json::value v = r.capture_to_keep(); // null after a syntax error
        if (v.is_array()) // an exact match: pydantic's list[Any] checks no item
            detail::replace_json(out, std::move(v.get_array()));
    }

    static std::string label() { return "list[any]"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "array"}}; }
};

} // namespace agent_engine

#endif
