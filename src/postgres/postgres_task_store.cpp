#include <agent_engine/postgres/postgres_task_store.hpp>
#include <agent_engine/runtime/detail/guarded.hpp>
#include <agent_engine/runtime/file_task_store.hpp>
#include <agent_engine/runtime/task_metadata.hpp>

#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>

#include <libpq-fe.h>

#include <cstring>
#include <deque>
#include <mutex>

namespace agent_engine {
namespace {

using detail::guarded;

constexpr auto source = EngineErrorSource::task_manager;

// PostgreSQL's limit on one bytea value (1 GiB, the stores' default): a larger
// body is refused before it is sent, and libpq's int lengths never wrap.
constexpr std::size_t max_body_bytes = default_max_document_bytes;

// ---- libpq handles, owned -------------------------------------------------

struct finish_connection {
    void operator()(PGconn* c) const noexcept { PQfinish(c); }
};
using connection_handle = std::unique_ptr<PGconn, finish_connection>;

struct clear_result {
    void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using result_handle = std::unique_ptr<PGresult, clear_result>;

// Parameters of one statement: text values are copied (libpq wants them
// NUL-terminated), binary values are referenced and must outlive the call.
class statement_params {
    std::deque<std::string> text_;
    std::vector<const char*> values_;
    std::vector<int> lengths_;
    std::vector<int> formats_;

public:
    statement_params& text(std::string_view v)
    {
        values_.push_back(text_.emplace_back(v).c_str());
        lengths_.push_back(0);
        formats_.push_back(0);
        return *this;
    }
    statement_params& binary_or_null(const std::optional<std::string>& v) { return v ? binary(*v) : null(); }
    statement_params& number(std::int64_t v) { return text(std::to_string(v)); }
    statement_params& binary(std::string_view v) // at most max_body_bytes
    {
        values_.push_back(v.data());
        lengths_.push_back(static_cast<int>(v.size()));
        formats_.push_back(1);
        return *this;
    }
    statement_params& null()
    {
        values_.push_back(nullptr);
        lengths_.push_back(0);
        formats_.push_back(0);
        return *this;
    }
    int size() const noexcept { return static_cast<int>(values_.size()); }
    const char* const* values() const noexcept { return values_.data(); }
    const int* lengths() const noexcept { return lengths_.data(); }
    const int* formats() const noexcept { return formats_.data(); }
};

enum class result_format { text = 0, binary = 1 };

std::string_view field(const PGresult* r, int row, int column)
{
    return {PQgetvalue(r, row, column), static_cast<std::size_t>(PQgetlength(r, row, column))};
}

std::optional<std::string> optional_field(const PGresult* r, int row, int column)
{
    if (PQgetisnull(r, row, column))
        return std::nullopt;
    return std::string(field(r, row, column));
}

// A bigint column of a binary result (network byte order).
std::int64_t binary_int64(const PGresult* r, int row, int column)
{
    std::uint64_t v = 0;
    for (unsigned char byte : field(r, row, column))
        v = (v << 8) | byte;
    return static_cast<std::int64_t>(v);
}

std::int64_t text_int64(const PGresult* r, int row, int column) { return std::stoll(std::string(field(r, row, column))); }

// libpq's messages end with a newline.
std::string trimmed(const char* message)
{
    std::string m = message ? message : "";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' '))
        m.pop_back();
    return m;
}

EngineError io_error(std::string message, const std::string& where, std::string reason)
{
    return make_error(EngineErrorCode::io, source, "io_failed", std::move(message) + ": " + reason,
                      {{"path", where}, {"reason", reason}});
}

EngineError checkpoint_not_found(const std::string& where)
{
    return make_error(EngineErrorCode::not_found, source, "checkpoint_not_found", "Checkpoint not found: " + where,
                      {{"path", where}});
}

// ---- schema ---------------------------------------------------------------

// Migration N brings the tables from version N-1 to N. Never edit one that has
// shipped: add the next. Each runs in the transaction that records it.
struct migration {
    int version;
    std::vector<const char*> statements;
};

const std::vector<migration>& migrations()
{
    static const std::vector<migration> all{
        {1,
         {
             // Keys compare bytewise (COLLATE "C"), as the file store sorts them.
             // Metadata columns are NULL when the body's metadata is unreadable;
             // task_time is task_time() of the metadata (microseconds, untimed
             // tasks the smallest bigint).
             R"(CREATE TABLE task_documents (
                    project text COLLATE "C" NOT NULL,
                    task_id text COLLATE "C" NOT NULL,
                    version bigint NOT NULL,
                    body bytea NOT NULL,
                    status text,
                    pipeline_id text,
                    document_task_id text,
                    created_at text,
                    updated_at text,
                    task_time bigint NOT NULL,
                    saved_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (project, task_id)))",
             "CREATE INDEX task_documents_by_time ON task_documents (project, task_time, task_id)",
             "CREATE INDEX task_documents_by_status ON task_documents (project, status, task_time, task_id)",
             "CREATE INDEX task_documents_unreadable ON task_documents (project) WHERE status IS NULL",
         }},
        {2,
         {
             // text cannot hold a NUL, which a JSON string can (\u0000): the
             // metadata read from a body is kept as its exact bytes. (A value cut
             // at a NUL by version 1 stays so until the document is saved again.)
             "ALTER TABLE task_documents"
             " ALTER COLUMN pipeline_id TYPE bytea USING convert_to(pipeline_id, 'UTF8'),"
             " ALTER COLUMN document_task_id TYPE bytea USING convert_to(document_task_id, 'UTF8'),"
             " ALTER COLUMN created_at TYPE bytea USING convert_to(created_at, 'UTF8'),"
             " ALTER COLUMN updated_at TYPE bytea USING convert_to(updated_at, 'UTF8')",
         }},
    };
    return all;
}

