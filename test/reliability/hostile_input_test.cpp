// Hostile input: crafted ids, a tampered tree and corrupt files. Each case
// fails with its own error code, writes nothing outside the root and loses
// nothing that was stored.

#include <boost/test/unit_test.hpp>

#include "versions.hpp"

#include <sys/stat.h>

#include <limits>

using namespace reliability;
namespace fs = std::filesystem;

namespace {

task_manager_options fast()
{
    task_manager_options o;
    o.durable = false;
    return o;
}

// A sandbox: {dir}/root is the store, {dir}/outside holds a file an attacker
// would like to reach; unchanged() says whether anything outside the root moved.
struct sandbox {
    fixtures::temp_dir dir;
    fs::path root = dir.path() / "root";
    fs::path outside = dir.path() / "outside";
    fs::path victim = outside / "victim.json";
    const std::string victim_bytes = "{\"precious\": true}";
    TaskManager tm{root, fast()};

    explicit sandbox(const std::string& name) : dir("hostile_" + name)
    {
        fs::create_directories(root);
        fixtures::write(victim, victim_bytes);
    }
    bool outside_unchanged() const
    {
        return entries(dir.path()) == std::set<std::string>{"outside", "root"} &&
               entries(outside) == std::set<std::string>{"victim.json"} && fixtures::read(victim) == victim_bytes;
    }
    // Saves a valid checkpoint of `id` and returns its bytes.
    std::string save(const std::string& id)
    {
        BOOST_REQUIRE(tm.create_task(spec_of("p"), "pipe", id).has_value());
        auto where = tm.save_checkpoint(id);
        BOOST_REQUIRE_MESSAGE(where.has_value(), error_text(where));
        return fixtures::read(where.value());
    }
    fs::path file(const std::string& id) const { return root / extract_project_id(id) / (id + ".json"); }
};

EngineErrorCode code_of(const auto& result) { return result ? EngineErrorCode::unknown : result.error().code; }

const std::vector<std::string> unsafe_ids = {
    "",
    ".",
    "..",
    "...",
    "../task-p-1",
    "task-p-1/../../outside/victim",
    "a/b",
    "a\\b",
    "..\\..\\outside",
    "/tmp/absolute",
    std::string("task-p\0-1", 9),
    "task-p-\x01",
    "task-p-\n1",
    "task-p-\t1",
    "task-p-\x7f",
    std::string(300, 'a'),
    ".task-p-1",           // hidden, the store's own temporary names
    "task-p-\xff",         // not UTF-8: the file name could not be the id it stores
    "task-p-\xc0\xaf",     // an overlong '/'
    "task-p-\xed\xa0\x80", // a UTF-16 surrogate
};

// ... and ids holding a character that would forge or reorder what people read
// wherever the id is shown.
std::vector<std::string> unsafe_ids_and_display_controls()
{
    std::vector<std::string> ids = unsafe_ids;
    for (auto const& control : fixtures::display_controls)
        ids.push_back("task-p-" + control + "1");
    return ids;
}

} // namespace

BOOST_AUTO_TEST_CASE(unsafe_task_and_project_ids_are_security_errors_and_write_nothing)
{
    sandbox s("ids");
    for (auto const& id : unsafe_ids_and_display_controls()) {
        BOOST_TEST_CONTEXT("id of " << id.size() << " bytes: " << id)
        {
            BOOST_TEST(code_of(s.tm.create_task(spec_of("p"), "pipe", id)) == EngineErrorCode::security);
            BOOST_TEST(code_of(s.tm.save_checkpoint(id)) == EngineErrorCode::security);
            BOOST_TEST(code_of(s.tm.load_checkpoint(id)) == EngineErrorCode::security);
            BOOST_TEST(code_of(s.tm.get_task_metadata(id)) == EngineErrorCode::security);
            // ... and as a project id
            BOOST_TEST(code_of(s.tm.list_tasks(id)) == EngineErrorCode::security);
            BOOST_TEST(code_of(s.tm.list_task_metadata(id)) == EngineErrorCode::security);
            prune_options any_age;
            any_age.older_than = std::chrono::seconds(0);
            BOOST_TEST(code_of(s.tm.prune(id, any_age)) == EngineErrorCode::security);
            BOOST_TEST(code_of(s.tm.store().put(id, "task-p-1", "{}")) == EngineErrorCode::security);
            BOOST_TEST(code_of(s.tm.store().put("p", id, "{}")) == EngineErrorCode::security);
            BOOST_TEST(code_of(s.tm.store().remove("p", id)) == EngineErrorCode::security);
        }
    }
    // A name that fits a directory but whose {id}.json would exceed NAME_MAX.
    std::string too_long_for_a_file(251, 'a');
    BOOST_TEST(code_of(s.tm.create_task(spec_of("p"), "pipe", too_long_for_a_file)) == EngineErrorCode::security);
    BOOST_TEST(code_of(s.tm.load_checkpoint(too_long_for_a_file)) == EngineErrorCode::security);
    BOOST_TEST(code_of(s.tm.store().put("p", too_long_for_a_file, "{}")) == EngineErrorCode::security);
    BOOST_TEST(entries(s.root).empty());
    BOOST_TEST(s.outside_unchanged());
}

