#ifndef AGENT_ENGINE_CORE_RULES_ENUM_HPP
#define AGENT_ENGINE_CORE_RULES_ENUM_HPP

// A described enum is written and read as its enumerator's name. An unknown
// name is an error that lists the allowed ones, as pydantic words it:
// "Input should be 'pending', 'running', 'completed' or 'failed'".

#include <agent_engine/core/detail/python_repr.hpp>
#include <agent_engine/core/json_rule.hpp>
#include <agent_engine/core/schema.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace agent_engine {

template <class E>
    requires detail::is_described_enum_v<E>
struct json_rule<E> {
    using enumerators = boost::describe::describe_enumerators<E>;

    template <class Writer> static void write(Writer& w, E v)
    {
        bool written = false;
        boost::mp11::mp_for_each<enumerators>([&](auto d) {
            if (!written && d.value == v) {
                w.string(d.name);
                written = true;
            }
        });
        // A value outside the described enumerators has no name: write its number,
        // which reading back rejects rather than silently mapping.
        if (!written)
            w.int64(static_cast<std::int64_t>(v));
    }

    template <class Reader> static void read(Reader& r, E& out, validation_context& ctx)
    {
        if (r.kind() == boost::json::kind::string) {
            std::string_view name = r.get_string();
            bool found = false;
            boost::mp11::mp_for_each<enumerators>([&](auto d) {
                if (!found && name == d.name) {
                    out = d.value;
                    found = true;
                }
            });
            if (found)
                return;
        }
        ctx.fail(error_type::enum_,
                 [&] { return validation_context::error_details{r.capture(), {{"expected", expected_names()}}}; });
    }

    // "'a', 'b' or 'c'"
    static std::string expected_names()
    {
        std::array<std::string_view, boost::mp11::mp_size<enumerators>::value> names;
        std::size_t i = 0;
        boost::mp11::mp_for_each<enumerators>([&](auto d) { names[i++] = d.name; });
        return detail::join_alternatives(names, detail::append_python_str);
    }

    static std::string label() { return std::string(schema_title<E>()); }
    static boost::json::value schema(schema_builder& b)
    {
        return b.reference(schema_title<E>(), detail::qualified_type_name<E>(), [] {
            boost::json::array names;
            boost::mp11::mp_for_each<enumerators>([&](auto d) { names.emplace_back(d.name); });
            return boost::json::object{{"enum", std::move(names)}, {"title", schema_title<E>()}, {"type", "string"}};
        });
    }
};

} // namespace agent_engine

#endif
