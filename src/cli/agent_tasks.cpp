// agent-tasks: inspect and maintain the checkpoints of a task store: a directory
// ({root}/{project_id}/{task_id}.json) or a PostgreSQL database (--store
// postgresql://...). Exit status: 0 success, 1 failure or an invalid file,
// 2 usage error. Errors go to stderr. Whatever it prints that it did not write
// itself (ids, values, paths, messages quoting them) goes through terminal_text.

#include "report_command.hpp"

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/core/json_schema.hpp>
#include <agent_engine/core/validation_context.hpp>
#include <agent_engine/postgres/postgres_task_store.hpp>
#include <agent_engine/runtime/project_id.hpp>
#include <agent_engine/runtime/task_manager.hpp>

#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/program_options.hpp>

#include <algorithm>
#include <functional>
#include <iostream>
#include <map>

namespace po = boost::program_options;
using namespace agent_engine;

namespace {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct context {
    std::string store; // a directory or a postgresql:// URI
    bool json = false;
};

// The store a --store URI names.
Result<std::shared_ptr<task_store>> open_store(const std::string& uri)
{
#ifdef AGENT_ENGINE_HAS_POSTGRES
    return open_task_store(uri);
#else
    if (is_postgres_uri(uri))
        throw usage_error("this agent-tasks was built without PostgreSQL support (AGENT_ENGINE_POSTGRES=OFF)");
    return std::make_shared<file_task_store>(uri);
#endif
}

Result<TaskManager> open_manager(const context& ctx)
{
    BOOST_OUTCOME_TRY(auto store, open_store(ctx.store));
    return TaskManager(std::move(store));
}

// Text the CLI did not write, as it may be printed on a terminal: each control
// (is_control_code_point: newline, ESC, DEL, C1, line separators, bidi
// controls) and each byte that is not UTF-8 is shown as an escape (\n, \x1b,
// \u202e, \xff), so that nothing read from a store or a file can add a line,
// send the terminal a command or reorder what is shown. Anything else, a
// backslash too, is kept as is: this is for reading, --json for exact values.
std::string terminal_text(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    auto escape = [&out](const char* prefix, unsigned value, int digits) {
        out += prefix;
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
            out += "0123456789abcdef"[(value >> shift) & 15];
    };
    for (std::size_t i = 0; i < s.size();) {
        auto [cp, len] = detail::code_point_at(s, i);
        if (len == 0)
            escape("\\x", static_cast<unsigned char>(s[i]), 2);
        else if (!is_control_code_point(cp))
            out.append(s, i, len);
        else if (cp == '\n' || cp == '\r' || cp == '\t')
            out += cp == '\n' ? "\\n" : cp == '\r' ? "\\r" : "\\t";
        else
            escape(cp < 0x80 ? "\\x" : "\\u", cp, cp < 0x80 ? 2 : 4);
        i += len == 0 ? 1 : len;
    }
    return out;
}

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

int fail(const EngineError& e)
{
    std::cerr << "agent-tasks: " << terminal_message(e) << '\n';
    return exit_failure;
}

void warn_skipped(const std::vector<EngineError>& skipped)
{
    for (auto const& e : skipped)
        std::cerr << "agent-tasks: warning: skipped: " << terminal_message(e) << '\n';
}

template <class E> std::string name_of(E e) { return boost::describe::enum_to_string(e, "?"); }

std::vector<TaskStatus> parse_statuses(const std::vector<std::string>& names)
{
    std::vector<TaskStatus> out;
    for (auto const& n : names) {
        TaskStatus s{};
        if (!boost::describe::enum_from_string(n.c_str(), s))
            throw usage_error("unknown status '" + n + "' (pending, running, completed, failed)");
        out.push_back(s);
    }
    return out;
}

// "2025-12-06T02:45:18.337698Z" as "2025-12-06 02:45:18" (the table's width).
std::string short_time(const std::optional<std::string>& t)
{
    if (t && t->size() >= 19 && (*t)[10] == 'T')
        return terminal_text(t->substr(0, 10) + " " + t->substr(11, 8));
    return terminal_text(t.value_or("-"));
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
                        short_time(t.created_at), short_time(t.updated_at)});
    print_columns(rows);
}

