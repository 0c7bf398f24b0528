#ifndef AGENT_ENGINE_RUNTIME_STORE_MIGRATION_HPP
#define AGENT_ENGINE_RUNTIME_STORE_MIGRATION_HPP

// migrate_documents: brings every stored document of a versioned schema to its
// current version (AGENT_ENGINE_SCHEMA_VERSION, core/versioning.hpp), one document at a
// time, each replaced atomically and only if no writer saved it since it was
// read (task_store::replace_if). Reading migrates in memory anyway (every read
// of a versioned schema does); this rewrites the store, so that older programs
// stop finding older documents and the newer one stops migrating them.

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/core/text_writer.hpp>
#include <agent_engine/runtime/task_store.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agent_engine {

// What migrate_documents needs of a schema; schema_migrator_for<T>() makes it.
struct schema_migrator {
    // The version written (0: the schema has none, so every valid document is current).
    std::int64_t current_version = 0;
    // Brings a document to current_version in place; returns the version it was at.
    std::function<Result<std::int64_t>(boost::json::object&)> migrate;
    // Reads a stored document as every load reads it (decode_document: the same
    // mode and wording, an older version migrated in memory): its validation errors.
    std::function<Result<void>(std::string_view bytes)> validate;
    // The same, then writes it back: its validation errors, or the document to
    // store (what to_dict of the value read gives).
    std::function<Result<boost::json::value>(std::string_view bytes)> rewrite;
    // A versioned schema that keeps unknown keys (AGENT_ENGINE_ALLOW_EXTRA), else
    // empty: the keys of a document at the current version that it would keep as
    // unknown keys although its migrations rename or remove them. An older
    // program that keeps unknown keys wrote them since the document was migrated
    // (its own name for a member, beside the one it became); a rewrite would keep
    // them for ever.
    std::function<std::vector<std::string>(const boost::json::object& document)> stale_keys;
};

template <class T> schema_migrator schema_migrator_for()
{
    schema_migrator m;
    if constexpr (is_versioned_v<T>) {
        m.current_version = current_version<T>();
        m.migrate = [](boost::json::object& document) { return migrate_document<T>(document); };
        if constexpr (schema_model<T>::allow_extra)
            m.stale_keys = [](const boost::json::object& document) {
                constexpr auto& declared = schema_model<T>::keys;
                boost::json::object unknown; // what the schema would keep as extras
                for (auto const& [key, value] : document)
                    if (std::ranges::find(declared, std::string_view(key)) == declared.end())
                        unknown.emplace(key, value);
                // Read as version 1 (no version key), they show what the migrations
                // do to each; a migration that needs more of the document gives no verdict.
                boost::json::object migrated = unknown;
                std::vector<std::string> stale;
                if (unknown.empty() || !migrate_document<T>(migrated))
                    return stale;
                for (auto const& entry : unknown)
                    if (!migrated.contains(entry.key()))
                        stale.emplace_back(entry.key());
                return stale;
            };
    } else {
        m.migrate = [](boost::json::object&) -> Result<std::int64_t> { return 0; };
    }
    m.validate = [](std::string_view bytes) -> Result<void> {
        BOOST_OUTCOME_TRYV(decode_document<T>(bytes));
        return boost::outcome_v2::success();
    };
    m.rewrite = [](std::string_view bytes) -> Result<boost::json::value> {
        BOOST_OUTCOME_TRY(auto value, decode_document<T>(bytes));
        return to_dict(value);
    };
    return m;
}

struct migrate_options {
    // The projects to migrate; empty: every project of the store.
    std::vector<std::string> projects;
    // Report what would be migrated, write nothing.
    bool dry_run = false;
    // How migrated documents are written; pretty is the Python original's indent=2.
    json_format format = json_format::pretty();
    // Told of each document read (step "migrate").
    progress_callback progress;
};

enum class migration_outcome {
    migrated, // brought to the current version (in a dry run: would be)
    current,  // at the current version and valid: left as it is
    failed    // left as it is: see the error
};
BOOST_DESCRIBE_ENUM(migration_outcome, migrated, current, failed)

struct migrated_document {
    std::string project;
    std::string task_id;
    migration_outcome outcome = migration_outcome::current;
    std::int64_t from_version = 0; // the version read (0: unknown, or the schema has none)
    std::int64_t to_version = 0;   // the version written, or that it is at
    std::optional<EngineError> error;
};
BOOST_DESCRIBE_STRUCT(migrated_document, (), (project, task_id, outcome, from_version, to_version, error))

struct migration_report {
    std::vector<migrated_document> documents; // by project, then id
    std::size_t migrated = 0, current = 0, failed = 0;
    bool dry_run = false;
};
BOOST_DESCRIBE_STRUCT(migration_report, (), (documents, migrated, current, failed, dry_run))

// Migrates the documents of options.projects (default: all) with `schema`. Each
// is read, parsed, migrated, validated and written only if every step works and
// it was not saved again since it was read; a document that fails any step
// (unreadable, migration_failed, version_too_new, invalid once migrated,
// "migration_drops_data": a key the schema does not read, which rewriting would
// lose, "task_changed": saved since) is left exactly as it was and reported with
// its error, and the others go on. A project named that the store does not hold is
// a not_found error before anything is read.
Result<migration_report> migrate_documents(task_store& store, const schema_migrator& schema,
                                           const migrate_options& options = {});

} // namespace agent_engine

#endif
