// One inheritance rule for every kind of declaration (doc/schemas.md,
// "Inheritance"), one test per row of its table, on a hierarchy C : B : A where
// each kind is declared on A, on B, or on both:
//   about a member, and FORBID_EXTRA  the nearest class that declares it counts
//   VALIDATOR                         every class's run, bases first, each once
//   TITLE, SCHEMA_DESCRIPTION         not inherited: they name their class
// A subclass that redefines a field replaces its Field(...) in pydantic too.
#define BOOST_TEST_MODULE core_inheritance
#include "test_support.hpp"

#include <optional>
#include <string>
#include <vector>

using test_support::errors_of;
using test_support::read;
using test_support::written;

namespace family {

// Which validators ran, in order, for the validator row.
inline std::vector<std::string> validator_log;

struct A {
    std::string id;      // REQUIRED on A
    std::string grand;   // REQUIRED and CONSTRAINTS on B only: a grandparent's member declared midway
    std::string label;   // ALIAS on A, again on B
    int n = 0;           // CONSTRAINTS on A, again on B
    std::string note;    // DESCRIPTION on A, again on B
    std::string comment; // DESCRIPTION on A only
};
BOOST_DESCRIBE_STRUCT(A, (), (id, grand, label, n, note, comment))
AGENT_ENGINE_REQUIRED(A, id)
AGENT_ENGINE_ALIAS(A, label, "label-a")
AGENT_ENGINE_CONSTRAINTS(A, n, ge(0))
AGENT_ENGINE_DESCRIPTION(A, note, "note of A")
AGENT_ENGINE_DESCRIPTION(A, comment, "comment of A")
AGENT_ENGINE_FORBID_EXTRA(A)
AGENT_ENGINE_TITLE(A, "Alpha")
AGENT_ENGINE_SCHEMA_DESCRIPTION(A, "The base")
inline std::optional<std::string> a_checks(const A& a)
{
    validator_log.push_back("A");
    return a.id == "bad-for-A" ? std::optional<std::string>("A refuses it") : std::nullopt;
}
AGENT_ENGINE_VALIDATOR(A, a_checks)

struct B : A {
    int b = 0;
};
BOOST_DESCRIBE_STRUCT(B, (A), (b))
AGENT_ENGINE_REQUIRED(B, grand)
AGENT_ENGINE_ALIAS(B, label, "label-b")
AGENT_ENGINE_CONSTRAINTS(B, n, le(10))
AGENT_ENGINE_CONSTRAINTS(B, grand, min_length(2))
AGENT_ENGINE_DESCRIPTION(B, note, "note of B")
inline std::optional<std::string> b_checks(const B&)
{
    validator_log.push_back("B");
    return std::nullopt;
}
AGENT_ENGINE_VALIDATOR(B, b_checks)

struct C : B {
    int c = 0;
};
BOOST_DESCRIBE_STRUCT(C, (B), (c))
inline std::optional<std::string> c_checks(const C&)
{
    validator_log.push_back("C");
    return std::nullopt;
}
AGENT_ENGINE_VALIDATOR(C, c_checks)

// Lists A's members itself instead of describing A as its base: A's
// declarations about them still count (the member's class is the last asked).
struct Flat : A {};
BOOST_DESCRIBE_STRUCT(Flat, (), (id, label, n))

} // namespace family

using family::A;
using family::B;
using family::C;

BOOST_AUTO_TEST_CASE(required_is_inherited_and_a_grandparents_member_may_be_required_midway)
{
    BOOST_TEST(errors_of<A>(R"({})") ==
               R"([{"type":"missing","loc":["id"],"msg":"Field required","input":{}}])");
    BOOST_TEST(errors_of<C>(R"({})") ==
               R"([{"type":"missing","loc":["id"],"msg":"Field required","input":{}},)"
               R"({"type":"missing","loc":["grand"],"msg":"Field required","input":{}}])");
    BOOST_TEST((agent_engine::is_required<C, &A::grand>()));
    BOOST_TEST(!(agent_engine::is_required<A, &A::grand>()));
}

BOOST_AUTO_TEST_CASE(an_alias_is_inherited_and_the_nearest_one_counts)
{
    A a;
    a.id = "i";
    a.label = "L";
    BOOST_TEST(written(a).find(R"("label-a":"L")") != std::string::npos);
    C c;
    c.id = "i";
    c.label = "L";
    BOOST_TEST(written(c).find(R"("label-b":"L")") != std::string::npos);
    BOOST_TEST(written(c).find("label-a") == std::string::npos);
    BOOST_TEST(read<C>(R"({"id":"i","grand":"gg","label-b":"from B"})").label == "from B");
}

