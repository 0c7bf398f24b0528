#include <agent_engine/runtime/task_history.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>

namespace agent_engine {
namespace {

constexpr auto source = EngineErrorSource::task_manager;

// A task's place in time: microseconds since the epoch; the oldest possible
// value when its timestamps are missing or unreadable.
struct entry {
    TaskMetadata meta;
    std::string id; // the stored id (the file name), unique in the project
    std::int64_t time = std::numeric_limits<std::int64_t>::min();
    bool timed = false;
};

// Tasks are ordered by (time, id): <0, 0 or >0 as `a` comes before, at or after (time, id).
int compare(const entry& a, std::int64_t time, std::string_view id) noexcept
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

// Every readable task of the project, oldest first; unreadable ones go to `skipped`.
Result<std::vector<entry>> scan(const task_store& store, std::string_view project, std::vector<EngineError>& skipped)
{
    BOOST_OUTCOME_TRY(auto ids, store.list(project));
    std::vector<entry> entries;
    entries.reserve(ids.size());
    for (auto& id : ids) {
        auto bytes = store.get(project, id);
        if (!bytes) { // removed since the listing, or unreadable
            if (bytes.error().code != EngineErrorCode::not_found)
                skipped.push_back(std::move(bytes).error());
            continue;
        }
        auto meta = read_task_metadata(bytes.value());
        if (!meta) {
            skipped.push_back(with_location(std::move(meta).error(), store.location(project, id)));
            continue;
        }
        entry e{std::move(meta).value(), std::move(id)};
        auto const& stamp = e.meta.updated_at ? e.meta.updated_at : e.meta.created_at;
        if (stamp) {
            if (auto t = parse_utc_timestamp(*stamp)) {
                e.time = t->time_since_epoch().count();
                e.timed = true;
            }
        }
        entries.push_back(std::move(e));
    }
    std::sort(entries.begin(), entries.end(), [](const entry& a, const entry& b) { return compare(a, b.time, b.id) < 0; });
    return entries;
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

bool status_matches(const std::vector<TaskStatus>& statuses, TaskStatus s)
{
    return statuses.empty() || std::find(statuses.begin(), statuses.end(), s) != statuses.end();
}

// Cursors are "{time}/{id}" of the last task returned: '/' never occurs in an id.
std::string make_cursor(const entry& e) { return std::to_string(e.time) + "/" + e.id; }

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

Result<task_page> list_task_metadata(const task_store& store, std::string_view project, const task_query& query)
{
    BOOST_OUTCOME_TRY(auto after, bound(query.updated_after));
    BOOST_OUTCOME_TRY(auto until, bound(query.updated_before));
    std::optional<std::pair<std::int64_t, std::string>> cursor;
    if (!query.cursor.empty()) {
        BOOST_OUTCOME_TRY(auto c, read_cursor(query.cursor));
        cursor = std::move(c);
    }
    task_page page;
    BOOST_OUTCOME_TRY(auto entries, scan(store, project, page.skipped));
    if (query.order == task_order::newest_first)
        std::reverse(entries.begin(), entries.end());

    const entry* last = nullptr;
    for (const entry& e : entries) {
        if (cursor) { // only tasks past the cursor in this order
            int c = compare(e, cursor->first, cursor->second);
            if (query.order == task_order::oldest_first ? c <= 0 : c >= 0)
                continue;
        }
        if (!status_matches(query.statuses, e.meta.status))
            continue;
        if ((after && (!e.timed || e.time <= *after)) || (until && (!e.timed || e.time >= *until)))
            continue;
        if (query.limit != 0 && page.tasks.size() == query.limit) {
            page.next_cursor = make_cursor(*last);
            break;
        }
        page.tasks.push_back(e.meta);
        last = &e;
    }
    return page;
}

Result<prune_result> prune_tasks(task_store& store, std::string_view project, const prune_options& options,
                                 std::chrono::system_clock::time_point now)
{
    if (!options.older_than && options.statuses.empty())
        return make_error(EngineErrorCode::validation, source, "prune_unbounded",
                          "Refusing to prune without an age (older_than) or explicit statuses");
    std::vector<TaskStatus> statuses = options.statuses;
    if (statuses.empty())
        statuses = {TaskStatus::completed, TaskStatus::failed};
    std::optional<std::int64_t> cutoff;
    if (options.older_than)
        cutoff = std::chrono::floor<std::chrono::microseconds>(now - *options.older_than).time_since_epoch().count();

    prune_result result;
    result.dry_run = options.dry_run;
    BOOST_OUTCOME_TRY(auto entries, scan(store, project, result.skipped));
    for (entry& e : entries) {
        if (!status_matches(statuses, e.meta.status) || (cutoff && (!e.timed || e.time >= *cutoff)))
            continue;
        if (!options.dry_run) {
            auto removed = store.remove(project, e.id);
            if (!removed) {
                if (removed.error().code != EngineErrorCode::not_found)
                    result.skipped.push_back(std::move(removed).error());
                continue;
            }
        }
        result.removed.push_back(std::move(e.meta));
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
