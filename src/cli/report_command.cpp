#include "report_command.hpp"

#include "task_report.hpp"

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/runtime/project_id.hpp>
#include <agent_engine/runtime/task_manager.hpp>

#include <boost/program_options.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace agent_tasks {

using namespace agent_engine;
namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

constexpr std::string_view index_file = "index.html";

EngineError write_error(std::string_view operation, const fs::path& path, int err)
{
    std::string reason = std::strerror(err);
    return make_error(EngineErrorCode::io, EngineErrorSource::runtime, "report_write_failed",
                      "Cannot " + std::string(operation) + " " + path.string() + ": " + reason,
                      {{"path", path.string()}, {"operation", operation}, {"errno", err}, {"reason", reason}});
}

// Writes `text` to `path`, replacing what was there.
Result<void> write_file(const fs::path& path, std::string_view text)
{
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f)
        return write_error("create", path, errno);
    bool wrote = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    int err = errno;
    if (std::fclose(f) != 0 && wrote) {
        wrote = false;
        err = errno;
    }
    if (!wrote)
        return write_error("write", path, err);
    return boost::outcome_v2::success();
}

// Says on stdout what was written: `summary` for people; under --json, the
// files and the checkpoints left out.
void say_written(const command_env& env, const std::vector<std::string>& files, const std::vector<EngineError>& skipped,
                 const std::string& summary)
{
    if (!env.json) {
        std::cout << summary << '\n';
        return;
    }
    boost::json::array paths(files.begin(), files.end()), left_out;
    for (auto const& e : skipped)
        left_out.push_back(to_dict(e));
    std::cout << serialize(boost::json::object{{"files", std::move(paths)}, {"skipped", std::move(left_out)}}) << '\n';
}

int report_task(const command_env& env, const std::shared_ptr<task_store>& store, const std::string& id,
                const po::variables_map& vm)
{
    TaskManager tm(store);
    auto task = tm.load_checkpoint(id);
    if (!task)
        return env.fail(task.error());
    std::string html = render_task_report(*task.value());
    if (!vm.count("output")) {
        std::cout << html;
        return 0;
    }
    std::string file = vm["output"].as<std::string>();
    if (auto written = write_file(file, html); !written)
        return env.fail(written.error());
    say_written(env, {file}, {}, "wrote " + env.terminal_text(file));
    return 0;
}

// The report of one task of `project` in `dir`, as an index entry: linked, or
// with why it has no report.
Result<index_entry> report_in_project(const std::shared_ptr<task_store>& store, std::string_view project,
                                      const fs::path& dir, TaskMetadata meta)
{
    index_entry entry{std::move(meta), {}, {}};
    std::string file = report_file_name(entry.meta.task_id);
    if (extract_project_id(entry.meta.task_id) != project) {
        // It would load from, and report, another project.
        entry.problem = make_error(EngineErrorCode::validation, EngineErrorSource::runtime, "task_of_another_project",
                                   "A checkpoint of project '" + std::string(project) + "' holds task '" +
                                       entry.meta.task_id + "' of project '" + extract_project_id(entry.meta.task_id) + "'",
                                   {{"project", project}, {"task_id", entry.meta.task_id}});
        return entry;
    }
    if (file == index_file) {
        entry.problem = make_error(EngineErrorCode::validation, EngineErrorSource::runtime, "report_is_index",
                                   "The report of task 'index' would replace the index", {{"task_id", "index"}});
        return entry;
    }
    TaskManager tm(store); // a manager of its own: a manager keeps every task it loads
    auto task = tm.load_checkpoint(entry.meta.task_id);
    if (!task) {
        entry.problem = std::move(task).error();
        return entry;
    }
    BOOST_OUTCOME_TRY(write_file(dir / file, render_task_report(*task.value())));
    entry.report_file = std::move(file);
    return entry;
}

int report_project(const command_env& env, const std::shared_ptr<task_store>& store, const std::string& project,
                   const fs::path& dir)
{
    auto page = TaskManager(store).list_task_metadata(project); // newest first
    if (!page)
        return env.fail(page.error());
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return env.fail(write_error("create directory", dir, ec.value()));

    std::vector<index_entry> entries;
    std::vector<std::string> files{(dir / index_file).string()};
    std::vector<EngineError> skipped = page.value().skipped;
    for (auto& meta : page.value().tasks) {
        auto entry = report_in_project(store, project, dir, std::move(meta));
        if (!entry)
            return env.fail(entry.error());
        if (entry.value().problem)
            skipped.push_back(*entry.value().problem);
        else
            files.push_back((dir / entry.value().report_file).string());
        entries.push_back(std::move(entry).value());
    }
    if (auto written = write_file(files.front(), render_project_index(project, entries, page.value().skipped)); !written)
        return env.fail(written.error());
    env.warn_skipped(skipped);
    std::size_t reports = files.size() - 1;
    say_written(env, files, skipped,
                "wrote " + env.terminal_text(files.front()) + ": " + std::to_string(entries.size()) +
                    (entries.size() == 1 ? " task, " : " tasks, ") + std::to_string(reports) +
                    (reports == 1 ? " report" : " reports") + " beside it");
    return 0;
}

} // namespace

int cmd_report(const command_env& env, const std::vector<std::string>& args)
{
    po::options_description opts("report options");
    opts.add_options()("task-id", po::value<std::string>(), "the task to report")(
        "project", po::value<std::string>(), "report every task of this project, with an index")(
        "output,o", po::value<std::string>(),
        "the file to write (a task: stdout without it), or the directory (--project)");
    po::positional_options_description pos;
    pos.add("task-id", 1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
    po::notify(vm);

    bool project = vm.count("project") != 0;
    if (project == (vm.count("task-id") != 0))
        throw po::error(project ? "report takes a TASK_ID or --project PROJECT, not both"
                                : "report needs a TASK_ID or --project PROJECT");
    if (project && !vm.count("output"))
        throw po::error("report --project needs -o DIR: it writes an index and a report per task there");
    auto store = env.open_store();
    if (!store)
        return env.fail(store.error());
    if (project)
        return report_project(env, store.value(), vm["project"].as<std::string>(), vm["output"].as<std::string>());
    return report_task(env, store.value(), vm["task-id"].as<std::string>(), vm);
}

} // namespace agent_tasks
