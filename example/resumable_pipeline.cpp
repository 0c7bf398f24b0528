// The main demo: a five-stage word-count pipeline that checkpoints after every
// stage. `--crash-after N` kills the process (std::abort) after N stages; the
// next run finds the unfinished task, resumes after its last completed stage
// and finishes. Inspect the result with `agent-tasks list`.
//
//   resumable_pipeline [--root DIR] [--crash-after N]
//
// Built with agent_engine::postgres, --root also takes a postgresql:// URI:
// the same run, checkpointed in a PostgreSQL database.

#include <agent_engine/agent_engine.hpp>
#ifdef AGENT_ENGINE_HAS_POSTGRES
#include <agent_engine/postgres/postgres_task_store.hpp>
#endif

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <sstream>

using namespace agent_engine;
namespace json = boost::json;

namespace {

constexpr const char* project = "wordcount";

const char* text = "the engine checkpoints the task after every stage so a crash loses at most the stage "
                   "that was running and the next run resumes the task where the crash stopped it";

// Each stage reads the previous stage's output (as stored in the checkpoint) and returns its own.
json::value load(const json::value&) { return {{"text", text}}; }

json::value tokenize(const json::value& in)
{
    json::array words;
    std::istringstream s(std::string(in.at("text").as_string()));
    for (std::string w; s >> w;)
        words.emplace_back(w);
    return {{"words", std::move(words)}};
}

json::value count(const json::value& in)
{
    json::object counts;
    for (auto const& w : in.at("words").as_array())
        counts[w.as_string()] = counts.contains(w.as_string()) ? counts[w.as_string()].as_int64() + 1 : 1;
    return {{"counts", std::move(counts)}};
}

json::value rank(const json::value& in)
{
    std::vector<std::pair<std::int64_t, std::string>> by_count;
    for (auto const& [w, n] : in.at("counts").as_object())
        by_count.emplace_back(n.as_int64(), std::string(w));
    std::stable_sort(by_count.begin(), by_count.end(), [](auto& a, auto& b) { return a.first > b.first; });
    json::array top;
    for (std::size_t i = 0; i < 3 && i < by_count.size(); ++i)
        top.push_back(json::array{by_count[i].second, by_count[i].first});
    return {{"top", std::move(top)}};
}

json::value report(const json::value& in)
{
    std::string line;
    for (auto const& e : in.at("top").as_array())
        line += (line.empty() ? "" : ", ") + std::string(e.as_array()[0].as_string()) + " x" +
                std::to_string(e.as_array()[1].as_int64());
    return {{"summary", "top words: " + line}};
}

struct stage {
    const char* id;
    json::value (*run)(const json::value&);
};
const stage stages[] = {{"load", load}, {"tokenize", tokenize}, {"count", count}, {"rank", rank}, {"report", report}};

// What a stage did, in a few words.
std::string describe(const json::value& out)
{
    auto const& o = out.as_object();
    if (o.contains("text"))
        return std::to_string(o.at("text").as_string().size()) + " characters";
    if (o.contains("words"))
        return std::to_string(o.at("words").as_array().size()) + " words";
    if (o.contains("counts"))
        return std::to_string(o.at("counts").as_object().size()) + " distinct words";
    if (o.contains("top"))
        return serialize(o.at("top"), json_format::compact());
    return std::string(o.at("summary").as_string());
}

int fail(const EngineError& e)
{
    std::cerr << "error: " << e.message << '\n';
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    std::string root(default_task_root);
    int crash_after = -1;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--root") && i + 1 < argc)
            root = argv[++i];
        else if (!std::strcmp(argv[i], "--crash-after") && i + 1 < argc)
            crash_after = std::atoi(argv[++i]);
        else {
            std::cerr << "usage: resumable_pipeline [--root DIR] [--crash-after N]\n";
            return 2;
        }
    }

#ifdef AGENT_ENGINE_HAS_POSTGRES
    auto store = open_task_store(root);
    if (!store)
        return fail(store.error());
    TaskManager tm(store.value());
#else
    TaskManager tm(root);
#endif
    // Start-up: resume the oldest task a previous run left running.
    task_query unfinished;
    unfinished.statuses = {TaskStatus::running};
    unfinished.order = task_order::oldest_first;
    unfinished.limit = 1;
    auto page = tm.list_task_metadata(project, unfinished);
    if (!page)
        return fail(page.error());

    std::string id;
    if (!page.value().tasks.empty()) {
        id = page.value().tasks.front().task_id;
        auto loaded = tm.load_checkpoint(id);
        if (!loaded)
            return fail(loaded.error());
        std::cout << "resuming " << id << " after stage '" << loaded.value()->current_stage_id.value_or("-")
                  << "'\n";
    } else {
        TaskSpec spec;
        spec.task_spec_id = project;
        spec.request = "count the words of a paragraph";
        auto created = tm.create_task(spec, "word-count");
        if (!created)
            return fail(created.error());
        id = created.value().task_id;
        tm.set_status(id, TaskStatus::running).value();
        std::cout << "new task " << id << '\n';
    }

    int ran = 0;
    json::value previous;
    std::size_t n = 0;
    for (const stage& s : stages) {
        ++n;
        const Task& task = *tm.get_task(id);
        if (auto done = task.stage_results.find(s.id); done != task.stage_results.end()) {
            previous = done->second.output;
            std::cout << "[" << n << "/5] " << s.id << ": done before, skipped\n";
            continue;
        }
        StageExecutionRecord record;
        record.started_at = utc_timestamp_now();
        record.output = s.run(previous);
        previous = record.output;
        tm.record_stage_result(id, s.id, record).value();
        tm.append_routing(id, s.id).value();
        tm.set_current_stage(id, s.id).value();
        auto saved = tm.save_checkpoint(id);
        if (!saved)
            return fail(saved.error());
        std::cout << "[" << n << "/5] " << s.id << ": " << describe(previous) << "  (checkpoint saved)\n";
        if (++ran == crash_after) {
            std::cout << "simulating a crash after " << ran << (ran == 1 ? " stage" : " stages") << std::endl;
            std::abort();
        }
    }
    tm.set_current_stage(id, std::nullopt).value();
    tm.set_status(id, TaskStatus::completed).value();
    auto saved = tm.save_checkpoint(id);
    if (!saved)
        return fail(saved.error());
    std::cout << "completed " << id << " -> " << saved.value().string() << '\n';
}