BOOST_AUTO_TEST_CASE(constraints_are_inherited_and_the_nearest_declaration_replaces_a_bases)
{
    // A: n >= 0. B and C: n <= 10 only, as a pydantic subclass's Field replaces its parent's.
    BOOST_TEST(errors_of<A>(R"({"id":"i","n":-1})") ==
               R"([{"type":"greater_than_equal","loc":["n"],"msg":"Input should be greater than or equal to 0",)"
               R"("input":-1,"ctx":{"ge":0}}])");
    BOOST_TEST(read<C>(R"({"id":"i","grand":"gg","n":-1})").n == -1);
    BOOST_TEST(errors_of<C>(R"({"id":"i","grand":"gg","n":11})") ==
               R"([{"type":"less_than_equal","loc":["n"],"msg":"Input should be less than or equal to 10",)"
               R"("input":11,"ctx":{"le":10}}])");
    // Declared on B for A's member: checked for C, not for A.
    BOOST_TEST(errors_of<C>(R"({"id":"i","grand":"g"})") ==
               R"([{"type":"string_too_short","loc":["grand"],"msg":"String should have at least 2 characters",)"
               R"("input":"g","ctx":{"min_length":2}}])");
    BOOST_TEST(read<A>(R"({"id":"i","grand":"g"})").grand == "g");
}

BOOST_AUTO_TEST_CASE(descriptions_are_inherited_and_the_nearest_one_counts)
{
    auto c = agent_engine::json_schema<C>();
    BOOST_TEST(c.at("properties").at("note").at("description") == "note of B");
    BOOST_TEST(c.at("properties").at("comment").at("description") == "comment of A");
    auto a = agent_engine::json_schema<A>();
    BOOST_TEST(a.at("properties").at("note").at("description") == "note of A");
}

BOOST_AUTO_TEST_CASE(forbidding_extra_keys_is_inherited)
{
    BOOST_TEST(agent_engine::forbids_extra<C>());
    BOOST_TEST(errors_of<C>(R"({"id":"i","grand":"gg","bogus":1})") ==
               R"([{"type":"extra_forbidden","loc":["bogus"],"msg":"Extra inputs are not permitted","input":1}])");
}

BOOST_AUTO_TEST_CASE(every_classs_validators_run_bases_first_each_once)
{
    family::validator_log.clear();
    read<C>(R"({"id":"i","grand":"gg"})");
    // read<> reads twice (text and DOM); each read runs A, B, C once, in that order.
    BOOST_TEST(family::validator_log == (std::vector<std::string>{"A", "B", "C", "A", "B", "C"}),
               boost::test_tools::per_element());
    BOOST_TEST(errors_of<C>(R"({"id":"bad-for-A","grand":"gg"})") ==
               R"([{"type":"value_error","loc":[],"msg":"Value error, A refuses it",)"
               R"("input":{"id":"bad-for-A","grand":"gg"},"ctx":{"error":"A refuses it"}}])");
}

BOOST_AUTO_TEST_CASE(title_and_schema_description_name_their_own_class_only)
{
    BOOST_TEST(agent_engine::schema_title<A>() == "Alpha");
    BOOST_TEST(agent_engine::schema_title<C>() == "C");
    BOOST_TEST(agent_engine::schema_description<A>() == "The base");
    BOOST_TEST(agent_engine::schema_description<C>().empty());
    auto c = agent_engine::json_schema<C>();
    BOOST_TEST(c.at("title") == "C");
    BOOST_TEST(!c.as_object().contains("description"));
    BOOST_TEST(agent_engine::from_json<C>("[]").error().message.starts_with("1 validation error for C\n"));
}

BOOST_AUTO_TEST_CASE(a_schema_listing_a_bases_members_itself_gets_their_declarations)
{
    BOOST_TEST(errors_of<family::Flat>(R"({"label-a":"L","n":-1})") ==
               R"([{"type":"missing","loc":["id"],"msg":"Field required","input":{"label-a":"L","n":-1}},)"
               R"({"type":"greater_than_equal","loc":["n"],"msg":"Input should be greater than or equal to 0",)"
               R"("input":-1,"ctx":{"ge":0}}])");
}
