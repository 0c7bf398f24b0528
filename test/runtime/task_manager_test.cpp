#include <boost/test/unit_test.hpp>

#include "../schemas/fixtures.hpp"

#include <agent_engine/runtime/task_manager.hpp>
#include <agent_engine/runtime/timestamp.hpp>

#include <limits>
#include <map>
#include <regex>
#include <set>
#include <variant>

namespace fs = std::filesystem;
using namespace agent_engine;

namespace {

TaskSpec spec(std::string id)
{
    TaskSpec s;
    s.task_spec_id = std::move(id);
    s.request = "do it";
    return s;
}

bool is_checkpoint_timestamp(const std::optional<std::string>& s)
{
    static const std::regex form(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)");
    return s && std::regex_match(*s, form) && parse_utc_timestamp(*s).has_value();
}

// A task_store in memory: the manager must work through the seam alone.
class memory_store final : public task_store {
public:
    std::map<std::pair<std::string, std::string>, std::string> docs;

    Result<std::string> put(std::string_view p, std::string_view id, std::string_view bytes) override
    {
        BOOST_OUTCOME_TRY(check_project_key(p));
        BOOST_OUTCOME_TRY(check_document_key(id));
        docs[{std::string(p), std::string(id)}] = bytes;
        return location(p, id);
    }
    Result<std::string> get(std::string_view p, std::string_view id) const override
    {
        auto it = docs.find({std::string(p), std::string(id)});
        if (it == docs.end())
            return make_error(EngineErrorCode::not_found, EngineErrorSource::task_manager, "nf", "missing");
        return it->second;
    }
    Result<std::vector<std::string>> list(std::string_view p) const override
    {
        std::vector<std::string> ids;
        for (auto const& [k, v] : docs)
            if (k.first == p)
                ids.push_back(k.second);
        return ids;
    }
    Result<std::vector<std::string>> list_projects() const override
    {
        std::vector<std::string> ps;
        for (auto const& [k, v] : docs)
            if (ps.empty() || ps.back() != k.first)
                ps.push_back(k.first);
        return ps;
    }
    Result<void> remove(std::string_view p, std::string_view id) override
    {
        docs.erase({std::string(p), std::string(id)});
        return boost::outcome_v2::success();
    }
    std::string location(std::string_view p, std::string_view id) const override
    {
        return "mem://" + std::string(p) + "/" + std::string(id);
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(task_manager)

BOOST_AUTO_TEST_CASE(create_task_generates_a_spec_scoped_random_id)
{
    fixtures::temp_dir tmp("tm_create");
    TaskManager tm(tmp.path());
    auto a = tm.create_task(spec("my-spec"), "pipe");
    auto b = tm.create_task(spec("my-spec"), "pipe");
    BOOST_REQUIRE(a.has_value() && b.has_value());
    BOOST_TEST(std::regex_match(a.value().task_id, std::regex("task-my-spec-[0-9a-f]{24}")));
    BOOST_TEST(a.value().task_id != b.value().task_id);
    BOOST_TEST(extract_project_id(a.value().task_id) == "my-spec");
    BOOST_TEST(a.value().status == TaskStatus::pending);
    BOOST_TEST(a.value().pipeline_id == "pipe");
    BOOST_TEST(is_checkpoint_timestamp(a.value().created_at));
    BOOST_TEST(a.value().updated_at == a.value().created_at);
    BOOST_REQUIRE(tm.get_task(a.value().task_id) != nullptr);
    BOOST_TEST(tm.get_task("task-none-1") == nullptr);

    auto given = tm.create_task(spec("s"), "p", "task-s-fixed");
    BOOST_TEST(given.value().task_id == "task-s-fixed");
    BOOST_TEST(tm.create_task(spec("../../etc"), "p").error().code == EngineErrorCode::security);
    BOOST_TEST(tm.create_task(spec("s"), "p", "task/../x").error().code == EngineErrorCode::security);
    BOOST_TEST(!fs::exists(tmp.path() / "default"));
}

BOOST_AUTO_TEST_CASE(mutations_update_the_task_and_stamp_updated_at)
{
    TaskManager tm(std::make_shared<memory_store>());
    std::string id = tm.create_task(spec("s"), "p").value().task_id;
    BOOST_REQUIRE(tm.set_status(id, TaskStatus::running).has_value());
    BOOST_REQUIRE(tm.set_current_stage(id, "s1").has_value());
    BOOST_REQUIRE(tm.append_routing(id, "s1", "go", "agent").has_value());
    BOOST_REQUIRE(tm.record_stage_result(id, "s1", {boost::json::value{{"ok", true}}, {}, {}, {}}).has_value());
    BOOST_REQUIRE(tm.add_failure(id, {FailureCode::timeout, "slow", {}, Severity::error, {}}).has_value());
    const Task& t = *tm.get_task(id);
    BOOST_TEST(t.status == TaskStatus::running);
    BOOST_TEST(t.current_stage_id.value() == "s1");
    BOOST_TEST(t.routing_trace.size() == 1u);
    BOOST_TEST(t.routing_trace[0].decision.value() == "go");
    BOOST_TEST(is_checkpoint_timestamp(t.routing_trace[0].timestamp));
    auto const& rec = t.stage_results.find("s1")->second;
    BOOST_TEST(rec.output.at("ok") == true);
    BOOST_TEST(is_checkpoint_timestamp(rec.completed_at));
    BOOST_TEST(rec.started_at == rec.completed_at);
    BOOST_TEST(t.failure_signatures.size() == 1u);
    BOOST_TEST(is_checkpoint_timestamp(t.updated_at));
    BOOST_TEST(*t.updated_at >= *t.created_at);

    for (auto code : {tm.set_status("task-x-1", TaskStatus::failed).error().code,
                      tm.set_current_stage("task-x-1", {}).error().code,
                      tm.append_routing("task-x-1", "s").error().code,
                      tm.record_stage_result("task-x-1", "s", {}).error().code,
                      tm.add_failure("task-x-1", {}).error().code})
        BOOST_TEST(code == EngineErrorCode::not_found);
}

BOOST_AUTO_TEST_CASE(save_and_load_round_trip_losslessly)
{
    fixtures::temp_dir tmp("tm_roundtrip");
    TaskManager tm(tmp.path() / "nested" / "root");
    std::string id = tm.create_task(spec("proj"), "pipe").value().task_id;
    tm.record_stage_result(id, "s1", {boost::json::value{{"n", 1.5}}, {}, {}, {}}).value();
    tm.set_status(id, TaskStatus::completed).value();

    auto path = tm.save_checkpoint(id);
    BOOST_REQUIRE(path.has_value());
    BOOST_TEST(path.value() == tmp.path() / "nested" / "root" / "proj" / (id + ".json"));
    BOOST_TEST(fixtures::read(path.value()) == to_json(*tm.get_task(id)));

    TaskManager fresh(tmp.path() / "nested" / "root");
    auto loaded = fresh.load_checkpoint(id);
    BOOST_REQUIRE(loaded.has_value());
    BOOST_TEST(to_json(*loaded.value()) == to_json(*tm.get_task(id)));
    BOOST_TEST(to_json(*fresh.get_task(id)) == to_json(*loaded.value()));
    BOOST_TEST(fresh.list_tasks("proj").value() == std::vector<std::string>{id}, boost::test_tools::per_element());
    auto meta = fresh.get_task_metadata(id);
    BOOST_TEST(meta.value().status == TaskStatus::completed);
    BOOST_TEST(meta.value().updated_at == tm.get_task(id)->updated_at);
}

BOOST_AUTO_TEST_CASE(compact_format_writes_compact_json)
{
    fixtures::temp_dir tmp("tm_compact");
    TaskManager tm(tmp.path(), {.durable = false, .format = json_format::compact()});
    std::string id = tm.create_task(spec("c"), "p").value().task_id;
    auto path = tm.save_checkpoint(id).value();
    BOOST_TEST(fixtures::read(path) == to_json(*tm.get_task(id), json_format::compact()));
    BOOST_TEST(fixtures::read(path).find('\n') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(python_checkpoints_load_and_save_back_unchanged)
{
    fixtures::temp_dir tmp("tm_python");
    fs::copy(fixtures::root(), tmp.path() / "tasks", fs::copy_options::recursive);
    TaskManager tm(tmp.path() / "tasks");
    BOOST_TEST(tm.list_projects().value() == (std::vector<std::string>{"t1", "test_spec"}),
               boost::test_tools::per_element());
    for (auto const& file : fixtures::all()) {
        std::string id = file.stem().string();
        BOOST_TEST_CONTEXT(id)
        {
            BOOST_REQUIRE(tm.load_checkpoint(id).has_value());
            auto saved = tm.save_checkpoint(id);
            BOOST_REQUIRE(saved.has_value());
            BOOST_TEST(fixtures::read(saved.value()) == fixtures::read(file));
            // The manager reads lax, as the original did; what the original wrote holds
            // every value in its own JSON kind, so strict mode reads it the same.
            auto strict = from_json<Task>(fixtures::read(file), {.strict = true});
            BOOST_REQUIRE_MESSAGE(strict.has_value(), (strict ? std::string() : strict.error().message));
            BOOST_TEST(to_json(strict.value()) == fixtures::read(file));
        }
    }
    BOOST_TEST(tm.list_tasks("t1").value() == (std::vector<std::string>{"task-t1-4f2f2f93", "task-t1-98738ae8"}),
               boost::test_tools::per_element());
}

// A checkpoint written by a newer version, with keys this one does not describe,
// is saved back with them, each in its place: an older reader in a rolling deploy
// loses nothing.
BOOST_AUTO_TEST_CASE(keys_a_newer_writer_added_survive_load_and_save)
{
    fixtures::temp_dir tmp("tm_extra");
    std::string text = fixtures::read(fixtures::root() / "t1" / "task-t1-4f2f2f93.json");
    auto insert_before = [&](const std::string& at, const std::string& what) {
        auto pos = text.find(at);
        BOOST_REQUIRE(pos != std::string::npos);
        text.insert(pos, what);
    };
    insert_before("\n  \"pipeline_id\"", "\n  \"added_by_v2\": \"kept\",");
    insert_before("\n    \"mode\"", "\n    \"spec_v2\": [],");
    text.insert(text.rfind("\n}"), ",\n  \"trailer\": {}");
    fixtures::write(tmp.path() / "t1" / "task-t1-4f2f2f93.json", text);

    TaskManager tm(tmp.path());
    auto loaded = tm.load_checkpoint("task-t1-4f2f2f93");
    BOOST_REQUIRE(loaded.has_value());
    const Task& task = *tm.get_task("task-t1-4f2f2f93");
    BOOST_TEST(task.extra.size() == 2u);
    BOOST_TEST(*task.extra.find("added_by_v2") == boost::json::value("kept"));
    BOOST_TEST(task.spec.extra.contains("spec_v2"));
    auto saved = tm.save_checkpoint("task-t1-4f2f2f93");
    BOOST_REQUIRE(saved.has_value());
    BOOST_TEST(fixtures::read(saved.value()) == text);
}

// The original's SchemaBase strips the str values of a checkpoint; so does Task.
BOOST_AUTO_TEST_CASE(a_checkpoints_strings_are_read_stripped_as_the_original_reads_them)
{
    const std::string text = R"({"task_id": " task-p-1 ", "spec": {"task_spec_id": "p", "request": " r\n"},
                                 "pipeline_id": "\tp", "stage_results": {" s ": {}, "s": {"started_at": " e "}}})";
    auto task = from_json<Task>(text);
    BOOST_REQUIRE(task.has_value());
    BOOST_TEST(read_task_metadata(text).value().pipeline_id == "p"); // the metadata as the task holds it
    BOOST_TEST(task.value().task_id == "task-p-1");
    BOOST_TEST(task.value().spec.request == "r");
    BOOST_TEST(task.value().pipeline_id == "p");
    BOOST_TEST(task.value().stage_results.size() == 1u); // " s " and "s" are one stage, the last value wins
    BOOST_TEST(task.value().stage_results.begin()->second.started_at.value() == "e");
}

// encode_document keeps the text it wrote when reading it back changed nothing
// (from_json_normalized says so, from the rules that read), and otherwise writes
// the value that read returned: a save is a load's bytes either way.
BOOST_AUTO_TEST_CASE(a_save_keeps_its_first_text_only_when_a_load_changes_nothing)
{
    Task clean;
    clean.task_id = "task-n-1";
    clean.spec = spec("n");
    clean.pipeline_id = "p";
    clean.stage_results["s"].output = {{"score", 0.5}, {"note", " kept: Any is not stripped "}};
    for (json_format format : {json_format::compact(), json_format::pretty()}) {
        Task loaded;
        BOOST_TEST(!from_json_normalized(to_json(clean, format), loaded, stored_document_options).value());
        BOOST_TEST(encode_document(clean, format).value() == to_json(clean, format));
    }

    // A stripped str, and keys that strip alike (one stage, the last value).
    Task padded = clean;
    padded.spec.request = " x ";
    padded.stage_results[" s "].output = "last"; // written after "s": it replaces "s"'s value
    Task loaded;
    BOOST_TEST(from_json_normalized(to_json(padded), loaded, stored_document_options).value());
    std::string saved = encode_document(padded).value();
    BOOST_TEST(saved == to_json(loaded, json_format::pretty()));
    BOOST_TEST(loaded.spec.request == "x");
    BOOST_TEST(loaded.stage_results.size() == 1u);
    BOOST_TEST(saved.find("\"request\": \"x\"") != std::string::npos);
    BOOST_TEST(saved.find("\"output\": \"last\"") != std::string::npos);

    // A NaN in an Any member is written null (pydantic's writing): read as None,
    // which writes the same text, so the first text is the load's.
    Task with_nan = clean;
    with_nan.stage_results["s"].output = {{"score", std::numeric_limits<double>::quiet_NaN()}};
    saved = encode_document(with_nan).value();
    BOOST_TEST(saved == to_json(from_json<Task>(saved, stored_document_options).value(), json_format::pretty()));
    BOOST_TEST(saved.find("\"score\": null") != std::string::npos);

    // A value that would not load: refused with the errors of a load.
    Task invalid = clean;
    invalid.status = static_cast<TaskStatus>(42);
    BOOST_TEST(encode_document(invalid).error().message == as_loaded(invalid).error().message);

    // The other rules that change what they read: a repeated key, a duplicate set
    // element, a union (its pick need not be the alternative that wrote the text).
    std::map<std::string, int> map;
    BOOST_TEST(from_json_normalized(R"({"a": 1, "a": 2})", map).value());
    BOOST_TEST(!from_json_normalized(R"({"a": 1, "b": 2})", map).value());
    std::set<int> set;
    BOOST_TEST(from_json_normalized("[1, 1]", set).value());
    BOOST_TEST(!from_json_normalized("[1, 2]", set).value());
    std::variant<int, std::string> either;
    BOOST_TEST(from_json_normalized("1", either).value());
}

BOOST_AUTO_TEST_CASE(every_error_code_of_the_checkpoint_api)
{
    fixtures::temp_dir tmp("tm_errors");
    TaskManager tm(tmp.path());
    BOOST_TEST(tm.save_checkpoint("task-p-missing").error().code == EngineErrorCode::not_found);
    BOOST_TEST(tm.save_checkpoint("task-../../x-1").error().code == EngineErrorCode::security);
    BOOST_TEST(tm.load_checkpoint("../task-p-1").error().code == EngineErrorCode::security);
    BOOST_TEST(tm.get_task_metadata("a/b").error().code == EngineErrorCode::security);
    BOOST_TEST(tm.list_tasks("..").error().code == EngineErrorCode::security);
    BOOST_TEST(fs::is_empty(tmp.path()));

    auto missing = tm.load_checkpoint("task-p-missing");
    BOOST_TEST(missing.error().code == EngineErrorCode::not_found);
    BOOST_TEST(fixtures::detail(missing.error(), "path") == (tmp.path() / "p" / "task-p-missing.json").string());
    BOOST_TEST(tm.get_task_metadata("task-p-missing").error().code == EngineErrorCode::not_found);
    BOOST_TEST(tm.list_tasks("p").value().empty());

    fixtures::write(tmp.path() / "p" / "task-p-corrupt.json", "{\n  \"task_id\": \"task-p-corrupt\",\n  ]");
    auto corrupt = tm.load_checkpoint("task-p-corrupt");
    BOOST_TEST(corrupt.error().code == EngineErrorCode::json);
    BOOST_TEST(corrupt.error().details->at("line") == 3);
    BOOST_TEST(corrupt.error().details->at("column") == 3);
    BOOST_TEST(fixtures::detail(corrupt.error(), "path") == (tmp.path() / "p" / "task-p-corrupt.json").string());
    BOOST_TEST(tm.get_task_metadata("task-p-corrupt").error().code == EngineErrorCode::json);
    BOOST_TEST(tm.get_task("task-p-corrupt") == nullptr);

    fixtures::write(tmp.path() / "p" / "task-p-invalid.json", R"({"task_id": "task-p-invalid", "status": "lost"})");
    auto invalid = tm.load_checkpoint("task-p-invalid");
    BOOST_TEST(invalid.error().code == EngineErrorCode::validation);
    BOOST_TEST(invalid.error().details->at("errors").as_array().size() == 3u); // spec, status, pipeline_id
    BOOST_TEST(fixtures::detail(invalid.error(), "path") == (tmp.path() / "p" / "task-p-invalid.json").string());

    // a valid checkpoint of another task under this id is not taken for it
    fixtures::write(tmp.path() / "p" / "task-p-renamed.json",
                    R"({"task_id": "task-p-other", "spec": {"task_spec_id": "p", "request": "r"}, "pipeline_id": "x"})");
    auto renamed = tm.load_checkpoint("task-p-renamed");
    BOOST_TEST(renamed.error().code == EngineErrorCode::validation);
    BOOST_TEST(renamed.error().error_id == "task_id_mismatch");
    BOOST_TEST(fixtures::detail(renamed.error(), "found") == "task-p-other");
    BOOST_TEST(tm.get_task("task-p-renamed") == nullptr);

    fixtures::write(tmp.path() / "blocked", "x");
    TaskManager io(tmp.path() / "blocked");
    std::string id = io.create_task(spec("q"), "p").value().task_id;
    auto failed = io.save_checkpoint(id);
    BOOST_TEST(failed.error().code == EngineErrorCode::io);
    BOOST_TEST(failed.error().details->contains("reason"));
}

BOOST_AUTO_TEST_CASE(load_replaces_the_task_in_memory)
{
    auto store = std::make_shared<memory_store>();
    TaskManager tm(store);
    std::string id = tm.create_task(spec("m"), "p").value().task_id;
    BOOST_REQUIRE(tm.save_checkpoint(id).value() == "mem://m/" + id);
    tm.set_status(id, TaskStatus::failed).value();
    BOOST_TEST(tm.load_checkpoint(id).value()->status == TaskStatus::pending);
    BOOST_TEST(tm.get_task(id)->status == TaskStatus::pending);
    BOOST_TEST(store->docs.size() == 1u);
}

BOOST_AUTO_TEST_CASE(load_returns_the_task_it_holds)
{
    TaskManager tm(std::make_shared<memory_store>());
    std::string id = tm.create_task(spec("h"), "p").value().task_id;
    tm.save_checkpoint(id).value();
    const Task* loaded = tm.load_checkpoint(id).value();
    BOOST_TEST(loaded == tm.get_task(id)); // the very object, not a copy
    tm.set_status(id, TaskStatus::running).value();
    BOOST_TEST(loaded->status == TaskStatus::running);
}

// An engine's own Task, handed over whole: checked as a load checks a
// checkpoint, then held as a loaded task is.
BOOST_AUTO_TEST_CASE(put_task_holds_a_task_the_caller_built)
{
    auto store = std::make_shared<memory_store>();
    TaskManager tm(store);
    Task mine;
    mine.task_id = "task-own-1";
    mine.spec = spec("own");
    mine.pipeline_id = "p";
    mine.status = TaskStatus::running;
    auto held = tm.put_task(mine);
    BOOST_REQUIRE(held.has_value());
    BOOST_TEST(held.value() == tm.get_task("task-own-1"));
    BOOST_TEST(held.value()->status == TaskStatus::running);
    BOOST_TEST(is_checkpoint_timestamp(held.value()->updated_at));
    BOOST_TEST(held.value()->created_at == held.value()->updated_at);
    BOOST_REQUIRE(tm.save_checkpoint("task-own-1"));
    BOOST_TEST(store->docs.at({"own", "task-own-1"}) == to_json(*tm.get_task("task-own-1")));

    // Replacing the task of its id: created_at as given, updated_at stamped.
    Task again = *tm.get_task("task-own-1");
    again.status = TaskStatus::completed;
    again.created_at = "2025-01-01T00:00:00.000000Z";
    again.updated_at = "2025-01-01T00:00:00.000000Z";
    auto replaced = tm.put_task(again);
    BOOST_REQUIRE(replaced.has_value());
    BOOST_TEST(replaced.value()->status == TaskStatus::completed);
    BOOST_TEST(*replaced.value()->created_at == "2025-01-01T00:00:00.000000Z");
    BOOST_TEST(*replaced.value()->updated_at > *again.updated_at);

    // Refused, and nothing held or replaced.
    Task unsafe = mine;
    unsafe.task_id = "task-own/../x";
    BOOST_TEST(tm.put_task(unsafe).error().code == EngineErrorCode::security);
    Task invalid = mine;
    invalid.status = static_cast<TaskStatus>(42);
    auto rejected = tm.put_task(invalid);
    BOOST_TEST(rejected.error().code == EngineErrorCode::validation);
    BOOST_TEST(rejected.error().message.starts_with("1 validation error for Task\nstatus\n"), rejected.error().message);
    BOOST_TEST(tm.get_task("task-own-1")->status == TaskStatus::completed);
    invalid.task_id = "task-own-2";
    BOOST_TEST(!tm.put_task(invalid).has_value());
    BOOST_TEST(tm.get_task("task-own-2") == nullptr);
}

BOOST_AUTO_TEST_CASE(edit_task_changes_the_held_task_in_place)
{
    auto store = std::make_shared<memory_store>();
    TaskManager tm(store);
    std::string id = tm.create_task(spec("e"), "p").value().task_id;
    BOOST_TEST(tm.edit_task("task-e-none").error().code == EngineErrorCode::not_found);
    std::string before = *tm.get_task(id)->updated_at;
    auto edited = tm.edit_task(id);
    BOOST_REQUIRE(edited.has_value());
    BOOST_TEST(edited.value() == tm.get_task(id));
    BOOST_TEST(*edited.value()->updated_at >= before);
    edited.value()->spec.hints.push_back("in place");
    edited.value()->status = TaskStatus::running;
    BOOST_REQUIRE(tm.save_checkpoint(id));
    BOOST_TEST(from_json<Task>(store->docs.at({"e", id})).value().spec.hints.at(0) == "in place");

    // The id is the key it is held and saved under: a changed one is refused.
    std::string saved = store->docs.at({"e", id});
    edited.value()->task_id = "task-e-other";
    auto refused = tm.save_checkpoint(id);
    BOOST_TEST(refused.error().code == EngineErrorCode::validation);
    BOOST_TEST(refused.error().error_id == "task_id_changed");
    BOOST_TEST(store->docs.at({"e", id}) == saved);
    BOOST_TEST(store->docs.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
