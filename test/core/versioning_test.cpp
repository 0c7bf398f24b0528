// Schema evolution: AGENT_ENGINE_SCHEMA_VERSION and AGENT_ENGINE_MIGRATION on every read
// path, with the three versions of orders::Order (order_versions.hpp) and the
// documents each version wrote (test/data/evolution).
#define BOOST_TEST_MODULE core_versioning
#include "order_versions.hpp"
#include "test_support.hpp"

#include <cstdint>
#include <string>
#include <vector>

using namespace agent_engine;
using test_support::message_of;

namespace {

using orders::fixture;

const orders::v3::Order ada{3, "acme", "Ada", "Lovelace", 3};

// Reads `text` as T by every path (text, a source handing it out 7 bytes at a
// time, a DOM); all must agree, and on failure give one error.
template <class T> Result<T> read_every_way(const std::string& text, const read_options& options = {})
{
    auto from_text = from_json<T>(text, options);
    auto from_source = from_json<T>(test_support::trickle_source(text), options);
    auto dom = parse_json(text);
    BOOST_REQUIRE(dom);
    auto from_dom = from_dict<T>(dom.value(), options);
    BOOST_TEST(validate_dict<T>(dom.value(), options).has_value() == from_dom.has_value());
    BOOST_TEST(from_text.has_value() == from_source.has_value());
    BOOST_TEST(from_text.has_value() == from_dom.has_value());
    if (from_text && from_source && from_dom) {
        BOOST_TEST(to_json(from_source.value()) == to_json(from_text.value()));
        BOOST_TEST(to_json(from_dom.value()) == to_json(from_text.value()));
    } else if (!from_text && !from_source && !from_dom) {
        BOOST_TEST(to_json(from_source.error()) == to_json(from_text.error()));
        BOOST_TEST(to_json(from_dom.error()) == to_json(from_text.error()));
    }
    return from_text;
}

Result<void> no_change(boost::json::object&) { return boost::outcome_v2::success(); }

} // namespace

namespace strict_orders {
// A versioned schema declared strict: its version member too is a strict int.
struct Order {
    int schema_version = 2;
    std::string client;
};
BOOST_DESCRIBE_STRUCT(Order, (), (schema_version, client))
AGENT_ENGINE_SCHEMA_VERSION(Order, schema_version, 2)
AGENT_ENGINE_MIGRATION(Order, 1, no_change)
AGENT_ENGINE_STRICT(Order)
} // namespace strict_orders

namespace version_members {
// The version held by any integer member: one inherited from a base, an
// unsigned one.
struct Base {
    std::int64_t schema_version = 0; // a read sets it: 2
};
BOOST_DESCRIBE_STRUCT(Base, (), (schema_version))
struct Derived : Base {
    std::string name;
};
BOOST_DESCRIBE_STRUCT(Derived, (Base), (name))
AGENT_ENGINE_SCHEMA_VERSION(Derived, schema_version, 2)
AGENT_ENGINE_MIGRATION(Derived, 1, no_change)

struct Revised {
    unsigned revision = 2;
};
BOOST_DESCRIBE_STRUCT(Revised, (), (revision))
AGENT_ENGINE_SCHEMA_VERSION(Revised, revision, 2)
AGENT_ENGINE_MIGRATION(Revised, 1, no_change)
} // namespace version_members

