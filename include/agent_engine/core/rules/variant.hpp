#ifndef AGENT_ENGINE_CORE_RULES_VARIANT_HPP
#define AGENT_ENGINE_CORE_RULES_VARIANT_HPP

// std::variant<Ts...> follows pydantic's left-to-right union mode: the first
// alternative that reads without error wins; in lax mode, the first that reads
// it in strict mode, else the first that reads it in lax mode (the first two
// steps of pydantic's smart mode). When none does, every
// alternative's errors are reported, located under the alternative's label:
// ["value", "int"], ["value", "str"].

#include <agent_engine/core/dom_reader.hpp>
#include <agent_engine/core/json_rule.hpp>

#include <boost/mp11/algorithm.hpp>

#include <array>
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
        // In lax mode a first pass asks for an exact match at every depth, as
        // pydantic's smart mode does: "5" stays a string in variant<int64_t, std::string>.
        if (!ctx.strict_everywhere()) {
            auto strictness = ctx.strict_throughout();
            if (read_first(input, out, ctx, first_error))
                return;
            ctx.discard_errors_from(first_error);
        }
        read_first(input, out, ctx, first_error);
    }

    // Reads the first alternative, left to right, that reads `input` without error
    // into `out` and returns true; else leaves every alternative's errors.
    static bool read_first(const boost::json::value& input, std::variant<Ts...>& out, validation_context& ctx,
                           std::size_t first_error)
    {
        static const std::array<std::string, sizeof...(Ts)> labels = {rule_of<Ts>::label()...};
        bool done = false;
        boost::mp11::mp_for_each<boost::mp11::mp_iota_c<sizeof...(Ts)>>([&](auto I) {
            if (done)
                return;
            using alternative = std::variant_alternative_t<I, std::variant<Ts...>>;
            std::size_t before = ctx.error_count();
            alternative value{};
            {
                auto at = ctx.at(std::string_view(labels[I]));
                dom_reader alternative_reader(input);
                rule_of<alternative>::read(alternative_reader, value, ctx);
            }
            if (ctx.error_count() == before) {
                ctx.discard_errors_from(first_error);
                out.template emplace<I>(std::move(value));
                done = true;
            }
        });
        return done;
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
