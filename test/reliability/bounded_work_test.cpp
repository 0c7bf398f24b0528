// Work linear in the input, whatever the input. Each bound is measured in the
// test's own terms, never in time: bytes allocated (allocation_counter.hpp),
// bytes written, errors kept.

#include <boost/test/unit_test.hpp>

#include "allocation_counter.hpp"
#include "versions.hpp"

#include <agent_engine/core/validate.hpp>

#include <functional>

using namespace reliability;

namespace {

struct allocation {
    std::size_t peak;  // the most f held at once
    std::size_t total; // all it allocated
};
template <class F> allocation allocated_by(F&& f)
{
    allocation_counter::scope counting;
    f();
    return {counting.peak(), counting.total()};
}

constexpr std::size_t KiB = 1024, MiB = 1024 * KiB;

} // namespace

namespace {

// A task's text whose stage `s` holds `output` (3 levels below the document),
// then `trace` as its routing trace.
std::string task_text(const std::vector<std::string>& outputs, const std::string& trace = "[]")
{
    std::string text = R"({"task_id": "task-p-1", "spec": {"task_spec_id": "p", "request": "r"}, "pipeline_id": "x", )"
                       R"("stage_results": {)";
    for (std::size_t i = 0; i < outputs.size(); ++i)
        text += (i ? ", \"s" : "\"s") + std::to_string(i) + R"(": {"output": )" + outputs[i] + "}";
    return text + R"(}, "routing_trace": )" + trace + "}";
}

std::string nested_arrays(std::size_t depth, const std::string& inside = "")
{
    return std::string(depth, '[') + inside + std::string(depth, ']');
}

std::string nested_objects(std::size_t depth)
{
    std::string text;
    for (std::size_t i = 0; i < depth; ++i)
        text += R"({"a": )";
    return text + "1" + std::string(depth, '}');
}

// A text read through a window, as a store hands out a file.
class file_like_source final : public text_source {
    std::string text_;

public:
    explicit file_like_source(std::string text) : text_(std::move(text)) {}
    Result<std::size_t> read(std::uint64_t offset, char* out, std::size_t size) const override
    {
        std::size_t n = offset >= text_.size() ? 0 : std::min<std::size_t>(size, text_.size() - offset);
        std::memcpy(out, text_.data() + offset, n);
        return n;
    }
};

const task_manager_options not_durable{.durable = false};

} // namespace

// 100,000 levels of arrays or objects are refused at level 513: what the read
// holds until then (its stack of open containers, keys, the window of a
// source) is bounded by the limit, not by the nesting. (With the limit at
// 10,000 levels the same reads held 0.4 to 1.1 MB.)
BOOST_AUTO_TEST_CASE(nesting_100000_deep_is_a_json_error_read_in_bounded_memory)
{
    fixtures::temp_dir tmp("bounded_deep");
    TaskManager tm(tmp.path(), not_durable);
    for (auto const& deep : {nested_arrays(100000, "1"), nested_objects(100000)}) {
        std::string text = task_text({deep});
        fixtures::write(tmp.path() / "p" / "task-p-1.json", text);
        file_like_source source(text);
        struct path {
            const char* name;
            std::size_t bound;
            std::function<EngineErrorCode()> read;
        };
        for (auto const& p : std::vector<path>{
                 {"from_json", 128 * KiB, [&] { return from_json<Task>(text).error().code; }},
                 {"parse_json", 128 * KiB, [&] { return parse_json(text).error().code; }},
                 {"parse_json of the value", 128 * KiB, [&] { return parse_json(deep).error().code; }},
                 {"from_json of a source", 192 * KiB, [&] { return from_json<Task>(source).error().code; }},
                 {"load_checkpoint", 192 * KiB, [&] { return tm.load_checkpoint("task-p-1").error().code; }},
             }) {
            BOOST_TEST_CONTEXT(p.name << ", " << (deep[0] == '[' ? "arrays" : "objects"))
            {
                EngineErrorCode code = EngineErrorCode::unknown;
                auto used = allocated_by([&] { code = p.read(); });
                BOOST_TEST(code == EngineErrorCode::json);
                BOOST_TEST(used.peak < p.bound);
                BOOST_TEST(used.total < 2 * p.bound);
            }
        }
    }
}

namespace {

// What TaskManager writes for the checkpoint `text` it loads and saves again.
std::string resaved(const std::string& text)
{
    fixtures::temp_dir tmp("bounded_resave");
    TaskManager tm(tmp.path(), not_durable);
    fixtures::write(tmp.path() / "p" / "task-p-1.json", text);
    auto loaded = tm.load_checkpoint("task-p-1");
    BOOST_REQUIRE_MESSAGE(loaded.has_value(), error_text(loaded));
    auto where = tm.save_checkpoint("task-p-1");
    BOOST_REQUIRE_MESSAGE(where.has_value(), error_text(where));
    return fixtures::read(where.value());
}

} // namespace

