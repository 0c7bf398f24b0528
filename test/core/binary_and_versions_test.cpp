// bytes (std::vector<std::byte>), Base64Bytes and Base64UrlBytes
// (agent_engine::base64_bytes, base64url_bytes), frozenset (agent_engine::frozen_set), strict
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

// pydantic:
//   class Encoded(BaseModel):
//       key: Base64Bytes = b""
//       token: Base64UrlBytes = b""
//       digest: Annotated[Base64Bytes, Field(min_length=2, max_length=3)] = b"ab"
//       raw: Annotated[bytes, Field(strict=True)] = b""
//       sealed: Annotated[Base64Bytes, Field(strict=True)] = b""
struct Encoded {
    agent_engine::base64_bytes key;
    agent_engine::base64url_bytes token;
    agent_engine::base64_bytes digest{std::byte{'a'}, std::byte{'b'}};
    bytes raw;
    agent_engine::base64_bytes sealed;
    bool operator==(const Encoded&) const = default;
};
BOOST_DESCRIBE_STRUCT(Encoded, (), (key, token, digest, raw, sealed))
AGENT_ENGINE_CONSTRAINTS(Encoded, digest, min_length(2), max_length(3))
AGENT_ENGINE_CONSTRAINTS(Encoded, raw, strict())
AGENT_ENGINE_CONSTRAINTS(Encoded, sealed, strict())

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

BOOST_AUTO_TEST_SUITE(base64)

BOOST_AUTO_TEST_CASE(written_padded_in_each_alphabet)
{
    // Encoded.model_validate({"key": "+/8=", "token": "-_8=", "digest": "YWI="}).model_dump_json()
    bv::Encoded e;
    e.key = {std::byte{0xFB}, std::byte{0xFF}};
    e.token = {std::byte{0xFB}, std::byte{0xFF}};
    BOOST_TEST(written(e) == R"({"key":"+/8=","token":"-_8=","digest":"YWI=","raw":"","sealed":""})");
    // read back from JSON (from_dict in python mode refuses the strict members' strings)
    BOOST_TEST((read<bv::Encoded>(written(e), {.mode = agent_engine::input_mode::json}) == e));
    // TypeAdapter(Base64Bytes).dump_json(b"a" * 60): no line breaks, unlike base64.encodebytes
    agent_engine::base64_bytes long_(60, std::byte{'a'});
    BOOST_TEST(written(long_) ==
               R"("YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFh")");
}

// Python's b64decode / urlsafe_b64decode, which pydantic calls (checked with
// Encoded.model_validate_json): characters outside the alphabet are skipped, a
// completed padding ends the text, spare bits are dropped; the url alphabet also
// reads '+' and '/', the standard one skips '-' and '_'.
BOOST_AUTO_TEST_CASE(read_as_python_decodes)
{
    auto e = read<bv::Encoded>(R"({"key": "YW Jj\n", "token": "+/8="})");
    BOOST_TEST((e.key == agent_engine::base64_bytes{std::byte{'a'}, std::byte{'b'}, std::byte{'c'}}));
    BOOST_TEST((e.token == agent_engine::base64url_bytes{std::byte{0xFB}, std::byte{0xFF}}));
    BOOST_TEST(read<bv::Encoded>(R"({"key": "YQ==YQ=="})").key.size() == 1u);
    BOOST_TEST(read<bv::Encoded>(R"({"key": "YWJj===="})").key.size() == 3u);
    BOOST_TEST((read<bv::Encoded>(R"({"key": "YR=="})").key == agent_engine::base64_bytes{std::byte{'a'}}));
    BOOST_TEST(read<bv::Encoded>(R"({"key": "!!!\u00fc"})").key.empty());
}