constexpr const char* upsert_sql =
    "INSERT INTO task_documents AS d (project, task_id, version, body, status, pipeline_id, document_task_id,"
    " created_at, updated_at, task_time) VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9)"
    " ON CONFLICT (project, task_id) DO UPDATE SET version = d.version + 1, body = EXCLUDED.body,"
    " status = EXCLUDED.status, pipeline_id = EXCLUDED.pipeline_id, document_task_id = EXCLUDED.document_task_id,"
    " created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, task_time = EXCLUDED.task_time,"
    " saved_at = now() RETURNING version";
constexpr const char* insert_new_sql =
    "INSERT INTO task_documents (project, task_id, version, body, status, pipeline_id, document_task_id,"
    " created_at, updated_at, task_time) VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9)"
    " ON CONFLICT (project, task_id) DO NOTHING RETURNING version";
constexpr const char* update_if_version_sql =
    "UPDATE task_documents SET version = version + 1, body = $3, status = $4, pipeline_id = $5,"
    " document_task_id = $6, created_at = $7, updated_at = $8, task_time = $9, saved_at = now()"
    " WHERE project = $1 AND task_id = $2 AND version = $10 RETURNING version";

// History selection, one statement per order. NULL parameters mean "no such
// condition"; libpq's unnamed statements are planned with the actual values,
// so those conditions fold away and an index serves the order: (project,
// task_time, task_id), or (project, status, task_time, task_id) for one status
// ($8: PostgreSQL 15 cannot read an index in order for status = ANY(array)).
#define AGENT_ENGINE_SELECT_METADATA(past, direction)                                                              \
    "SELECT task_id, document_task_id, status, pipeline_id, created_at, updated_at, task_time, version"             \
    " FROM task_documents"                                                                                          \
    " WHERE project = $1 AND status IS NOT NULL AND ($2::text[] IS NULL OR status = ANY($2::text[]))"              \
    " AND ($8::text IS NULL OR status = $8::text)"                                                                \
    " AND ($3::bigint IS NULL OR task_time > $3::bigint)"                                                         \
    " AND ($4::bigint IS NULL OR (task_time < $4::bigint AND task_time > -9223372036854775808))"                   \
    " AND ($5::bigint IS NULL OR (task_time, task_id) " past " ($5::bigint, $6::text COLLATE \"C\"))"              \
    " ORDER BY task_time " direction ", task_id " direction " LIMIT $7::bigint"
