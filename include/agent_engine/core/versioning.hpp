#ifndef AGENT_ENGINE_CORE_VERSIONING_HPP
#define AGENT_ENGINE_CORE_VERSIONING_HPP

// Schema evolution: a schema declares its version and how a document of each
// older version becomes one of the next, beside BOOST_DESCRIBE_STRUCT:
//
//   struct Order { int schema_version = 3; std::string client; ... };
//   BOOST_DESCRIBE_STRUCT(Order, (), (schema_version, client, ...))
//   AGENT_ENGINE_SCHEMA_VERSION(Order, schema_version, 3)   // the member holding it, the current version
//   AGENT_ENGINE_MIGRATION(Order, 1, rename_customer) // version 1 -> 2
//   AGENT_ENGINE_MIGRATION(Order, 2, split_name)      // version 2 -> 3
//
// A migration works on the JSON object (no C++ type for an old version is
// needed): Result<void> f(boost::json::object& document), returning
// migration_error(...) when it cannot. A document without the version member
// is version 1. from_dict and from_json of a versioned schema read a document of
// any version up to the current one: an older one is copied, migrated step by
// step, then read and validated as usual; a newer one is refused
// (version_too_new), never read as the older shape. Only the document read
// migrates: a versioned schema held as a member of another is read only at its
// current version (any other is a version_mismatch error, rules/described.hpp).
//
// The functions below are the steps, for a caller holding a DOM (the store's
// migrate command): document_version, migrate_document.

#include <agent_engine/core/detail/python_repr.hpp>
#include <agent_engine/core/dom_reader.hpp>
#include <agent_engine/core/read_options.hpp>
#include <agent_engine/core/result.hpp>
#include <agent_engine/core/rules/number.hpp>
#include <agent_engine/core/schema_model.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace agent_engine {

// Whether T declares AGENT_ENGINE_SCHEMA_VERSION (on a member that can hold it).
template <class T> inline constexpr bool is_versioned_v = detail::declares_version<T>();

// The version a versioned schema T reads and writes.
template <class T>
    requires is_versioned_v<T>
constexpr int current_version() noexcept
{
    return schema_model<T>::version;
}

// The JSON key of the member that holds T's version.
template <class T>
    requires is_versioned_v<T>
constexpr std::string_view version_key() noexcept
{
    return schema_model<T>::keys[schema_model<T>::version_index];
}

// The error a migration returns when it cannot migrate a document: why, and
// where in the document (keys and indices, as a validation error's loc). The
// library adds the step and the schema (error_id "migration_failed").
inline EngineError migration_error(std::string reason, boost::json::array loc = {})
{
    return make_error(EngineErrorCode::validation, EngineErrorSource::json_engine, "migration_failed", reason,
                      {{"reason", reason}, {"loc", std::move(loc)}});
}

// Renames the key `from` of `document` to `to`, keeping its value (and replacing
// any value `to` had): the commonest step of a migration. Nothing happens
// without `from`. The value is moved out before the new key goes in, since an
// insertion may move the object's entries (a pointer from if_contains would dangle).
inline void rename_key(boost::json::object& document, std::string_view from, std::string_view to)
{
    auto it = document.find(from);
    if (it == document.end())
        return;
    boost::json::value value = std::move(it->value());
    document.erase(it);
    document.insert_or_assign(to, std::move(value));
}

