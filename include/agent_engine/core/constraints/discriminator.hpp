#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_DISCRIMINATOR_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_DISCRIMINATOR_HPP

// discriminator<"kind">(): a std::variant of schemas read as a tagged union
// (pydantic's Field(discriminator="kind")). Each alternative has a string member
// of that C++ name declared one_of("tag", ...), pydantic's Literal: the input's
// value for it picks the one alternative that reads the input, and its errors
// are located under the tag (["pet", "cat", "meows"]). A missing tag is
// union_tag_not_found, another value union_tag_invalid; JSON Schema: oneOf with
// a discriminator mapping each tag to its alternative. The tags are constants,
// read at compile time: two alternatives listing one tag stop the build.

#include <agent_engine/core/constraints/kind.hpp>
#include <agent_engine/core/constraints/one_of.hpp>
#include <agent_engine/core/detail/fixed_string.hpp>
#include <agent_engine/core/dom_reader.hpp>
#include <agent_engine/core/schema_model.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

namespace agent_engine {
namespace detail {

template <class V> inline constexpr bool is_variant_v = false;
template <class... Ts> inline constexpr bool is_variant_v<std::variant<Ts...>> = true;

template <class C> inline constexpr bool is_string_literal_v = false;
template <std::size_t N> inline constexpr bool is_string_literal_v<constraints::one_of<std::string_view, N>> = true;
template <class C> inline constexpr std::size_t string_literal_count = 0;
template <std::size_t N>
inline constexpr std::size_t string_literal_count<constraints::one_of<std::string_view, N>> = N;

// The index of T's member named `name` (its C++ name), or T's member count.
template <class T, std::size_t... I>
constexpr std::size_t member_named(std::string_view name, std::index_sequence<I...>) noexcept
{
    constexpr std::string_view names[] = {std::string_view(schema_model<T>::template member<I>::name)..., {}};
    for (std::size_t i = 0; i < sizeof...(I); ++i)
        if (names[i] == name)
            return i;
    return sizeof...(I);
}
template <class T> constexpr std::size_t member_named(std::string_view name) noexcept
{
    return member_named<T>(name, std::make_index_sequence<schema_model<T>::size>{});
}

// Whether T's member numbered I is declared one_of("tag", ...).
template <class T, std::size_t I> constexpr bool is_tag_member()
{
    using model = schema_model<T>;
    if constexpr (I >= model::size) { // no member of that name
        return false;
    } else if constexpr (!model::template has_constraints<I>) {
        return false;
    } else {
        using list = decltype(model::template constraints<I>());
        return []<class... Cs>(std::type_identity<std::tuple<Cs...>>) {
            return (is_string_literal_v<Cs> || ...);
        }(std::type_identity<list>{});
    }
}

} // namespace detail

namespace constraints {

template <agent_engine::detail::fixed_string Member> struct discriminator {
    template <class T> static constexpr std::size_t tag_index = agent_engine::detail::member_named<T>(Member.view());

    template <class T> static constexpr bool is_tagged()
    {
        if constexpr (agent_engine::detail::is_described_struct_v<T>)
            return agent_engine::detail::is_tag_member<T, tag_index<T>>();
        else
            return false;
    }

    // Whether it applies to V; each way it does not stops the build with its message.
    template <class V> static constexpr bool require()
    {
        static_assert(agent_engine::detail::is_variant_v<V>,
                      "agent_engine: discriminator<\"member\">() applies to a std::variant member (or an optional "
                      "one) whose alternatives are described structs.");
        if constexpr (agent_engine::detail::is_variant_v<V>)
            return []<class... Ts>(std::type_identity<std::variant<Ts...>>) {
                static_assert((is_tagged<Ts>() && ...),
                              "agent_engine: discriminator<\"member\">(): every alternative of the union must be a "
                              "described struct with a string member of that name declared one_of(\"tag\", ...) "
                              "(pydantic's Literal['tag']): the tags that select it.");
                if constexpr ((is_tagged<Ts>() && ...)) {
                    static_assert((has_constant_tags<Ts>() && ...),
                                  "agent_engine: discriminator<\"member\">(): the constraints of the tag member must be "
                                  "constant expressions (no satisfies() there whose predicate is no literal type), so "
                                  "that the tags are known at compile time.");
                    if constexpr ((has_constant_tags<Ts>() && ...)) {
                        // pydantic 2.13 refuses it as well: "TypeError: Value 'x' for
                        // discriminator 'k' mapped to multiple choices".
                        constexpr bool one_alternative_a_tag = each_tag_selects_one<Ts...>();
                        static_assert(one_alternative_a_tag,
                                      "agent_engine: discriminator<\"member\">(): two alternatives of the union list "
                                      "the same tag in one_of(...); a tag must select one alternative.");
                        using first = std::variant_alternative_t<0, std::variant<Ts...>>;
                        constexpr bool one_key = ((key<Ts> == key<first>) && ...);
                        static_assert(one_key,
                                      "agent_engine: discriminator<\"member\">(): the tag member has another JSON "
                                      "key (AGENT_ENGINE_ALIAS) in some alternative; give it the same key in all.");
                        return one_alternative_a_tag && one_key;
                    }
                }
                return false;
            }(std::type_identity<V>{});
        return false;
    }

    // The input key of the tag: the member's JSON key, the same in every alternative.
    template <class T> static constexpr std::string_view key = schema_model<T>::keys[tag_index<T>];

    // Whether T's tag member has constraints that are a constant expression, so
    // that its tags are known at compile time.
    template <class T> static constexpr bool has_constant_tags()
    {
        return requires {
            typename std::integral_constant<bool, (schema_model<T>::template constraints<tag_index<T>>(), true)>;
        };
    }

    // The tags that select T, in the order its one_of lists them.
    template <class T> static constexpr auto tags_of()
    {
        return std::apply(
            [](auto const&... c) {
                std::array<std::string_view,
                           (agent_engine::detail::string_literal_count<std::remove_cvref_t<decltype(c)>> + ... + 0)>
                    tags{};
                std::size_t n = 0;
                auto add = [&](auto const& constraint) {
                    if constexpr (agent_engine::detail::is_string_literal_v<std::remove_cvref_t<decltype(constraint)>>)
                        for (std::string_view tag : constraint.values)
                            tags[n++] = tag;
                };
                (add(c), ...);
                return tags;
            },
            schema_model<T>::template constraints<tag_index<T>>());
    }

    struct tag_entry {
        std::string_view tag;
        std::size_t alternative; // the index of the alternative that lists it
    };
    // Every tag of the union std::variant<Ts...>, in the order of the alternatives.
    template <class... Ts> static constexpr auto tag_entries = [] {
        std::array<tag_entry, (tags_of<Ts>().size() + ... + 0)> entries{};
        std::size_t n = 0;
        std::size_t alternative = 0;
        auto add = [&](auto const& tags) {
            for (std::string_view tag : tags)
                entries[n++] = {tag, alternative};
            ++alternative;
        };
        (add(tags_of<Ts>()), ...);
        return entries;
    }();

    // The index of the alternative that `tag` selects, or sizeof...(Ts) when none
    // does: the one lookup of the read and of the schema's mapping.
    template <class... Ts> static constexpr std::size_t alternative_of(std::string_view tag) noexcept
    {
        for (tag_entry const& e : tag_entries<Ts...>)
            if (e.tag == tag)
                return e.alternative;
        return sizeof...(Ts);
    }

    // Whether no tag is listed by two alternatives (one listing it twice is harmless).
    template <class... Ts> static constexpr bool each_tag_selects_one() noexcept
    {
        for (tag_entry const& e : tag_entries<Ts...>)
            if (alternative_of<Ts...>(e.tag) != e.alternative)
                return false;
        return true;
    }

    // The discriminator as pydantic's ctx shows it: "'kind'".
    template <class T> static std::string shown_key()
    {
        std::string out;
        agent_engine::detail::append_python_str(out, key<T>);
        return out;
    }

    template <class V, class Input> bool check(const V&, validation_context&, const Input&) const { return true; }

    static constexpr bool reads_input = true;
    template <class Reader, class... Ts> bool read(Reader& r, std::variant<Ts...>& out, validation_context& ctx) const
    {
        using first = std::variant_alternative_t<0, std::variant<Ts...>>;
        if (r.kind() != boost::json::kind::object) {
            ctx.fail(ctx.mode() == input_mode::json ? error_type::dict_type : error_type::model_attributes_type,
                     [&] { return r.capture(); });
            return false;
        }
        boost::json::value input = r.capture(); // the tag may come after the members it decides
        if (!input.is_object())                 // a syntax error, already reported
            return false;
        auto const* tag = input.get_object().if_contains(key<first>);
        if (!tag) {
            ctx.fail(error_type::union_tag_not_found, [&] {
                return validation_context::error_details{input, {{"discriminator", shown_key<first>()}}};
            });
            return false;
        }
        std::size_t chosen = tag->is_string() ? alternative_of<Ts...>(tag->get_string()) : sizeof...(Ts);
        if (chosen == sizeof...(Ts)) {
            ctx.fail(error_type::union_tag_invalid, [&] {
                std::string shown; // Python's str() of the tag
                if (tag->is_string())
                    shown = tag->get_string();
                else
                    agent_engine::detail::append_python_repr(shown, *tag);
                return validation_context::error_details{
                    input, {{"discriminator", shown_key<first>()}, {"tag", shown}, {"expected_tags", expected_tags<Ts...>()}}};
            });
            return false;
        }
        std::size_t before = ctx.error_count();
        boost::mp11::mp_with_index<sizeof...(Ts)>(chosen, [&](auto I) {
            std::variant_alternative_t<I, std::variant<Ts...>> value{};
            {
                auto at = ctx.at(std::string_view(tag->get_string()));
                dom_reader reader(input);
                rule_of<decltype(value)>::read(reader, value, ctx);
            }
            if (ctx.error_count() == before)
                out.template emplace<I>(std::move(value));
        });
        return ctx.error_count() == before;
    }

    // "'cat', 'dog', 'puppy'": every tag, in the order of the alternatives.
    template <class... Ts> static std::string expected_tags()
    {
        std::string out;
        for (tag_entry const& e : tag_entries<Ts...>) {
            if (!out.empty())
                out += ", ";
            agent_engine::detail::append_python_str(out, e.tag);
        }
        return out;
    }

    // pydantic's schema: the alternatives as oneOf, and which tag picks which.
    template <class V> void annotate(boost::json::object& schema) const
    {
        boost::json::value alternatives = std::move(schema["anyOf"]);
        schema.erase("anyOf");
        boost::json::object mapping;
        [&]<class... Ts>(std::type_identity<std::variant<Ts...>>) {
            for (tag_entry const& e : tag_entries<Ts...>)
                mapping[e.tag] = alternatives.as_array()[alternative_of<Ts...>(e.tag)].as_object().at("$ref");
            schema["discriminator"] = {{"mapping", std::move(mapping)},
                                       {"propertyName", key<std::variant_alternative_t<0, V>>}};
        }(std::type_identity<V>{});
        schema["oneOf"] = std::move(alternatives);
    }
};

} // namespace constraints
} // namespace agent_engine

#endif
