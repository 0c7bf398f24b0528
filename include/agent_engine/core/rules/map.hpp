#ifndef AGENT_ENGINE_CORE_RULES_MAP_HPP
#define AGENT_ENGINE_CORE_RULES_MAP_HPP

// Maps (std::map, std::unordered_map, ordered_map) are JSON objects, as
// pydantic's dict[K, V]; an error in a value is located by its key:
// ["stage_results", "s1", "started_at"]. Written in the map's own iteration
// order: use ordered_map to keep input order.
//
// A key is a JSON object key, so a string; the key types are those pydantic
// reads from one (map_key_type below): std::string; any integer type ("12" is
// 12, read as pydantic reads a str into an int, range-checked as the integer
// rule checks a number); a described enum (its JSON name); boost::uuids::uuid;
// std::chrono::year_month_day; a type whose representation<T> is one of these.
// Each key goes through the value rule of its type (map_key below), on a reader
// that shows it the key as a JSON string (an integer key: as the number the
// string spells), so that a key means what the same value means. An invalid key
// is pydantic's error for that value at [..., key, "[key]"], with the key's text
// as input; the key's value is still read, for its own errors, then dropped.
// JSON Schema: propertyNames as pydantic writes it (a reference, or a string
// schema's constraints such as format: uuid; nothing for an integer key).

#include <agent_engine/core/detail/declaration.hpp>
#include <agent_engine/core/detail/standard_integer.hpp>
#include <agent_engine/core/json_rule.hpp>
#include <agent_engine/core/rules/number.hpp>
#include <agent_engine/core/rules/string.hpp>

#include <boost/json/value.hpp>
#include <boost/uuid/uuid.hpp>

#include <chrono>
#include <concepts>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace agent_engine {
namespace detail {

// The type a key is written as: K, or what its representation is, in the end.
template <class K> struct key_form {
    using type = K;
};
template <class K>
    requires has_representation<K>
struct key_form<K> {
    using type =
        typename key_form<std::remove_cvref_t<decltype(representation<K>::to(std::declval<const K&>()))>>::type;
};
template <class K> using key_form_t = typename key_form<K>::type;

// The types a map key may have: those with a string form pydantic reads back.
template <class K> constexpr bool map_key_type()
{
    using F = key_form_t<K>;
    return std::same_as<F, std::string> || standard_integer<F> || is_described_enum_v<F> ||
           std::same_as<F, boost::uuids::uuid> || std::same_as<F, std::chrono::year_month_day>;
}

// A key as its value rule sees it: a JSON string (or the number an integer key
// spells), captured as the key's text, which is what pydantic reports as input.
class key_reader {
    const boost::json::value& as_;
    std::string_view key_;

public:
    using mark_type = int;
    key_reader(const boost::json::value& as, std::string_view key) noexcept : as_(as), key_(key) {}

