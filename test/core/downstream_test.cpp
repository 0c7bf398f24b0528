// What a downstream developer does: define a brand-new schema in a few lines
// (a base, a nested struct, an enum, a map, an alias, required fields, forbidden
// extras) and get round trips, Python's text and pydantic's errors for it; and
// map a type of their own onto a string. doc/schemas.md shows this code.
//
// Expected text and errors come from pydantic 2.13 on this mirror:
//   class Tier(str, Enum): free = 'free'; pro = 'pro'; enterprise = 'enterprise'
//   class Entity(BaseModel): id: str; created_at: Optional[str] = None
//   class Address(BaseModel): city: str; zip_code: str = Field("", alias="zip-code")
//   class Customer(Entity):
//       model_config = ConfigDict(extra='forbid')
//       name: str; tier: Tier; address: Address = Address(city="")
//       credits: Dict[str, int] = {}; tags: List[str] = []
#define BOOST_TEST_MODULE core_downstream
#include "test_support.hpp"

#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// ---- the schema, as doc/schemas.md shows it -------------------------------------
namespace shop {

enum class Tier { free, pro, enterprise };
BOOST_DESCRIBE_ENUM(Tier, free, pro, enterprise)

struct Entity {
    std::string id;
    std::optional<std::string> created_at;
};
BOOST_DESCRIBE_STRUCT(Entity, (), (id, created_at))
AGENT_ENGINE_REQUIRED(Entity, id)

struct Address {
    std::string city;
    std::string zip_code;
};
BOOST_DESCRIBE_STRUCT(Address, (), (city, zip_code))
AGENT_ENGINE_REQUIRED(Address, city)
AGENT_ENGINE_ALIAS(Address, zip_code, "zip-code")

struct Customer : Entity {
    std::string name;
    Tier tier = Tier::free;
    Address address;
    std::map<std::string, std::int64_t> credits;
    std::vector<std::string> tags;
};
BOOST_DESCRIBE_STRUCT(Customer, (Entity), (name, tier, address, credits, tags))
AGENT_ENGINE_REQUIRED(Customer, name, tier)
AGENT_ENGINE_FORBID_EXTRA(Customer)

} // namespace shop

// ---- a type of your own, written as a type the library handles ----------------------
namespace shop {

// Written as the string "major.minor".
struct Version {
    int major = 0;
    int minor = 0;
};

inline std::optional<Version> parse_version(std::string_view s)
{
    Version v;
    const char* end = s.data() + s.size();
    auto major = std::from_chars(s.data(), end, v.major);
    if (major.ec != std::errc() || major.ptr == end || *major.ptr != '.')
        return std::nullopt;
    auto minor = std::from_chars(major.ptr + 1, end, v.minor);
    if (minor.ec != std::errc() || minor.ptr != end)
        return std::nullopt;
    return v;
}

} // namespace shop

template <> struct agent_engine::representation<shop::Version> {
    static std::string to(const shop::Version& v) { return std::to_string(v.major) + "." + std::to_string(v.minor); }
    static agent_engine::converted<shop::Version> from(std::string_view s)
    {
        if (auto v = shop::parse_version(s))
            return *v;
        return agent_engine::invalid("version_format", "Input should be 'major.minor'");
    }
    static constexpr std::string_view title = "Version";
};

namespace shop {

struct Plugin {
    std::string name;
    Version version;
    std::vector<Version> compatible;
};
BOOST_DESCRIBE_STRUCT(Plugin, (), (name, version, compatible))

} // namespace shop

// ---- the tests ---------------------------------------------------------------------

namespace {

shop::Customer ada()
{
    shop::Customer c;
    c.id = "c1";
    c.name = "Ada";
    c.tier = shop::Tier::pro;
    c.address = {"Oslo", "0150"};
    c.credits = {{"eu", 10}, {"us", -3}};
    c.tags = {"vip"};
    return c;
}

} // namespace

// json.dumps(Customer.model_validate(...).model_dump(mode="json", by_alias=True), indent=2)
BOOST_AUTO_TEST_CASE(a_new_schema_writes_python_text_and_reads_it_back)
{
    constexpr std::string_view python = R"({
  "id": "c1",
  "created_at": null,
  "name": "Ada",
  "tier": "pro",
  "address": {
    "city": "Oslo",
    "zip-code": "0150"
  },
  "credits": {
    "eu": 10,
    "us": -3
  },
  "tags": [
    "vip"
  ]
})";
    BOOST_TEST(agent_engine::to_json(ada()) == python);
    BOOST_TEST(agent_engine::serialize(agent_engine::to_dict(ada())) == python);

    shop::Customer back = test_support::read<shop::Customer>(python);
    BOOST_TEST(back.id == "c1");
    BOOST_TEST(!back.created_at.has_value());
    BOOST_TEST(back.name == "Ada");
    BOOST_TEST((back.tier == shop::Tier::pro));
    BOOST_TEST(back.address.zip_code == "0150");
    BOOST_TEST(back.credits.at("us") == -3);
    BOOST_TEST(agent_engine::to_json(back) == python);
}