constexpr const char* select_oldest_first_sql = AGENT_ENGINE_SELECT_METADATA(">", "ASC");
constexpr const char* select_newest_first_sql = AGENT_ENGINE_SELECT_METADATA("<", "DESC");
#undef AGENT_ENGINE_SELECT_METADATA

// The columns a put writes besides the keys and the body ($4..$9), from `meta`,
// the body's metadata, which must outlive the statement (bytea: referenced).
void metadata_params(statement_params& p, const Result<TaskMetadata>& meta)
{
    if (!meta) { // kept, and reported as skipped by history queries, as the file store does
        p.null().null().null().null().null().number(untimed_task);
        return;
    }
    auto const& m = meta.value();
    p.text(std::string_view(boost::describe::enum_to_string(m.status, "")))
        .binary(m.pipeline_id)
        .binary(m.task_id)
        .binary_or_null(m.created_at)
        .binary_or_null(m.updated_at)
        .number(task_time(m));
}

// "{pending,failed}" for a text[] parameter; NULL for every status or just one (one_status_param).
statement_params& statuses_param(statement_params& p, const std::vector<TaskStatus>& statuses)
{
    if (statuses.size() < 2)
        return p.null();
    std::string array = "{";
    for (auto s : statuses) {
        if (array.size() > 1)
            array += ',';
        array += boost::describe::enum_to_string(s, "");
    }
    return p.text(array + "}");
}

statement_params& one_status_param(statement_params& p, const std::vector<TaskStatus>& statuses)
{
    if (statuses.size() != 1)
        return p.null();
    return p.text(std::string_view(boost::describe::enum_to_string(statuses.front(), "")));
}

} // namespace

// ---- the connection -------------------------------------------------------

struct postgres_task_store::connection {
    std::string conninfo;
    postgres_store_options options;
    connection_handle conn;
    // "postgresql://host:port/db", without credentials, for locations. Set by
    // the first successful connect, inside open() before the store is shared,
    // and never reassigned: location() reads it without the mutex.
    std::string server;
    std::mutex mutex;
    bool lost = false; // the last statement lost the connection: reconnect before the next

    std::string_view name() const noexcept { return server.empty() ? std::string_view("postgresql") : server; }
    std::string where() const { return std::string(name()); }