// Saving indents 32 levels at most: the deepest document read is written in
// about 3 times its size, as is a 21 KB checkpoint of 20 such values (written
// as 10 MB when each line was indented by its depth; its 9,996-deep form, once
// written as 200 MB, is now refused). No document can be written in more than
// 667 bytes per 12 read (doc/RELIABILITY.md): the worst case, many 5-deep
// singleton arrays 27 levels down, comes close.
BOOST_AUTO_TEST_CASE(the_deepest_documents_resave_within_a_constant_factor_of_their_size)
{
    constexpr std::size_t output_depth = max_json_depth - 3; // the task's own levels above it
    for (auto const& deepest : {task_text({nested_arrays(output_depth, "1")}),
                                task_text({nested_objects(output_depth)})}) {
        std::string saved = resaved(deepest);
        BOOST_TEST(saved.size() < 4 * deepest.size());
        BOOST_TEST(from_json<Task>(saved).has_value());
    }

    std::string many = task_text(std::vector<std::string>(20, nested_arrays(output_depth, "1")));
    BOOST_TEST(many.size() > 20000u);
    BOOST_TEST(resaved(many).size() < 4 * many.size());
    BOOST_TEST(from_json<Task>(task_text({nested_arrays(9996, "1")})).error().code == EngineErrorCode::json);

    std::string unit = nested_arrays(5, "0"), units = unit;
    for (int i = 1; i < 20000; ++i)
        units += "," + unit;
    std::string worst = task_text({nested_arrays(27 - 3, units)});
    std::size_t written = resaved(worst).size();
    BOOST_TEST(written <= worst.size() * 667 / 12);
    BOOST_TEST(written > worst.size() * 50); // it is the worst case
}

namespace {

// 5,242,880 wrong routing decisions: a 10 MB checkpoint.
const std::size_t trace_errors = 5242880;
std::string five_million_errors()
{
    std::string trace = "[1";
    trace.reserve(2 * trace_errors + 1);
    for (std::size_t i = 1; i < trace_errors; ++i)
        trace += ",1";
    return task_text({}, trace + "]");
}

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')) + 1; }

// The report of `error` keeps `kept` of the 5,242,880 errors and counts them all;
// below a line naming the checkpoint (`file`) when it was read from a store.
void check_report(const EngineError& error, std::size_t kept, const std::string& file = {})
{
    std::string above = file.empty() ? "" : file + ":\n";
    BOOST_TEST(error.code == EngineErrorCode::validation);
    BOOST_TEST(error.details->at("error_count") == trace_errors);
    BOOST_TEST(error.details->at("errors").as_array().size() == kept);
    BOOST_TEST(error.message.starts_with(above + "5242880 validation errors for Task\nrouting_trace.0\n"));
    BOOST_TEST(error.message.ends_with("\n... and " + std::to_string(trace_errors - kept) +
                                       " more errors (max_errors=" + std::to_string(kept) + ")"));
    BOOST_TEST(lines(error.message) == (file.empty() ? 0 : 1) + 1 + 2 * kept + 1);
}

} // namespace

// 5,242,880 errors are counted (keeping them all took 5.3 GB and 44 s); the
// first max_errors are kept. A read holds 1 MB, whatever the path, and the
// paths agree.
BOOST_AUTO_TEST_CASE(five_million_errors_are_counted_in_bounded_memory)
{
    const std::string text = five_million_errors();
    BOOST_TEST(text.size() > 10000000u);
    const boost::json::value dom = parse_json(text).value();
    file_like_source source(text);
    fixtures::temp_dir tmp("bounded_errors");
    TaskManager tm(tmp.path(), not_durable);
    fixtures::write(tmp.path() / "p" / "task-p-1.json", text);

    for (std::size_t max : {std::size_t(1000), std::size_t(10)}) {
        BOOST_TEST_CONTEXT("max_errors " << max)
        {
            read_options options{.max_errors = max, .mode = input_mode::json}; // every path worded alike
            // about 1 KB an error kept (its JSON, its lines in the message); with
            // 10, what a read holds anyway (a source's 64 KiB window)
            std::size_t bound = max == 1000 ? 2 * MiB : 128 * KiB;
            std::optional<EngineError> by_text, by_dom, by_source, by_validate;
            BOOST_TEST(allocated_by([&] { by_text = from_json<Task>(text, options).error(); }).peak < bound);
            BOOST_TEST(allocated_by([&] { by_dom = from_dict<Task>(dom, options).error(); }).peak < bound);
            BOOST_TEST(allocated_by([&] { by_source = from_json<Task>(source, options).error(); }).peak < bound);
            BOOST_TEST(allocated_by([&] { by_validate = validate_dict<Task>(dom, options).error(); }).peak < bound);
            check_report(*by_text, max);
            for (auto const* other : {&by_dom, &by_source, &by_validate})
                BOOST_TEST(serialize(to_dict(**other)) == serialize(to_dict(*by_text)));
        }
    }
    // The store reads with the default.
    std::optional<EngineError> loaded;
    BOOST_TEST(allocated_by([&] { loaded = tm.load_checkpoint("task-p-1").error(); }).peak < 2 * MiB);
    check_report(*loaded, 1000, (tmp.path() / "p" / "task-p-1.json").string());
}