// Parses a subcommand's own options and positionals from `args`.
po::variables_map parse_sub(const std::vector<std::string>& args, const po::options_description& options,
                            const po::positional_options_description& positional = {})
{
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    po::notify(vm);
    return vm;
}

int cmd_list(const context& ctx, const std::vector<std::string>& args)
{
    po::options_description opts("list options");
    opts.add_options()("project", po::value<std::string>(), "project to list (default: every project)")(
        "status", po::value<std::vector<std::string>>()->composing(), "only tasks with this status (repeatable)")(
        "limit", po::value<std::size_t>()->default_value(0), "at most this many tasks (0: all)")(
        "oldest-first", "oldest first instead of newest first");
    po::positional_options_description pos;
    pos.add("project", 1);
    auto vm = parse_sub(args, opts, pos);

    auto opened = open_manager(ctx);
    if (!opened)
        return fail(opened.error());
    TaskManager& tm = opened.value();
    task_query query;
    if (vm.count("status"))
        query.statuses = parse_statuses(vm["status"].as<std::vector<std::string>>());
    query.order = vm.count("oldest-first") ? task_order::oldest_first : task_order::newest_first;
    query.limit = vm["limit"].as<std::size_t>();

    std::vector<std::string> projects;
    if (vm.count("project")) {
        projects.push_back(vm["project"].as<std::string>());
    } else {
        auto all = tm.list_projects();
        if (!all)
            return fail(all.error());
        projects = std::move(all).value();
    }
    std::vector<TaskMetadata> tasks;
    for (auto const& p : projects) {
        auto page = tm.list_task_metadata(p, query);
        if (!page)
            return fail(page.error());
        warn_skipped(page.value().skipped);
        for (auto& t : page.value().tasks)
            tasks.push_back(std::move(t));
    }
    if (projects.size() > 1) { // merge the projects' pages in the requested order
        // the library's own order: (task_time, task_id), not the timestamps' text
        std::sort(tasks.begin(), tasks.end(), [&](const TaskMetadata& a, const TaskMetadata& b) {
            auto key = [](const TaskMetadata& t) { return std::pair<std::int64_t, std::string_view>(task_time(t), t.task_id); };
            return query.order == task_order::newest_first ? key(b) < key(a) : key(a) < key(b);
        });
        if (query.limit != 0 && tasks.size() > query.limit)
            tasks.resize(query.limit);
    }
    if (ctx.json)
        std::cout << to_json(tasks) << '\n';
    else if (tasks.empty())
        std::cerr << "no tasks in " << terminal_text(ctx.store) << '\n';
    else
        print_table(tasks);
    return exit_ok;
}

std::string one_task_arg(const std::vector<std::string>& args, const char* command)
{
    po::options_description opts(std::string(command) + " options");
    opts.add_options()("task-id", po::value<std::string>()->required(), "task id");
    po::positional_options_description pos;
    pos.add("task-id", 1);
    return parse_sub(args, opts, pos)["task-id"].as<std::string>();
}