    // Connects (or reconnects after a loss) and prepares the session.
    Result<PGconn*> ready()
    {
        if (conn && !lost && PQstatus(conn.get()) == CONNECTION_OK)
            return conn.get();
        if (conn) {
            PQreset(conn.get());
            lost = false;
        } else {
            std::string timeout = std::to_string(options.connect_timeout_seconds);
            // Later keywords win, and `dbname` expands to the whole connection
            // string: the user's own connect_timeout overrides ours.
            const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
            const char* values[] = {timeout.c_str(), "agent_engine", conninfo.c_str(), nullptr};
            conn.reset(PQconnectdbParams(keys, values, 1));
        }
        if (!conn)
            return io_error("Cannot connect to PostgreSQL", where(), "out of memory");
        if (PQstatus(conn.get()) != CONNECTION_OK)
            return io_error("Cannot connect to PostgreSQL", where(), trimmed(PQerrorMessage(conn.get())));
        PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr); // "already exists, skipping"
        if (server.empty()) {
            const char* host = PQhost(conn.get());
            server = std::string("postgresql://") + (host ? host : "") + ":" + PQport(conn.get()) + "/" + PQdb(conn.get());
        }
        char* schema = PQescapeIdentifier(conn.get(), options.schema.data(), options.schema.size());
        if (!schema)
            return io_error("Cannot use schema '" + options.schema + "'", where(), trimmed(PQerrorMessage(conn.get())));
        std::string search_path = schema;
        PQfreemem(schema);
        statement_params p;
        p.text(search_path);
        BOOST_OUTCOME_TRY(run("SELECT set_config('search_path', $1, false)", p, result_format::text, "set the schema",
                              where()));
        return conn.get();
    }

    // Runs one statement on a ready connection; any failure is an io error
    // saying whether the connection was lost or the server refused.
    Result<result_handle> run(const char* sql, const statement_params& p, result_format format, std::string_view what,
                              const std::string& location)
    {
        result_handle r(PQexecParams(conn.get(), sql, p.size(), nullptr, p.values(), p.lengths(), p.formats(),
                                     static_cast<int>(format)));
        auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
            return r;
        std::string reason = trimmed(r ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn.get()));
        if (reason.empty())
            reason = trimmed(PQerrorMessage(conn.get()));
        // libpq's own errors (no SQLSTATE), class 08 and the 57P shutdowns mean the session is gone.
        const char* state = r ? PQresultErrorField(r.get(), PG_DIAG_SQLSTATE) : nullptr;
        std::string_view sqlstate = state ? state : "";
        lost = PQstatus(conn.get()) != CONNECTION_OK || sqlstate.empty() || sqlstate.starts_with("08") ||
               sqlstate.starts_with("57P");
        if (lost)
            return io_error("Lost the connection to PostgreSQL during " + std::string(what) + " of " + location,
                            location, reason);
        return io_error("PostgreSQL failed to " + std::string(what) + " " + location, location, reason);
    }

    // ready() then run(): the form every store operation uses.
    Result<result_handle> exec(const char* sql, const statement_params& p, result_format format, std::string_view what,
                               const std::string& location)
    {
        BOOST_OUTCOME_TRYV(ready());
        return run(sql, p, format, what, location);
    }

    // A statement on one document, its key as $1 and $2: every single-document
    // read or removal. The keys are checked first, as the file store checks them.
    Result<result_handle> exec_on_document(std::string_view project, std::string_view id, const char* sql,
                                           result_format format, std::string_view what, const std::string& where)
    {
        BOOST_OUTCOME_TRYV(check_project_key(project));
        BOOST_OUTCOME_TRYV(check_document_key(id));
        statement_params p;
        p.text(project).text(id);
        std::lock_guard lock(mutex);
        return exec(sql, p, format, what, where);
    }

    // Creates or upgrades the tables in one transaction, under an advisory lock
    // so that processes opening the store together migrate it once.
    Result<void> migrate()
    {
        BOOST_OUTCOME_TRY(PGconn * c, ready());
        const statement_params none;
        auto step = [&](const char* sql) { return run(sql, none, result_format::text, "migrate the schema", where()); };
        BOOST_OUTCOME_TRYV(step("BEGIN"));
        auto applied = [&]() -> Result<void> {
            BOOST_OUTCOME_TRYV(step("SELECT pg_advisory_xact_lock(hashtext('agent_engine.schema_migrations'))"));
            char* schema = PQescapeIdentifier(c, options.schema.data(), options.schema.size());
            if (!schema)
                return io_error("Cannot use schema '" + options.schema + "'", where(), trimmed(PQerrorMessage(c)));
            std::string create_schema = std::string("CREATE SCHEMA IF NOT EXISTS ") + schema;
            PQfreemem(schema);
            BOOST_OUTCOME_TRYV(step(create_schema.c_str()));
            BOOST_OUTCOME_TRYV(step("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY,"
                                    " applied_at timestamptz NOT NULL DEFAULT now())"));
            BOOST_OUTCOME_TRY(auto current, step("SELECT coalesce(max(version), 0) FROM schema_migrations"));
            std::int64_t version = text_int64(current.get(), 0, 0);
            if (version > schema_version())
                return io_error("Cannot use the tables", where(),
                                "schema version " + std::to_string(version) +
                                    " was written by a newer agent_engine (this one knows up to " +
                                    std::to_string(schema_version()) + ")");
            for (auto const& m : migrations()) {
                if (m.version <= version)
                    continue;
                for (const char* sql : m.statements) {
                    BOOST_OUTCOME_TRYV(step(sql));
                }
                statement_params p;
                p.number(m.version);
                BOOST_OUTCOME_TRYV(run("INSERT INTO schema_migrations (version) VALUES ($1)", p, result_format::text,
                                       "record the migration", where()));
            }
            BOOST_OUTCOME_TRYV(step("COMMIT"));
            return boost::outcome_v2::success();
        }();
        if (!applied && PQstatus(c) == CONNECTION_OK)
            (void)step("ROLLBACK");
        return applied;
    }
};

