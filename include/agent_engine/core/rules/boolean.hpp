#ifndef AGENT_ENGINE_CORE_RULES_BOOLEAN_HPP
#define AGENT_ENGINE_CORE_RULES_BOOLEAN_HPP

#include <agent_engine/core/json_rule.hpp>

namespace agent_engine {

template <> struct json_rule<bool> {
    template <class Writer> static void write(Writer& w, bool v) { w.boolean(v); }

    template <class Reader> static void read(Reader& r, bool& out, validation_context& ctx)
    {
        if (r.kind() == boost::json::kind::bool_)
            out = r.get_bool();
        else
            ctx.fail(error_type::bool_type, [&] { return r.capture(); });
    }

    static std::string label() { return "bool"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "boolean"}}; }
};

} // namespace agent_engine

#endif