BOOST_AUTO_TEST_CASE(ids_at_the_limits_are_stored_under_the_root_and_read_back)
{
    sandbox s("limits");
    // An unsafe project part falls back to "default"; the id itself is a plain name.
    std::string dotted = "task-..-1";
    BOOST_TEST(extract_project_id(dotted) == "default");
    std::string longest(250, 'x');
    std::string unicode = "task-日本語-\u00e9t\u00e9";
    for (auto const& id : {dotted, longest, unicode}) {
        std::string bytes = s.save(id);
        BOOST_TEST(fixtures::read(s.file(id)) == bytes);
        auto loaded = s.tm.load_checkpoint(id);
        BOOST_REQUIRE(loaded.has_value());
        BOOST_TEST(loaded.value()->task_id == id);
        BOOST_TEST(s.tm.get_task_metadata(id).value().task_id == id);
    }
    BOOST_TEST(s.tm.list_tasks("日本語").value() == std::vector<std::string>{unicode});
    BOOST_TEST(s.outside_unchanged());
}

BOOST_AUTO_TEST_CASE(a_project_directory_symlinked_out_of_the_root_is_refused)
{
    sandbox s("symlink_dir");
    fs::create_directory_symlink(s.outside, s.root / "p");
    BOOST_REQUIRE(s.tm.create_task(spec_of("p"), "pipe", "task-p-1").has_value()); // held in memory only
    BOOST_TEST(code_of(s.tm.save_checkpoint("task-p-1")) == EngineErrorCode::security);
    BOOST_TEST(code_of(s.tm.load_checkpoint("task-p-victim")) == EngineErrorCode::security);
    BOOST_TEST(code_of(s.tm.get_task_metadata("task-p-victim")) == EngineErrorCode::security);
    BOOST_TEST(code_of(s.tm.list_tasks("p")) == EngineErrorCode::security);
    BOOST_TEST(code_of(s.tm.store().remove("p", "victim")) == EngineErrorCode::security);
    BOOST_TEST(s.outside_unchanged());
}

BOOST_AUTO_TEST_CASE(a_checkpoint_symlinked_out_of_the_root_is_refused_and_a_save_replaces_only_the_link)
{
    sandbox s("symlink_file");
    fs::create_directories(s.root / "p");
    fs::create_symlink(s.victim, s.file("task-p-1"));
    BOOST_TEST(code_of(s.tm.load_checkpoint("task-p-1")) == EngineErrorCode::security);
    BOOST_TEST(code_of(s.tm.get_task_metadata("task-p-1")) == EngineErrorCode::security);
    BOOST_TEST(s.tm.list_tasks("p").value().empty());
    std::string saved = s.save("task-p-1");
    BOOST_TEST(!fs::is_symlink(s.file("task-p-1")));
    BOOST_TEST(fixtures::read(s.file("task-p-1")) == saved);
    BOOST_TEST(s.outside_unchanged());
}

BOOST_AUTO_TEST_CASE(a_planted_temporary_file_never_redirects_a_save)
{
    sandbox s("planted_temp");
    std::string before = s.save("task-p-1");
    fs::path temp = s.root / "p" / ".task-p-1.tmp";
    auto refused = [&](EngineErrorCode expected) {
        BOOST_TEST(code_of(s.tm.save_checkpoint("task-p-1")) == expected);
        BOOST_TEST(fixtures::read(s.file("task-p-1")) == before);
        BOOST_TEST(s.outside_unchanged());
        fs::remove(temp);
    };
    fs::create_symlink(s.victim, temp);
    refused(EngineErrorCode::security);
    // A hard link: truncating the temporary file would truncate the victim.
    fs::create_hard_link(s.victim, temp);
    refused(EngineErrorCode::security);
    BOOST_REQUIRE(::mkfifo(temp.c_str(), 0600) == 0); // must not hang the writer
    refused(EngineErrorCode::io);
    fs::create_directory(temp);
    refused(EngineErrorCode::io);
    s.save("task-p-1");
}

