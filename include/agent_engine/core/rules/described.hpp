#ifndef AGENT_ENGINE_CORE_RULES_DESCRIBED_HPP
#define AGENT_ENGINE_CORE_RULES_DESCRIBED_HPP

// A struct described with BOOST_DESCRIBE_STRUCT is a JSON object with one key per
// public member (base members first), in declaration order. Reading follows
// pydantic v2: a missing key keeps the member's default unless it is required;
// unknown keys are ignored unless the schema forbids them or keeps them (each
// written back before the member it preceded in the input); every error is
// collected, and reported in declaration order whatever the order of the input.

#include <agent_engine/core/constraints.hpp>
#include <agent_engine/core/detail/is_optional.hpp>
#include <agent_engine/core/detail/json_scan.hpp>
#include <agent_engine/core/detail/dump_writer.hpp>
#include <agent_engine/core/dom_writer.hpp>
#include <agent_engine/core/extra_members.hpp>
#include <agent_engine/core/json_rule.hpp>
#include <agent_engine/core/rules/json_value.hpp>
#include <agent_engine/core/rules/string.hpp>
#include <agent_engine/core/schema_model.hpp>

#include <boost/mp11/algorithm.hpp>

#include <bitset>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

namespace agent_engine {
namespace detail {

// Runs the AGENT_ENGINE_VALIDATOR functions that count for T on a fully read
// object, bases first, each class once, in order, until one reports a problem:
// a value_error at the object's location.
template <class T, class Input> void run_validators(const T& object, validation_context& ctx, Input&& input)
{
    bool valid = true;
    using classes = typename schema_model<T>::validator_classes;
    boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, classes>>([&](auto c) {
        using C = typename decltype(c)::type;
        auto run = [&](auto const& f) {
            // Asked so that a wrong signature stops at this message, not inside std::invoke.
            constexpr bool callable = std::is_invocable_r_v<std::optional<std::string>, decltype(f), const C&>;
            static_assert(callable, "agent_engine: a validator is called as f(const T&) and returns "
                                    "std::optional<std::string>: the problem, or nothing when the object is valid.");
            if constexpr (callable) {
                std::optional<std::string> problem = std::invoke(f, static_cast<const C&>(object));
                if (problem)
                    fail_value_error(ctx, *problem, input);
                return !problem;
            } else {
                return false;
            }
        };
        std::apply([&](auto const&... validator) { valid = valid && (run(validator) && ...); },
                   declared_by<C, declare::validators>());
    });
}

// Whether a member is None to pydantic's exclude_none: an empty optional or
// pointer, a null json value, or a variant holding one.
template <class M> bool is_none(const M& value)
{
    if constexpr (is_nullable_v<M>)
        return !value;
    else if constexpr (std::is_same_v<M, boost::json::value>)
        return value.is_null();
    else if constexpr (is_variant_v<M>)
        return std::visit([](auto const& held) { return is_none(held); }, value);
    else
        return false;
}

// Whether a member equals its default to exclude_defaults: a scalar by ==,
// anything else when both are written alike (a struct need not have ==, and a
// pointer's == compares addresses, not what it points to).
template <class M> bool equal_when_written(const M& value, const M& default_value)
{
    if constexpr (std::is_arithmetic_v<M> || std::is_enum_v<M> || std::is_same_v<M, std::string> ||
                  std::is_same_v<M, boost::json::value>) {
        return value == default_value;
    } else {
        dom_writer a, b;
        rule_of<M>::write(a, value);
        rule_of<M>::write(b, default_value);
        return a.release() == b.release();
    }
}

} // namespace detail

template <class T>
    requires detail::is_described_struct_v<T>
struct json_rule<T> {
    static_assert((detail::require_default_constructible<T>(), true));

    using model = schema_model<T>;
    static constexpr std::size_t size = model::size;
    template <std::size_t I> using member = typename model::template member<I>;
    template <std::size_t I> using member_type = typename model::template member_type<I>;
    static constexpr const auto& keys = model::keys;
    template <class V> using nullable_value = typename detail::nullable<V>::value_type;

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

    // A writer with dump_options (detail::dump_writer) chooses the members and
    // their keys; a plain one writes every member by alias, asking nothing.
    template <class Writer> static void write(Writer& w, const T& v)
    {
        if constexpr (detail::has_dump_options<Writer>) {
            std::optional<T> defaults; // what exclude_defaults compares with
            if (w.options().exclude_defaults)
                defaults.emplace();
            write_members(w, v, defaults ? &*defaults : nullptr);
        } else {
            write_members(w, v, nullptr);
        }
    }