// A stage's output on one line, cut to fit a terminal.
std::string brief(const boost::json::value& v)
{
    std::string text = serialize(v, json_format::compact());
    return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

int cmd_show(const context& ctx, const std::vector<std::string>& args)
{
    std::string id = one_task_arg(args, "show");
    auto opened = open_manager(ctx);
    if (!opened)
        return fail(opened.error());
    auto task = opened.value().load_checkpoint(id);
    if (!task)
        return fail(task.error());
    const Task& t = *task.value();
    if (ctx.json) {
        std::cout << to_json(t) << '\n';
        return exit_ok;
    }
    std::cout << "task      " << terminal_text(t.task_id) << "\nproject   "
              << terminal_text(extract_project_id(t.task_id)) << "\nstatus    " << name_of(t.status)
              << "\npipeline  " << terminal_text(t.pipeline_id) << "\nstage     "
              << terminal_text(t.current_stage_id.value_or("-")) << "\nrequest   " << terminal_text(t.spec.request)
              << "\ncreated   " << terminal_text(t.created_at.value_or("-")) << "\nupdated   "
              << terminal_text(t.updated_at.value_or("-")) << '\n';
    std::cout << "stages (" << t.stage_results.size() << "):\n";
    std::vector<std::vector<std::string>> stages;
    for (auto const& [stage, rec] : t.stage_results)
        stages.push_back({terminal_text(stage), terminal_text(rec.completed_at.value_or("-")),
                          terminal_text(rec.error ? "error: " + rec.error->message : brief(rec.output))});
    print_columns(stages, "  ");
    for (auto const& f : t.failure_signatures)
        std::cout << "failure   " << name_of(f.code) << ": " << terminal_text(f.message) << '\n';
    return exit_ok;
}

int cmd_meta(const context& ctx, const std::vector<std::string>& args)
{
    std::string id = one_task_arg(args, "meta");
    auto opened = open_manager(ctx);
    if (!opened)
        return fail(opened.error());
    auto meta = opened.value().get_task_metadata(id);
    if (!meta)
        return fail(meta.error());
    const TaskMetadata& m = meta.value();
    if (ctx.json)
        std::cout << to_json(m) << '\n';
    else
        std::cout << "task_id      " << terminal_text(m.task_id) << "\nstatus       " << name_of(m.status)
                  << "\npipeline_id  " << terminal_text(m.pipeline_id) << "\ncreated_at   "
                  << terminal_text(m.created_at.value_or("-")) << "\nupdated_at   "
                  << terminal_text(m.updated_at.value_or("-")) << '\n';
    return exit_ok;
}

int cmd_prune(const context& ctx, const std::vector<std::string>& args)
{
    po::options_description opts("prune options");
    opts.add_options()("project", po::value<std::string>()->required(), "project to prune")(
        "older-than", po::value<std::string>()->required(), "age, e.g. 90s, 30m, 12h, 7d, 2w")(
        "status", po::value<std::vector<std::string>>()->composing(),
        "only tasks with this status (repeatable; default: completed and failed)")(
        "dry-run", "show what would be removed, remove nothing");
    po::positional_options_description pos;
    pos.add("project", 1);
    auto vm = parse_sub(args, opts, pos);

    prune_options options;
    auto age = parse_duration(vm["older-than"].as<std::string>());
    if (!age)
        throw usage_error("--older-than: not a duration: '" + vm["older-than"].as<std::string>() + "'");
    options.older_than = *age;
    if (vm.count("status"))
        options.statuses = parse_statuses(vm["status"].as<std::vector<std::string>>());
    options.dry_run = vm.count("dry-run") != 0;

    auto opened = open_manager(ctx);
    if (!opened)
        return fail(opened.error());
    auto result = opened.value().prune(vm["project"].as<std::string>(), options);
    if (!result)
        return fail(result.error());
    warn_skipped(result.value().skipped);
    if (ctx.json) {
        std::cout << to_json(result.value()) << '\n';
        return exit_ok;
    }
    auto const& removed = result.value().removed;
    std::cout << (options.dry_run ? "would remove " : "removed ") << removed.size()
              << (removed.size() == 1 ? " task" : " tasks") << (removed.empty() ? "\n" : ":\n");
    if (!removed.empty())
        print_table(removed);
    return exit_ok;
}

int cmd_validate(const context& ctx, const std::vector<std::string>& args)
{
    po::options_description opts("validate options");
    opts.add_options()("file", po::value<std::vector<std::string>>()->required(), "checkpoint files");
    po::positional_options_description pos;
    pos.add("file", -1);
    auto files = parse_sub(args, opts, pos)["file"].as<std::vector<std::string>>();

    bool all_valid = true;
    boost::json::array report;
    for (auto const& file : files) {
        // Opened as a store opens its documents, and read as it is decoded.
        auto task = [&]() -> Result<Task> {
            BOOST_OUTCOME_TRY(auto text, open_document_file(file));
            auto decoded = decode_document<Task>(*text);
            if (!decoded)
                return with_location(std::move(decoded).error(), file);
            return decoded;
        }();
        std::optional<EngineError> problem;
        if (!task)
            problem = std::move(task).error();
        all_valid = all_valid && !problem;
        if (ctx.json) {
            boost::json::object entry{{"file", file}, {"valid", !problem}};
            entry.emplace("error", problem ? to_dict(*problem) : boost::json::value());
            report.push_back(std::move(entry));
        } else if (!problem) {
            std::cout << terminal_text(file) << ": ok\n";
        } else {
            std::cout << terminal_message(*problem) << '\n'; // it names the file
        }
    }
    if (ctx.json)
        std::cout << serialize(report) << '\n';
    return all_valid ? exit_ok : exit_failure;
}

// Copies every checkpoint of the named projects (default: all) byte for byte,
// then reads each one back from the destination and compares it with the source.
int cmd_copy(const context& ctx, const std::vector<std::string>& args)
{
    po::options_description opts("copy options");
    opts.add_options()("to", po::value<std::string>()->required(), "destination store (directory or postgresql:// URI)")(
        "project", po::value<std::vector<std::string>>(), "projects to copy (default: every project)");
    po::positional_options_description pos;
    pos.add("project", -1);
    auto vm = parse_sub(args, opts, pos);

    auto from = open_store(ctx.store);
    if (!from)
        return fail(from.error());
    auto to = open_store(vm["to"].as<std::string>());
    if (!to)
        return fail(to.error());
    std::vector<std::string> projects;
    if (vm.count("project")) {
        projects = vm["project"].as<std::vector<std::string>>();
    } else {
        auto all = from.value()->list_projects();
        if (!all)
            return fail(all.error());
        projects = std::move(all).value();
    }
    std::size_t copied = 0;
    for (auto const& project : projects) {
        auto ids = from.value()->list(project);
        if (!ids)
            return fail(ids.error());
        for (auto const& id : ids.value()) {
            auto bytes = from.value()->get(project, id);
            if (!bytes)
                return fail(bytes.error());
            if (auto put = to.value()->put(project, id, bytes.value()); !put)
                return fail(put.error());
            auto back = to.value()->get(project, id);
            if (!back)
                return fail(back.error());
            if (back.value() != bytes.value()) {
                std::cerr << "agent-tasks: copy of " << terminal_text(from.value()->location(project, id))
                          << " differs at " << terminal_text(to.value()->location(project, id)) << '\n';
                return exit_failure;
            }
            ++copied;
        }
    }
    if (ctx.json)
        std::cout << serialize(boost::json::object{{"copied", copied}, {"projects", projects.size()}}) << '\n';
    else
        std::cout << "copied " << copied << (copied == 1 ? " checkpoint" : " checkpoints") << " of " << projects.size()
                  << (projects.size() == 1 ? " project" : " projects") << " to "
                  << terminal_text(vm["to"].as<std::string>()) << ", each read back and compared\n";
    return exit_ok;
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

int cmd_schema(const context& ctx, const std::vector<std::string>& args)
{
    po::options_description opts("schema options");
    opts.add_options()("name", po::value<std::string>(), "schema name (default: list the names)");
    po::positional_options_description pos;
    pos.add("name", 1);
    auto vm = parse_sub(args, opts, pos);
    if (!vm.count("name")) {
        boost::json::array names;
        for (auto const& [name, f] : schemas())
            names.emplace_back(name);
        if (ctx.json)
            std::cout << serialize(names) << '\n';
        else
            for (auto const& [name, f] : schemas())
                std::cout << name << '\n';
        return exit_ok;
    }
    auto it = schemas().find(vm["name"].as<std::string>());
    if (it == schemas().end())
        throw usage_error("unknown schema '" + vm["name"].as<std::string>() + "' (run `agent-tasks schema` for the list)");
    std::cout << serialize(it->second()) << '\n';
    return exit_ok;
}

constexpr const char* usage_text = R"(usage: agent-tasks [--store DIR|URI] [--json] COMMAND [ARGS]

Inspect and maintain task checkpoints: a directory ({root}/{project_id}/{task_id}.json)
or a PostgreSQL database (--store postgresql://user@host/db).

commands:
  list [PROJECT] [--status S]... [--limit N] [--oldest-first]
                          tasks as a table (every project when none is named), newest first
  show TASK_ID            one checkpoint: summary and stages (--json: the checkpoint itself)
  meta TASK_ID            a checkpoint's metadata, read without loading the task
  prune PROJECT --older-than AGE [--status S]... [--dry-run]
                          remove old tasks (default statuses: completed, failed); AGE: 90s 30m 12h 7d 2w
  validate FILE...        check files against the Task schema; exit 1 if any is invalid
  schema [NAME]           JSON Schema of a schema (list the names without NAME)
  copy --to DIR|URI [PROJECT]...
                          copy every checkpoint (of these projects) to another store, each
                          read back and compared byte for byte
  report TASK_ID [-o FILE]
                          one task's life as a self-contained HTML page (stdout without -o)
  report --project PROJECT -o DIR
                          DIR/index.html: a project's tasks, each linked to its report in DIR

exit status: 0 success, 1 failure or invalid file, 2 usage error
)";

} // namespace

int main(int argc, char** argv)
{
    po::options_description global("global options");
    global.add_options()("help,h", "show this help")(
        "store", po::value<std::string>(), "task store: a directory or a postgresql:// URI (default: --root)")(
        "root", po::value<std::string>()->default_value(std::string(default_task_root)), "storage directory")(
        "json", "machine-readable JSON output");
    po::options_description hidden;
    hidden.add_options()("command", po::value<std::string>())("args", po::value<std::vector<std::string>>());
    po::options_description all;
    all.add(global).add(hidden);
    po::positional_options_description pos;
    pos.add("command", 1).add("args", -1);

    try {
        auto parsed = po::command_line_parser(argc, argv).options(all).positional(pos).allow_unregistered().run();
        po::variables_map vm;
        po::store(parsed, vm);
        po::notify(vm);
        if (vm.count("help")) {
            std::cout << usage_text << '\n' << global;
            return exit_ok;
        }
        if (!vm.count("command"))
            throw usage_error("missing command");
        context ctx{vm.count("store") ? vm["store"].as<std::string>() : vm["root"].as<std::string>(),
                    vm.count("json") != 0};
        std::string command = vm["command"].as<std::string>();
        std::vector<std::string> args = po::collect_unrecognized(parsed.options, po::include_positional);
        args.erase(args.begin()); // the command itself

        static const std::map<std::string, int (*)(const context&, const std::vector<std::string>&)> commands{
            {"list", cmd_list},         {"show", cmd_show},     {"meta", cmd_meta},
            {"prune", cmd_prune},       {"validate", cmd_validate}, {"schema", cmd_schema},
            {"copy", cmd_copy},
            {"report", [](const context& ctx, const std::vector<std::string>& args) {
                 return agent_tasks::cmd_report(
                     {[&] { return open_store(ctx.store); }, ctx.json, terminal_text, fail, warn_skipped}, args);
             }},
        };
        auto it = commands.find(command);
        if (it == commands.end())
            throw usage_error("unknown command '" + command + "'");
        return it->second(ctx, args);
    } catch (const po::error& e) { // messages quote the arguments
        std::cerr << "agent-tasks: " << terminal_text(e.what()) << "\ntry 'agent-tasks --help'\n";
        return exit_usage;
    } catch (const usage_error& e) {
        std::cerr << "agent-tasks: " << terminal_text(e.what()) << "\ntry 'agent-tasks --help'\n";
        return exit_usage;
    } catch (const std::exception& e) {
        std::cerr << "agent-tasks: " << terminal_text(e.what()) << '\n';
        return exit_failure;
    }
}