BOOST_AUTO_TEST_CASE(a_directory_named_like_a_checkpoint_is_an_io_error_and_is_kept)
{
    sandbox s("dir_json");
    fs::path dir = s.file("task-p-1");
    fixtures::write(dir / "inside.txt", "keep me");
    BOOST_TEST(code_of(s.tm.load_checkpoint("task-p-1")) == EngineErrorCode::io);
    BOOST_TEST(code_of(s.tm.get_task_metadata("task-p-1")) == EngineErrorCode::io);
    BOOST_TEST(s.tm.list_tasks("p").value().empty());
    BOOST_REQUIRE(s.tm.create_task(spec_of("p"), "pipe", "task-p-1").has_value());
    BOOST_TEST(code_of(s.tm.save_checkpoint("task-p-1")) == EngineErrorCode::io);
    BOOST_TEST(fixtures::read(dir / "inside.txt") == "keep me");
    BOOST_TEST(entries(s.root / "p") == std::set<std::string>{"task-p-1.json"});
    BOOST_TEST(s.outside_unchanged());
}

namespace {

// A valid checkpoint's text with `from` replaced by `to` (which must occur).
std::string edited(const std::string& text, const std::string& from, const std::string& to)
{
    auto at = text.find(from);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.substr(0, at) + to + text.substr(at + from.size());
}

// Writes `bytes` as task-p-1's checkpoint: loading it fails with `expected`, and
// so does reading its metadata when the text is broken, unless `metadata_expected`
// says otherwise (the metadata reader validates only its five keys, and reads a
// saved checkpoint's two ends only: damage between them is for the load to report;
// EngineErrorCode::unknown is success).
void expect_load_error(sandbox& s, const std::string& bytes, EngineErrorCode expected,
                       std::optional<EngineErrorCode> metadata_expected = {})
{
    fixtures::write(s.file("task-p-1"), bytes);
    auto loaded = s.tm.load_checkpoint("task-p-1");
    BOOST_TEST(code_of(loaded) == expected);
    if (!loaded)
        BOOST_TEST(fixtures::detail(loaded.error(), "path") == s.file("task-p-1").string());
    if (expected == EngineErrorCode::json || metadata_expected)
        BOOST_TEST(code_of(s.tm.get_task_metadata("task-p-1")) == metadata_expected.value_or(expected));
    BOOST_TEST(code_of(parse_json(bytes)) == (expected == EngineErrorCode::json ? expected : EngineErrorCode::unknown));
    // The corrupt file is reported, never removed or rewritten.
    BOOST_TEST(fixtures::read(s.file("task-p-1")) == bytes);
}

} // namespace

// Damage in a stage output or the context fingerprint, between the ends of a
// checkpoint that its metadata is read from: it lists, and its load fails.
constexpr EngineErrorCode between_the_ends = EngineErrorCode::unknown;