BOOST_AUTO_TEST_CASE(a_new_schema_gets_every_error_at_once)
{
    auto error = test_support::failure<shop::Customer>(
        R"({"tags": ["a", 7], "credits": {"eu": 10, "us": 2.5}, "address": {"zip_code": "1000"}, )"
        R"("tier": "gold", "nickname": "x", "id": "c1"})");
    BOOST_TEST(test_support::compact(error.details->at("errors")) ==
               R"([{"type":"missing","loc":["name"],"msg":"Field required","input":{"tags":["a",7],"credits":{"eu":10,"us":2.5},"address":{"zip_code":"1000"},"tier":"gold","nickname":"x","id":"c1"}},)"
               R"({"type":"enum","loc":["tier"],"msg":"Input should be 'free', 'pro' or 'enterprise'","input":"gold","ctx":{"expected":"'free', 'pro' or 'enterprise'"}},)"
               R"({"type":"missing","loc":["address","city"],"msg":"Field required","input":{"zip_code":"1000"}},)"
               R"({"type":"int_from_float","loc":["credits","us"],"msg":"Input should be a valid integer, got a number with a fractional part","input":2.5},)"
               R"({"type":"string_type","loc":["tags",1],"msg":"Input should be a valid string","input":7},)"
               R"({"type":"extra_forbidden","loc":["nickname"],"msg":"Extra inputs are not permitted","input":"x"}])");
    BOOST_TEST(error.message ==
               "6 validation errors for Customer\n"
               "name\n"
               "  Field required [type=missing, input_value={'tags': ['a', 7], 'credi...kname': 'x', 'id': 'c1'}, input_type=dict]\n"
               "tier\n"
               "  Input should be 'free', 'pro' or 'enterprise' [type=enum, input_value='gold', input_type=str]\n"
               "address.city\n"
               "  Field required [type=missing, input_value={'zip_code': '1000'}, input_type=dict]\n"
               "credits.us\n"
               "  Input should be a valid integer, got a number with a fractional part [type=int_from_float, input_value=2.5, input_type=float]\n"
               "tags.1\n"
               "  Input should be a valid string [type=string_type, input_value=7, input_type=int]\n"
               "nickname\n"
               "  Extra inputs are not permitted [type=extra_forbidden, input_value='x', input_type=str]");
}

BOOST_AUTO_TEST_CASE(a_custom_type_round_trips_and_reports_its_own_errors)
{
    shop::Plugin p{"lint", {2, 13}, {{1, 0}, {2, 0}}};
    BOOST_TEST(test_support::written(p) == R"({"name":"lint","version":"2.13","compatible":["1.0","2.0"]})");
    auto back = test_support::read<shop::Plugin>(agent_engine::to_json(p));
    BOOST_TEST(back.version.major == 2);
    BOOST_TEST(back.version.minor == 13);
    BOOST_TEST(back.compatible.size() == 2u);

    auto error = test_support::failure<shop::Plugin>(R"({"version": "2.x", "compatible": ["1.0", 3]})");
    BOOST_TEST(test_support::compact(error.details->at("errors")) ==
               R"([{"type":"version_format","loc":["version"],"msg":"Input should be 'major.minor'","input":"2.x"},)"
               R"({"type":"string_type","loc":["compatible",1],"msg":"Input should be a valid string","input":3}])");
    BOOST_TEST(error.message ==
               "2 validation errors for Plugin\n"
               "version\n"
               "  Input should be 'major.minor' [type=version_format, input_value='2.x', input_type=str]\n"
               "compatible.1\n"
               "  Input should be a valid string [type=string_type, input_value=3, input_type=int]");
    // its title names it inside containers
    BOOST_TEST(test_support::failure<std::vector<shop::Version>>("[1]").message ==
               "1 validation error for list[Version]\n"
               "0\n"
               "  Input should be a valid string [type=string_type, input_value=1, input_type=int]");
}

BOOST_AUTO_TEST_CASE(a_custom_type_gives_its_json_schema)
{
    BOOST_TEST(test_support::compact(agent_engine::json_schema<shop::Version>()) ==
               R"({"$schema":"https://json-schema.org/draft/2020-12/schema","type":"string","title":"Version"})");
}
