#ifndef AGENT_ENGINE_CORE_RULES_VARIANT_HPP
#define AGENT_ENGINE_CORE_RULES_VARIANT_HPP

// std::variant<Ts...> follows pydantic's smart union mode. Every alternative
// reads the input, in lax mode strictly first (at every depth), then converted.
// An exact match (nothing converted, rated as pydantic rates it: a str read
// from JSON text is only strict, see validation_context::floor_match) wins at
// once; otherwise the alternative that set the most members of a schema, then
// the closest match (strict before lax), then the leftmost. So "5" stays a
// string in variant<int64_t, std::string>, and {"y": 5} reads as the
// alternative that has a member y. When none reads it, every alternative's errors are reported,
// located under the alternative's label: ["value", "int"], ["value", "str"].

#include <agent_engine/core/dom_reader.hpp>
#include <agent_engine/core/json_rule.hpp>

#include <boost/mp11/algorithm.hpp>

#include <array>
#include <optional>
#include <string>
#include <variant>

namespace agent_engine {

template <class... Ts> struct json_rule<std::variant<Ts...>> {
    template <class Writer> static void write(Writer& w, const std::variant<Ts...>& v)
    {
        std::visit([&](auto const& x) { rule_of<decltype(x)>::write(w, x); }, v);
    }

    template <class Reader> static void read(Reader& r, std::variant<Ts...>& out, validation_context& ctx)
    {
        // Each alternative reads the same input again, so read it once as a DOM.
        boost::json::value input = r.capture();
        std::size_t first_error = ctx.error_count();
        std::optional<validation_context::match_quality> best; // how `out` matched
        boost::mp11::mp_for_each<boost::mp11::mp_iota_c<sizeof...(Ts)>>([&](auto I) {
            if (best && best->level == validation_context::match_quality::exact && !best->fields_set)
                return;
            std::variant_alternative_t<I, std::variant<Ts...>> value{};
            auto quality = read_alternative<I>(input, value, ctx);
            if (quality && (!best || quality->better_than(*best))) {
                best = quality;
                out.template emplace<I>(std::move(value));
            }
        });
        if (best) {
            ctx.discard_errors_from(first_error);
            ctx.note_match(*best);
        }
        // The alternative picked need not be the one that wrote the input.
        ctx.note_normalized();
    }

    // Reads `input` as the alternative numbered I and says how closely it matched,
    // or leaves its errors and says nothing.
    template <std::size_t I, class Alternative>
    static std::optional<validation_context::match_quality> read_alternative(const boost::json::value& input,
                                                                             Alternative& value,
                                                                             validation_context& ctx)
    {
        static const std::array<std::string, sizeof...(Ts)> labels = {rule_of<Ts>::label()...};
        auto at = ctx.at(std::string_view(labels[I]));
        std::size_t before = ctx.error_count();
        auto read = [&] {
            validation_context::measuring_match measure(ctx);
            dom_reader reader(input);
            rule_of<Alternative>::read(reader, value, ctx);
            return measure.quality();
        };
        if (ctx.strict_everywhere()) {
            auto quality = read();
            return ctx.error_count() == before ? std::optional(quality) : std::nullopt;
        }
        {
            auto strictness = ctx.strict_throughout();
            auto quality = read();
            if (ctx.error_count() == before)
                return quality;
        }
        ctx.discard_errors_from(before);
        value = Alternative{};
        auto quality = read();
        if (ctx.error_count() != before)
            return std::nullopt;
        quality.level = validation_context::match_quality::lax;
        return quality;
    }

    static std::string label()
    {
        std::string out = "union[";
        ((out += rule_of<Ts>::label(), out += ','), ...);
        out.back() = ']';
        return out;
    }
    static boost::json::value schema(schema_builder& b)
    {
        return {{"anyOf", boost::json::array{rule_of<Ts>::schema(b)...}}};
    }
};

} // namespace agent_engine

#endif
