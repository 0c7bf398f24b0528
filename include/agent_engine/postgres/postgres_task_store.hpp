#ifndef AGENT_ENGINE_POSTGRES_POSTGRES_TASK_STORE_HPP
#define AGENT_ENGINE_POSTGRES_POSTGRES_TASK_STORE_HPP

// postgres_task_store: a task_store in a PostgreSQL database, for workers on
// several machines sharing one history (library agent_engine::postgres, libpq).
//
// One row per document in {schema}.task_documents: the exact bytes put (bytea),
// a version for compare-and-swap, and the metadata that history queries need as
// indexed columns (status, pipeline_id, created_at, updated_at and the task's
// time), read from the bytes once at put, so listing, filtering, paging and
// pruning never read a body. open() creates or upgrades the tables under an
// advisory lock (safe from many processes at once) and records each applied
// migration in {schema}.schema_migrations. See doc/postgres.md.
//
// Same semantics and error codes as file_task_store. Every put is one statement:
// a reader sees the old or the new document; a failed put leaves the old one.
// A bad connection string, an unreachable or vanished server and any SQL failure
// are io errors that say what happened; the next call reconnects. A document
// over PostgreSQL's 1 GiB limit on one value is refused with an io error (as a
// file too large for the disk is), before anything is sent.
//
// Thread-safety: one connection, used under a mutex, so calls from several
// threads are safe but serialized; give each worker thread its own store for
// parallel saves. Many processes may share one database: concurrent puts of one
// document are last-writer-wins, whole documents.

#include <agent_engine/runtime/task_history.hpp>
#include <agent_engine/runtime/task_store.hpp>

#include <memory>
#include <string>

namespace agent_engine {

struct postgres_store_options {
    // PostgreSQL schema holding the tables (created if missing).
    std::string schema = "agent_engine";
    // Seconds to wait for a connection when the connection string sets no
    // connect_timeout (libpq's default is to wait forever).
    int connect_timeout_seconds = 10;
};

class postgres_task_store final : public task_store, public task_metadata_index {
    struct connection;
    std::unique_ptr<connection> db_;

    explicit postgres_task_store(std::unique_ptr<connection> db);

public:
    // Connects with a libpq connection string or URI
    // ("postgresql://user@host/db", "host=/run/postgresql dbname=tasks") and
    // creates or upgrades the tables. io error (with libpq's reason) when the
    // string is malformed or the server cannot be reached or migrated.
    static Result<std::unique_ptr<postgres_task_store>> open(const std::string& conninfo,
                                                             postgres_store_options options = {});
    ~postgres_task_store() override;
    postgres_task_store(const postgres_task_store&) = delete;
    postgres_task_store& operator=(const postgres_task_store&) = delete;

    // The schema version open() brought the tables to.
    static int schema_version() noexcept;

    Result<std::string> put(std::string_view project, std::string_view id, std::string_view bytes) override;
    Result<std::string> get(std::string_view project, std::string_view id) const override;
    Result<std::vector<std::string>> list(std::string_view project) const override;
    Result<std::vector<std::string>> list_projects() const override;
    Result<void> remove(std::string_view project, std::string_view id) override;
    // Removes only if the stored version is still check.version (still_wanted is not asked).
    Result<bool> remove_if(std::string_view project, std::string_view id, const removal_check& check) override;
    // A put_versioned at check.version: a put since the caller read it keeps its document.
    Result<bool> replace_if(std::string_view project, std::string_view id, std::string_view bytes,
                            const removal_check& check) override;
    std::string location(std::string_view project, std::string_view id) const override;

    Result<versioned_put> put_versioned(std::string_view project, std::string_view id, std::string_view bytes,
                                        std::optional<std::int64_t> expected_version) override;
    Result<versioned_document> get_versioned(std::string_view project, std::string_view id) const override;

    const task_metadata_index* metadata_index() const noexcept override { return this; }
    Result<metadata_rows> select_metadata(std::string_view project, const metadata_selection& selection) const override;
};

// True when `uri` names a PostgreSQL store (postgresql:// or postgres://);
// inline so that programs choosing a store need not link libpq to ask.
inline bool is_postgres_uri(std::string_view uri) noexcept
{
    return uri.starts_with("postgresql://") || uri.starts_with("postgres://");
}

// The store `where` names: a PostgreSQL URI (see is_postgres_uri) or a directory
// for a file_task_store. What --store means in agent-tasks and the demo.
Result<std::shared_ptr<task_store>> open_task_store(const std::string& where, postgres_store_options options = {});

} // namespace agent_engine

#endif
