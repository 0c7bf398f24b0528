#ifndef AGENT_ENGINE_CORE_RULES_OPTIONAL_HPP
#define AGENT_ENGINE_CORE_RULES_OPTIONAL_HPP

// std::optional<T> and heap_optional<T>: an empty optional is written as null;
// null reads as empty. A missing key leaves the member at its default, which
// for an optional is empty. detail::nullable_rule is the rule of every type that
// holds a T or nothing: the smart pointers share it (rules/pointer.hpp).

#include <agent_engine/core/detail/is_optional.hpp>
#include <agent_engine/core/json_rule.hpp>

namespace agent_engine {
namespace detail {

template <class O> struct nullable_rule {
    using T = typename nullable<O>::value_type;

    template <class Writer> static void write(Writer& w, const O& v)
    {
        if (v)
            rule_of<T>::write(w, *v);
        else
            w.null();
    }

    template <class Reader> static void read(Reader& r, O& out, validation_context& ctx)
    {
        if (r.kind() == boost::json::kind::null) {
            r.skip();
            out.reset();
            return;
        }
        // a value read from input starts from T's own defaults
        rule_of<T>::read(r, nullable<O>::emplace(out), ctx);
    }

    static std::string label() { return "nullable[" + rule_of<T>::label() + "]"; }
    static boost::json::value schema(schema_builder& b)
    {
        return {{"anyOf", boost::json::array{rule_of<T>::schema(b), {{"type", "null"}}}}};
    }
};

} // namespace detail

template <class O>
    requires detail::is_optional_v<O>
struct json_rule<O> : detail::nullable_rule<O> {};

} // namespace agent_engine

#endif
