#ifndef AGENT_ENGINE_BENCH_BENCH_DATA_HPP
#define AGENT_ENGINE_BENCH_BENCH_DATA_HPP

// Deterministic checkpoints for the bench: the same seed gives the same bytes on
// every machine, so runs compare. Outputs look like what agents return: prose
// with the odd escape or non-ASCII letter, file lists, counts, scores, flags.

#include <agent_engine/schemas/task.hpp>

#include <cstdint>
#include <string>

namespace bench {

struct data_size {
    const char* name;
    std::size_t stages;    // stage_results entries
    std::size_t decisions; // routing_trace entries
    std::size_t findings = 0; // per stage output: a review's findings, each ~200 B
};
// SMALL ~2 KB (like the real fixtures), MEDIUM ~50 KB (ten stages with modest
// outputs), LARGE ~1.4 MB, HUGE ~100 MB (pretty text). MANY_OUTPUTS (~180 MB
// pretty, for peak memory only): 100,000 stages whose outputs hold four findings,
// ~1 KB each compact: a file of many mid-sized json::values rather than HUGE's
// many small ones.
inline constexpr data_size small_size{"SMALL", 2, 2};
inline constexpr data_size medium_size{"MEDIUM", 10, 10, 15};
inline constexpr data_size large_size{"LARGE", 2000, 2000};
inline constexpr data_size huge_size{"HUGE", 140000, 140000};
inline constexpr data_size many_outputs_size{"MANY_OUTPUTS", 100000, 0, 4};

class generator {
    std::uint64_t state_;

public:
    explicit generator(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next()
    {
        state_ ^= state_ << 13;
        state_ ^= state_ >> 7;
        state_ ^= state_ << 17;
        return state_;
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

    std::string words(std::size_t count)
    {
        static constexpr const char* vocabulary[] = {
            "the",    "stage",   "parsed", "config", "module",   "returned", "tokens", "plan",  "refactor",
            "header", "review",  "tests",  "passed", "failure",  "retry",    "agent",  "tool",  "context",
            "diff",   "summary", "cache",  "naïve",  "\"quoted\"", "line\nbreak", "résumé", "schema", "router"};
        std::string s;
        for (std::size_t i = 0; i < count; ++i) {
            if (i)
                s += ' ';
            s += vocabulary[below(std::size(vocabulary))];
        }
        return s;
    }
    std::string timestamp()
    {
        char buf[40];
        std::snprintf(buf, sizeof buf, "2025-%02zu-%02zuT%02zu:%02zu:%02zu.%06zu+00:00", 1 + below(12), 1 + below(28),
                      below(24), below(60), below(60), below(1000000));
        return buf;
    }
};

inline boost::json::value stage_output(generator& g, std::size_t i, std::size_t findings)
{
    boost::json::array files;
    for (std::size_t f = 0, n = g.below(4); f < n; ++f)
        files.emplace_back("src/module_" + std::to_string(g.below(500)) + "/file_" + std::to_string(f) + ".cpp");
    boost::json::value output = boost::json::object{
        {"summary", g.words(6 + g.below(10))},
        {"files_changed", std::move(files)},
        {"tokens_used", static_cast<std::int64_t>(g.below(100000))},
        {"score", static_cast<double>(g.below(10000)) / 97.0},
        {"ok", g.below(10) != 0},
        {"details", {{"attempt", static_cast<std::int64_t>(1 + g.below(3))}, {"stage_index", i}, {"note", nullptr}}},
    };
    if (findings == 0) // no draw: the other sizes keep their bytes
        return output;
    boost::json::array list;
    for (std::size_t f = 0; f < findings; ++f)
        list.push_back({{"file", "src/module_" + std::to_string(g.below(500)) + ".cpp"},
                        {"line", static_cast<std::int64_t>(1 + g.below(2000))},
                        {"message", g.words(8 + g.below(12))},
                        {"severity", g.below(4) ? "warning" : "error"},
                        {"confidence", static_cast<double>(g.below(1000)) / 1000.0}});
    output.as_object()["findings"] = std::move(list);
    return output;
}

inline agent_engine::Task make_task(const data_size& size)
{
    using namespace agent_engine;
    generator g(0x9E3779B97F4A7C15ull ^ size.stages);
    Task t;
    t.task_id = "task-bench-0123456789abcdef01234567";
    t.spec.task_spec_id = "bench";
    t.spec.request = "Refactor the parser module and keep every test green";
    t.spec.mode = TaskMode::implement;
    t.spec.hints = {"keep the public API", "small commits"};
    t.spec.files = {"src/parser.cpp", "include/parser.hpp"};
    t.spec.metadata = {{"requested_by", "bench"}, {"budget", 12.5}};
    t.status = TaskStatus::running;
    t.pipeline_id = "pipeline-default";
    t.created_at = g.timestamp();
    for (std::size_t i = 0; i < size.stages; ++i) {
        StageExecutionRecord r;
        r.output = stage_output(g, i, size.findings);
        r.started_at = g.timestamp();
        r.completed_at = g.timestamp();
        t.stage_results.insert_or_assign("stage_" + std::to_string(i), std::move(r));
    }
    for (std::size_t i = 0; i < size.decisions; ++i)
        t.routing_trace.push_back({"stage_" + std::to_string(i), g.words(3), "agent-" + std::to_string(g.below(8)),
                                   g.timestamp()});
    t.failure_signatures.push_back({FailureCode::tool_failure, "linter timed out", "stage_1", Severity::warning, {}});
    t.context_fingerprint = ContextFingerprint{t.task_id, {"src/parser.cpp"}, {"cpp"}, "implement", 0.7, "abc123"};
    t.current_stage_id = "stage_" + std::to_string(size.stages ? size.stages - 1 : 0);
    t.updated_at = g.timestamp();
    return t;
}

} // namespace bench

#endif
