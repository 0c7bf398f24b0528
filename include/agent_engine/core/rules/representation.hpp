#ifndef AGENT_ENGINE_CORE_RULES_REPRESENTATION_HPP
#define AGENT_ENGINE_CORE_RULES_REPRESENTATION_HPP

// A type with a representation<T> (see representation.hpp) is its representation
// R in JSON: written as representation<T>::to(v), read as an R, then turned into
// a T by representation<T>::from. Its errors are R's (a number where R is a
// string: "Input should be a valid string"), then from's `invalid`, at the
// value's location with R's JSON form as input. Its label and JSON Schema are
// R's, unless representation<T>::title names it.

#include <agent_engine/core/constraints/kind.hpp>
#include <agent_engine/core/json_rule.hpp>
#include <agent_engine/core/representation.hpp>

#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace agent_engine {

template <class T>
    requires has_representation<T>
struct json_rule<T> {
    using agent_engine_representation = void; // see detail::checked_rule
    using repr = representation<T>;
    using R = std::remove_cvref_t<decltype(repr::to(std::declval<const T&>()))>;

    static constexpr bool from_fits = requires(const R& r) {
        { repr::from(r) } -> std::same_as<converted<T>>;
    };

    // Whether the representation can be used; says why not. Asked by every member
    // rather than in the class, which detail::checked_rule must see whole, and
    // guarding each, so that a mistake stops the build with one message.
    static constexpr bool usable()
    {
        static_assert(detail::has_rule<R>,
                      "agent_engine: representation<T>::to returns a type that has no JSON rule: the "
                      "representation must be a type the library reads and writes (a string, a number, a "
                      "described struct, a container...).");
        static_assert(std::is_default_constructible_v<R>,
                      "agent_engine: the type representation<T>::to returns must be default-constructible: it "
                      "is read into a default one.");
        static_assert(from_fits,
                      "agent_engine: representation<T>::from must take what representation<T>::to returns (or "
                      "what it converts to, as std::string_view for std::string) and return "
                      "agent_engine::converted<T>.");
        return detail::has_rule<R> && std::is_default_constructible_v<R> && from_fits;
    }

    static constexpr bool titled = requires {
        { repr::title } -> std::convertible_to<std::string_view>;
    };

    template <class Writer> static void write(Writer& w, const T& v)
    {
        if constexpr (usable())
            rule_of<R>::write(w, repr::to(v));
    }

    template <class Reader> static void read(Reader& r, T& out, validation_context& ctx)
    {
        if constexpr (usable())
            read_usable(r, out, ctx);
    }

    template <class Reader> static void read_usable(Reader& r, T& out, validation_context& ctx)
    {
        R represented{};
        std::size_t before = ctx.error_count();
        rule_of<R>::read(r, represented, ctx);
        if (ctx.error_count() != before)
            return; // R's own errors say it all
        converted<T> value = repr::from(std::as_const(represented));
        if (value) {
            out = std::move(value).value();
            return;
        }
        invalid why = std::move(value).error();
        auto input = [&] { return detail::as_input(represented); };
        if (why.type.empty()) {
            detail::fail_value_error(ctx, why.message, input);
            return;
        }
        ctx.fail(why.type, [&] {
            return validation_context::error_parts{std::move(why.message), input(), std::move(why.ctx)};
        });
    }

    static std::string label()
    {
        if constexpr (titled)
            return std::string(std::string_view(repr::title));
        else if constexpr (usable())
            return rule_of<R>::label();
        else
            return {};
    }

    static boost::json::value schema(schema_builder& b)
    {
        boost::json::value s;
        if constexpr (usable())
            s = rule_of<R>::schema(b);
        if constexpr (titled)
            s.as_object()["title"] = std::string_view(repr::title);
        return s;
    }
};

} // namespace agent_engine

#endif
