// bytes (std::vector<std::byte>), frozenset (agent_engine::frozen_set), strict
// sets and UUID versions (uuid_version), as pydantic 2.13.4 has them: the
// expected errors and schemas are what it printed for the python line in the
// comment beside each (python mode unless the comment says validate_json).
#define BOOST_TEST_MODULE core_binary_and_versions
#include "test_support.hpp"

#include <boost/uuid/uuid.hpp>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using test_support::check_round_trip;
using test_support::compact;
using test_support::errors_of;
using test_support::read;
using test_support::written;

namespace bv {

using bytes = std::vector<std::byte>;

bytes of(std::string_view s)
{
    auto const* p = reinterpret_cast<const std::byte*>(s.data());
    return bytes(p, p + s.size());
}

// pydantic:
//   class Blob(BaseModel):
//       data: bytes = b""
//       short: Annotated[bytes, Field(min_length=2, max_length=3)] = b"ab"
//       tags: frozenset[int] = frozenset()
//       run: UUID4 = UUID("00000000-0000-4000-8000-000000000000")
struct Blob {
    bytes data;
    bytes short_ = of("ab");
    agent_engine::frozen_set<int> tags;
    boost::uuids::uuid run{{0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 0}};
    bool operator==(const Blob&) const = default;
};
BOOST_DESCRIBE_STRUCT(Blob, (), (data, short_, tags, run))
AGENT_ENGINE_ALIAS(Blob, short_, "short")
AGENT_ENGINE_CONSTRAINTS(Blob, short_, min_length(2), max_length(3))
AGENT_ENGINE_CONSTRAINTS(Blob, run, uuid_version(4))

struct StrictBlob : Blob {};
BOOST_DESCRIBE_STRUCT(StrictBlob, (Blob), ())
AGENT_ENGINE_STRICT(StrictBlob)

struct Capped {
    std::set<int> ids;
};
BOOST_DESCRIBE_STRUCT(Capped, (), (ids))
AGENT_ENGINE_CONSTRAINTS(Capped, ids, max_length(1))

} // namespace bv

BOOST_AUTO_TEST_CASE(bytes_are_their_utf8_text)
{
    bv::Blob b;
    b.data = bv::of(std::string_view("a\0\"\xC3\xA9", 5));
    b.tags = {3, 1};
    check_round_trip(b, R"({"data":"a\u0000\"\u00e9","short":"ab","tags":[1,3],"run":"00000000-0000-4000-8000-000000000000"})");
}

BOOST_AUTO_TEST_CASE(bytes_that_are_no_utf8_are_written_with_replacement_characters)
{
    // pydantic's model_dump_json raises here; writing here cannot fail: U+FFFD per byte
    bv::Blob b;
    b.data = bv::of("\xFF" "a\xC3");
    BOOST_TEST(written(b).find(R"("data":"\ufffda\ufffd")") != std::string::npos);
    BOOST_TEST(agent_engine::to_dict(b).as_object().at("data") == "\xEF\xBF\xBD" "a\xEF\xBF\xBD");
}

BOOST_AUTO_TEST_CASE(bytes_errors_are_pydantics)
{
    // Blob.model_validate(json.loads('{"data":1}'))
    BOOST_TEST(errors_of<bv::Blob>(R"({"data":1})") ==
               R"([{"type":"bytes_type","loc":["data"],"msg":"Input should be a valid bytes","input":1}])");
    // Blob.model_validate(json.loads('{"short":"a"}'))
    BOOST_TEST(errors_of<bv::Blob>(R"({"short":"a"})") ==
               R"([{"type":"bytes_too_short","loc":["short"],"msg":"Data should have at least 2 bytes","input":"a",)"
               R"("ctx":{"min_length":2}}])");
    // Blob.model_validate(json.loads('{"short":"éé"}')): bytes, not characters
    BOOST_TEST(errors_of<bv::Blob>(R"({"short":"éé"})") ==
               R"([{"type":"bytes_too_long","loc":["short"],"msg":"Data should have at most 3 bytes","input":"\u00e9\u00e9",)"
               R"("ctx":{"max_length":3}}])");
    // strict: a str is no bytes in python mode, and is in json mode
    // StrictBlob.model_validate(json.loads('{"data":"x"}'))
    BOOST_TEST(errors_of<bv::StrictBlob>(R"({"data":"x"})", {.mode = agent_engine::input_mode::python}) ==
               R"([{"type":"bytes_type","loc":["data"],"msg":"Input should be a valid bytes","input":"x"}])");
    BOOST_TEST((agent_engine::from_json<bv::StrictBlob>(R"({"data":"x"})").value().data == bv::of("x")));
}

