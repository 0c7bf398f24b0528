// Instructions per operation, for callgrind: a measure that the load of a shared
// machine does not move (wall-clock figures come from bench_main.cpp). Only the
// loop in `measured` is counted:
//
//   valgrind --tool=callgrind --collect-atstart=no --toggle-collect=measured \
//       build/bench/bench/agent_engine_ir SMALL write/ours 1000
//   callgrind_annotate callgrind.out.PID     # Ir ÷ 1000 per operation, and where it goes
//
// SIZE: SMALL, MEDIUM or LARGE. OP: write/ours (to_json, compact), read/ours
// (from_json of the indented text), skip/ours (the same text's syntax checked,
// nothing built: the tokenizer alone), save/ours and save-pretty/ours
// (encode_document: the bytes a checkpoint stores, compact or indented), and with
// glaze, write/glaze, read/glaze, skip/glaze (glz::validate_json). SIZE:typed
// (SMALL:typed) is that task with every stage's output null: what the typed
// members cost, apart from the free-form outputs. SIZE:compact (SMALL:typed:compact)
// reads and skips compact text instead of indented.

#include "bench_data.hpp"
#ifdef AGENT_ENGINE_BENCH_GLAZE
#include "mirror_glaze.hpp"
#endif

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/runtime/task_store.hpp>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>

using namespace agent_engine;

// Named for --toggle-collect: callgrind counts what runs inside it.
extern "C" BOOST_NOINLINE void measured(const std::function<void()>& op, long times)
{
    for (long i = 0; i < times; ++i)
        op();
}

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s SMALL|MEDIUM|LARGE[:typed][:compact] OP TIMES\n", argv[0]);
        return 2;
    }
    std::string_view size_name = argv[1], op_name = argv[2];
    auto take_suffix = [&](std::string_view suffix) {
        bool found = size_name.ends_with(suffix);
        if (found)
            size_name.remove_suffix(suffix.size());
        return found;
    };
    bool compact_text = take_suffix(":compact");
    bool typed_only = take_suffix(":typed");
    const bench::data_size* size = size_name == "SMALL"    ? &bench::small_size
                                   : size_name == "MEDIUM" ? &bench::medium_size
                                   : size_name == "LARGE"  ? &bench::large_size
                                                           : nullptr;
    if (!size) {
        std::fprintf(stderr, "unknown size %s\n", argv[1]);
        return 2;
    }
    Task task = bench::make_task(*size);
    if (typed_only)
        for (auto& [id, record] : task.stage_results)
            record.output = nullptr;
    std::string text = to_json(task, compact_text ? json_format::compact() : json_format::pretty());

    std::function<void()> op;
    if (op_name == "write/ours")
        op = [&] { benchmark::DoNotOptimize(to_json(task, json_format::compact())); };
    else if (op_name == "read/ours")
        op = [&] { benchmark::DoNotOptimize(from_json<Task>(text)); };
    else if (op_name == "skip/ours") {
        auto skip = [&] { return text_reader(text).finish(); }; // finish() skips the value unread
        if (!skip()) { // a skip that stopped at an error would time nothing
            std::fprintf(stderr, "the text does not skip\n");
            return 2;
        }
        op = [skip] { benchmark::DoNotOptimize(skip()); }; // a copy: `skip` ends with this block
    }
    else if (op_name == "save/ours")
        op = [&] { benchmark::DoNotOptimize(encode_document(task, json_format::compact())); };
    else if (op_name == "save-pretty/ours")
        op = [&] { benchmark::DoNotOptimize(encode_document(task, json_format::pretty())); };
#ifdef AGENT_ENGINE_BENCH_GLAZE
    std::string error;
    auto glaze_task = mirror_glaze::read(text, error);
    if (!glaze_task) {
        std::fprintf(stderr, "glaze cannot read the checkpoint: %s\n", error.c_str());
        return 2;
    }
    if (op_name == "write/glaze")
        op = [&] { benchmark::DoNotOptimize(mirror_glaze::write(*glaze_task, false)); };
    else if (op_name == "read/glaze")
        op = [&] { benchmark::DoNotOptimize(mirror_glaze::read_discard(text)); };
    else if (op_name == "skip/glaze") {
        if (!mirror_glaze::validate(text)) {
            std::fprintf(stderr, "glaze does not validate the text\n");
            return 2;
        }
        op = [&] { benchmark::DoNotOptimize(mirror_glaze::validate(text)); };
    }
#endif
    if (!op) {
        std::fprintf(stderr, "unknown operation %s\n", argv[2]);
        return 2;
    }
    measured(op, std::atol(argv[3]));
}