BOOST_AUTO_TEST_CASE(corrupt_checkpoints_are_json_errors_with_their_path)
{
    sandbox s("corrupt");
    std::string good = s.save("task-p-1");
    std::string output = "\"s\": {\"output\": ";
    std::string with_stage = edited(good, "\"stage_results\": {}", "\"stage_results\": {" + output + "null}}");
    BOOST_REQUIRE(from_json<Task>(with_stage).has_value());
    auto with_output = [&](const std::string& value) { return edited(with_stage, output + "null", output + value); };

    expect_load_error(s, "", EngineErrorCode::json);
    expect_load_error(s, "   \n", EngineErrorCode::json);
    expect_load_error(s, good.substr(0, good.size() / 2), EngineErrorCode::json);
    expect_load_error(s, good.substr(0, good.size() - 2), EngineErrorCode::json);
    expect_load_error(s, edited(good, "\"pipe\"", "\"pi\xff\xfe\""), EngineErrorCode::json);
    expect_load_error(s, edited(good, "\"pipe\"", "\"pi\xed\xa0\x80\""), EngineErrorCode::json);
    expect_load_error(s, good + "garbage", EngineErrorCode::json);
    expect_load_error(s, good + "{}", EngineErrorCode::json);
    expect_load_error(s, std::string("\0", 1) + good, EngineErrorCode::json);
    expect_load_error(s, with_output("1" + std::string(400, '0')), EngineErrorCode::json, between_the_ends);
    expect_load_error(s, with_output("-1" + std::string(400, '0')), EngineErrorCode::json, between_the_ends);
    expect_load_error(s, with_output("-Inf"), EngineErrorCode::json, between_the_ends);
    expect_load_error(s, with_output("nan"), EngineErrorCode::json, between_the_ends);
    expect_load_error(s, with_output(std::string(100000, '[') + std::string(100000, ']')), EngineErrorCode::json, between_the_ends);
    expect_load_error(s, with_output(std::string(100000, '[')), EngineErrorCode::json, between_the_ends);
    std::string objects;
    for (int i = 0; i < 100000; ++i)
        objects += "{\"a\": ";
    expect_load_error(s, with_output(objects + "1" + std::string(100000, '}')), EngineErrorCode::json, between_the_ends);
    // Valid JSON, wrong document.
    expect_load_error(s, "[]", EngineErrorCode::validation, EngineErrorCode::validation);
    expect_load_error(s, "{}", EngineErrorCode::validation, EngineErrorCode::validation);
    expect_load_error(s, edited(good, "\"pending\"", "\"exploded\""), EngineErrorCode::validation,
                      EngineErrorCode::validation);
    expect_load_error(s, edited(good, "\"request\": \"survive\"", "\"request\": 7"), EngineErrorCode::validation,
                      EngineErrorCode::unknown);
    BOOST_TEST(s.outside_unchanged());
}

BOOST_AUTO_TEST_CASE(duplicate_keys_keep_the_last_value_as_pydantic_does)
{
    sandbox s("duplicates");
    std::string good = s.save("task-p-1");
    std::string doubled = edited(good, "\"pipeline_id\": \"pipe\"",
                                 "\"pipeline_id\": \"first\", \"pipeline_id\": \"last\"");
    doubled = edited(doubled, "\"request\": \"survive\"", "\"request\": 1, \"request\": \"second\"");
    doubled = edited(doubled, "\"stage_results\": {}",
                     "\"stage_results\": {\"s\": {\"output\": {\"a\": 1, \"a\": [2]}}, \"s\": {\"output\": {\"b\": 3, "
                     "\"b\": 4}}}");
    fixtures::write(s.file("task-p-1"), doubled);
    auto loaded = s.tm.load_checkpoint("task-p-1");
    BOOST_REQUIRE_MESSAGE(loaded.has_value(), error_text(loaded));
    BOOST_TEST(loaded.value()->pipeline_id == "last");
    BOOST_TEST(loaded.value()->spec.request == "second");
    BOOST_REQUIRE(loaded.value()->stage_results.size() == 1u);
    BOOST_TEST(serialize(loaded.value()->stage_results.find("s")->second.output, json_format::compact()) == "{\"b\":4}");
    BOOST_TEST(s.tm.get_task_metadata("task-p-1").value().pipeline_id == "last");
    // parse_json (the DOM path) agrees.
    BOOST_TEST(serialize(parse_json("{\"a\": 1, \"a\": [2]}").value(), json_format::compact()) == "{\"a\":[2]}");
}

// Every key of a large map repeated, each occurrence wrong. In JSON text every
// occurrence counts, in the order of the text, as in pydantic's
// model_validate_json; a DOM (like a Python dict) holds each key once, with its
// last value, at its first place. Either way one pass over the object's errors.
BOOST_AUTO_TEST_CASE(a_map_repeating_every_key_reports_each_occurrence_in_text)
{
    constexpr int keys = 40000;
    std::string text = R"({"task_id": "t", "pipeline_id": "p", "stage_results": {)";
    for (int round = 0; round < 2; ++round)
        for (int i = 0; i < keys; ++i)
            text += (round || i ? ", \"k" : "\"k") + std::to_string(i) + "\": {\"started_at\": " +
                    std::to_string(round) + "}";
    text += "}}";
    read_options all{.max_errors = 2 * keys + 1}; // every error kept, not the first 1000
    auto streamed = from_json<Task>(text, all);
    auto built = from_dict<Task>(parse_json(text).value(), all);
    BOOST_REQUIRE(!streamed.has_value());
    BOOST_REQUIRE(!built.has_value());
    auto const& errors = streamed.error().details->at("errors").as_array();
    BOOST_TEST(errors.size() == 2 * std::size_t{keys} + 1); // and the missing spec
    BOOST_TEST(serialize(errors.at(1).at("loc"), json_format::compact()) == R"(["stage_results","k0","started_at"])");
    BOOST_TEST(errors.at(1).at("input") == 0); // the first occurrence's error
    BOOST_TEST(serialize(errors.at(keys + 1).at("loc"), json_format::compact()) ==
               R"(["stage_results","k0","started_at"])");
    BOOST_TEST(errors.at(keys + 1).at("input") == 1); // then the last one's
    auto const& held = built.error().details->at("errors").as_array();
    BOOST_TEST(held.size() == std::size_t{keys} + 1);
    BOOST_TEST(serialize(held.at(1).at("loc"), json_format::compact()) == R"(["stage_results","k0","started_at"])");
    BOOST_TEST(held.at(1).at("input") == 1); // the last value's error
}