BOOST_AUTO_TEST_CASE(a_document_of_every_version_reads_as_the_current_one)
{
    for (auto name : {"order-v1.json", "order-v2.json", "order-v3.json"}) {
        BOOST_TEST_CONTEXT(name)
        {
            auto r = read_every_way<orders::v3::Order>(fixture(name));
            BOOST_REQUIRE_MESSAGE(r, message_of(r));
            BOOST_TEST((r.value() == ada));
            // The next write is the current version, as version 3 wrote it.
            BOOST_TEST(to_json(r.value()) == fixture("order-v3.json"));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_older_binary_reads_what_it_knows_and_migrates_the_first_version)
{
    for (auto name : {"order-v1.json", "order-v2.json"}) {
        BOOST_TEST_CONTEXT(name)
        {
            auto r = read_every_way<orders::v2::Order>(fixture(name));
            BOOST_REQUIRE_MESSAGE(r, message_of(r));
            BOOST_TEST(to_json(r.value()) == fixture("order-v2.json"));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_document_newer_than_the_code_is_refused_naming_both_versions)
{
    auto r = read_every_way<orders::v2::Order>(fixture("order-v3.json"));
    BOOST_REQUIRE(!r);
    BOOST_TEST(r.error().error_id == "version_too_new");
    BOOST_TEST((r.error().code == EngineErrorCode::validation));
    BOOST_TEST(r.error().message ==
               "Order: the document is version 3 (schema_version), newer than this program, which reads versions 1 "
               "to 2; it is not read, so that nothing it holds is lost (read it with a newer program)");
    BOOST_TEST(r.error().details->at("version") == 3);
    BOOST_TEST(r.error().details->at("current_version") == 2);
    BOOST_TEST(test_support::compact(r.error().details->at("loc")) == R"(["schema_version"])");
    // Refused even when it would read cleanly as the older shape.
    auto clean = read_every_way<orders::v2::Order>(R"({"schema_version": 9, "client": "acme"})");
    BOOST_REQUIRE(!clean);
    BOOST_TEST(clean.error().error_id == "version_too_new");
}

BOOST_AUTO_TEST_CASE(an_inherited_or_unsigned_version_member_holds_the_version)
{
    static_assert(is_versioned_v<version_members::Derived> && is_versioned_v<version_members::Revised>);
    auto older = read_every_way<version_members::Derived>(R"({"name": "a"})");
    BOOST_REQUIRE_MESSAGE(older, message_of(older));
    BOOST_TEST(older.value().schema_version == 2);
    BOOST_TEST(to_json(older.value(), json_format::compact()) == R"({"schema_version":2,"name":"a"})");
    auto newer = read_every_way<version_members::Revised>(R"({"revision": 3})");
    BOOST_REQUIRE(!newer);
    BOOST_TEST(newer.error().error_id == "version_too_new");
}

BOOST_AUTO_TEST_CASE(a_failed_migration_names_its_step_and_location)
{
    auto count = read_every_way<orders::v3::Order>(R"({"customer": "acme", "quantity": "many"})");
    BOOST_REQUIRE(!count);
    BOOST_TEST(count.error().error_id == "migration_failed");
    BOOST_TEST(count.error().message ==
               "Order: cannot migrate the document from version 1 to 2 at quantity: 'many' is not a whole number");
    BOOST_TEST(count.error().details->at("from_version") == 1);
    BOOST_TEST(count.error().details->at("to_version") == 2);
    BOOST_TEST(test_support::compact(count.error().details->at("loc")) == R"(["quantity"])");

    // The first step works; the second fails: the step is the second.
    auto split = read_every_way<orders::v3::Order>(R"({"customer": "acme", "name": 42})");
    BOOST_REQUIRE(!split);
    BOOST_TEST(split.error().message ==
               "Order: cannot migrate the document from version 2 to 3 at name: a name to split should be a string");
    BOOST_TEST(split.error().details->at("from_version") == 2);
}

BOOST_AUTO_TEST_CASE(a_migrated_document_is_validated_as_the_current_version)
{
    auto r = read_every_way<orders::v3::Order>(R"({"name": "Ada Lovelace", "quantity": 2.5})");
    BOOST_REQUIRE(!r);
    // The input shown is the migrated document (boost::json::object::erase moves
    // the last key into the erased one's place).
    BOOST_TEST(r.error().message ==
               "2 validation errors for Order\n"
               "client\n"
               "  Field required [type=missing, input_value={'last_name': 'Lovelace',... 3, 'first_name': 'Ada'}, "
               "input_type=dict]\n"
               "quantity\n"
               "  Input should be a valid integer, got a number with a fractional part [type=int_from_float, "
               "input_value=2.5, input_type=float]\n"
               "(read as version 3 after migrating the document from version 1)");
    BOOST_TEST(r.error().details->at("migrated_from") == 1);
}

BOOST_AUTO_TEST_CASE(a_version_that_is_not_a_whole_number_from_1_is_an_error)
{
    // (a version read as its int member reads it: in lax mode "3" is 3, "three" is no version)
    for (auto text : {R"({"schema_version": "three", "client": "a"})", R"({"schema_version": 0, "client": "a"})",
                      R"({"schema_version": 2.5, "client": "a"})", R"({"schema_version": null, "client": "a"})"}) {
        BOOST_TEST_CONTEXT(text)
        {
            auto r = read_every_way<orders::v3::Order>(text);
            BOOST_REQUIRE(!r);
            BOOST_TEST(r.error().error_id == "version_type");
            BOOST_TEST(r.error().message.starts_with(
                "Order: the document's version (schema_version) should be a whole number from 1, not "));
        }
    }
    auto quoted = from_json<orders::v3::Order>(R"({"schema_version": "three"})");
    BOOST_REQUIRE(!quoted);
    BOOST_TEST(quoted.error().message ==
               "Order: the document's version (schema_version) should be a whole number from 1, not 'three'");
    BOOST_TEST(read_every_way<orders::v3::Order>(R"({"schema_version": "3", "client": "a"})").has_value());
}

BOOST_AUTO_TEST_CASE(a_version_is_read_as_its_member_is_on_every_path)
{
    // 2.0 and 3.0 are 2 and 3, as for any integer member, whether the text or the
    // DOM path reads the version.
    for (auto text : {R"({"schema_version": 2.0, "client": "acme", "name": "Ada Lovelace", "quantity": 3})",
                      R"({"schema_version": 3.0, "client": "acme", "first_name": "Ada", "last_name": "Lovelace",
                          "quantity": 3})"}) {
        BOOST_TEST_CONTEXT(text)
        {
            auto r = read_every_way<orders::v3::Order>(text);
            BOOST_REQUIRE_MESSAGE(r, message_of(r));
            BOOST_TEST(to_json(r.value()) == to_json(ada));
        }
    }
    // A version below 1 however it is stored (a DOM built in code may hold an unsigned 0).
    auto zero = document_version<orders::v3::Order>(boost::json::object{{"schema_version", 0u}});
    BOOST_REQUIRE(!zero);
    BOOST_TEST(zero.error().error_id == "version_type");
}

BOOST_AUTO_TEST_CASE(a_strict_read_reads_the_version_as_a_strict_int)
{
    // As an int member in strict mode (pydantic 2.13, strict=True: "2" and 2.0 are
    // int_type errors), a version given as a string or a float is no version,
    // whether the read (read_options::strict) or the schema (AGENT_ENGINE_STRICT) is strict.
    for (auto text : {R"({"schema_version": "2", "client": "acme", "name": "Ada Lovelace", "quantity": 3})",
                      R"({"schema_version": 2.0, "client": "acme", "name": "Ada Lovelace", "quantity": 3})",
                      R"({"schema_version": "3", "client": "acme", "first_name": "Ada", "last_name": "Lovelace"})"}) {
        BOOST_TEST_CONTEXT(text)
        {
            BOOST_TEST(read_every_way<orders::v3::Order>(text).has_value()); // lax: "2" is 2
            auto strict = read_every_way<orders::v3::Order>(text, {.strict = true});
            BOOST_REQUIRE(!strict);
            BOOST_TEST(strict.error().error_id == "version_type");
        }
    }
    for (auto text : {R"({"schema_version": "1", "client": "acme"})", R"({"schema_version": 1.0, "client": "acme"})",
                      R"({"schema_version": "2", "client": "acme"})"}) {
        BOOST_TEST_CONTEXT(text)
        {
            auto strict = read_every_way<strict_orders::Order>(text);
            BOOST_REQUIRE(!strict);
            BOOST_TEST(strict.error().error_id == "version_type");
        }
    }
    BOOST_TEST(read_every_way<strict_orders::Order>(R"({"schema_version": 1, "client": "acme"})").has_value());
}

BOOST_AUTO_TEST_CASE(the_version_written_is_the_current_one_whatever_the_member_holds)
{
    orders::v3::Order stale = ada;
    stale.schema_version = 2; // would make a reader run 2 -> 3 on a document of version 3's shape
    BOOST_TEST(to_dict(stale).at("schema_version") == 3);
    BOOST_TEST(to_json(stale) == to_json(ada));
    auto back = read_every_way<orders::v3::Order>(to_json(stale));
    BOOST_REQUIRE_MESSAGE(back, message_of(back));
    BOOST_TEST(back.value().last_name == "Lovelace");
}

// A versioned schema held in another is not migrated: read only at its current
// version, never as the current shape.
struct Batch {
    std::vector<orders::v3::Order> orders;
};
BOOST_DESCRIBE_STRUCT(Batch, (), (orders))

BOOST_AUTO_TEST_CASE(a_versioned_member_at_another_version_is_an_error_not_a_misread)
{
    auto current = read_every_way<Batch>(R"({"orders": [)" + to_json(ada) + "]}");
    BOOST_REQUIRE_MESSAGE(current, message_of(current));
    BOOST_TEST(current.value().orders.at(0).first_name == "Ada");

    for (auto order : {R"({"schema_version": 1, "customer": "acme", "name": "Ada Lovelace", "quantity": "3"})",
                       R"({"customer": "acme", "name": "Ada Lovelace", "quantity": "3"})"}) {
        BOOST_TEST_CONTEXT(order)
        {
            auto r = read_every_way<Batch>(std::string(R"({"orders": [)") + order + "]}");
            BOOST_REQUIRE(!r);
            // The version member is declared first, so its error comes first.
            auto const& e = r.error().details->at("errors").as_array().at(0).as_object();
            BOOST_TEST(e.at("type") == "version_mismatch");
            BOOST_TEST(e.at("loc") == boost::json::parse(R"(["orders", 0, "schema_version"])"));
            BOOST_TEST(e.at("msg").as_string().starts_with("Input should be version 3 of Order, not 1"));
        }
    }
}

BOOST_AUTO_TEST_CASE(rename_key_keeps_the_value_whatever_the_insertion_moves)
{
    boost::json::object doc;
    for (int i = 0; i < 40; ++i) // a full object, so that inserting reallocates
        doc.emplace("k" + std::to_string(i), std::string(100, static_cast<char>('a' + i % 26)));
    doc.reserve(doc.size()); // no spare room
    rename_key(doc, "k3", "renamed");
    BOOST_TEST(!doc.contains("k3"));
    BOOST_TEST(doc.at("renamed").as_string() == std::string(100, 'd').c_str());
    BOOST_TEST(doc.size() == 40u);
    rename_key(doc, "absent", "k0"); // nothing to rename: k0 kept
    BOOST_TEST(doc.at("k0").as_string() == std::string(100, 'a').c_str());
    rename_key(doc, "k1", "k2"); // over an existing key: its value replaced
    BOOST_TEST(doc.at("k2").as_string() == std::string(100, 'b').c_str());
    BOOST_TEST(doc.size() == 39u);
}

BOOST_AUTO_TEST_CASE(migrate_document_runs_the_chain_in_place)
{
    auto dom = parse_json(fixture("order-v1.json"));
    BOOST_REQUIRE(dom);
    auto from = migrate_document<orders::v3::Order>(dom.value().as_object());
    BOOST_REQUIRE_MESSAGE(from, message_of(from));
    BOOST_TEST(from.value() == 1);
    // Compared as values: a migration may leave the keys in any order.
    BOOST_TEST(dom.value() == boost::json::parse(R"({"client":"acme","first_name":"Ada","last_name":"Lovelace",)"
                                                 R"("quantity":3,"schema_version":3})"));
    // A current document: nothing to do.
    auto again = migrate_document<orders::v3::Order>(dom.value().as_object());
    BOOST_REQUIRE(again);
    BOOST_TEST(again.value() == 3);
    BOOST_TEST(document_version<orders::v3::Order>(boost::json::object{}).value() == 1);
    static_assert(current_version<orders::v3::Order>() == 3);
    static_assert(version_key<orders::v2::Order>() == "schema_version");
    static_assert(is_versioned_v<orders::v3::Order> && !is_versioned_v<Task>);
}

BOOST_AUTO_TEST_CASE(an_unversioned_schema_reads_as_before)
{
    // Task declares no version: no key is added, none is looked for; TaskSpec
    // keeps the key as one it does not describe, and writes it back as it was.
    auto r = from_json<TaskSpec>(R"({"task_spec_id": "s", "request": "r", "schema_version": 7})");
    BOOST_REQUIRE_MESSAGE(r, message_of(r));
    BOOST_TEST(r.value().extra.contains("schema_version"));
    BOOST_TEST(to_json(r.value(), json_format::compact()) ==
               R"({"task_spec_id":"s","request":"r","mode":"analysis_only","priority":"normal","hints":[],)"
               R"("files":[],"overrides":[],"metadata":{},"schema_version":7})");
}

BOOST_AUTO_TEST_CASE(json_schema_states_the_version)
{
    auto schema = json_schema<orders::v3::Order>();
    BOOST_TEST(schema.at("x-schema-version") == 3);
    auto const& member = schema.at("properties").at("schema_version");
    BOOST_TEST(member.at("const") == 3);
    BOOST_TEST(!member.as_object().contains("default")); // without the key, a document is version 1
    BOOST_TEST(!json_schema<TaskSpec>().as_object().contains("x-schema-version"));
}
