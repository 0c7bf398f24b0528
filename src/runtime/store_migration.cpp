#include <agent_engine/runtime/detail/progress_count.hpp>
#include <agent_engine/runtime/detail/store_projects.hpp>
#include <agent_engine/runtime/store_migration.hpp>

namespace agent_engine {
namespace {

constexpr auto source = EngineErrorSource::task_manager;

// The keys of `read` that `written` lacks, at any depth, as locs: what a rewrite
// would lose (a key the schema does not read is dropped by the read).
void find_dropped(const boost::json::value& read, const boost::json::value& written, boost::json::array& loc,
                  boost::json::array& dropped)
{
    auto visit = [&](auto&& part, const boost::json::value& r, const boost::json::value* w) {
        loc.emplace_back(part);
        if (w)
            find_dropped(r, *w, loc, dropped);
        else
            dropped.emplace_back(loc);
        loc.pop_back();
    };
    if (read.is_object() && written.is_object()) {
        for (auto const& [key, value] : read.get_object())
            visit(key, value, written.get_object().if_contains(key));
    } else if (read.is_array() && written.is_array() && read.get_array().size() == written.get_array().size()) {
        for (std::size_t i = 0; i < read.get_array().size(); ++i)
            visit(i, read.get_array()[i], &written.get_array()[i]);
    }
}

// A document kept because rewriting it would lose or garble data (`why`): the
// keys concerned (locs), each named in the message.
EngineError drops_data(const migrated_document& entry, const std::string& where, const std::string& why,
                       boost::json::array dropped, std::string_view advice)
{
    std::string keys;
    for (auto const& at : dropped)
        detail::append_loc(keys += keys.empty() ? "" : ", ", at.get_array());
    return make_error(EngineErrorCode::validation, source, "migration_drops_data",
                      "Kept " + where + ": " + why + ": " + keys + " (" + std::string(advice) + ")",
                      {{"task_id", entry.task_id}, {"dropped", std::move(dropped)}});
}

boost::json::array stale_locs(const std::vector<std::string>& keys)
{
    boost::json::array locs;
    for (auto const& key : keys)
        locs.push_back(boost::json::array{key});
    return locs;
}

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
    // The document is migrated here for its version and to see what a rewrite
    // would drop; it is read from its bytes, as a load reads it.
    if (document.is_object()) { // else the read reports what the schema says of it
        auto from = schema.migrate(document.as_object());
        if (!from)
            return fail(std::move(from).error());
        entry.from_version = from.value();
    } else {
        entry.from_version = schema.current_version;
    }
    entry.to_version = schema.current_version;
    if (document.is_object() && schema.stale_keys) {
        auto stale = schema.stale_keys(document.as_object());
        if (!stale.empty())
            return fail(drops_data(entry, where, "it holds what the migrations to version " +
                                                     std::to_string(entry.to_version) +
                                                     " rename or remove, written by an older program since the "
                                                     "document was migrated; rewritten, it would keep it as an "
                                                     "unknown key beside what it became",
                                   stale_locs(stale), "move each value where it belongs, remove the key, "
                                                      "then run migrate again"));
    }
    if (entry.from_version == schema.current_version) {
        auto valid = schema.validate(stored.value().bytes);
        if (!valid)
            return fail(std::move(valid).error());
        entry.outcome = migration_outcome::current;
        return;
    }
    auto rewritten = schema.rewrite(stored.value().bytes);
    if (!rewritten)
        return fail(std::move(rewritten).error());
    boost::json::array loc, dropped;
    find_dropped(document, rewritten.value(), loc, dropped);
    if (!dropped.empty())
        return fail(drops_data(entry, where,
                               "rewritten at version " + std::to_string(entry.to_version) +
                                   " it would lose what the schema does not read",
                               std::move(dropped), "declare those members, or move them in a migration"));
    entry.outcome = migration_outcome::migrated;
    if (options.dry_run)
        return;
    // Written only over the bytes read: a writer that saved meanwhile (an older
    // program, or a newer one) keeps its document.
    const std::string& read = stored.value().bytes;
    auto replaced = store.replace_if(entry.project, entry.task_id, serialize(rewritten.value(), options.format),
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
    BOOST_OUTCOME_TRY(auto listed, detail::list_documents(store, projects));
    for (std::size_t p = 0; p < projects.size(); ++p) {
        for (auto& id : listed.ids[p]) {
            migrated_document entry;
            entry.project = projects[p];
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
