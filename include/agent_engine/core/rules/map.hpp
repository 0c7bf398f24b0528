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
        auto whole = r.mark();
        std::size_t first_error = ctx.error_count();
        validation_context::repeats repeated;
        r.for_each_member([&](std::string_view key) {
            std::size_t before = out.size();
            auto& slot = out[std::string(key)];
            if (out.size() == before) { // a repeated key: the last one wins whole
                slot = mapped{};
                repeated.note(key, ctx.error_count());
            }
            auto at = ctx.at(key);
            rule_of<mapped>::read(r, slot, ctx);
        });
        detail::settle_repeats(r, whole, ctx, first_error, repeated,
                               [&](Reader& again) { read(again, out, ctx); });
    }

    static std::string label() { return "dict[str," + rule_of<mapped>::label() + "]"; }
    static boost::json::value schema(schema_builder& b)
    {
        return {{"type", "object"}, {"additionalProperties", rule_of<mapped>::schema(b)}};
    }
};

} // namespace agent_engine

#endif