    boost::json::kind kind() const noexcept { return as_.kind(); }
    bool get_bool() const noexcept { return as_.get_bool(); }
    std::int64_t get_int64() const noexcept { return as_.get_int64(); }
    std::uint64_t get_uint64() const noexcept { return as_.get_uint64(); }
    double get_double() const noexcept { return as_.get_double(); }
    std::string_view get_string() const noexcept { return as_.get_string(); }
    std::size_t size_hint() const noexcept { return 0; }
    void skip() const noexcept {}
    boost::json::value capture() const { return boost::json::string(key_); }
    boost::json::value capture_to_keep() const { return capture(); }
    mark_type mark() const noexcept { return 0; }
    boost::json::value capture(mark_type) const { return capture(); }
};

// A key as its value rule writes it: the string, or the number's digits.
struct key_writer {
    std::string text;
    void string(std::string_view s) { text.assign(s); }
    void int64(std::int64_t v) { text = std::to_string(v); }
    void uint64(std::uint64_t v) { text = std::to_string(v); }
};

// The one conversion of a key of type K, for every path: written by `write`,
// read by `read` (false, with the error reported at "[key]" under the key's
// own location, when the key is not a K),
// and described in JSON Schema by `property_names` (null when pydantic writes none).
template <class K> struct map_key {
    static_assert(map_key_type<K>(),
                  "agent_engine: a map's key type must have a string form: std::string, an integer type, a "
                  "described enum, boost::uuids::uuid, std::chrono::year_month_day, or a type whose "
                  "agent_engine::representation<T> is one of these.");

    template <class Writer> static void write(Writer& w, const K& k)
    {
        key_writer text;
        rule_of<K>::write(text, k);
        w.key(text.text);
    }

    static bool read(std::string_view key, K& out, validation_context& ctx)
    {
        auto at = ctx.at(std::string_view("[key]"));
        // an integer key is the number it spells: the integer rule checks its range
        boost::json::value as;
        if constexpr (standard_integer<key_form_t<K>>) {
            ctx.floor_match(validation_context::match_quality::lax); // as pydantic rates an int from a str, in both modes
            as = integer_from_text(key);
            if (as.is_null()) {
                ctx.fail(error_type::int_parsing, [&] { return boost::json::value(boost::json::string(key)); });
                return false;
            }
            if (as.is_double()) { // past 64 bits: beyond the type's range on the side of its sign
                using limits = std::numeric_limits<key_form_t<K>>;
                key_reader reader(as, key);
                if (as.get_double() < 0)
                    fail_below(ctx, reader, limits::min());
                else
                    fail_above(ctx, reader, limits::max());
                return false;
            }
        } else {
            as = boost::json::string(key);
        }
        std::size_t before = ctx.error_count();
        key_reader reader(as, key);
        rule_of<K>::read(reader, out, ctx);
        return ctx.error_count() == before;
    }

    // pydantic's propertyNames: a reference as is; a string schema's constraints
    // without its type; for any other key schema (an integer's), none.
    static boost::json::value property_names(schema_builder& b)
    {
        boost::json::value s = rule_of<K>::schema(b);
        boost::json::object* o = s.if_object();
        if (!o)
            return nullptr;
        if (auto* ref = o->if_contains("$ref"))
            return boost::json::object{{"$ref", *ref}};
        o->erase("title");
        auto* type = o->if_contains("type");
        if (!type || *type != "string" || o->size() < 2)
            return nullptr;
        o->erase("type");
        return s;
    }
};

// std::string keys are themselves.
template <> struct map_key<std::string> {
    template <class Writer> static void write(Writer& w, const std::string& k) { w.key(k); }
    static bool read(std::string_view key, std::string& out, validation_context& ctx)
    {
        auto at = ctx.at(std::string_view("[key]")); // where str_min_length / str_max_length report
        ctx.note_read_from_json_string();
        return read_configured_str(key, out, ctx);
    }
    static boost::json::value property_names(schema_builder&) { return nullptr; }
};

template <class M>
concept json_map = requires(M& m, const typename M::key_type& k) {
    typename M::mapped_type;
    m[k];
    m.clear();
} && !std::same_as<M, boost::json::object>;

} // namespace detail

template <detail::json_map M> struct json_rule<M> {
    using key_type = std::remove_cvref_t<typename M::key_type>;
    using key = detail::map_key<key_type>;
    using mapped = typename M::mapped_type;

    template <class Writer> static void write(Writer& w, const M& v)
    {
        w.begin_object(v.size());
        for (auto const& [k, e] : v) {
            key::write(w, k);
            rule_of<mapped>::write(w, e);
        }
        w.end_object();
    }

    template <class Reader> static void read(Reader& r, M& out, validation_context& ctx)
    {
        if (r.kind() != boost::json::kind::object) {
            ctx.fail(error_type::dict_type, [&] { return r.capture(); });
            return;
        }
        out.clear();
        // A repeated key keeps its first place and takes its last value. pydantic's
        // JSON mode reads a dict pair by pair: every occurrence is validated and
        // keeps its errors, in the order of the text. Its python mode sees what
        // json.loads made, the last value only: the errors of the earlier ones go
        // (detail::settle_repeats, as for a described struct's member). Keys other
        // than strings: "1" and "01" are one key but two texts, both read in
        // either mode.
        const bool last_only = ctx.mode() == input_mode::python;
        auto whole = r.mark();
        std::size_t first_error = ctx.error_count();
        validation_context::repeats repeated;
        r.for_each_member([&](std::string_view text) {
            std::size_t errors_before = ctx.error_count();
            auto at = ctx.at(text);
            key_type k{};
            if (!key::read(text, k, ctx)) { // the value is still read, for its errors
                if (last_only) // the text may have occurred before
                    repeated.note_extra(text, errors_before);
                mapped ignored{};
                rule_of<mapped>::read(r, ignored, ctx);
                return;
            }
            std::size_t size_before = out.size();
            auto& slot = out[std::move(k)];
            if (out.size() == size_before) { // a repeated key: the last one wins whole
                ctx.note_normalized();
                if (last_only)
                    repeated.note(text, errors_before);
                slot = mapped{};
            }
            rule_of<mapped>::read(r, slot, ctx);
        });
        detail::settle_repeats(r, whole, ctx, first_error, repeated, [&](Reader& again) { read(again, out, ctx); });
    }

    static std::string label() { return "dict[" + rule_of<key_type>::label() + "," + rule_of<mapped>::label() + "]"; }
    static boost::json::value schema(schema_builder& b)
    {
        boost::json::object s{{"type", "object"}, {"additionalProperties", rule_of<mapped>::schema(b)}};
        boost::json::value names = key::property_names(b);
        if (!names.is_null())
            s["propertyNames"] = std::move(names);
        return s;
    }
};

} // namespace agent_engine

#endif
