// Schema evolution over a store: documents of three versions of one schema
// (test/core/order_versions.hpp, test/data/evolution) read, resumed, migrated in
// place by migrate_documents, and written by an older and a newer program
// sharing the store.
#define BOOST_TEST_MODULE runtime_evolution
#include <boost/test/unit_test.hpp>

#include "../core/order_versions.hpp"
#include "../schemas/fixtures.hpp"
#include "forwarding_store.hpp"

#include <agent_engine/runtime/file_task_store.hpp>
#include <agent_engine/runtime/store_migration.hpp>
#include <agent_engine/runtime/task_manager.hpp>

#include <atomic>
#include <map>
#include <thread>
#include <string>

using namespace agent_engine;
using orders::v2::Order;
namespace v3 = orders::v3;

// The second build of Order, keeping the keys it does not describe (as Task and
// TaskSpec do): what a migration renames must not live on as such a key.
namespace keeping {
struct Order {
    int schema_version = 2;
    std::string client;
    std::string name;
    int quantity = 0;
    extra_members extra;
};
BOOST_DESCRIBE_STRUCT(Order, (), (schema_version, client, name, quantity))
AGENT_ENGINE_REQUIRED(Order, client)
AGENT_ENGINE_SCHEMA_VERSION(Order, schema_version, 2)
AGENT_ENGINE_MIGRATION(Order, 1, orders::rename_customer_count_quantity)
AGENT_ENGINE_ALLOW_EXTRA(Order, extra)
} // namespace keeping

