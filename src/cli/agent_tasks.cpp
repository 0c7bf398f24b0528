// agent-tasks: inspect and maintain the checkpoints of a task store: a directory
// ({root}/{project_id}/{task_id}.json) or a PostgreSQL database (--store
// postgresql://...). Exit status: 0 success, 1 failure or an invalid file,
// 2 usage error. Errors go to stderr (under --json as JSON objects). Whatever it
// prints that it did not write itself (ids, values, paths, messages quoting
// them) goes through terminal_text.
//
// Every command is an entry of `commands` (at the end): its options and
// arguments are declared there once, and the parser, the help and the bash
// completion script are all made from those declarations.

#include "command.hpp"
#include "report_command.hpp"
#include "shown_text.hpp"

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/core/json_schema.hpp>
#include <agent_engine/core/validation_context.hpp>
#include <agent_engine/postgres/postgres_task_store.hpp>
#include <agent_engine/runtime/project_id.hpp>
#include <agent_engine/runtime/store_copy.hpp>
#include <agent_engine/runtime/store_migration.hpp>
#include <agent_engine/runtime/timestamp.hpp>

#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/program_options.hpp>

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <utility>

namespace po = boost::program_options;
using namespace agent_engine;

namespace agent_tasks {

std::optional<std::string> invocation::option(const char* name) const
{
    if (!values.count(name))
        return std::nullopt;
    return values[name].as<std::string>();
}

std::vector<std::string> invocation::repeated_option(const char* name) const
{
    return values.count(name) ? values[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

std::optional<std::string> invocation::argument(std::string_view name) const
{
    auto it = arguments.find(name);
    if (it == arguments.end() || it->second.empty())
        return std::nullopt;
    return it->second.front();
}

std::vector<std::string> invocation::repeated_argument(std::string_view name) const
{
    auto it = arguments.find(name);
    return it == arguments.end() ? std::vector<std::string>{} : it->second;
}

namespace {

// Columns a code point takes on a terminal: 2 for East Asian wide and
// fullwidth characters, 0 for combining marks and zero-width characters, else
// 1 (the main ranges of Markus Kuhn's wcwidth: enough to align a table).
constexpr std::size_t columns(char32_t cp) noexcept
{
    auto in = [cp](char32_t first, char32_t last) { return cp >= first && cp <= last; };
    if (in(0x0300, 0x036F) || in(0x1AB0, 0x1AFF) || in(0x1DC0, 0x1DFF) || in(0x200B, 0x200D) ||
        in(0x20D0, 0x20FF) || in(0x2060, 0x2064) || in(0xFE00, 0xFE0F) || in(0xFE20, 0xFE2F) || cp == 0xFEFF)
        return 0;
    if (in(0x1100, 0x115F) || cp == 0x2329 || cp == 0x232A || (in(0x2E80, 0xA4CF) && cp != 0x303F) ||
        in(0xAC00, 0xD7A3) || in(0xF900, 0xFAFF) || in(0xFE10, 0xFE19) || in(0xFE30, 0xFE6F) ||
        in(0xFF00, 0xFF60) || in(0xFFE0, 0xFFE6) || in(0x1F300, 0x1F64F) || in(0x1F900, 0x1F9FF) ||
        in(0x20000, 0x2FFFD) || in(0x30000, 0x3FFFD))
        return 2;
    return 1;
}

// Columns `text` takes on a terminal; `text` as terminal_text returns it.
std::size_t display_width(std::string_view text)
{
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        auto [cp, len] = detail::code_point_at(text, i);
        width += columns(cp);
        i += len == 0 ? 1 : len;
    }
    return width;
}

} // namespace

// Text the CLI did not write, as it may be printed on a terminal (shown_text.hpp).
// Anything but controls, a backslash too, is kept as is: this is for reading,
// --json for exact values.
std::string terminal_text(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    append_shown(out, s, [](std::string&, char32_t) { return false; });
    return out;
}

// An error's message for a terminal. A validation message ends with the
// library's report over several lines, whose locations hold the input's keys
// as they are: it is formatted again from its errors with those keys escaped,
// then escaped line by line (the input reprs it quotes keep C1 and bidi
// controls); the line naming the checkpoint above it is escaped whole. Any other
// message is escaped whole: it is one line, newlines are the input's.
std::string terminal_message(const EngineError& e)
{
    const boost::json::value* title = e.details ? e.details->if_contains("title") : nullptr;
    const boost::json::value* errors = e.details ? e.details->if_contains("errors") : nullptr;
    if (e.code != EngineErrorCode::validation || !title || !title->is_string() || !errors || !errors->is_array())
        return terminal_text(e.message);
    // every error counted, of which `errors` holds those kept (read_options::max_errors)
    const boost::json::value* count = e.details->if_contains("error_count");
    boost::system::error_code not_a_count;
    std::size_t total = count ? count->to_number<std::size_t>(not_a_count) : 0;
    if (!count || not_a_count)
        total = errors->get_array().size();
    std::string report = validation_context::format_errors(title->get_string(), errors->get_array(), total);
    std::string_view message = e.message;
    if (!message.ends_with(report))
        return terminal_text(message);
    std::string_view above = message.substr(0, message.size() - report.size()); // "{location}:\n"
    bool own_line = above.ends_with('\n');
    std::string out = terminal_text(above.substr(0, above.size() - own_line)) + (own_line ? "\n" : "");
    boost::json::array escaped = errors->get_array();
    for (auto& error : escaped)
        for (auto& part : error.at("loc").as_array())
            if (part.is_string())
                part = terminal_text(part.get_string());
    std::string_view rest = report = validation_context::format_errors(title->get_string(), escaped, total);
    for (std::size_t nl; (nl = rest.find('\n')) != std::string_view::npos; rest.remove_prefix(nl + 1))
        out += terminal_text(rest.substr(0, nl)) + '\n';
    return out + terminal_text(rest);
}

namespace {

// Whether a progress line is on stderr, unfinished: erased before anything else is printed there.
bool progress_shown = false;

void erase_progress()
{
    if (std::exchange(progress_shown, false))
        std::cerr << "\r\x1b[K";
}

} // namespace

int fail(const invocation& inv, const EngineError& e)
{
    erase_progress();
    if (inv.json) // ASCII, every control escaped: safe on a terminal as it is
        std::cerr << to_json(e, json_format::compact()) << '\n';
    else
        std::cerr << "agent-tasks: " << terminal_message(e) << '\n';
    return exit_failure;
}

namespace {

// Checkpoints a listing or a prune left out, with why (under --json they are in the output).
void warn_skipped(const invocation& inv, const std::vector<EngineError>& skipped)
{
    if (inv.json)
        return;
    erase_progress();
    for (auto const& e : skipped)
        std::cerr << "agent-tasks: warning: skipped: " << terminal_message(e) << '\n';
}

// The store a --store names.
Result<std::shared_ptr<task_store>> open_store(const std::string& uri)
{
#ifdef AGENT_ENGINE_HAS_POSTGRES
    return open_task_store(uri);
#else
    if (is_postgres_uri(uri))
        throw usage_error("postgres_unsupported",
                          "this agent-tasks was built without PostgreSQL support (AGENT_ENGINE_POSTGRES=OFF)");
    return std::make_shared<file_task_store>(uri);
#endif
}

Result<std::shared_ptr<task_store>> open_existing(const std::string& uri)
{
    BOOST_OUTCOME_TRY(auto store, open_store(uri));
    BOOST_OUTCOME_TRYV(store->check_exists());
    return store;
}

} // namespace

Result<TaskManager> open_existing_store(const invocation& inv)
{
    BOOST_OUTCOME_TRY(auto store, open_existing(inv.store));
    return TaskManager(std::move(store));
}

namespace {

// "1h02m", "3m05s", "12s".
std::string duration_text(double seconds)
{
    auto s = static_cast<long long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%lldh%02lldm", s / 3600, s / 60 % 60);
    else if (s >= 60)
        std::snprintf(buf, sizeof buf, "%lldm%02llds", s / 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%llds", s);
    return buf;
}

// One line on stderr, rewritten in place: "agent-tasks: copy 1200/100000
// (2400/s, 41s left)", or with a label "agent-tasks: prune p: remove 12/30".
// Drawn when a step starts and ends, and in between at most every 100 ms;
// erased when the step ends (or fails), so that only results remain.
class progress_display {
    std::string what_;
    std::chrono::steady_clock::time_point started_, drawn_;

public:
    explicit progress_display(std::string_view what) : what_(what.empty() ? "" : terminal_text(what) + ": ") {}

    void operator()(std::string_view step, std::size_t done, std::size_t total)
    {
        if (total == 0)
            return;
        auto now = std::chrono::steady_clock::now();
        if (done == 0)
            started_ = now;
        else if (done != total && now - drawn_ < std::chrono::milliseconds(100))
            return;
        drawn_ = now;
        std::string line = "agent-tasks: " + what_ + std::string(step) + " " + std::to_string(done) + "/" +
                           std::to_string(total);
        double seconds = std::chrono::duration<double>(now - started_).count();
        if (done != 0 && seconds > 0) {
            double rate = static_cast<double>(done) / seconds;
            char buf[32];
            std::snprintf(buf, sizeof buf, rate < 10 ? "%.1f/s" : "%.0f/s", rate);
            line += std::string(" (") + buf;
            if (done != total)
                line += ", " + duration_text(static_cast<double>(total - done) / rate) + " left";
            line += ")";
        }
        std::cerr << '\r' << line << "\x1b[K";
        progress_shown = true;
        if (done == total)
            erase_progress();
        std::cerr.flush();
    }
};

} // namespace

progress_callback progress_line(const invocation& inv, std::string_view what)
{
    if (!inv.show_progress)
        return {};
    return [display = std::make_shared<progress_display>(what)](std::string_view step, std::size_t done,
                                                                          std::size_t total) {
        (*display)(step, done, total);
    };
}

namespace {

template <class E> std::string name_of(E e) { return boost::describe::enum_to_string(e, "?"); }

// The names of a described enum's values, space-separated.
template <class E> std::string names_of()
{
    std::string names;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>(
        [&](auto d) { names += (names.empty() ? "" : " ") + std::string(d.name); });
    return names;
}

// --status values.
std::vector<TaskStatus> statuses_of(const invocation& inv)
{
    std::vector<TaskStatus> out;
    for (auto const& n : inv.repeated_option("status")) {
        TaskStatus s{};
        if (!boost::describe::enum_from_string(n.c_str(), s))
            throw usage_error("invalid_value", "--status: unknown status '" + n + "' (" + names_of<TaskStatus>() + ")",
                              {{"option", "--status"}, {"value", n}});
        out.push_back(s);
    }
    return out;
}

// A whole number of 1 or more given to option `name`, if given.
std::optional<std::size_t> count_of(const invocation& inv, const char* name)
{
    auto text = inv.option(name);
    if (!text)
        return std::nullopt;
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
    if (ec != std::errc{} || end != text->data() + text->size() || n == 0)
        throw usage_error("invalid_value", "--" + std::string(name) + ": not a whole number of 1 or more: '" + *text + "'",
                          {{"option", "--" + std::string(name)}, {"value", *text}});
    return n;
}

// An age given to option `name` (90s 30m 12h 7d 2w), if given.
std::optional<std::chrono::seconds> age_of(const invocation& inv, const char* name)
{
    auto text = inv.option(name);
    if (!text)
        return std::nullopt;
    auto age = parse_duration(*text);
    if (!age)
        throw usage_error("invalid_value",
                          "--" + std::string(name) + ": not an age (90s, 30m, 12h, 7d, 2w): '" + *text + "'",
                          {{"option", "--" + std::string(name)}, {"value", *text}});
    return age;
}

// A time given to option `name`: a date-time (2025-12-06T02:45:18Z) or an age
// before now (7d), as the checkpoints' timestamp text.
std::optional<std::string> time_of(const invocation& inv, const char* name)
{
    auto text = inv.option(name);
    if (!text)
        return std::nullopt;
    if (auto age = parse_duration(*text))
        return format_utc_timestamp(std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now()) -
                                    *age);
    if (!parse_utc_timestamp(*text))
        throw usage_error("invalid_value",
                          "--" + std::string(name) + ": not a time (2025-12-06T02:45:18Z) or an age (7d): '" + *text +
                              "'",
                          {{"option", "--" + std::string(name)}, {"value", *text}});
    return text;
}

// A checkpoint's time, shown in UTC with its zone: "2025-12-06T02:45:18.337698Z",
// or with `seconds` "2025-12-06 02:45:18Z" (a table's width); "-" when missing;
// as it is (escaped) when it is not a date-time.
std::string shown_time(const std::optional<std::string>& t, bool seconds = false)
{
    if (!t)
        return "-";
    auto parsed = parse_utc_timestamp(*t);
    if (!parsed)
        return terminal_text(*t);
    std::string utc = format_utc_timestamp(*parsed);
    return seconds ? utc.substr(0, 10) + " " + utc.substr(11, 8) + "Z" : utc;
}

// Rows of cells, each already through terminal_text, as columns two spaces
// apart, each as wide on the terminal as its widest cell.
void print_columns(const std::vector<std::vector<std::string>>& rows, std::string_view indent = "")
{
    std::vector<std::size_t> width;
    for (auto const& r : rows) {
        width.resize(std::max(width.size(), r.size()));
        for (std::size_t i = 0; i < r.size(); ++i)
            width[i] = std::max(width[i], display_width(r[i]));
    }
    for (auto const& r : rows) {
        std::string line(indent);
        for (std::size_t i = 0; i < r.size(); ++i) {
            line += r[i];
            if (i + 1 < r.size())
                line.append(width[i] - display_width(r[i]) + 2, ' ');
        }
        std::cout << line << '\n';
    }
}

void print_table(const std::vector<TaskMetadata>& tasks)
{
    std::vector<std::vector<std::string>> rows{{"TASK", "STATUS", "PIPELINE", "CREATED", "UPDATED"}};
    for (auto const& t : tasks)
        rows.push_back({terminal_text(t.task_id), name_of(t.status), terminal_text(t.pipeline_id),
                        shown_time(t.created_at, true), shown_time(t.updated_at, true)});
    print_columns(rows);
}

int run_list(const invocation& inv)
{
    task_query query;
    query.statuses = statuses_of(inv);
    query.updated_after = time_of(inv, "since");
    query.updated_before = time_of(inv, "until");
    query.order = inv.flag("oldest-first") ? task_order::oldest_first : task_order::newest_first;
    query.limit = count_of(inv, "limit").value_or(0);
    query.cursor = inv.option("cursor").value_or("");
    auto project = inv.argument("PROJECT");
    query.progress = progress_line(inv);

    auto opened = open_existing_store(inv);
    if (!opened)
        return fail(inv, opened.error());
    auto page = project ? opened.value().list_task_metadata(*project, query)
                        : opened.value().list_all_task_metadata(query);
    if (!page && page.error().error_id == "invalid_cursor")
        throw usage_error("invalid_value", "--cursor: " + page.error().message,
                          {{"option", "--cursor"}, {"value", query.cursor}});
    if (!page)
        return fail(inv, page.error());
    if (inv.json) {
        std::cout << to_json(page.value()) << '\n';
        return exit_ok;
    }
    warn_skipped(inv, page.value().skipped);
    if (page.value().tasks.empty())
        std::cerr << "no tasks" << (project ? " of project " + terminal_text(*project) : "") << " in "
                  << terminal_text(inv.store) << '\n';
    else
        print_table(page.value().tasks);
    if (!page.value().next_cursor.empty())
        std::cout << "next page: --cursor " << terminal_text(page.value().next_cursor) << '\n';
    return exit_ok;
}

// A stage's output on one line, cut to fit a terminal.
std::string brief(const boost::json::value& v)
{
    std::string text = serialize(v, json_format::compact());
    return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

int run_show(const invocation& inv)
{
    auto opened = open_existing_store(inv);
    if (!opened)
        return fail(inv, opened.error());
    auto task = opened.value().load_checkpoint(*inv.argument("TASK_ID"));
    if (!task)
        return fail(inv, task.error());
    const Task& t = *task.value();
    if (inv.json) {
        std::cout << to_json(t) << '\n';
        return exit_ok;
    }
    std::cout << "task      " << terminal_text(t.task_id) << "\nproject   "
              << terminal_text(extract_project_id(t.task_id)) << "\nstatus    " << name_of(t.status)
              << "\npipeline  " << terminal_text(t.pipeline_id) << "\nstage     "
              << terminal_text(t.current_stage_id.value_or("-")) << "\nrequest   " << terminal_text(t.spec.request)
              << "\ncreated   " << shown_time(t.created_at) << "\nupdated   " << shown_time(t.updated_at) << '\n';
    std::cout << "stages (" << t.stage_results.size() << "):\n";
    std::vector<std::vector<std::string>> stages;
    for (auto const& [stage, rec] : t.stage_results)
        stages.push_back({terminal_text(stage), shown_time(rec.completed_at),
                          terminal_text(rec.error ? "error: " + rec.error->message : brief(rec.output))});
    print_columns(stages, "  ");
    for (auto const& f : t.failure_signatures)
        std::cout << "failure   " << name_of(f.code) << ": " << terminal_text(f.message) << '\n';
    return exit_ok;
}

int run_meta(const invocation& inv)
{
    auto opened = open_existing_store(inv);
    if (!opened)
        return fail(inv, opened.error());
    auto meta = opened.value().get_task_metadata(*inv.argument("TASK_ID"));
    if (!meta)
        return fail(inv, meta.error());
    const TaskMetadata& m = meta.value();
    if (inv.json)
        std::cout << to_json(m) << '\n';
    else
        std::cout << "task_id      " << terminal_text(m.task_id) << "\nstatus       " << name_of(m.status)
                  << "\npipeline_id  " << terminal_text(m.pipeline_id) << "\ncreated_at   " << shown_time(m.created_at)
                  << "\nupdated_at   " << shown_time(m.updated_at) << '\n';
    return exit_ok;
}

int run_prune(const invocation& inv)
{
    prune_options options;
    options.older_than = age_of(inv, "older-than");
    options.statuses = statuses_of(inv);
    options.dry_run = inv.flag("dry-run");
    std::string project = *inv.argument("PROJECT");
    options.progress = progress_line(inv, "prune " + project);

    auto opened = open_existing_store(inv);
    if (!opened)
        return fail(inv, opened.error());
    auto result = opened.value().prune(project, options);
    if (!result)
        return fail(inv, result.error());
    if (inv.json) {
        std::cout << to_json(result.value()) << '\n';
        return exit_ok;
    }
    warn_skipped(inv, result.value().skipped);
    auto const& removed = result.value().removed;
    std::cout << (options.dry_run ? "would remove " : "removed ") << removed.size()
              << (removed.size() == 1 ? " task" : " tasks") << (removed.empty() ? "\n" : ":\n");
    if (!removed.empty())
        print_table(removed);
    return exit_ok;
}

int run_validate(const invocation& inv)
{
    auto files = inv.repeated_argument("FILE");
    bool all_valid = true;
    boost::json::array report;
    progress_callback progress = progress_line(inv);
    if (progress)
        progress("check", 0, files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto const& file = files[i];
        // Opened as a store opens its documents, and read as it is decoded.
        auto task = [&]() -> Result<Task> {
            BOOST_OUTCOME_TRY(auto text, open_document_file(file));
            auto decoded = decode_document<Task>(*text);
            if (!decoded)
                return with_location(std::move(decoded).error(), file);
            return decoded;
        }();
        if (progress)
            progress("check", i + 1, files.size());
        std::optional<EngineError> problem;
        if (!task)
            problem = std::move(task).error();
        all_valid = all_valid && !problem;
        if (inv.json) {
            boost::json::object entry{{"file", file}, {"valid", !problem}};
            entry.emplace("error", problem ? to_dict(*problem) : boost::json::value());
            report.push_back(std::move(entry));
        } else if (!problem) {
            std::cout << terminal_text(file) << ": ok\n";
        } else {
            std::cout << terminal_message(*problem) << '\n'; // it names the file
        }
    }
    if (inv.json)
        std::cout << serialize(report) << '\n';
    return all_valid ? exit_ok : exit_failure;
}

int run_copy(const invocation& inv)
{
    copy_options options;
    options.projects = inv.repeated_argument("PROJECT");
    options.overwrite = inv.flag("overwrite");
    options.progress = progress_line(inv);
    std::string destination = *inv.option("to");
    auto from = open_existing(inv.store);
    if (!from)
        return fail(inv, from.error());
    auto to = open_store(destination);
    if (!to)
        return fail(inv, to.error());
    auto copied = copy_documents(*from.value(), *to.value(), options);
    if (!copied)
        return fail(inv, copied.error());
    const copy_result& r = copied.value();
    if (inv.json) {
        boost::json::array projects(r.projects.begin(), r.projects.end());
        std::cout << serialize(boost::json::object{{"copied", r.copied},
                                                   {"unchanged", r.unchanged},
                                                   {"projects", std::move(projects)},
                                                   {"refused", to_dict(r.refused)}})
                  << '\n';
    } else {
        auto plural = [](std::size_t n, const char* one, const char* many) {
            return std::to_string(n) + " " + (n == 1 ? one : many);
        };
        std::cout << "copied " << plural(r.copied, "checkpoint", "checkpoints") << " of "
                  << plural(r.projects.size(), "project", "projects") << " to " << terminal_text(destination)
                  << ", each read back and compared";
        if (r.unchanged != 0)
            std::cout << "; " << plural(r.unchanged, "was", "were") << " there already";
        std::cout << '\n';
        for (auto const& e : r.refused)
            std::cerr << "agent-tasks: " << terminal_message(e) << '\n';
        if (!r.refused.empty())
            std::cerr << "agent-tasks: kept " << plural(r.refused.size(), "checkpoint that differs", "checkpoints that differ")
                      << " from the source; --overwrite replaces them\n";
    }
    return r.refused.empty() ? exit_ok : exit_failure;
}

int run_migrate(const invocation& inv)
{
    migrate_options options;
    if (auto project = inv.argument("PROJECT"))
        options.projects = {*project};
    options.dry_run = inv.flag("dry-run");
    options.progress = progress_line(inv);
    auto store = open_existing(inv.store);
    if (!store)
        return fail(inv, store.error());
    auto migrated = migrate_documents(*store.value(), schema_migrator_for<Task>(), options);
    if (!migrated)
        return fail(inv, migrated.error());
    const migration_report& r = migrated.value();
    int status = r.failed == 0 ? exit_ok : exit_failure;
    if (inv.json) {
        std::cout << to_json(r) << '\n';
        return status;
    }
    erase_progress();
    const char* migrated_word = r.dry_run ? "would migrate" : "migrated";
    for (auto const& d : r.documents) {
        std::cout << terminal_text(d.project) << '/' << terminal_text(d.task_id) << ": ";
        switch (d.outcome) {
        case migration_outcome::migrated:
            std::cout << migrated_word << " from version " << d.from_version << " to " << d.to_version << '\n';
            break;
        case migration_outcome::current: std::cout << "already current\n"; break;
        case migration_outcome::failed: std::cout << "failed, left as it was: " << terminal_message(*d.error) << '\n'; break;
        }
    }
    std::cout << migrated_word << ' ' << r.migrated << ", already current " << r.current << ", failed " << r.failed
              << '\n';
    return status;
}

// The schemas `schema NAME` prints, by title.
const std::map<std::string, std::function<boost::json::value()>>& schemas()
{
    static const std::map<std::string, std::function<boost::json::value()>> all{
        {"Task", json_schema<Task>},
        {"TaskSpec", json_schema<TaskSpec>},
        {"StageExecutionRecord", json_schema<StageExecutionRecord>},
        {"RoutingDecision", json_schema<RoutingDecision>},
        {"FailureSignature", json_schema<FailureSignature>},
        {"ContextFingerprint", json_schema<ContextFingerprint>},
        {"TaskMetadata", json_schema<TaskMetadata>},
        {"EngineError", json_schema<EngineError>},
    };
    return all;
}

int run_schema(const invocation& inv)
{
    auto name = inv.argument("NAME");
    if (!name) {
        boost::json::array names;
        for (auto const& [title, f] : schemas())
            names.emplace_back(title);
        if (inv.json)
            std::cout << serialize(names) << '\n';
        else
            for (auto const& [title, f] : schemas())
                std::cout << title << '\n';
        return exit_ok;
    }
    auto it = schemas().find(*name);
    if (it == schemas().end())
        throw usage_error("invalid_value", "unknown schema '" + *name + "' (run `agent-tasks schema` for the list)",
                          {{"argument", "NAME"}, {"value", *name}});
    std::cout << serialize(it->second()) << '\n';
    return exit_ok;
}

// `report` (report_command.cpp), which parses the words given back here again.
int run_report(const invocation& inv)
{
    std::vector<std::string> words;
    for (const char* name : {"project", "output"})
        if (auto value = inv.option(name))
            words.insert(words.end(), {"--" + std::string(name), *value});
    if (auto id = inv.argument("TASK_ID"))
        words.insert(words.end(), {"--", *id});
    command_env env{[&] { return open_existing(inv.store); }, inv.json, terminal_text,
                    [&](const EngineError& e) { return fail(inv, e); },
                    [&](const std::vector<EngineError>& skipped) { warn_skipped(inv, skipped); }};
    return cmd_report(env, words);
}

int run_completion(const invocation& inv);

// ---- the commands --------------------------------------------------------------

// Options every command takes, before or after its name.
const std::vector<option_spec> global_options{
    {"store", "DIR|URI", "a directory or postgresql:// URI (.agent_engine/tasks)",
     value_kind::directory},
    {"root", "DIR|URI", "the same as --store (its former name)", value_kind::directory},
    {"json", nullptr, "JSON on stdout, errors as JSON objects on stderr"},
    {"quiet", nullptr, "no progress line on stderr (drawn on a terminal only)"},
    {"help", nullptr, "this help; after a command, the command's"},
    {"version", nullptr, "print the version"},
};

const command list_command{
    "list",
    "tasks as a table (every project when none is named), newest first",
    {{"status", "S", "only tasks with status S (repeatable)", value_kind::status, true},
     {"since", "TIME", "tasks updated after TIME: 2025-12-06T02:45:18Z, 7d"},
     {"until", "TIME", "tasks updated before TIME"},
     {"limit", "N", "at most N tasks, and the cursor of the next page"},
     {"cursor", "C", "the page after the one that printed cursor C"},
     {"oldest-first", nullptr, "oldest first"}},
    {{"PROJECT"}},
    run_list,
};
const command show_command{
    "show", "one checkpoint: summary and stages (--json: the checkpoint itself)", {}, {{"TASK_ID", true}}, run_show};
const command meta_command{
    "meta", "a checkpoint's metadata, read without loading the task", {}, {{"TASK_ID", true}}, run_meta};
const command prune_command{
    "prune",
    "remove old tasks (default statuses: completed, failed)",
    {{"older-than", "AGE", "only tasks older than AGE: 90s 30m 12h 7d 2w", value_kind::text, false, true},
     {"status", "S", "only status S (repeatable; default completed, failed)", value_kind::status,
      true},
     {"dry-run", nullptr, "show what would be removed, remove nothing"}},
    {{"PROJECT", true}},
    run_prune,
};
const command validate_command{"validate",
                               "check files against the Task schema; exit 1 if any is invalid",
                               {},
                               {{"FILE", true, true, value_kind::file}},
                               run_validate};
const command schema_command{"schema",
                             "JSON Schema of a schema (list the names without NAME)",
                             {},
                             {{"NAME", false, false, value_kind::schema}},
                             run_schema};
const command copy_command{
    "copy",
    "copy checkpoints to another store, each read back and compared",
    {{"to", "DIR|URI", "the destination: a directory or postgresql:// URI", value_kind::directory, false, true},
     {"overwrite", nullptr, "replace destination checkpoints that differ"}},
    {{"PROJECT", false, true}},
    run_copy,
};
const command migrate_command{
    "migrate",
    "validate checkpoints; rewrite older Task versions at the current one",
    {{"dry-run", nullptr, "show what would be migrated, write nothing"}},
    {{"PROJECT"}},
    run_migrate,
};
const command report_command{
    "report",
    "a task's life as an HTML page; --project P: all of P's tasks",
    {{"project", "P", "every task of P and an index, written to -o DIR"},
     {"output,o", "FILE", "the file written (default stdout), or DIR with --project", value_kind::file}},
    {{"TASK_ID"}},
    run_report,
};
const command completion_command{"completion",
                                 "a completion script for SHELL (bash): source it, or install it",
                                 {},
                                 {{"SHELL", true, false, value_kind::shell}},
                                 run_completion};

// Every command, in the order the help lists them: adding one is adding a line.
const command* const commands[] = {
    &list_command,   &show_command, &meta_command,    &prune_command,  &validate_command,
    &schema_command, &copy_command, &migrate_command, &report_command, &completion_command,
};

// ---- help ----------------------------------------------------------------------

// An option's name after "--" (o.name may add a short one, as po takes it: "output,o").
std::string long_name(const option_spec& o)
{
    std::string_view name = o.name;
    return std::string(name.substr(0, name.find(',')));
}

std::string option_synopsis(const option_spec& o)
{
    std::string s = "--" + long_name(o) + (o.value ? " " + std::string(o.value) : "");
    if (!o.required)
        s = "[" + s + "]";
    return o.repeatable ? s + "..." : s;
}

// "prune PROJECT --older-than AGE": the arguments and required options.
std::string synopsis(const command& c)
{
    std::string s = c.name;
    for (auto const& a : c.arguments) {
        std::string name = a.required ? std::string(a.name) : "[" + std::string(a.name) + "]";
        s += " " + name + (a.repeated ? "..." : "");
    }
    for (auto const& o : c.options)
        if (o.required)
            s += " " + option_synopsis(o);
    return s;
}

po::options_description described(const std::vector<option_spec>& options, const char* caption)
{
    po::options_description d(caption);
    for (auto const& o : options) {
        if (!o.value)
            d.add_options()(o.name, o.help);
        else if (o.repeatable)
            d.add_options()(o.name, po::value<std::vector<std::string>>()->value_name(o.value)->composing(), o.help);
        else
            d.add_options()(o.name, po::value<std::string>()->value_name(o.value), o.help);
    }
    return d;
}

void print_help()
{
    std::cout << "usage: agent-tasks [--store DIR|URI] [--json] [--quiet] COMMAND [ARGS]\n\n"
                 "Inspect and maintain task checkpoints: a directory ({root}/{project_id}/{task_id}.json)\n"
                 "or a PostgreSQL database (--store postgresql://user@host/db).\n\ncommands:\n";
    for (const command* c : commands) {
        std::string line = "  " + synopsis(*c);
        if (line.size() < 26)
            std::cout << line << std::string(26 - line.size(), ' ') << c->summary << '\n';
        else
            std::cout << line << '\n' << std::string(26, ' ') << c->summary << '\n';
    }
    std::cout << '\n'
              << described(global_options, "global options (before or after the command)")
              << "\n'agent-tasks COMMAND --help' shows a command's options.\n"
                 "exit status: 0 success, 1 failure or invalid file, 2 usage error\n";
}

void print_help(const command& c)
{
    bool optional = std::any_of(c.options.begin(), c.options.end(), [](auto const& o) { return !o.required; });
    std::cout << "usage: agent-tasks " << synopsis(c) << (optional ? " [OPTIONS]" : "") << "\n\n"
              << c.summary << "\n";
    if (!c.options.empty())
        std::cout << '\n' << described(c.options, (std::string(c.name) + " options").c_str());
    std::cout << "\nglobal options: [--store DIR|URI] [--json] [--quiet] (see 'agent-tasks --help')\n";
}

// ---- bash completion -----------------------------------------------------------

// Bash that fills COMPREPLY with the values of `kind` that start with $cur.
std::string complete_value(value_kind kind)
{
    auto words = [](const std::string& list) { return "COMPREPLY=($(compgen -W '" + list + "' -- \"$cur\"))"; };
    switch (kind) {
    case value_kind::directory:
        return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\"))";
    case value_kind::file:
        return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))";
    case value_kind::status:
        return words(names_of<TaskStatus>());
    case value_kind::schema: {
        std::string names;
        for (auto const& [title, f] : schemas())
            names += (names.empty() ? "" : " ") + title;
        return words(names);
    }
    case value_kind::shell:
        return words("bash");
    case value_kind::text:
        break;
    }
    return "COMPREPLY=()"; // nothing to offer
}

std::string option_words(const std::vector<option_spec>& options)
{
    std::string out;
    for (auto const& o : options)
        out += (out.empty() ? "--" : " --") + long_name(o);
    return out;
}

// The words that name option `o` on a command line, each after `prefix`, as a
// bash case pattern: "report:--output | report:-o".
std::string option_pattern(const option_spec& o, const std::string& prefix = {})
{
    std::string_view name = o.name;
    std::size_t comma = name.find(',');
    std::string pattern = prefix + "--" + long_name(o);
    return comma == std::string_view::npos ? pattern : pattern + " | " + prefix + "-" + std::string(name.substr(comma + 1));
}

int run_completion(const invocation& inv)
{
    if (*inv.argument("SHELL") != "bash")
        throw usage_error("invalid_value", "completion: unknown shell '" + *inv.argument("SHELL") + "' (bash)",
                          {{"argument", "SHELL"}, {"value", *inv.argument("SHELL")}});
    std::string command_names, global_values, values, per_command;
    for (auto const& o : global_options)
        if (o.value) {
            global_values += (global_values.empty() ? "" : " | ") + option_pattern(o);
            values += "    " + option_pattern(o, "*:") + ") " + complete_value(o.kind) + "; return ;;\n";
        }
    for (const command* c : commands) {
        command_names += (command_names.empty() ? "" : " ") + std::string(c->name);
        for (auto const& o : c->options)
            if (o.value)
                values += "    " + option_pattern(o, c->name + std::string(":")) + ") " + complete_value(o.kind) +
                          "; return ;;\n";
        // A command's arguments are all of one kind.
        value_kind kind = c->arguments.empty() ? value_kind::text : c->arguments.front().kind;
        per_command += "    " + std::string(c->name) + ") if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W '" +
                       option_words(c->options) + (c->options.empty() ? "" : " ") + option_words(global_options) +
                       "' -- \"$cur\")); else " + complete_value(kind) + "; fi ;;\n";
    }
    std::cout << "# bash completion for agent-tasks, generated by 'agent-tasks completion bash'\n"
                 "_agent_tasks()\n{\n"
                 "    local cur=${COMP_WORDS[COMP_CWORD]} prev= command= i\n"
                 "    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
                 "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
                 "        case ${COMP_WORDS[i]} in\n"
                 "        " << global_values << ") ((i++)) ;;\n"
                 "        -*) ;;\n"
                 "        *) command=${COMP_WORDS[i]}; break ;;\n"
                 "        esac\n"
                 "    done\n"
                 "    case $command:$prev in\n"
              << values
              << "    esac\n"
                 "    case $command in\n"
                 "    '') if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W '" << option_words(global_options)
              << "' -- \"$cur\")); else COMPREPLY=($(compgen -W '" << command_names << "' -- \"$cur\")); fi ;;\n"
              << per_command << "    esac\n}\ncomplete -F _agent_tasks agent-tasks\n";
    return exit_ok;
}

// ---- the command line ------------------------------------------------------------

// The key under which po collects a command's positional words: it holds a
// space, so that no option typed on a command line can name it.
constexpr const char* words_key = "positional words";

const auto parse_style = po::command_line_style::unix_style & ~po::command_line_style::allow_guessing;

// The index in `args` of the command: the first word that is neither an option
// nor the value of a global option.
std::size_t command_index(const std::vector<std::string>& args, const po::options_description& global)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--")
            break;
        if (a.size() < 2 || a[0] != '-')
            return i;
        auto const* o = global.find_nothrow(a.starts_with("--") ? a.substr(2) : a, false);
        if (o && o->semantic()->max_tokens() > 0 && a.find('=') == std::string::npos)
            ++i; // its value
    }
    return args.size();
}

