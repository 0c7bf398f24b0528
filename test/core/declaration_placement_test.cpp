// Declarations work where they are written beside a schema: in the namespace of
// its type, as BOOST_DESCRIBE_STRUCT, or in the global namespace (a file of
// registrations for types declared elsewhere, say). Anywhere else they stop the
// build (compile_fail/declaration_outside_its_namespace.cpp); before, they were
// ignored without a word.
#define BOOST_TEST_MODULE core_declaration_placement
#include "test_support.hpp"

#include <optional>
#include <string>

using test_support::errors_of;
using test_support::read;
using test_support::written;

namespace app {

struct Address {
    std::string name;
    std::string zip;
    int n = 0;
};
BOOST_DESCRIBE_STRUCT(Address, (), (name, zip, n))

inline std::optional<std::string> name_differs_from_zip(const Address& a)
{
    if (a.name == a.zip)
        return "name equals zip";
    return std::nullopt;
}

// Declared in its own namespace, deriving from a type declared globally.
struct Shipping : Address {
    int weight = 0;
};
BOOST_DESCRIBE_STRUCT(Shipping, (Address), (weight))
AGENT_ENGINE_REQUIRED(Shipping, weight)

} // namespace app

// Every declaration about app::Address, in the global namespace.
AGENT_ENGINE_REQUIRED(app::Address, name)
AGENT_ENGINE_FORBID_EXTRA(app::Address)
AGENT_ENGINE_STRICT(app::Address)
AGENT_ENGINE_ALIAS(app::Address, zip, "zip-code")
AGENT_ENGINE_CONSTRAINTS(app::Address, n, ge(0))
AGENT_ENGINE_DESCRIPTION(app::Address, n, "How many")
AGENT_ENGINE_SCHEMA_DESCRIPTION(app::Address, "Where to ship")
AGENT_ENGINE_VALIDATOR(app::Address, app::name_differs_from_zip)

static_assert(agent_engine::is_required<app::Address, &app::Address::name>());
static_assert(agent_engine::forbids_extra<app::Address>());
static_assert(agent_engine::is_strict<app::Address>() && agent_engine::is_strict<app::Shipping>());
static_assert(agent_engine::member_description<app::Address, &app::Address::n>() == "How many");
static_assert(agent_engine::schema_description<app::Address>() == "Where to ship");

BOOST_AUTO_TEST_CASE(global_declarations_apply_to_a_type_of_another_namespace)
{
    BOOST_TEST(errors_of<app::Address>(R"({"bogus": 2, "n": -1})") ==
               R"([{"type":"missing","loc":["name"],"msg":"Field required","input":{"bogus":2,"n":-1}},)"
               R"({"type":"greater_than_equal","loc":["n"],"msg":"Input should be greater than or equal to 0",)"
               R"("input":-1,"ctx":{"ge":0}},)"
               R"({"type":"extra_forbidden","loc":["bogus"],"msg":"Extra inputs are not permitted","input":2}])");
    BOOST_TEST(errors_of<app::Address>(R"({"name": "Ada", "n": "2"})") ==
               R"([{"type":"int_type","loc":["n"],"msg":"Input should be a valid integer","input":"2"}])");
    BOOST_TEST(errors_of<app::Address>(R"({"name": "x", "zip-code": "x"})") ==
               R"([{"type":"value_error","loc":[],"msg":"Value error, name equals zip",)"
               R"("input":{"name":"x","zip-code":"x"},"ctx":{"error":"name equals zip"}}])");
    auto a = read<app::Address>(R"({"name": "Ada", "zip-code": "0150", "n": 2})");
    BOOST_TEST(a.zip == "0150");
    BOOST_TEST(written(a) == R"({"name":"Ada","zip-code":"0150","n":2})");
}

BOOST_AUTO_TEST_CASE(global_declarations_shape_the_json_schema)
{
    auto schema = agent_engine::json_schema<app::Address>();
    BOOST_TEST(test_support::compact(schema.at("description")) == R"("Where to ship")");
    BOOST_TEST(test_support::compact(schema.at("required")) == R"(["name"])");
    BOOST_TEST(test_support::compact(schema.at("additionalProperties")) == "false");
    BOOST_TEST(test_support::compact(schema.at("properties").at("n")) ==
               R"({"type":"integer","minimum":0,"maximum":2147483647,"title":"N","description":"How many","default":0})");
    BOOST_TEST(schema.at("properties").as_object().contains("zip-code"));
}

BOOST_AUTO_TEST_CASE(a_derived_type_inherits_declarations_made_in_the_global_namespace)
{
    BOOST_TEST(errors_of<app::Shipping>(R"({"zip-code": "1", "extra": 0})") ==
               R"([{"type":"missing","loc":["name"],"msg":"Field required","input":{"zip-code":"1","extra":0}},)"
               R"({"type":"missing","loc":["weight"],"msg":"Field required","input":{"zip-code":"1","extra":0}},)"
               R"({"type":"extra_forbidden","loc":["extra"],"msg":"Extra inputs are not permitted","input":0}])");
    auto s = read<app::Shipping>(R"({"name": "Ada", "zip-code": "0150", "weight": 3})");
    BOOST_TEST(written(s) == R"({"name":"Ada","zip-code":"0150","n":0,"weight":3})");
}