namespace {

using orders::fixture;

template <class R> std::string message_of(const R& r) { return r ? std::string() : r.error().message; }

// A store holding one document of each version, as the three programs wrote them.
struct mixed_store {
    fixtures::temp_dir dir{"evolution"};
    std::shared_ptr<file_task_store> store = std::make_shared<file_task_store>(dir.path(), file_store_options{false});
    std::map<std::string, std::string> written{{"order-1", fixture("order-v1.json")},
                                               {"order-2", fixture("order-v2.json")},
                                               {"order-3", fixture("order-v3.json")}};
    mixed_store()
    {
        for (auto const& [id, bytes] : written)
            BOOST_REQUIRE(store->put("shop", id, bytes));
    }
    std::string bytes(const std::string& id) const
    {
        auto b = store->get("shop", id);
        BOOST_REQUIRE_MESSAGE(b, message_of(b));
        return b.value();
    }
};

const char* outcome_name(migration_outcome o)
{
    return o == migration_outcome::migrated ? "migrated" : o == migration_outcome::current ? "current" : "failed";
}

// "id outcome from->to" per document, in order.
std::string summary(const migration_report& report)
{
    std::string out;
    for (auto const& d : report.documents)
        out += d.task_id + " " + outcome_name(d.outcome) + " " + std::to_string(d.from_version) + "->" +
               std::to_string(d.to_version) + (d.error ? " " + d.error->error_id : "") + "\n";
    return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(a_store_mixing_three_versions_reads_resumes_and_migrates)
{
    mixed_store s;
    // Reading migrates in memory and leaves the store as it was.
    for (auto const& [id, bytes] : s.written) {
        BOOST_TEST_CONTEXT(id)
        {
            auto order = get_document<v3::Order>(*s.store, "shop", id);
            BOOST_REQUIRE_MESSAGE(order, message_of(order));
            BOOST_TEST((order.value() == v3::Order{3, "acme", "Ada", "Lovelace", 3}));
            BOOST_TEST(s.bytes(id) == bytes);
        }
    }
    // Resuming the first: the next save writes the current version.
    auto resumed = get_document<v3::Order>(*s.store, "shop", "order-1");
    BOOST_REQUIRE(resumed);
    resumed.value().quantity = 4;
    BOOST_REQUIRE(put_document(*s.store, "shop", "order-1", resumed.value()));
    auto saved = parse_json(s.bytes("order-1"));
    BOOST_REQUIRE(saved);
    BOOST_TEST(saved.value().at("schema_version") == 3);
    BOOST_TEST(saved.value().at("quantity") == 4);

    // A dry run reports, writes nothing.
    auto dry = migrate_documents(*s.store, schema_migrator_for<v3::Order>(), {.dry_run = true});
    BOOST_REQUIRE_MESSAGE(dry, message_of(dry));
    BOOST_TEST(summary(dry.value()) == "order-1 current 3->3\norder-2 migrated 2->3\norder-3 current 3->3\n");
    BOOST_TEST(s.bytes("order-2") == s.written["order-2"]);

    // The migration proper, with its progress.
    std::vector<std::size_t> progress;
    migrate_options options;
    options.progress = [&](std::string_view step, std::size_t done, std::size_t total) {
        BOOST_TEST(step == "migrate");
        BOOST_TEST(total == 3u);
        progress.push_back(done);
    };
    auto report = migrate_documents(*s.store, schema_migrator_for<v3::Order>(), options);
    BOOST_REQUIRE_MESSAGE(report, message_of(report));
    BOOST_TEST(summary(report.value()) == "order-1 current 3->3\norder-2 migrated 2->3\norder-3 current 3->3\n");
    BOOST_TEST(report.value().migrated == 1u);
    BOOST_TEST(report.value().current == 2u);
    BOOST_TEST((progress == std::vector<std::size_t>{0, 1, 2, 3}));
    BOOST_TEST(s.bytes("order-2") == fixture("order-v3.json"));
    BOOST_TEST(s.bytes("order-3") == fixture("order-v3.json"));

    // Run again: nothing left to do.
    auto again = migrate_documents(*s.store, schema_migrator_for<v3::Order>());
    BOOST_REQUIRE(again);
    BOOST_TEST(again.value().migrated == 0u);
    BOOST_TEST(again.value().current == 3u);
}

BOOST_AUTO_TEST_CASE(migrate_brings_every_version_to_the_current_one_byte_for_byte)
{
    mixed_store s;
    auto report = migrate_documents(*s.store, schema_migrator_for<v3::Order>());
    BOOST_REQUIRE_MESSAGE(report, message_of(report));
    BOOST_TEST(summary(report.value()) == "order-1 migrated 1->3\norder-2 migrated 2->3\norder-3 current 3->3\n");
    for (auto const& [id, bytes] : s.written)
        BOOST_TEST(s.bytes(id) == fixture("order-v3.json"), id);
}

BOOST_AUTO_TEST_CASE(a_document_that_cannot_be_migrated_is_left_untouched)
{
    mixed_store s;
    const std::string bad_count = R"({"customer": "acme", "quantity": "many"})";
    const std::string too_new = R"({"schema_version": 4, "client": "acme", "lines": []})";
    const std::string invalid = R"({"schema_version": 2, "name": "Ada Lovelace"})"; // no client
    const std::string not_json = R"({"schema_version": 2,)";
    // A key the schema does not read: rewriting would drop it.
    const std::string unknown_key =
        R"({"schema_version": 2, "client": "acme", "name": "Ada Lovelace", "quantity": 3, "gift_note": "hi"})";
    for (auto const& [id, bytes] :
         std::map<std::string, std::string>{{"bad-count", bad_count},
                                            {"too-new", too_new},
                                            {"invalid", invalid},
                                            {"not-json", not_json},
                                            {"unknown-key", unknown_key}})
        BOOST_REQUIRE(s.store->put("shop", id, bytes));

    auto report = migrate_documents(*s.store, schema_migrator_for<v3::Order>());
    BOOST_REQUIRE_MESSAGE(report, message_of(report));
    BOOST_TEST(summary(report.value()) == "bad-count failed 0->0 migration_failed\n"
                                          "invalid failed 2->3 validation_failed\n"
                                          "not-json failed 0->0 invalid_json\n"
                                          "order-1 migrated 1->3\n"
                                          "order-2 migrated 2->3\n"
                                          "order-3 current 3->3\n"
                                          "too-new failed 0->0 version_too_new\n"
                                          "unknown-key failed 2->3 migration_drops_data\n");
    BOOST_TEST(report.value().failed == 5u);
    BOOST_TEST(s.bytes("unknown-key") == unknown_key);
    BOOST_TEST(report.value().documents.back().error->details->at("dropped") ==
               parse_json(R"([["gift_note"]])").value());
    BOOST_TEST(s.bytes("bad-count") == bad_count);
    BOOST_TEST(s.bytes("too-new") == too_new);
    BOOST_TEST(s.bytes("invalid") == invalid);
    BOOST_TEST(s.bytes("not-json") == not_json);
    // Each error names the document and says what went wrong where.
    auto const& failed = *report.value().documents[0].error;
    BOOST_TEST(failed.message == s.store->location("shop", "bad-count") +
                                     ": Order: cannot migrate the document from version 1 to 2 at quantity: 'many' "
                                     "is not a whole number");
    BOOST_TEST(failed.details->at("path").as_string() == s.store->location("shop", "bad-count"));
}

BOOST_AUTO_TEST_CASE(an_older_program_refuses_a_newer_document_and_keeps_it)
{
    mixed_store s;
    auto read = get_document<Order>(*s.store, "shop", "order-3");
    BOOST_REQUIRE(!read);
    BOOST_TEST(read.error().error_id == "version_too_new");
    BOOST_TEST(read.error().message.find("newer than this program, which reads versions 1 to 2") != std::string::npos);
    // Its own migrate brings version 1 to its version 2 and leaves version 3 alone.
    auto report = migrate_documents(*s.store, schema_migrator_for<Order>());
    BOOST_REQUIRE(report);
    BOOST_TEST(summary(report.value()) ==
               "order-1 migrated 1->2\norder-2 current 2->2\norder-3 failed 0->0 version_too_new\n");
    BOOST_TEST(s.bytes("order-1") == fixture("order-v2.json"));
    BOOST_TEST(s.bytes("order-3") == fixture("order-v3.json"));
    // The newer program then reads both.
    for (auto id : {"order-1", "order-3"})
        BOOST_TEST(get_document<v3::Order>(*s.store, "shop", id).has_value(), id);
}

namespace {

// A store on which an older program saves the document between migrate's read
// and its replacement: the interleaving a concurrent writer may produce.
class older_writer_in_between final : public test_stores::forwarding_store {
public:
    using forwarding_store::forwarding_store;

    Result<bool> replace_if(std::string_view project, std::string_view id, std::string_view bytes,
                            const removal_check& check) override
    {
        BOOST_REQUIRE(put_document(*inner_, project, id, Order{2, "acme", "Ada Lovelace", 7}));
        return inner_->replace_if(project, id, bytes, check);
    }
};

} // namespace

BOOST_AUTO_TEST_CASE(a_save_by_an_older_program_during_migrate_is_kept)
{
    mixed_store s;
    older_writer_in_between store(s.store);
    auto report = migrate_documents(store, schema_migrator_for<v3::Order>(), {.projects = {"shop"}});
    BOOST_REQUIRE(report);
    BOOST_TEST(summary(report.value()) == "order-1 failed 1->3 task_changed\n"
                                          "order-2 failed 2->3 task_changed\n"
                                          "order-3 current 3->3\n");
    // What the older program saved is there, whole, and reads as the newer version.
    auto kept = get_document<v3::Order>(*s.store, "shop", "order-1");
    BOOST_REQUIRE(kept);
    BOOST_TEST(kept.value().quantity == 7);
    BOOST_TEST(s.bytes("order-1") == to_json(Order{2, "acme", "Ada Lovelace", 7}));
    // The next run, with no writer in between, migrates it.
    auto next = migrate_documents(*s.store, schema_migrator_for<v3::Order>());
    BOOST_REQUIRE(next);
    BOOST_TEST(next.value().migrated == 2u);
    auto migrated = parse_json(s.bytes("order-1"));
    BOOST_REQUIRE(migrated);
    BOOST_TEST(migrated.value().at("quantity") == 7);
    BOOST_TEST(migrated.value().at("schema_version") == 3);
}

BOOST_AUTO_TEST_CASE(older_and_newer_programs_share_a_store)
{
    // The older program keeps saving its version while the newer one reads,
    // saves and migrates: no save is lost, and each reads what it can.
    mixed_store s;
    for (int round = 0; round < 20; ++round) {
        Order old{2, "acme", "Ada Lovelace", round};
        BOOST_REQUIRE(put_document(*s.store, "shop", "order-2", old));
        auto newer = get_document<v3::Order>(*s.store, "shop", "order-2");
        BOOST_REQUIRE_MESSAGE(newer, message_of(newer));
        BOOST_TEST(newer.value().quantity == round);
        auto report = migrate_documents(*s.store, schema_migrator_for<v3::Order>());
        BOOST_REQUIRE(report);
        BOOST_TEST(report.value().failed == 0u);
        // Now version 3: the older program refuses it rather than losing its split name.
        auto older = get_document<Order>(*s.store, "shop", "order-2");
        BOOST_REQUIRE(!older);
        BOOST_TEST(older.error().error_id == "version_too_new");
        auto after = get_document<v3::Order>(*s.store, "shop", "order-2");
        BOOST_REQUIRE(after);
        BOOST_TEST(after.value().quantity == round);
    }
}

BOOST_AUTO_TEST_CASE(older_and_newer_programs_write_read_and_migrate_at_once)
{
    // An older program saves one document over and over while the newer one
    // migrates the store and both read it, on threads: every read gets a whole
    // document (the older program's, or the newer one's, which the older refuses),
    // and the last save is never overwritten by a migration of an earlier one.
    mixed_store s;
    constexpr int saves = 200;
    std::atomic<bool> done{false};
    std::atomic<int> unexpected{0};
    std::thread older_writer([&] {
        for (int n = 1; n <= saves; ++n)
            if (!put_document(*s.store, "shop", "order-2", Order{2, "acme", "Ada Lovelace", n}))
                ++unexpected;
        done = true;
    });
    std::thread newer_migrator([&] {
        while (!done) {
            auto r = migrate_documents(*s.store, schema_migrator_for<v3::Order>());
            if (!r) {
                ++unexpected;
                continue;
            }
            for (auto const& d : r.value().documents)
                if (d.error && d.error->error_id != "task_changed") // the older writer got there first
                    ++unexpected;
        }
    });
    std::thread readers([&] {
        while (!done) {
            if (!get_document<v3::Order>(*s.store, "shop", "order-2"))
                ++unexpected;
            auto older = get_document<Order>(*s.store, "shop", "order-2");
            if (!older && older.error().error_id != "version_too_new")
                ++unexpected;
        }
    });
    older_writer.join();
    newer_migrator.join();
    readers.join();
    BOOST_TEST(unexpected == 0);
    auto last = get_document<v3::Order>(*s.store, "shop", "order-2");
    BOOST_REQUIRE(last);
    BOOST_TEST(last.value().quantity == saves);
    auto final_run = migrate_documents(*s.store, schema_migrator_for<v3::Order>());
    BOOST_REQUIRE(final_run);
    BOOST_TEST(final_run.value().failed == 0u);
    BOOST_TEST(get_document<v3::Order>(*s.store, "shop", "order-2").value().quantity == saves);
}

BOOST_AUTO_TEST_CASE(naming_a_project_the_store_does_not_hold_is_an_error)
{
    mixed_store s;
    auto report = migrate_documents(*s.store, schema_migrator_for<v3::Order>(), {.projects = {"shop", "nope"}});
    BOOST_REQUIRE(!report);
    BOOST_TEST(report.error().message == "No project 'nope' in the store");
    BOOST_TEST(s.bytes("order-1") == s.written["order-1"]);
}

BOOST_AUTO_TEST_CASE(unversioned_python_checkpoints_load_resave_and_migrate_byte_for_byte)
{
    // The Python original's checkpoints have no version, and Task declares none:
    // the manager's load (which migrates) and save leave them byte for byte, and
    // migrate finds every one current and writes nothing.
    fixtures::temp_dir dir("evolution_python");
    std::filesystem::copy(fixtures::root(), dir.path(), std::filesystem::copy_options::recursive);
    TaskManager manager(dir.path(), {.durable = false});
    std::size_t checkpoints = 0;
    for (auto const& file : fixtures::all()) {
        std::string id = file.stem().string();
        BOOST_TEST_CONTEXT(id)
        {
            auto loaded = manager.load_checkpoint(id);
            BOOST_REQUIRE_MESSAGE(loaded, message_of(loaded));
            auto saved = manager.save_checkpoint(id);
            BOOST_REQUIRE_MESSAGE(saved, message_of(saved));
            BOOST_TEST(fixtures::read(saved.value()) == fixtures::read(file));
            ++checkpoints;
        }
    }
    BOOST_TEST(checkpoints > 0u);
    auto report = migrate_documents(manager.store(), schema_migrator_for<Task>());
    BOOST_REQUIRE(report);
    BOOST_TEST(report.value().current == checkpoints);
    BOOST_TEST(report.value().migrated + report.value().failed == 0u);
}

BOOST_AUTO_TEST_CASE(migrate_reads_a_document_as_a_load_does)
{
    // migrate judges a stored document as a load does (the one decode_document).
    // A stage repeated with a first value that is no record loads, as it did in the
    // original (model_validate(json.load(f)) sees the last value only), so it is
    // current; a document a load refuses fails, with the load's message.
    fixtures::temp_dir dir("evolution_repeated");
    std::filesystem::copy(fixtures::root(), dir.path(), std::filesystem::copy_options::recursive);
    file_task_store store(dir.path(), {false});
    const std::string repeated_id = "task-test_spec-5de8bb8e", refused_id = "task-test_spec-e564b8db";
    std::string repeated = store.get("test_spec", repeated_id).value();
    auto stage = repeated.find("\"transform_1\": {");
    BOOST_REQUIRE(stage != std::string::npos);
    repeated.insert(stage, "\"transform_1\": 5, ");
    BOOST_REQUIRE(store.put("test_spec", repeated_id, repeated));
    std::string refused = store.get("test_spec", refused_id).value();
    auto status = refused.find("\"status\": \"");
    BOOST_REQUIRE(status != std::string::npos);
    refused.replace(status, 11, "\"status\": 5, \"status_was\": \"");
    BOOST_REQUIRE(store.put("test_spec", refused_id, refused));

    BOOST_REQUIRE(get_document<Task>(store, "test_spec", repeated_id));
    auto not_loaded = get_document<Task>(store, "test_spec", refused_id);
    BOOST_REQUIRE(!not_loaded);
    auto report = migrate_documents(store, schema_migrator_for<Task>(), {.projects = {"test_spec"}});
    BOOST_REQUIRE(report);
    BOOST_TEST(report.value().current == 1u);
    BOOST_TEST(report.value().failed == 1u);
    for (auto const& entry : report.value().documents) {
        if (entry.task_id != refused_id)
            continue;
        BOOST_TEST(outcome_name(entry.outcome) == "failed");
        BOOST_REQUIRE(entry.error);
        BOOST_TEST(entry.error->message == not_loaded.error().message);
    }
    BOOST_TEST(store.get("test_spec", refused_id).value() == refused);
    BOOST_TEST(store.get("test_spec", repeated_id).value() == repeated);
}

BOOST_AUTO_TEST_CASE(a_key_a_migration_renames_does_not_live_on_as_an_unknown_key)
{
    fixtures::temp_dir dir("evolution_extras");
    file_task_store store(dir.path(), {false});
    // Version 1, with a key no version describes: the rename moves customer's
    // value, and the unknown key stays.
    const std::string v1 = R"({"customer": "acme", "note": "keep me", "name": "Ada Lovelace", "quantity": "3"})";
    // Version 2 as an older program that keeps unknown keys saved it after the
    // store was migrated: its customer (version 1's name) written beside client.
    const std::string stale =
        R"({"customer": "newer", "schema_version": 2, "client": "acme", "name": "Ada Lovelace", "quantity": 3})";
    const std::string current = R"({"schema_version": 2, "client": "acme", "name": "Ada", "quantity": 3, "note": "n"})";
    for (auto const& [id, bytes] : std::map<std::string, std::string>{{"v1", v1}, {"stale", stale}, {"current", current}})
        BOOST_REQUIRE(store.put("shop", id, bytes));

    auto loaded = get_document<keeping::Order>(store, "shop", "v1");
    BOOST_REQUIRE_MESSAGE(loaded, message_of(loaded));
    BOOST_TEST(loaded.value().client == "acme");
    BOOST_TEST(!loaded.value().extra.contains("customer"));
    BOOST_TEST(loaded.value().extra.contains("note"));

    auto report = migrate_documents(store, schema_migrator_for<keeping::Order>());
    BOOST_REQUIRE_MESSAGE(report, message_of(report));
    BOOST_TEST(summary(report.value()) == "current current 2->2\n"
                                          "stale failed 2->2 migration_drops_data\n"
                                          "v1 migrated 1->2\n");
    auto migrated = parse_json(store.get("shop", "v1").value());
    BOOST_REQUIRE(migrated);
    BOOST_TEST(migrated.value() == parse_json(R"({"schema_version": 2, "client": "acme", "name": "Ada Lovelace",)"
                                              R"( "quantity": 3, "note": "keep me"})").value());
    // The stale key is reported, its document kept for a person to settle.
    auto const& error = *report.value().documents[1].error;
    BOOST_TEST(error.details->at("dropped") == parse_json(R"([["customer"]])").value());
    BOOST_TEST(error.message.find("customer") != std::string::npos);
    BOOST_TEST(store.get("shop", "stale").value() == stale);
}
