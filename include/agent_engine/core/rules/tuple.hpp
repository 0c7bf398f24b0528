#ifndef AGENT_ENGINE_CORE_RULES_TUPLE_HPP
#define AGENT_ENGINE_CORE_RULES_TUPLE_HPP

// std::tuple, std::pair and std::array<T, N> are pydantic's fixed-length
// tuple[A, B, ...]: a JSON array of exactly N items, the i-th read by the i-th
// type, an error in an item located by its position: ["origin", 1]. As pydantic:
//   - input that is not an array is `tuple_type`, and so is any input in strict
//     python mode (pydantic wants a tuple there, and JSON data holds lists);
//   - too many items is one `too_long` about the whole array (field_type "Tuple"),
//     and the items are not checked;
//   - too few: each missing position is `missing`, with the whole array as input,
//     after the errors of the items present.
// JSON Schema: "prefixItems" (one per position), "minItems" = "maxItems" = N.

#include <agent_engine/core/json_rule.hpp>

#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <tuple>
#include <utility>

namespace agent_engine {
namespace detail {

template <class T> inline constexpr bool is_json_tuple_v = false;
template <class... Ts> inline constexpr bool is_json_tuple_v<std::tuple<Ts...>> = true;
template <class A, class B> inline constexpr bool is_json_tuple_v<std::pair<A, B>> = true;
template <class T, std::size_t N> inline constexpr bool is_json_tuple_v<std::array<T, N>> = true;

} // namespace detail

template <class T>
    requires detail::is_json_tuple_v<T>
struct json_rule<T> {
    static constexpr std::size_t size = std::tuple_size_v<T>;
    template <std::size_t I> using item = std::tuple_element_t<I, T>;

    template <class Writer> static void write(Writer& w, const T& v)
    {
        w.begin_array(size);
        boost::mp11::mp_for_each<boost::mp11::mp_iota_c<size>>(
            [&](auto I) { rule_of<item<I>>::write(w, std::get<I>(v)); });
        w.end_array();
    }

    template <class Reader> static void read(Reader& r, T& out, validation_context& ctx)
    {
        // strict python mode wants a tuple, and JSON data holds lists only
        if (r.kind() != boost::json::kind::array || (ctx.strict() && ctx.mode() == input_mode::python)) {
            ctx.fail(error_type::tuple_type, [&] { return r.capture(); });
            return;
        }
        ctx.floor_match(validation_context::match_quality::strict); // as pydantic rates a tuple read from an array
        std::size_t first_error = ctx.error_count();
        std::size_t count = 0;
        r.for_each_element([&](std::size_t i) {
            ++count;
            if constexpr (size > 0) {
                if (i < size) // the items past the last are only counted (and skipped)
                    boost::mp11::mp_with_index<size>(i, [&](auto I) {
                        auto at = ctx.at(i);
                        std::get<I>(out) = item<I>{}; // a position read starts from its type's default
                        rule_of<item<I>>::read(r, std::get<I>(out), ctx);
                    });
            }
        });
        // r is back on the whole array (consumed): capture() gives all of it.
        if (count > size) {
            ctx.discard_errors_from(first_error);
            ctx.fail(error_type::too_long, [&] {
                return validation_context::error_details{
                    r.capture(), {{"field_type", "Tuple"}, {"max_length", size}, {"actual_length", count}}};
            });
            return;
        }
        for (std::size_t i = count; i < size; ++i) {
            auto at = ctx.at(i);
            ctx.fail(error_type::missing, [&] { return r.capture(); });
        }
    }

    static std::string label()
    {
        std::string out = "tuple[";
        boost::mp11::mp_for_each<boost::mp11::mp_iota_c<size>>([&](auto I) {
            if (I > 0)
                out += ", ";
            out += rule_of<item<I>>::label();
        });
        return out + "]";
    }

    static boost::json::value schema(schema_builder& b)
    {
        boost::json::object s{{"type", "array"}};
        if constexpr (size > 0) {
            boost::json::array prefix;
            prefix.reserve(size);
            boost::mp11::mp_for_each<boost::mp11::mp_iota_c<size>>(
                [&](auto I) { prefix.push_back(rule_of<item<I>>::schema(b)); });
            s["prefixItems"] = std::move(prefix);
        }
        s["minItems"] = size;
        s["maxItems"] = size;
        return s;
    }
};

} // namespace agent_engine

#endif