    template <class Writer> static void write_members(Writer& w, const T& v, [[maybe_unused]] const T* defaults)
    {
        w.begin_object(size);
        boost::mp11::mp_for_each<boost::mp11::mp_iota_c<size>>([&](auto I) {
            if constexpr (model::allow_extra)
                write_extras(w, v, I, false);
            if constexpr (I == model::version_index) { // the version this code writes, whatever the member holds
                write_key<I>(w);
                rule_of<member_type<I>>::write(w, member_type<I>(model::version));
            } else {
                auto const& value = v.*member<I>::pointer;
                if constexpr (detail::has_dump_options<Writer>)
                    if ((w.options().exclude_none && detail::is_none(value)) ||
                        (defaults && !model::required[I] && // a required member has no default
                         detail::equal_when_written(value, defaults->*member<I>::pointer)))
                        return;
                write_key<I>(w);
                rule_of<member_type<I>>::write(w, value);
            }
        });
        if constexpr (model::allow_extra)
            write_extras(w, v, size, true);
        w.end_object();
    }

    // Member I's key: its alias, or with by_alias off its C++ name.
    template <std::size_t I, class Writer> static void write_key(Writer& w)
    {
        if constexpr (detail::has_dump_options<Writer>)
            if (!w.options().by_alias)
                return w.plain_key(member<I>::name); // an identifier: nothing to escape
        if constexpr (detail::is_plain_string(keys[I]))
            w.plain_key(keys[I]);
        else
            w.key(keys[I]);
    }

    // The extra members kept before the member numbered `place` (`last`: and
    // those after the last member). They have no default to compare with: only
    // exclude_none leaves one out (pydantic's model_extra alike).
    template <class Writer> static void write_extras(Writer& w, const T& v, std::size_t place, bool last)
    {
        auto const& extras = v.*model::extras;
        if (extras.empty())
            return;
        extras.for_each_at(place, last, [&](std::string const& key, boost::json::value const& value) {
            if constexpr (detail::has_dump_options<Writer>)
                if (w.options().exclude_none && value.is_null())
                    return;
            w.key(key);
            w.value(value);
        });
    }

    template <class Reader> static void read(Reader& r, T& out, validation_context& ctx)
    {
        // A model's config applies to its own fields, not to a nested model's.
        auto outer = ctx.exchange_str_config(model::str);
        read_fields(r, out, ctx);
        ctx.exchange_str_config(outer);
    }

    // The str config member I is read with: the model's, but a str member's own
    // min_length or max_length replaces the model's bound at that end (pydantic
    // 2.13: Field(min_length=1) under str_min_length=2 accepts "a", and
    // str_max_length still applies), and its own pattern sees the string before
    // its case changes (pydantic 2.13: pattern "^[a-z]+$" refuses "AB" under
    // str_to_lower).
    template <std::size_t I> static constexpr detail::str_config member_str_config() noexcept
    {
        detail::str_config config = model::str;
        using V = member_type<I>;
        using text = boost::mp11::mp_eval_if_c<!detail::is_nullable_v<V>, V, nullable_value, V>;
        if constexpr (model::template has_constraints<I> && detail::is_text_v<text>) {
            using own = decltype(model::template constraints<I>());
            if constexpr (boost::mp11::mp_contains<own, constraints::min_length>::value)
                config.min_length = detail::str_config{}.min_length;
            if constexpr (boost::mp11::mp_contains<own, constraints::max_length>::value)
                config.max_length = detail::str_config{}.max_length;
            if constexpr (boost::mp11::mp_contains<own, constraints::pattern>::value)
                config.to_case = detail::letter_case::kept;
        }
        return config;
    }

    // Runs `read` (of member I of `out`) under the member's str config where it
    // differs from the model's; then changes the case it left.
    template <std::size_t I, class Read>
    static void with_member_str_config(T& out, validation_context& ctx, Read&& read)
    {
        constexpr detail::str_config own = member_str_config<I>();
        if constexpr (own.min_length == model::str.min_length && own.max_length == model::str.max_length &&
                      own.to_case == model::str.to_case) {
            read();
        } else {
            auto outer = ctx.exchange_str_config(own);
            read();
            ctx.exchange_str_config(outer);
            if constexpr (own.to_case != model::str.to_case) {
                auto& value = out.*member<I>::pointer;
                if constexpr (detail::is_nullable_v<member_type<I>>) {
                    if (value)
                        detail::apply_letter_case(*value, model::str.to_case, ctx);
                } else {
                    detail::apply_letter_case(value, model::str.to_case, ctx);
                }
            }
        }
    }