BOOST_AUTO_TEST_CASE(errors_are_pydantics)
{
    // Encoded.model_validate(json.loads(t)) for each t (model_validate_json says the same)
    BOOST_TEST(errors_of<bv::Encoded>(R"({"key": "YWJ"})") ==
               R"([{"type":"base64_decode","loc":["key"],"msg":"Base64 decoding error: 'Incorrect padding'",)"
               R"("input":"YWJ","ctx":{"error":"Incorrect padding"}}])");
    BOOST_TEST(errors_of<bv::Encoded>(R"({"key": "-_8="})") ==
               R"([{"type":"base64_decode","loc":["key"],"msg":"Base64 decoding error: 'Invalid base64-encoded string: )"
               R"(number of data characters (1) cannot be 1 more than a multiple of 4'","input":"-_8=",)"
               R"("ctx":{"error":"Invalid base64-encoded string: number of data characters (1) cannot be 1 more than a )"
               R"(multiple of 4"}}])");
    BOOST_TEST(errors_of<bv::Encoded>(R"({"token": "-_8"})") ==
               R"([{"type":"base64_decode","loc":["token"],"msg":"Base64 decoding error: 'Incorrect padding'",)"
               R"("input":"-_8","ctx":{"error":"Incorrect padding"}}])");
    BOOST_TEST(errors_of<bv::Encoded>(R"({"key": 1})") ==
               R"([{"type":"bytes_type","loc":["key"],"msg":"Input should be a valid bytes","input":1}])");
    // the decoded bytes are counted, as a Value's items
    BOOST_TEST(errors_of<bv::Encoded>(R"({"digest": "YQ=="})") ==
               R"([{"type":"too_short","loc":["digest"],"msg":"Value should have at least 2 items after validation, not 1",)"
               R"("input":"YQ==","ctx":{"field_type":"Value","min_length":2,"actual_length":1}}])");
    BOOST_TEST(errors_of<bv::Encoded>(R"({"digest": "YWJjZA=="})") ==
               R"([{"type":"too_long","loc":["digest"],"msg":"Value should have at most 3 items after validation, not 4",)"
               R"("input":"YWJjZA==","ctx":{"field_type":"Value","max_length":3,"actual_length":4}}])");
    BOOST_TEST(agent_engine::rule_of<agent_engine::base64url_bytes>::label() == "function-after[decode(), bytes]");
}

// strict() on bytes: Field(strict=True) refuses a str in python mode only, as a strict model does
BOOST_AUTO_TEST_CASE(strict_members_refuse_a_str_in_python_mode)
{
    // Encoded.model_validate(json.loads('{"raw": "x", "sealed": "YQ=="}'))
    BOOST_TEST(errors_of<bv::Encoded>(R"({"raw": "x", "sealed": "YQ==", "key": "YQ=="})",
                                      {.mode = agent_engine::input_mode::python}) ==
               R"([{"type":"bytes_type","loc":["raw"],"msg":"Input should be a valid bytes","input":"x"},)"
               R"({"type":"bytes_type","loc":["sealed"],"msg":"Input should be a valid bytes","input":"YQ=="}])");
    // Encoded.model_validate_json('{"raw": "x", "sealed": "YQ=="}') is valid
    auto e = read<bv::Encoded>(R"({"raw": "x", "sealed": "YQ=="})", {.mode = agent_engine::input_mode::json});
    BOOST_TEST((e.raw == bv::of("x")));
    BOOST_TEST((e.sealed == agent_engine::base64_bytes{std::byte{'a'}}));
}

BOOST_AUTO_TEST_CASE(schemas_are_pydantics)
{
    // Encoded.model_json_schema()["properties"] (titles aside), but for digest:
    // pydantic shows the default bytes' text ("ab"), not the base64 it writes
    // them as, and its byte counts as the text's minLength / maxLength (2, 3),
    // which "YWI=" exceeds; the library's schema is true of what it writes
    BOOST_TEST(compact(agent_engine::json_schema<bv::Encoded>().at("properties")) ==
               R"({"key":{"type":"string","format":"base64","title":"Key","default":""},)"
               R"("token":{"type":"string","format":"base64url","title":"Token","default":""},)"
               R"("digest":{"type":"string","format":"base64","minLength":4,"maxLength":4,"title":"Digest","default":"YWI="},)"
               R"("raw":{"type":"string","format":"binary","title":"Raw","default":""},)"
               R"("sealed":{"type":"string","format":"base64","title":"Sealed","default":""}})");
}

BOOST_AUTO_TEST_SUITE_END()