// The command's positional words, as its arguments.
void assign_arguments(const command& c, const std::vector<std::string>& words, invocation& inv)
{
    std::size_t next = 0;
    for (auto const& a : c.arguments) {
        auto& taken = inv.arguments[a.name];
        while (next < words.size() && (taken.empty() || a.repeated))
            taken.push_back(words[next++]);
        if (a.required && taken.empty())
            throw usage_error("missing_argument", std::string(c.name) + ": missing " + a.name,
                              {{"command", c.name}, {"argument", a.name}});
    }
    if (next < words.size())
        throw usage_error("unexpected_argument", std::string(c.name) + ": unexpected argument '" + words[next] + "'",
                          {{"command", c.name}, {"argument", words[next]}});
    for (auto const& o : c.options)
        if (o.required && !inv.values.count(long_name(o)))
            throw usage_error("missing_option", std::string(c.name) + ": missing --" + long_name(o) + " " + o.value,
                              {{"command", c.name}, {"option", "--" + long_name(o)}});
}

// A usage error for a command line po refused: po names the option as typed.
usage_error refused(const po::error& e)
{
    boost::json::object details;
    if (auto const* named = dynamic_cast<const po::error_with_option_name*>(&e))
        details.emplace("option", named->get_option_name());
    std::string id = dynamic_cast<const po::unknown_option*>(&e)          ? "unknown_option"
                     : dynamic_cast<const po::multiple_occurrences*>(&e) ? "repeated_option"
                                                                         : "invalid_option";
    return usage_error(id, e.what(), std::move(details));
}

