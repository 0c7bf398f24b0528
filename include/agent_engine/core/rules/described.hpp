#ifndef AGENT_ENGINE_CORE_RULES_DESCRIBED_HPP
#define AGENT_ENGINE_CORE_RULES_DESCRIBED_HPP

// A struct described with BOOST_DESCRIBE_STRUCT is a JSON object with one key per
// public member (base members first), in declaration order. Reading follows
// pydantic v2: a missing key keeps the member's default unless it is required;
// unknown keys are ignored unless the schema forbids them; every error is
// collected, and reported in declaration order whatever the order of the input.

#include <agent_engine/core/constraints.hpp>
#include <agent_engine/core/detail/json_scan.hpp>
#include <agent_engine/core/json_rule.hpp>
#include <agent_engine/core/schema.hpp>

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <array>
#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agent_engine {
namespace detail {

// Whether no two of the keys are the same.
template <std::size_t N> constexpr bool all_distinct(const std::array<std::string_view, N>& keys) noexcept
{
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = i + 1; j < N; ++j)
            if (keys[i] == keys[j])
                return false;
    return true;
}

} // namespace detail

template <class T>
    requires detail::is_described_struct_v<T>
struct json_rule<T> {
    static_assert((detail::require_default_constructible<T>(), true));

    using members = detail::public_members<T>;
    static constexpr std::size_t size = boost::mp11::mp_size<members>::value;

    template <std::size_t I> using member = boost::mp11::mp_at_c<members, I>;
    template <std::size_t I>
    using member_type = std::remove_cvref_t<decltype(std::declval<T&>().*member<I>::pointer)>;

    // Each member's JSON key and whether it is required, indexed like `members`.
    static constexpr auto keys = [] {
        std::array<std::string_view, size> k{};
        boost::mp11::mp_for_each<boost::mp11::mp_iota_c<size>>(
            [&](auto I) { k[I] = json_key<T, member<I>>(); });
        return k;
    }();
    static_assert(detail::all_distinct(keys),
                  "agent_engine: two members of this schema have the same JSON key (an AGENT_ENGINE_ALIAS equal to "
                  "another member's name or alias): one would overwrite the other.");
    static constexpr auto required = [] {
        std::array<bool, size> r{};
        boost::mp11::mp_for_each<boost::mp11::mp_iota_c<size>>(
            [&](auto I) { r[I] = is_required<T, member<I>::pointer>(); });
        return r;
    }();

    // Index of the member with this key, or `size`. Input usually comes in
    // declaration order, so the member after the last one found is tried first.
    static std::size_t find(std::string_view key, std::size_t expected) noexcept
    {
        if (expected < size && detail::equal_key(keys[expected], key))
            return expected;
        for (std::size_t i = 0; i < size; ++i)
            if (detail::equal_key(keys[i], key))
                return i;
        return size;
    }

    template <class Writer> static void write(Writer& w, const T& v)
    {
        w.begin_object(size);
        boost::mp11::mp_for_each<boost::mp11::mp_iota_c<size>>([&](auto I) {
            if constexpr (detail::is_plain_string(keys[I]))
                w.plain_key(keys[I]);
            else
                w.key(keys[I]);
            rule_of<member_type<I>>::write(w, v.*member<I>::pointer);
        });
        w.end_object();
    }

