#ifndef AGENT_ENGINE_CORE_RULES_STRING_HPP
#define AGENT_ENGINE_CORE_RULES_STRING_HPP

#include <agent_engine/core/json_rule.hpp>

#include <string>

namespace agent_engine {

template <> struct json_rule<std::string> {
    template <class Writer> static void write(Writer& w, const std::string& v) { w.string(v); }

    template <class Reader> static void read(Reader& r, std::string& out, validation_context& ctx)
    {
        if (r.kind() == boost::json::kind::string)
            out.assign(r.get_string());
        else
            ctx.fail(error_type::string_type, [&] { return r.capture(); });
    }

    static std::string label() { return "str"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "string"}}; }
};

} // namespace agent_engine

#endif