// ---- the store ------------------------------------------------------------

postgres_task_store::postgres_task_store(std::unique_ptr<connection> db) : db_(std::move(db)) {}
postgres_task_store::~postgres_task_store() = default;

int postgres_task_store::schema_version() noexcept { return migrations().back().version; }

Result<std::unique_ptr<postgres_task_store>> postgres_task_store::open(const std::string& conninfo,
                                                                       postgres_store_options options)
{
    // The connection string may hold a password: not in messages.
    return guarded("postgresql", [&]() -> Result<std::unique_ptr<postgres_task_store>> {
        auto db = std::make_unique<connection>();
        db->conninfo = conninfo;
        db->options = std::move(options);
        BOOST_OUTCOME_TRYV(db->migrate());
        return std::unique_ptr<postgres_task_store>(new postgres_task_store(std::move(db)));
    });
}

std::string postgres_task_store::location(std::string_view project, std::string_view id) const
{
    return db_->where() + "#" + db_->options.schema + "/" + std::string(project) + "/" + std::string(id);
}

Result<std::string> postgres_task_store::put(std::string_view project, std::string_view id, std::string_view bytes)
{
    return guarded(db_->name(), [&]() -> Result<std::string> {
        BOOST_OUTCOME_TRY(auto done, put_versioned(project, id, bytes, std::nullopt));
        return std::move(done.location);
    });
}

Result<versioned_put> postgres_task_store::put_versioned(std::string_view project, std::string_view id,
                                                         std::string_view bytes,
                                                         std::optional<std::int64_t> expected_version)
{
    return guarded(db_->name(), [&]() -> Result<versioned_put> {
        BOOST_OUTCOME_TRYV(check_project_key(project));
        BOOST_OUTCOME_TRYV(check_document_key(id));
        std::string where = location(project, id);
        if (bytes.size() > max_body_bytes)
            return document_too_large("save", where, bytes.size(), max_body_bytes);
        statement_params p;
        p.text(project).text(id).binary(bytes);
        auto meta = read_task_metadata(bytes);
        metadata_params(p, meta);
        const char* sql = upsert_sql;
        if (expected_version) {
            sql = *expected_version == 0 ? insert_new_sql : update_if_version_sql;
            if (*expected_version != 0)
                p.number(*expected_version);
        }
        std::lock_guard lock(db_->mutex);
        BOOST_OUTCOME_TRY(auto r, db_->exec(sql, p, result_format::text, "save", where));
        if (PQntuples(r.get()) == 1)
            return versioned_put{where, text_int64(r.get(), 0, 0)};

        // Compare-and-swap lost: say what is stored now (read after the fact, for the message only).
        statement_params key;
        key.text(project).text(id);
        BOOST_OUTCOME_TRY(auto now, db_->run("SELECT version FROM task_documents WHERE project = $1 AND task_id = $2",
                                             key, result_format::text, "read the version", where));
        std::int64_t stored = PQntuples(now.get()) == 1 ? text_int64(now.get(), 0, 0) : 0;
        return make_error(EngineErrorCode::validation, source, "version_conflict",
                          "Checkpoint " + where + " changed since this worker read it (expected version " +
                              std::to_string(*expected_version) + ", stored " + std::to_string(stored) +
                              "): load it again before saving",
                          {{"path", where}, {"expected_version", *expected_version}, {"stored_version", stored}});
    });
}