// Parses the command line into `inv`; the command to run, or nullptr when
// --help or --version was answered.
const command* parse(const std::vector<std::string>& args, invocation& inv)
{
    po::options_description global = described(global_options, "");
    std::size_t at = command_index(args, global);
    std::vector<std::string> before(args.begin(), args.begin() + static_cast<std::ptrdiff_t>(at));
    po::parsed_options parsed = po::command_line_parser(before).options(global).style(parse_style).run();
    const command* found = nullptr;
    po::options_description options; // what `parsed` refers to, until it is stored
    if (at < args.size()) {
        auto it = std::find_if(std::begin(commands), std::end(commands),
                               [&](const command* c) { return args[at] == c->name; });
        if (it == std::end(commands))
            throw usage_error("unknown_command", "unknown command '" + args[at] + "'", {{"command", args[at]}});
        found = *it;
        options.add(described(found->options, ""));
        options.add(global);
        options.add_options()(words_key, po::value<std::vector<std::string>>());
        po::positional_options_description positional;
        positional.add(words_key, -1);
        std::vector<std::string> after(args.begin() + static_cast<std::ptrdiff_t>(at) + 1, args.end());
        po::parsed_options rest =
            po::command_line_parser(after).options(options).positional(positional).style(parse_style).run();
        // One store of both halves: a global option given twice is refused like any other.
        rest.options.insert(rest.options.begin(), parsed.options.begin(), parsed.options.end());
        parsed = std::move(rest);
    }
    po::store(parsed, inv.values);
    if (inv.values.count("version")) {
        std::cout << "agent-tasks " << AGENT_ENGINE_VERSION << '\n';
        return nullptr;
    }
    if (inv.values.count("help")) {
        found ? print_help(*found) : print_help();
        return nullptr;
    }
    if (!found)
        throw usage_error("missing_command", "missing command");
    if (inv.values.count("store") && inv.values.count("root"))
        throw usage_error("repeated_option", "--store and --root name the same store: give one",
                          {{"option", "--root"}});
    inv.store = inv.option("store").value_or(inv.option("root").value_or(std::string(default_task_root)));
    inv.json = inv.flag("json");
    inv.show_progress = !inv.flag("quiet") && ::isatty(STDERR_FILENO);
    std::vector<std::string> words;
    if (inv.values.count(words_key))
        words = inv.values[words_key].as<std::vector<std::string>>();
    assign_arguments(*found, words, inv);
    return found;
}