BOOST_AUTO_TEST_CASE(frozensets_have_their_own_errors)
{
    // Blob.model_validate(json.loads('{"tags":1}'))
    BOOST_TEST(errors_of<bv::Blob>(R"({"tags":1})") ==
               R"([{"type":"frozen_set_type","loc":["tags"],"msg":"Input should be a valid frozenset","input":1}])");
    // Blob.model_validate_json('{"tags":1}')
    BOOST_TEST(errors_of<bv::Blob>(R"({"tags":1})", {.mode = agent_engine::input_mode::json}) ==
               R"([{"type":"frozen_set_type","loc":["tags"],"msg":"Input should be a valid array","input":1}])");
    BOOST_TEST(agent_engine::rule_of<agent_engine::frozen_set<int>>::label() == "frozenset[int]");
}

BOOST_AUTO_TEST_CASE(a_strict_set_takes_no_list_in_python_mode)
{
    // class S(BaseModel, strict=True): tags: frozenset[int]; ids: set[int]
    // S.model_validate(json.loads('{"tags":[1,1]}'))
    BOOST_TEST(errors_of<bv::StrictBlob>(R"({"tags":[1,1]})", {.mode = agent_engine::input_mode::python}) ==
               R"([{"type":"frozen_set_type","loc":["tags"],"msg":"Input should be a valid frozenset","input":[1,1]}])");
    BOOST_TEST(errors_of<std::set<int>>("[1]", {.mode = agent_engine::input_mode::python, .strict = true}) ==
               R"([{"type":"set_type","loc":[],"msg":"Input should be a valid set","input":[1]}])");
    // S.model_validate_json('{"tags":[1,1]}') is valid: JSON's only set is an array
    auto from_json = agent_engine::from_json<bv::StrictBlob>(R"({"tags":[2,1,1]})");
    BOOST_REQUIRE(from_json.has_value());
    BOOST_TEST((from_json.value().tags == agent_engine::frozen_set<int>{1, 2}));
}

BOOST_AUTO_TEST_CASE(a_too_long_set_gives_no_count)
{
    // class Capped(BaseModel): ids: Annotated[set[int], Field(max_length=1)] = set()
    // Capped.model_validate(json.loads('{"ids":[1,2]}')): pydantic stops reading the set
    BOOST_TEST(errors_of<bv::Capped>(R"({"ids":[1,2]})") ==
               R"([{"type":"too_long","loc":["ids"],"msg":"Set should have at most 1 item after validation, not more",)"
               R"("input":[1,2],"ctx":{"field_type":"Set","max_length":1,"actual_length":null}}])");
}

BOOST_AUTO_TEST_CASE(uuid_version_is_checked_as_pydantic_checks_it)
{
    // Blob.model_validate(json.loads('{"run":"12345678-1234-1678-9234-567812345678"}'))
    BOOST_TEST(errors_of<bv::Blob>(R"({"run":"12345678-1234-1678-9234-567812345678"})") ==
               R"([{"type":"uuid_version","loc":["run"],"msg":"UUID version 4 expected",)"
               R"("input":"12345678-1234-1678-9234-567812345678","ctx":{"expected_version":4}}])");
    // version 4's digit, but not RFC 4122's variant: Python's UUID.version is None
    BOOST_TEST(errors_of<bv::Blob>(R"({"run":"12345678-1234-4678-0234-567812345678"})").find("uuid_version") !=
               std::string::npos);
    (void)read<bv::Blob>(R"({"run":"224cadd9-f70c-4e27-8288-5fa94df6618f"})");
}

BOOST_AUTO_TEST_CASE(schemas_are_pydantics)
{
    // Blob.model_json_schema()["properties"] (titles aside; int as C++'s int bounds it)
    auto properties = compact(agent_engine::json_schema<bv::Blob>().at("properties"));
    BOOST_TEST(properties ==
               R"({"data":{"type":"string","format":"binary","title":"Data","default":""},)"
               R"("short":{"type":"string","format":"binary","minLength":2,"maxLength":3,"title":"Short","default":"ab"},)"
               R"("tags":{"type":"array","items":{"type":"integer","minimum":-2147483648,"maximum":2147483647},)"
               R"("uniqueItems":true,"title":"Tags","default":[]},)"
               R"("run":{"type":"string","format":"uuid4","title":"Run","default":"00000000-0000-4000-8000-000000000000"}})");
}
