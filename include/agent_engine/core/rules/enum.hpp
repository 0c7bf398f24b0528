#ifndef AGENT_ENGINE_CORE_RULES_ENUM_HPP
#define AGENT_ENGINE_CORE_RULES_ENUM_HPP

// A described enum is written and read as its enumerators' JSON values, which
// enum_model<E> holds: each enumerator's name, or the string AGENT_ENGINE_ENUM_VALUE
// gives it (a str Enum), or, for an AGENT_ENGINE_INT_ENUM, its integer value (an
// IntEnum). Any other input is an error that lists the allowed values, as
// pydantic words it: "Input should be 'pending', 'in-progress' or 'done'",
// "Input should be 1 or 2".

#include <agent_engine/core/detail/python_repr.hpp>
#include <agent_engine/core/json_rule.hpp>
#include <agent_engine/core/rules/number.hpp>
#include <agent_engine/core/schema_model.hpp>

#include <boost/mp11/algorithm.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace agent_engine {

template <class E>
    requires detail::is_described_enum_v<E>
struct json_rule<E> {
    using model = enum_model<E>;

    // The JSON string of v, nullopt for a value no described enumerator has; and
    // back. For the places that need the string itself, such as a map's keys. Not
    // for an AGENT_ENGINE_INT_ENUM, whose JSON values are model::integers.
    static constexpr std::optional<std::string_view> to_string(E v) noexcept
        requires(!model::integer)
    {
        if (auto i = model::find(v))
            return model::names[*i];
        return std::nullopt;
    }
    static constexpr std::optional<E> from_string(std::string_view s) noexcept
        requires(!model::integer)
    {
        if (auto i = model::find_name(s))
            return model::values[*i];
        return std::nullopt;
    }

    template <class Writer> static void write(Writer& w, E v)
    {
        if constexpr (!model::integer) {
            // Unrolled, so that each name reaches the writer as a constant (its
            // escaping folds away): a loop over the table cost 8% of a small write.
            bool written = false;
            boost::mp11::mp_for_each<boost::mp11::mp_iota_c<model::size>>([&](auto I) {
                if (!written && model::values[I] == v) {
                    w.string(model::names[I]);
                    written = true;
                }
            });
            if (written)
                return;
        }
        // An integer enum, or a value outside the described enumerators: its
        // number, which reading back rejects unless it is an enumerator's.
        auto n = static_cast<typename model::integer_type>(v);
        if constexpr (std::is_signed_v<typename model::integer_type>)
            w.int64(n);
        else
            w.uint64(n);
    }

    template <class Reader> static void read(Reader& r, E& out, validation_context& ctx)
    {
        std::optional<std::size_t> found;
        if constexpr (model::integer)
            found = find_integer(r, ctx);
        else if (r.kind() == boost::json::kind::string)
            found = model::find_name(r.get_string());
        if (found) {
            out = model::values[*found];
            ctx.floor_match(validation_context::match_quality::lax); // as pydantic rates an enum read from its value
            return;
        }
        ctx.fail(error_type::enum_,
                 [&] { return validation_context::error_details{r.capture(), {{"expected", expected_names()}}}; });
    }

    // The allowed values as pydantic lists them: "'a', 'b' or 'c'", "1 or 2".
    static std::string expected_names()
    {
        if constexpr (model::integer)
            return detail::join_alternatives(model::integers, [](std::string& out, auto n) { detail::append_integer(out, n); });
        else
            return detail::join_alternatives(model::names, detail::append_python_str);
    }

    // pydantic's name for an enum type: the enums it stands for are a str or an int
    // mixin (class Color(str, Enum), IntEnum).
    static std::string label()
    {
        return (model::integer ? "int-enum[" : "str-enum[") + std::string(schema_title<E>()) + "]";
    }
    static boost::json::value schema(schema_builder& b)
    {
        return b.reference(schema_title<E>(), detail::qualified_type_name<E>(), [] {
            boost::json::array values;
            if constexpr (model::integer)
                values.insert(values.end(), model::integers.begin(), model::integers.end());
            else
                values.insert(values.end(), model::names.begin(), model::names.end());
            return boost::json::object{
                {"enum", std::move(values)}, {"title", schema_title<E>()}, {"type", model::integer ? "integer" : "string"}};
        });
    }

private:
    // An integer enum's enumerator for the reader's value: an integer; in lax mode
    // also what an int reads (an integral float, a bool, a string that spells an
    // integer: pydantic's IntEnum converts as its int does), an enum error else.
    template <class Reader> static std::optional<std::size_t> find_integer(Reader& r, validation_context& ctx)
    {
        detail::integer_input in = detail::to_exact_integer(r, ctx.strict());
        if (!in.value || in.value->beyond)
            return std::nullopt;
        return in.value->visit([](auto n) { return model::find_integer(n); });
    }
};

} // namespace agent_engine

#endif