Result<versioned_document> postgres_task_store::get_versioned(std::string_view project, std::string_view id) const
{
    return guarded(db_->name(), [&]() -> Result<versioned_document> {
        std::string where = location(project, id);
        BOOST_OUTCOME_TRY(auto r, db_->exec_on_document(project, id,
                                                        "SELECT body, version FROM task_documents"
                                                        " WHERE project = $1 AND task_id = $2",
                                                        result_format::binary, "read", where));
        if (PQntuples(r.get()) == 0)
            return checkpoint_not_found(where);
        return versioned_document{std::string(field(r.get(), 0, 0)), binary_int64(r.get(), 0, 1)};
    });
}

Result<std::string> postgres_task_store::get(std::string_view project, std::string_view id) const
{
    return guarded(db_->name(), [&]() -> Result<std::string> {
        BOOST_OUTCOME_TRY(auto doc, get_versioned(project, id));
        return std::move(doc.bytes);
    });
}

Result<std::vector<std::string>> postgres_task_store::list(std::string_view project) const
{
    return guarded(db_->name(), [&]() -> Result<std::vector<std::string>> {
        BOOST_OUTCOME_TRYV(check_project_key(project));
        statement_params p;
        p.text(project);
        std::lock_guard lock(db_->mutex);
        BOOST_OUTCOME_TRY(auto r, db_->exec("SELECT task_id FROM task_documents WHERE project = $1 ORDER BY task_id", p,
                                            result_format::text, "list", location(project, "")));
        std::vector<std::string> ids;
        ids.reserve(static_cast<std::size_t>(PQntuples(r.get())));
        for (int row = 0; row < PQntuples(r.get()); ++row)
            ids.emplace_back(field(r.get(), row, 0));
        return ids;
    });
}

Result<std::vector<std::string>> postgres_task_store::list_projects() const
{
    return guarded(db_->name(), [&]() -> Result<std::vector<std::string>> {
        const statement_params none;
        std::lock_guard lock(db_->mutex);
        BOOST_OUTCOME_TRY(auto r, db_->exec("SELECT DISTINCT project FROM task_documents ORDER BY project", none,
                                            result_format::text, "list the projects", db_->where()));
        std::vector<std::string> projects;
        for (int row = 0; row < PQntuples(r.get()); ++row)
            projects.emplace_back(field(r.get(), row, 0));
        return projects;
    });
}

Result<void> postgres_task_store::remove(std::string_view project, std::string_view id)
{
    return guarded(db_->name(), [&]() -> Result<void> {
        std::string where = location(project, id);
        BOOST_OUTCOME_TRY(auto r,
                          db_->exec_on_document(project, id, "DELETE FROM task_documents WHERE project = $1 AND task_id = $2",
                                                result_format::text, "remove", where));
        if (std::strcmp(PQcmdTuples(r.get()), "0") == 0)
            return checkpoint_not_found(where);
        return boost::outcome_v2::success();
    });
}

Result<bool> postgres_task_store::remove_if(std::string_view project, std::string_view id, const removal_check& check)
{
    return guarded(db_->name(), [&]() -> Result<bool> {
        BOOST_OUTCOME_TRYV(check_project_key(project));
        BOOST_OUTCOME_TRYV(check_document_key(id));
        std::string where = location(project, id);
        statement_params p;
        p.text(project).text(id).number(check.version);
        std::lock_guard lock(db_->mutex);
        // One statement: a put that bumped the version since the caller read it keeps the row.
        BOOST_OUTCOME_TRY(auto r, db_->exec("WITH gone AS (DELETE FROM task_documents WHERE project = $1"
                                            " AND task_id = $2 AND version = $3 RETURNING 1)"
                                            " SELECT (SELECT count(*) FROM gone),"
                                            " EXISTS (SELECT 1 FROM task_documents WHERE project = $1 AND task_id = $2)",
                                            p, result_format::text, "remove", where));
        if (field(r.get(), 0, 0) == "1")
            return true;
        if (field(r.get(), 0, 1) == "f")
            return checkpoint_not_found(where);
        return false;
    });
}