    template <class Reader> static void read_fields(Reader& r, T& out, validation_context& ctx)
    {
        if (r.kind() != boost::json::kind::object) {
            ctx.fail(error_type::model_type, [&] {
                return validation_context::error_details{r.capture(), {{"class_name", std::string_view(model::title)}}};
            });
            return;
        }
        auto members_strictness = ctx.members_strict(model::strict);
        auto whole = r.mark();
        std::size_t first_error = ctx.error_count();
        std::bitset<size> seen;
        validation_context::repeats repeated;
        std::size_t expected = 0;
        [[maybe_unused]] std::size_t placed = 0; // extra members placed before a member (kept extras)
        if constexpr (model::allow_extra)
            placed = (out.*model::extras).size();
        [[maybe_unused]] std::bitset<size> by_name; // members read from their C++ name (VALIDATE_BY_NAME)
        r.for_each_member([&](std::string_view key) {
            std::size_t i = find(key, expected);
            if constexpr (model::validate_by_name) {
                if (i == size) {
                    i = model::find_name(key);
                    if (i != size && seen.test(i) && !by_name.test(i)) // the alias came first: it wins
                        return r.skip();
                    if (i != size)
                        by_name.set(i);
                } else if (by_name.test(i)) { // the alias after the name: the name's value and errors go
                    by_name.reset(i);
                    seen.reset(i);
                    repeated.note(model::names[i], ctx.error_count());
                }
            }
            // A repeated member counts once, with its last value; so does an extra
            // key where extras are errors.
            if (i != size && seen.test(i)) {
                repeated.note(key, ctx.error_count());
                ctx.note_normalized();
            }
            if (i == size) {
                if constexpr (model::forbid_extra) {
                    repeated.note_extra(key, ctx.error_count());
                    auto at = ctx.at(key);
                    ctx.fail(error_type::extra_forbidden, [&] { return r.capture(); });
                } else if constexpr (model::allow_extra) {
                    // Kept unvalidated and placed before the next member found, if
                    // any; an aliased member's own name is dropped, as pydantic does.
                    if (model::is_member_name(key)) {
                        r.skip();
                        ctx.note_normalized();
                    } else {
                        boost::json::value value;
                        rule_of<boost::json::value>::read(r, value, ctx);
                        (out.*model::extras).set(std::string(key), std::move(value));
                    }
                } else {
                    r.skip();
                }
            } else {
                // A repeated member keeps its first place (a Python dict's, and the
                // DOM's): extras since then wait for the next new member.
                if constexpr (model::allow_extra)
                    if (auto& extras = out.*model::extras; extras.size() != placed && !seen.test(i)) {
                        extras.place_from(placed, i);
                        placed = extras.size();
                    }
                seen.set(i);
                expected = i + 1;
                if constexpr (size > 0) {
                    boost::mp11::mp_with_index<size>(i, [&](auto I) {
                        read_member<I>(r, out, model::validate_by_name && by_name.test(I) ? model::names[I] : keys[I],
                                       ctx);
                    });
                }
            }
        });
        if (detail::settle_repeats(r, whole, ctx, first_error, repeated,
                                   [&](Reader& again) { read(again, out, ctx); }))
            return;
        if constexpr (model::versioned)
            check_version(r, whole, out, seen.test(model::version_index), ctx);
        if constexpr (model::validate_default)
            validate_defaults(out, seen, ctx);
        for (std::size_t i = 0; i < size; ++i) {
            if (model::required[i] && !seen.test(i)) {
                auto at = ctx.at(keys[i]);
                ctx.fail(error_type::missing, [&] { return r.capture(whole); });
            }
        }
        // Rules across members see a whole, valid object, as pydantic's "after" validators.
        if (ctx.error_count() == first_error)
            detail::run_validators(out, ctx, [&] { return r.capture(whole); });
        if (ctx.error_count() != first_error)
            restore_declaration_order(ctx, first_error);
        ctx.note_fields_set(seen.count());
    }