    template <class Reader> static void read(Reader& r, T& out, validation_context& ctx)
    {
        if (r.kind() != boost::json::kind::object) {
            ctx.fail("model_type", [&] {
                std::string_view title = schema_title<T>();
                return validation_context::error_parts{
                    "Input should be a valid dictionary or instance of " + std::string(title), r.capture(),
                    {{"class_name", title}}};
            });
            return;
        }
        auto whole = r.mark();
        std::size_t first_error = ctx.error_count();
        std::bitset<size> seen;
        validation_context::repeats repeated;
        std::size_t expected = 0;
        r.for_each_member([&](std::string_view key) {
            std::size_t i = find(key, expected);
            // A repeated member counts once, with its last value; so does an extra
            // key where extras are errors.
            if (i != size && seen.test(i))
                repeated.note(key, ctx.error_count());
            if (i == size) {
                if constexpr (forbids_extra<T>()) {
                    repeated.note_extra(key, ctx.error_count());
                    auto at = ctx.at(key);
                    ctx.fail("extra_forbidden", "Extra inputs are not permitted", [&] { return r.capture(); });
                } else {
                    r.skip();
                }
            } else {
                seen.set(i);
                expected = i + 1;
                if constexpr (size > 0) {
                    boost::mp11::mp_with_index<size>(i, [&](auto I) {
                        auto at = ctx.at(keys[I]);
                        std::size_t before = ctx.error_count();
                        // A nested schema read from input starts from its own defaults,
                        // not from the enclosing schema's initializer for it (pydantic).
                        if constexpr (detail::is_described_struct_v<member_type<I>>)
                            out.*member<I>::pointer = member_type<I>{};
                        rule_of<member_type<I>>::read(r, out.*member<I>::pointer, ctx);
                        // Constraints refine a value of the right type, so only one read cleanly.
                        if constexpr (detail::has_constraints_v<T, member<I>::pointer>) {
                            if (ctx.error_count() == before)
                                detail::check_constraints(out.*member<I>::pointer,
                                                          detail::member_constraints<T, member<I>::pointer>(), ctx);
                        }
                    });
                }
            }
        });
        if (detail::settle_repeats(r, whole, ctx, first_error, repeated,
                                   [&](Reader& again) { read(again, out, ctx); }))
            return;
        for (std::size_t i = 0; i < size; ++i) {
            if (required[i] && !seen.test(i)) {
                auto at = ctx.at(keys[i]);
                ctx.fail("missing", "Field required", [&] { return r.capture(whole); });
            }
        }
        // Rules across members see a whole, valid object, as pydantic's "after" validators.
        if (ctx.error_count() == first_error)
            detail::run_validators(out, ctx, [&] { return r.capture(whole); });
        if (ctx.error_count() != first_error)
            restore_declaration_order(ctx, first_error);
    }

    // pydantic reports a model's errors field by field in declaration order,
    // then the extra keys; the input's key order must not matter. Each error's
    // member is read back from its location.
    static void restore_declaration_order(validation_context& ctx, std::size_t first_error)
    {
        ctx.sort_errors_by_key(first_error, [](std::optional<std::string_view> key) {
            return key ? find(*key, 0) : size + 1; // size + 1: about the whole object
        });
    }

    static std::string label() { return std::string(schema_title<T>()); }

    static boost::json::value schema(schema_builder& b)
    {
        return b.reference(schema_title<T>(), detail::qualified_type_name<T>(), [&] { return definition(b); });
    }

    // The object schema, shaped like pydantic's: a titled property per member with
    // its constraints, description and (when not required) default.
    static boost::json::object definition(schema_builder& b)
    {
        const T defaults{};
        boost::json::object properties;
        boost::json::array required_keys;
        boost::mp11::mp_for_each<boost::mp11::mp_iota_c<size>>([&](auto I) {
            constexpr auto pointer = member<I>::pointer;
            boost::json::value property = rule_of<member_type<I>>::schema(b);
            if constexpr (detail::has_constraints_v<T, pointer>)
                detail::annotate_schema<member_type<I>>(property, detail::member_constraints<T, pointer>());
            auto& p = property.as_object();
            if (!p.contains("$ref"))
                p["title"] = schema_builder::property_title(keys[I]);
            if (constexpr std::string_view description = member_description<T, pointer>(); !description.empty())
                p["description"] = description;
            if (required[I])
                required_keys.emplace_back(keys[I]);
            else
                p["default"] = detail::as_input(defaults.*pointer);
            properties.emplace(keys[I], std::move(property));
        });
        boost::json::object def;
        def["title"] = schema_title<T>();
        if (constexpr std::string_view description = schema_description<T>(); !description.empty())
            def["description"] = description;
        def["type"] = "object";
        def["properties"] = std::move(properties);
        if (!required_keys.empty())
            def["required"] = std::move(required_keys);
        if constexpr (forbids_extra<T>())
            def["additionalProperties"] = false;
        return def;
    }
};

} // namespace agent_engine

#endif