Result<bool> postgres_task_store::replace_if(std::string_view project, std::string_view id, std::string_view bytes,
                                             const removal_check& check)
{
    auto put = put_versioned(project, id, bytes, check.version);
    if (put)
        return true;
    if (put.error().error_id == "version_conflict")
        return false;
    return std::move(put).error();
}

Result<metadata_rows> postgres_task_store::select_metadata(std::string_view project,
                                                           const metadata_selection& sel) const
{
    return guarded(db_->name(), [&]() -> Result<metadata_rows> {
        BOOST_OUTCOME_TRYV(check_project_key(project));
        statement_params p;
        p.text(project);
        statuses_param(p, sel.statuses);
        sel.after ? p.number(*sel.after) : p.null();
        sel.before ? p.number(*sel.before) : p.null();
        if (sel.cursor)
            p.number(sel.cursor->first).text(sel.cursor->second);
        else
            p.null().null();
        sel.limit != 0 ? p.number(static_cast<std::int64_t>(sel.limit)) : p.null();
        one_status_param(p, sel.statuses);
        const char* sql = sel.order == task_order::oldest_first ? select_oldest_first_sql : select_newest_first_sql;

        std::lock_guard lock(db_->mutex);
        std::string where = location(project, "");
        BOOST_OUTCOME_TRY(auto r, db_->exec(sql, p, result_format::binary, "list the history", where));
        metadata_rows rows;
        rows.tasks.reserve(static_cast<std::size_t>(PQntuples(r.get())));
        for (int row = 0; row < PQntuples(r.get()); ++row) {
            indexed_task t;
            t.id = field(r.get(), row, 0);
            t.meta.task_id = field(r.get(), row, 1);
            boost::describe::enum_from_string(std::string(field(r.get(), row, 2)).c_str(), t.meta.status);
            t.meta.pipeline_id = field(r.get(), row, 3);
            t.meta.created_at = optional_field(r.get(), row, 4);
            t.meta.updated_at = optional_field(r.get(), row, 5);
            t.time = binary_int64(r.get(), row, 6);
            t.version = binary_int64(r.get(), row, 7);
            rows.tasks.push_back(std::move(t));
        }

        // Documents whose metadata could not be read at put: the reason, as the file store reports it.
        statement_params key;
        key.text(project);
        BOOST_OUTCOME_TRY(auto bad,
                          db_->run("SELECT task_id, body FROM task_documents WHERE project = $1 AND status IS NULL"
                                   " ORDER BY task_id",
                                   key, result_format::binary, "list the history", where));
        for (int row = 0; row < PQntuples(bad.get()); ++row) {
            auto meta = read_task_metadata(field(bad.get(), row, 1));
            if (!meta)
                rows.skipped.push_back(
                    with_location(std::move(meta).error(), location(project, field(bad.get(), row, 0))));
        }
        return rows;
    });
}

Result<std::shared_ptr<task_store>> open_task_store(const std::string& where, postgres_store_options options)
{
    bool postgres = is_postgres_uri(where);
    std::string_view name = postgres ? std::string_view("postgresql") : std::string_view(where); // no credentials
    return guarded(name, [&]() -> Result<std::shared_ptr<task_store>> {
        if (!postgres)
            return std::make_shared<file_task_store>(where);
        BOOST_OUTCOME_TRY(auto store, postgres_task_store::open(where, std::move(options)));
        return std::shared_ptr<task_store>(std::move(store));
    });
}

} // namespace agent_engine