    // Reads member I from `r`, located at `key`.
    template <std::size_t I, class Reader>
    static void read_member(Reader& r, T& out, std::string_view key, validation_context& ctx)
    {
        auto at = ctx.at(key);
        // A nested schema read from input starts from its own defaults, not from
        // the enclosing schema's initializer for it (pydantic).
        if constexpr (detail::is_described_struct_v<member_type<I>>) {
            static_assert(std::is_move_assignable_v<member_type<I>>,
                          "agent_engine: a schema held as a member of another must be move-assignable: its read "
                          "starts from its own defaults (member = Schema{}), as pydantic's does.");
            if constexpr (std::is_move_assignable_v<member_type<I>>)
                out.*member<I>::pointer = member_type<I>{};
        }
        with_member_str_config<I>(out, ctx, [&] {
            if constexpr (model::template has_constraints<I>)
                detail::read_constrained(r, out.*member<I>::pointer, model::template constraints<I>(), ctx);
            else
                rule_of<member_type<I>>::read(r, out.*member<I>::pointer, ctx);
        });
    }

    // AGENT_ENGINE_VALIDATE_DEFAULT: each member the input left out is read again
    // from the value it keeps, as pydantic validates a default: constraints and
    // the str config apply, errors are at the member (not the version member,
    // whose absence means version 1).
    static void validate_defaults(T& out, const std::bitset<size>& seen, validation_context& ctx)
    {
        boost::mp11::mp_for_each<boost::mp11::mp_iota_c<size>>([&](auto I) {
            if (seen.test(I) || model::required[I] || I == model::version_index)
                return;
            boost::json::value kept = detail::as_input(out.*member<I>::pointer);
            dom_reader r(kept);
            read_member<I>(r, out, keys[I], ctx);
        });
    }

    // A document of T held in another is read only at T's current version: the
    // from_dict / from_json of T itself migrate, a member's read does not (it
    // would be read as the current shape, losing what moved). Absent, the
    // version is 1.
    template <class Reader>
    static void check_version(Reader& r, typename Reader::mark_type whole, const T& out, bool present,
                              validation_context& ctx)
    {
        auto const& version = out.*member<model::version_index>::pointer;
        if (std::cmp_equal(present ? version : 1, model::version))
            return;
        auto at = ctx.at(keys[model::version_index]);
        ctx.fail("version_mismatch", [&] {
            std::string got = present ? std::to_string(version) : "1 (no " + std::string(keys[model::version_index]) + ")";
            return validation_context::error_parts{
                "Input should be version " + std::to_string(model::version) + " of " + std::string(model::title) +
                    ", not " + got + ": held in another document, it is not migrated (migrate it in that "
                    "document's migration)",
                present ? boost::json::value(version) : r.capture(whole),
                {{"expected_version", model::version}}};
        });
    }

    // pydantic reports a model's errors field by field in declaration order,
    // and the extra keys after them (model_validate) or before them
    // (model_validate_json); the input's key order must not matter. Each
    // error's member is read back from its location.
    static void restore_declaration_order(validation_context& ctx, std::size_t first_error)
    {
        const bool extras_first = ctx.mode() == input_mode::json;
        ctx.sort_errors_by_key(first_error, [extras_first](std::optional<std::string_view> key) {
            if (!key)
                return size + 2; // about the whole object
            std::size_t i = find(*key, 0);
            if (model::validate_by_name && i == size)
                i = model::find_name(*key);
            return i == size && extras_first ? 0 : i + 1;
        });
    }

    static std::string label() { return std::string(model::title); }

    static boost::json::value schema(schema_builder& b)
    {
        return b.reference(model::title, detail::qualified_type_name<T>(), [&] { return definition(b); });
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
            if constexpr (model::template has_constraints<I>)
                detail::annotate_schema<member_type<I>>(property, model::template constraints<I>());
            auto& p = property.as_object();
            if (!p.contains("$ref"))
                p["title"] = schema_builder::property_title(keys[I]);
            if (!model::descriptions[I].empty())
                p["description"] = model::descriptions[I];
            if (model::required[I])
                required_keys.emplace_back(keys[I]);
            else
                p["default"] = detail::as_input(defaults.*pointer);
            if constexpr (I == model::version_index) {
                // What this code writes. No "default": a document without the
                // member is version 1, read by migrating it.
                p.erase("default");
                p["const"] = model::version;
            }
            properties.emplace(keys[I], std::move(property));
        });
        boost::json::object def;
        def["title"] = model::title;
        if (!model::description.empty())
            def["description"] = model::description;
        def["type"] = "object";
        def["properties"] = std::move(properties);
        if (!required_keys.empty())
            def["required"] = std::move(required_keys);
        if constexpr (model::forbid_extra || model::allow_extra)
            def["additionalProperties"] = model::allow_extra;
        if constexpr (model::versioned) // an annotation (2020-12 ignores unknown keywords)
            def["x-schema-version"] = model::version;
        return def;
    }
};

} // namespace agent_engine

#endif
