#ifndef AGENT_ENGINE_CORE_RULES_OPTIONAL_HPP
#define AGENT_ENGINE_CORE_RULES_OPTIONAL_HPP

// std::optional<T>: an empty optional is written as null; null reads as empty.
// A missing key leaves the member at its default, which for an optional is empty.

#include <agent_engine/core/json_rule.hpp>

#include <optional>

namespace agent_engine {

template <class T> struct json_rule<std::optional<T>> {
    template <class Writer> static void write(Writer& w, const std::optional<T>& v)
    {
        if (v)
            rule_of<T>::write(w, *v);
        else
            w.null();
    }

    template <class Reader> static void read(Reader& r, std::optional<T>& out, validation_context& ctx)
    {
        if (r.kind() == boost::json::kind::null) {
            r.skip();
            out.reset();
            return;
        }
        out.emplace(); // a value read from input starts from T's own defaults
        rule_of<T>::read(r, *out, ctx);
    }

    static std::string label() { return "nullable[" + rule_of<T>::label() + "]"; }
    static boost::json::value schema(schema_builder& b)
    {
        return {{"anyOf", boost::json::array{rule_of<T>::schema(b), {{"type", "null"}}}}};
    }
};

} // namespace agent_engine

#endif