namespace detail {

inline EngineError version_error(std::string error_id, std::string_view title, std::string message,
                                 boost::json::object details)
{
    details.emplace("title", title);
    return make_error(EngineErrorCode::validation, EngineErrorSource::json_engine, std::move(error_id),
                      std::string(title) + ": " + message, std::move(details));
}

// The error of a migration from `from` to from + 1 of T, with the step and the
// location: `e` as a migration returned it (migration_error, or any other).
inline EngineError migration_failed(std::string_view title, int from, EngineError e)
{
    boost::json::array loc;
    std::string reason = e.message;
    if (e.details) {
        if (auto* l = e.details->if_contains("loc"); l && l->is_array())
            loc = l->get_array();
        if (auto* r = e.details->if_contains("reason"); r && r->is_string())
            reason = r->get_string();
    }
    std::string where;
    if (!loc.empty())
        append_loc(where += " at ", loc);
    return version_error("migration_failed", title,
                         "cannot migrate the document from version " + std::to_string(from) + " to " +
                             std::to_string(from + 1) + where + ": " + reason,
                         {{"from_version", from}, {"to_version", from + 1}, {"loc", std::move(loc)}, {"reason", reason}});
}

// The errors of a document read after migrating it from version `from`: their
// inputs are the migrated document's, which the message and details say.
inline EngineError read_after_migration(EngineError e, std::int64_t from, int to)
{
    e.message += "\n(read as version " + std::to_string(to) + " after migrating the document from version " +
                 std::to_string(from) + ")";
    if (!e.details)
        e.details.emplace();
    e.details->insert_or_assign("migrated_from", from);
    return e;
}

template <class T> EngineError version_too_new(std::int64_t version)
{
    constexpr int current = current_version<T>();
    return version_error("version_too_new", schema_model<T>::title,
                         "the document is version " + std::to_string(version) + " (" + std::string(version_key<T>()) +
                             "), newer than this program, which reads versions 1 to " + std::to_string(current) +
                             "; it is not read, so that nothing it holds is lost (read it with a newer program)",
                         {{"loc", boost::json::array{version_key<T>()}},
                          {"version", version},
                          {"current_version", current}});
}

template <class F> constexpr bool is_migration_v = std::is_invocable_r_v<Result<void>, F&, boost::json::object&>;

} // namespace detail

// The version of `document`, a document of T: its version member, 1 when it has
// none. A version member that is not a whole number from 1 (in a strict read,
// options.strict or AGENT_ENGINE_STRICT(T): not a JSON integer, as for any
// int member) is a validation error ("version_type") naming it; a newer
// version than the code's is returned as it is (see migrate_document).
template <class T>
    requires is_versioned_v<T>
Result<std::int64_t> document_version(const boost::json::object& document, const read_options& options = {})
{
    constexpr std::string_view key = version_key<T>();
    auto const* v = document.if_contains(key);
    if (!v)
        return 1;
    // Read by the member's own rule in the member's strictness, as the text path
    // reads it (lax, 3.0 is 3), then range-checked.
    using model = schema_model<T>;
    typename model::template member_type<model::version_index> version{};
    validation_context ctx(options);
    auto strictness = ctx.members_strict(model::strict);
    dom_reader r(*v);
    rule_of<decltype(version)>::read(r, version, ctx);
    if (ctx.ok() && version >= 1)
        return static_cast<std::int64_t>(version);
    std::string message = "the document's version (" + std::string(key) + ") should be a whole number from 1, not ";
    detail::append_python_repr(message, *v);
    return detail::version_error("version_type", schema_model<T>::title, std::move(message),
                                 {{"loc", boost::json::array{key}}, {"input", *v}});
}

// Brings `document`, a document of T, to T's current version in place: each
// migration from its version on, in turn, each step setting the version member
// to the version it reached. Returns the version the document was at (the
// current one: nothing done). Errors (validation, the document then half-way and
// not to be used): version_type, version_too_new (nothing done), migration_failed
// (details: from_version, to_version, loc, reason). `options`: as document_version's.
template <class T>
    requires is_versioned_v<T>
Result<std::int64_t> migrate_document(boost::json::object& document, const read_options& options = {})
{
    constexpr int current = current_version<T>();
    BOOST_OUTCOME_TRY(std::int64_t version, document_version<T>(document, options));
    if (version > current)
        return detail::version_too_new<T>(version);
    Result<void> migrated = boost::outcome_v2::success();
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<static_cast<std::size_t>(current - 1)>>([&](auto I) {
        constexpr int from = static_cast<int>(I) + 1;
        if (!migrated || from < version)
            return;
        auto&& f = detail::declared_by<T, declare::migration, from>();
        static_assert(detail::is_migration_v<decltype(f)>,
                      "agent_engine: an AGENT_ENGINE_MIGRATION function must be callable as "
                      "agent_engine::Result<void>(boost::json::object& document)");
        if constexpr (detail::is_migration_v<decltype(f)>) {
            Result<void> step = f(document);
            if (!step) {
                migrated = detail::migration_failed(schema_model<T>::title, from, std::move(step).error());
                return;
            }
            document[version_key<T>()] = from + 1;
        }
    });
    BOOST_OUTCOME_TRYV(std::move(migrated));
    return version;
}

} // namespace agent_engine

#endif
