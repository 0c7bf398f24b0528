#ifndef AGENT_ENGINE_CORE_RULES_MAP_HPP
#define AGENT_ENGINE_CORE_RULES_MAP_HPP

// String-keyed maps (std::map, std::unordered_map, ordered_map) are JSON objects;
// an error in a value is located by its key: ["stage_results", "s1", "started_at"].
// Written in the map's own iteration order: use ordered_map to keep input order.

#include <agent_engine/core/json_rule.hpp>

#include <concepts>
#include <string>

namespace agent_engine {
namespace detail {

template <class M>
concept json_string_map = requires(M& m, const typename M::key_type& k) {
    typename M::mapped_type;
    m[k];
    m.clear();
} && std::same_as<typename M::key_type, std::string>;

} // namespace detail

template <detail::json_string_map M> struct json_rule<M> {
    using mapped = typename M::mapped_type;

    template <class Writer> static void write(Writer& w, const M& v)
    {
        w.begin_object(v.size());
        for (auto const& [k, e] : v) {
            w.key(k);
            rule_of<mapped>::write(w, e);
        }
        w.end_object();
    }

    template <class Reader> static void read(Reader& r, M& out, validation_context& ctx)
    {
        if (r.kind() != boost::json::kind::object) {
            ctx.fail(error_type::dict_type, [&] { return r.capture(); });
            return;
        }
        out.clear();
        // A repeated key keeps its first place and takes its last value, and, unlike
        // a described struct's member (detail::settle_repeats), every occurrence is
        // validated and keeps its errors, in the order of the text: pydantic's JSON
        // mode reads a dict pair by pair. (A DOM repeats no key: from_dict, like
        // pydantic's python mode, sees the last value only.)
        r.for_each_member([&](std::string_view key) {
            std::size_t before = out.size();
            auto& slot = out[std::string(key)];
            if (out.size() == before) // a repeated key: the last one wins whole
                slot = mapped{};
            auto at = ctx.at(key);
            rule_of<mapped>::read(r, slot, ctx);
        });
    }

    static std::string label() { return "dict[str," + rule_of<mapped>::label() + "]"; }
    static boost::json::value schema(schema_builder& b)
    {
        return {{"type", "object"}, {"additionalProperties", rule_of<mapped>::schema(b)}};
    }
};

} // namespace agent_engine

#endif