// Which command the words name, for the hint after a usage error.
std::string help_hint(const std::vector<std::string>& args)
{
    for (const command* c : commands)
        if (std::find(args.begin(), args.end(), c->name) != args.end())
            return std::string("agent-tasks ") + c->name + " --help";
    return "agent-tasks --help";
}

int usage(const std::vector<std::string>& args, bool json, const usage_error& e)
{
    erase_progress();
    if (json) {
        boost::json::object error{{"code", "usage"}, {"error_id", e.error_id}, {"message", e.what()}};
        error.emplace("details", e.details);
        std::cerr << serialize(error, json_format::compact()) << '\n';
    } else {
        std::cerr << "agent-tasks: " << terminal_text(e.what()) << "\ntry '" << help_hint(args) << "'\n";
    }
    return exit_usage;
}

} // namespace
} // namespace agent_tasks

int main(int argc, char** argv)
{
    using namespace agent_tasks;
    std::vector<std::string> args(argv + 1, argv + argc);
    // --json asks for JSON errors even when the rest of the line cannot be parsed.
    bool json = std::find(args.begin(), std::find(args.begin(), args.end(), "--"), "--json") != args.end();
    try {
        invocation inv;
        const command* c = parse(args, inv);
        return c ? c->run(inv) : exit_ok;
    } catch (const po::error& e) {
        return usage(args, json, refused(e));
    } catch (const usage_error& e) {
        return usage(args, json, e);
    } catch (const std::exception& e) {
        std::cerr << "agent-tasks: " << terminal_text(e.what()) << '\n';
        return exit_failure;
    }
}
