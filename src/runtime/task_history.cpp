#include <agent_engine/runtime/detail/progress_count.hpp>
#include <agent_engine/runtime/detail/store_projects.hpp>
#include <agent_engine/runtime/task_history.hpp>

#include <algorithm>
#include <iterator>
#include <charconv>
#include <cstdint>
#include <limits>

namespace agent_engine {
namespace {

constexpr auto source = EngineErrorSource::task_manager;

using detail::list_documents;
using detail::progress_count;

// Tasks are ordered by (time, id): <0, 0 or >0 as `a` comes before, at or after (time, id).
int compare(const indexed_task& a, std::int64_t time, std::string_view id) noexcept
{
    if (a.time != time)
        return a.time < time ? -1 : 1;
    return std::string_view(a.id).compare(id);
}

EngineError query_error(std::string error_id, std::string message, std::string_view input)
{
    return make_error(EngineErrorCode::validation, source, std::move(error_id), std::move(message),
                      {{"input", input}});
}

// The readable tasks among `ids` of the project, oldest first; unreadable ones go to `skipped`.
std::vector<indexed_task> scan(const task_store& store, std::string_view project, const std::vector<std::string>& ids,
                               std::vector<EngineError>& skipped, progress_count& progress)
{
    std::vector<indexed_task> entries;
    entries.reserve(ids.size());
    for_each_stored_task_metadata(store, project, ids, [&](std::size_t i, Result<TaskMetadata> meta) {
        progress.advance();
        if (!meta) { // removed since the listing (not_found), unreadable or invalid
            if (meta.error().code != EngineErrorCode::not_found)
                skipped.push_back(std::move(meta).error());
            return;
        }
        std::int64_t time = task_time(meta.value());
        entries.push_back({std::move(meta).value(), ids[i], time});
    });
    std::sort(entries.begin(), entries.end(),
              [](const indexed_task& a, const indexed_task& b) { return compare(a, b.time, b.id) < 0; });
    return entries;
}

bool status_matches(const std::vector<TaskStatus>& statuses, TaskStatus s)
{
    return statuses.empty() || std::find(statuses.begin(), statuses.end(), s) != statuses.end();
}

bool selected(const indexed_task& e, const metadata_selection& sel)
{
    if (sel.cursor) { // only tasks past the cursor in this order
        int c = compare(e, sel.cursor->first, sel.cursor->second);
        if (sel.order == task_order::oldest_first ? c <= 0 : c >= 0)
            return false;
    }
    bool timed = e.time != untimed_task;
    return status_matches(sel.statuses, e.meta.status) && (!sel.after || (timed && e.time > *sel.after)) &&
           (!sel.before || (timed && e.time < *sel.before));
}

// The selection among `ids` of the project, answered by reading each document.
metadata_rows select_by_scanning(const task_store& store, std::string_view project, const std::vector<std::string>& ids,
                                 const metadata_selection& sel, progress_count& progress)
{
    metadata_rows rows;
    auto entries = scan(store, project, ids, rows.skipped, progress);
    if (sel.order == task_order::newest_first)
        std::reverse(entries.begin(), entries.end());
    for (auto& e : entries) {
        if (sel.limit != 0 && rows.tasks.size() == sel.limit)
            break;
        if (selected(e, sel))
            rows.tasks.push_back(std::move(e));
    }
    return rows;
}

// The selection over the projects, merged in its order: from the store's index,
// or by reading every document (listed first, so that progress has its total).
Result<metadata_rows> select(const task_store& store, std::span<const std::string> projects,
                             const metadata_selection& sel, const progress_callback& progress)
{
    metadata_rows all;
    auto merge = [&all](metadata_rows rows) {
        std::move(rows.tasks.begin(), rows.tasks.end(), std::back_inserter(all.tasks));
        std::move(rows.skipped.begin(), rows.skipped.end(), std::back_inserter(all.skipped));
    };
    if (auto const* index = store.metadata_index()) {
        for (auto const& project : projects) {
            BOOST_OUTCOME_TRY(auto rows, index->select_metadata(project, sel));
            merge(std::move(rows));
        }
    } else {
        BOOST_OUTCOME_TRY(auto listed, list_documents(store, projects));
        progress_count count(progress, "read", listed.total);
        for (std::size_t i = 0; i < projects.size(); ++i)
            merge(select_by_scanning(store, projects[i], listed.ids[i], sel, count));
    }
    if (projects.size() > 1) { // each project's rows are in order; all of them are not
        std::sort(all.tasks.begin(), all.tasks.end(), [&sel](const indexed_task& a, const indexed_task& b) {
            int c = compare(a, b.time, b.id);
            return sel.order == task_order::oldest_first ? c < 0 : c > 0;
        });
        if (sel.limit != 0 && all.tasks.size() > sel.limit)
            all.tasks.resize(sel.limit);
    }
    return all;
}

Result<std::optional<std::int64_t>> bound(const std::optional<std::string>& text)
{
    if (!text)
        return std::optional<std::int64_t>{};
    auto t = parse_utc_timestamp(*text);
    if (!t)
        return query_error("invalid_timestamp",
                           "Not an ISO-8601 timestamp (e.g. 2025-12-06T02:45:18.337698Z): '" + *text + "'", *text);
    return std::optional<std::int64_t>{t->time_since_epoch().count()};
}

// Cursors are "{time}/{id}" of the last task returned: '/' never occurs in an id.
std::string make_cursor(const indexed_task& e) { return std::to_string(e.time) + "/" + e.id; }

Result<std::pair<std::int64_t, std::string>> read_cursor(std::string_view cursor)
{
    std::size_t slash = cursor.find('/');
    std::int64_t time = 0;
    if (slash != std::string_view::npos) {
        auto [end, ec] = std::from_chars(cursor.data(), cursor.data() + slash, time);
        if (ec == std::errc{} && end == cursor.data() + slash && slash + 1 < cursor.size())
            return std::pair{time, std::string(cursor.substr(slash + 1))};
    }
    return query_error("invalid_cursor", "Not a cursor returned by a previous page: '" + std::string(cursor) + "'",
                       cursor);
}

} // namespace

std::int64_t task_time(const TaskMetadata& meta) noexcept
{
    auto const& stamp = meta.updated_at ? meta.updated_at : meta.created_at;
    if (stamp)
        if (auto t = parse_utc_timestamp(*stamp))
            return t->time_since_epoch().count();
    return untimed_task;
}

namespace {

// A page of `query` over the projects.
Result<task_page> list_page(const task_store& store, std::span<const std::string> projects, const task_query& query)
{
    metadata_selection sel;
    sel.statuses = query.statuses;
    sel.order = query.order;
    BOOST_OUTCOME_TRY(sel.after, bound(query.updated_after));
    BOOST_OUTCOME_TRY(sel.before, bound(query.updated_before));
    if (!query.cursor.empty()) {
        BOOST_OUTCOME_TRY(auto c, read_cursor(query.cursor));
        sel.cursor = std::move(c);
    }
    sel.limit = query.limit == 0 ? 0 : query.limit + 1; // one more tells whether a next page exists
    BOOST_OUTCOME_TRY(auto rows, select(store, projects, sel, query.progress));
    task_page page;
    page.skipped = std::move(rows.skipped);
    if (query.limit != 0 && rows.tasks.size() > query.limit) {
        rows.tasks.resize(query.limit);
        page.next_cursor = make_cursor(rows.tasks.back());
    }
    page.tasks.reserve(rows.tasks.size());
    for (auto& t : rows.tasks)
        page.tasks.push_back(std::move(t.meta));
    return page;
}

} // namespace

Result<task_page> list_task_metadata(const task_store& store, std::string_view project, const task_query& query)
{
    const std::string one[] = {std::string(project)};
    return list_page(store, one, query);
}

Result<task_page> list_all_task_metadata(const task_store& store, const task_query& query)
{
    BOOST_OUTCOME_TRY(auto projects, store.list_projects());
    return list_page(store, projects, query);
}

Result<prune_result> prune_tasks(task_store& store, std::string_view project, const prune_options& options,
                                 std::chrono::system_clock::time_point now)
{
    if (!options.older_than && options.statuses.empty())
        return make_error(EngineErrorCode::validation, source, "prune_unbounded",
                          "Refusing to prune without an age (older_than) or explicit statuses");
    metadata_selection sel;
    sel.statuses = options.statuses;
    if (sel.statuses.empty())
        sel.statuses = {TaskStatus::completed, TaskStatus::failed};
    if (options.older_than) {
        // In microseconds, without overflow: an age reaching back before 1970
        // selects nothing (now - age in nanoseconds overflowed past ~292 years).
        std::int64_t now_us = std::chrono::floor<std::chrono::microseconds>(now).time_since_epoch().count();
        std::int64_t age_s = std::max<std::int64_t>(options.older_than->count(), 0);
        sel.before = age_s > now_us / 1'000'000 ? untimed_task : now_us - age_s * 1'000'000;
    }

    prune_result result;
    result.dry_run = options.dry_run;
    const std::string one[] = {std::string(project)};
    BOOST_OUTCOME_TRY(auto rows, select(store, one, sel, options.progress));
    result.skipped = std::move(rows.skipped);
    if (options.dry_run) {
        for (auto& e : rows.tasks)
            result.removed.push_back(std::move(e.meta));
        return result;
    }
    progress_count removals(options.progress, "remove", rows.tasks.size());
    for (auto& e : rows.tasks) {
        auto removed = store.remove_if(project, e.id, {e.version, [&]() -> Result<bool> {
                                           BOOST_OUTCOME_TRY(auto now, read_stored_task_metadata(store, project, e.id));
                                           std::int64_t time = task_time(now);
                                           return selected({std::move(now), e.id, time}, sel);
                                       }});
        removals.advance();
        if (!removed) {
            if (removed.error().code != EngineErrorCode::not_found)
                result.skipped.push_back(std::move(removed).error());
        } else if (!removed.value()) {
            std::string where = store.location(project, e.id);
            result.skipped.push_back(make_error(EngineErrorCode::validation, source, "task_changed",
                                                "Kept " + where + ": saved again since prune read it",
                                                {{"path", where}, {"task_id", e.id}}));
        } else {
            result.removed.push_back(std::move(e.meta));
        }
    }
    return result;
}

std::optional<std::chrono::seconds> parse_duration(std::string_view text) noexcept
{
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || n < 0 || end + 1 != text.data() + text.size())
        return std::nullopt;
    std::int64_t unit = 0;
    switch (*end) {
    case 's': unit = 1; break;
    case 'm': unit = 60; break;
    case 'h': unit = 3600; break;
    case 'd': unit = 86400; break;
    case 'w': unit = 7 * 86400; break;
    default: return std::nullopt;
    }
    if (n > std::numeric_limits<std::int64_t>::max() / unit)
        return std::nullopt;
    return std::chrono::seconds{n * unit};
}

} // namespace agent_engine