BOOST_AUTO_TEST_CASE(numbers_beyond_their_field_are_errors_not_wraparounds)
{
    sandbox s("numbers");
    std::string good = s.save("task-p-1");
    auto fingerprint = [&](const std::string& complexity) {
        return edited(good, "\"context_fingerprint\": null",
                      "\"context_fingerprint\": {\"task_id\": \"t\", \"approx_complexity\": " + complexity + "}");
    };
    // An integer too large for a double: Python keeps it exact, a double cannot.
    expect_load_error(s, fingerprint("1" + std::string(400, '0')), EngineErrorCode::json, between_the_ends);
    // (true would be 1.0: lax mode, as the original loads checkpoints)
    expect_load_error(s, fingerprint("\"many\""), EngineErrorCode::validation, EngineErrorCode::unknown);
    // Too small to represent is zero (as Python reads it), an integer beyond 64 bits a float.
    fixtures::write(s.file("task-p-1"), fingerprint("1e-400"));
    BOOST_TEST(*s.tm.load_checkpoint("task-p-1").value()->context_fingerprint->approx_complexity == 0.0);
    fixtures::write(s.file("task-p-1"), fingerprint("123456789012345678901234567890"));
    BOOST_TEST(*s.tm.load_checkpoint("task-p-1").value()->context_fingerprint->approx_complexity == 1.2345678901234568e29);
    // A float too large to represent is infinity, as Python and pydantic read it.
    fixtures::write(s.file("task-p-1"), fingerprint("-1e400"));
    BOOST_TEST(*s.tm.load_checkpoint("task-p-1").value()->context_fingerprint->approx_complexity ==
               -std::numeric_limits<double>::infinity());
}

// A file written with raw UTF-8 (json.dumps(ensure_ascii=False), other tools)
// rather than \u escapes: reading it stays linear in its length (each
// multi-byte character once re-copied the whole string read so far).
BOOST_AUTO_TEST_CASE(a_long_raw_utf8_string_loads)
{
    sandbox s("raw_utf8");
    std::string file = s.save("task-p-1");
    std::string text;
    for (int i = 0; i < (8 << 20); ++i)
        text += "\xc3\xa9"; // é, 16 MB
    std::string marker = "\"stage_results\": {}";
    auto at = file.find(marker);
    BOOST_REQUIRE(at != std::string::npos);
    file.replace(at, marker.size(), "\"stage_results\": {\"s\": {\"output\": \"" + text + "\"}}");
    fixtures::write(s.root / "p" / "task-p-1.json", file);
    auto loaded = s.tm.load_checkpoint("task-p-1");
    BOOST_REQUIRE(loaded.has_value());
    BOOST_TEST(loaded.value()->stage_results.find("s")->second.output.get_string() == text);
}

BOOST_AUTO_TEST_CASE(a_100_megabyte_string_round_trips)
{
    sandbox s("huge_string");
    BOOST_REQUIRE(s.tm.create_task(spec_of("p"), "pipe", "task-p-1").has_value());
    StageExecutionRecord big;
    big.output = std::string(100u << 20, 'z');
    BOOST_REQUIRE(s.tm.record_stage_result("task-p-1", "s", std::move(big)).has_value());
    BOOST_REQUIRE(s.tm.save_checkpoint("task-p-1").has_value());
    auto loaded = s.tm.load_checkpoint("task-p-1");
    BOOST_REQUIRE(loaded.has_value());
    auto const& out = loaded.value()->stage_results.find("s")->second.output;
    BOOST_TEST((out.is_string() && out.get_string().size() == (100u << 20)));
    BOOST_TEST(s.tm.get_task_metadata("task-p-1").has_value());
}
