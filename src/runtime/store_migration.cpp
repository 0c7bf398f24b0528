#include <agent_engine/runtime/detail/progress_count.hpp>
#include <agent_engine/runtime/detail/projects_named.hpp>
#include <agent_engine/runtime/store_migration.hpp>

namespace agent_engine {
namespace {

constexpr auto source = EngineErrorSource::task_manager;

// Migrates one document: `entry` says what became of it. Nothing is written
// unless every step worked and the document is still the one read.
void migrate_one(task_store& store, const schema_migrator& schema, const migrate_options& options,
                 migrated_document& entry)
{
    std::string where = store.location(entry.project, entry.task_id);
    auto fail = [&](EngineError e) {
        entry.outcome = migration_outcome::failed;
        entry.error = with_location(std::move(e), where);
    };
    auto stored = store.get_versioned(entry.project, entry.task_id);
    if (!stored)
        return fail(std::move(stored).error());
    auto parsed = parse_json(stored.value().bytes);
    if (!parsed)
        return fail(std::move(parsed).error());
    boost::json::value& document = parsed.value();
    if (document.is_object()) { // else the rewrite reports what the schema says of it
        auto from = schema.migrate(document.as_object());
        if (!from)
            return fail(std::move(from).error());
        entry.from_version = from.value();
    } else {
        entry.from_version = schema.current_version;
    }
    entry.to_version = schema.current_version;
    if (entry.from_version == schema.current_version) {
        auto valid = schema.validate(document);
        if (!valid)
            return fail(std::move(valid).error());
        entry.outcome = migration_outcome::current;
        return;
    }
    auto rewritten = schema.rewrite(document, options.format);
    if (!rewritten)
        return fail(std::move(rewritten).error());
    entry.outcome = migration_outcome::migrated;
    if (options.dry_run)
        return;
    // Written only over the bytes read: a writer that saved meanwhile (an older
    // program, or a newer one) keeps its document.
    const std::string& read = stored.value().bytes;
    auto replaced = store.replace_if(entry.project, entry.task_id, rewritten.value(),
                                     {stored.value().version, [&]() -> Result<bool> {
                                          BOOST_OUTCOME_TRY(auto now, store.get(entry.project, entry.task_id));
                                          return now == read;
                                      }});
    if (!replaced)
        return fail(std::move(replaced).error());
    if (!replaced.value())
        fail(make_error(EngineErrorCode::validation, source, "task_changed",
                        "Kept " + where + ": saved again since migrate read it; run migrate again",
                        {{"task_id", entry.task_id}}));
}

} // namespace

Result<migration_report> migrate_documents(task_store& store, const schema_migrator& schema,
                                           const migrate_options& options)
{
    migration_report report;
    report.dry_run = options.dry_run;
    BOOST_OUTCOME_TRY(auto projects, detail::projects_named(store, options.projects, "store"));
    for (auto const& project : projects) { // listed first, so that progress has its total
        BOOST_OUTCOME_TRY(auto ids, store.list(project));
        for (auto& id : ids) {
            migrated_document entry;
            entry.project = project;
            entry.task_id = std::move(id);
            report.documents.push_back(std::move(entry));
        }
    }
    detail::progress_count progress(options.progress, "migrate", report.documents.size());
    for (auto& entry : report.documents) {
        migrate_one(store, schema, options, entry);
        progress.advance();
        switch (entry.outcome) {
        case migration_outcome::migrated: ++report.migrated; break;
        case migration_outcome::current: ++report.current; break;
        case migration_outcome::failed: ++report.failed; break;
        }
    }
    return report;
}

} // namespace agent_engine
