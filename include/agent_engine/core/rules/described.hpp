#ifndef AGENT_ENGINE_CORE_RULES_DESCRIBED_HPP
#define AGENT_ENGINE_CORE_RULES_DESCRIBED_HPP

// A struct described with BOOST_DESCRIBE_STRUCT is a JSON object with one key per
// public member (base members first), in declaration order. Reading follows
// pydantic v2: a missing key keeps the member's default unless it is required;
// unknown keys are ignored unless the schema forbids them or keeps them (each
// written back before the member it preceded in the input); every error is
// collected, and reported in declaration order whatever the order of the input.

#include <agent_engine/core/constraints.hpp>
#include <agent_engine/core/detail/json_scan.hpp>
#include <agent_engine/core/extra_members.hpp>
#include <agent_engine/core/json_rule.hpp>
#include <agent_engine/core/rules/json_value.hpp>
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
            static_assert(std::is_convertible_v<std::invoke_result_t<decltype(f), const C&>, std::optional<std::string>>,
                          "agent_engine: a validator is called as f(const T&) and returns "
                          "std::optional<std::string>: the problem, or nothing when the object is valid.");
            std::optional<std::string> problem = std::invoke(f, static_cast<const C&>(object));
            if (problem)
                fail_value_error(ctx, *problem, input);
            return !problem;
        };
        std::apply([&](auto const&... validator) { valid = valid && (run(validator) && ...); },
                   declared_by<C, declare::validators>());
    });
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
            if constexpr (model::allow_extra)
                write_extras(w, v, I, false);
            if constexpr (detail::is_plain_string(keys[I]))
                w.plain_key(keys[I]);
            else
                w.key(keys[I]);
            if constexpr (I == model::version_index) // the version this code writes, whatever the member holds
                rule_of<member_type<I>>::write(w, member_type<I>(model::version));
            else
                rule_of<member_type<I>>::write(w, v.*member<I>::pointer);
        });
        if constexpr (model::allow_extra)
            write_extras(w, v, size, true);
        w.end_object();
    }

    // The extra members kept before the member numbered `place` (`last`: and
    // those after the last member).
    template <class Writer> static void write_extras(Writer& w, const T& v, std::size_t place, bool last)
    {
        auto const& extras = v.*model::extras;
        if (extras.empty())
            return;
        extras.for_each_at(place, last, [&](std::string const& key, boost::json::value const& value) {
            w.key(key);
            w.value(value);
        });
    }

    template <class Reader> static void read(Reader& r, T& out, validation_context& ctx)
    {
        // A model's config applies to its own fields, not to a nested model's.
        bool outer = ctx.exchange_strip_whitespace(model::strip_whitespace);
        read_fields(r, out, ctx);
        ctx.exchange_strip_whitespace(outer);
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
        r.for_each_member([&](std::string_view key) {
            std::size_t i = find(key, expected);
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
                        auto at = ctx.at(keys[I]);
                        // A nested schema read from input starts from its own defaults,
                        // not from the enclosing schema's initializer for it (pydantic).
                        if constexpr (detail::is_described_struct_v<member_type<I>>)
                            out.*member<I>::pointer = member_type<I>{};
                        if constexpr (model::template has_constraints<I>)
                            detail::read_constrained(r, out.*member<I>::pointer, model::template constraints<I>(), ctx);
                        else
                            rule_of<member_type<I>>::read(r, out.*member<I>::pointer, ctx);
                    });
                }
            }
        });
        if (detail::settle_repeats(r, whole, ctx, first_error, repeated,
                                   [&](Reader& again) { read(again, out, ctx); }))
            return;
        if constexpr (model::versioned)
            check_version(r, whole, out, seen.test(model::version_index), ctx);
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
