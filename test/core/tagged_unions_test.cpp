#define BOOST_TEST_MODULE core_tagged_unions
#include <boost/test/unit_test.hpp>

// Tagged unions: discriminator<"pet_type">() on a std::variant of schemas, as
// pydantic's Field(discriminator="pet_type"). Every expectation was produced by
// pydantic 2.13 for these models:
//
//   class Cat(BaseModel):
//       pet_type: Literal['cat']
//       meows: int
//   class Dog(BaseModel):
//       pet_type: Literal['dog', 'puppy']
//       barks: float = 0
//   class Owner(BaseModel):
//       pet: Union[Cat, Dog] = Field(discriminator='pet_type')
//       spare: Optional[Union[Cat, Dog]] = Field(default=None, discriminator='pet_type')

#include <agent_engine/agent_engine.hpp>

#include "test_support.hpp"

#include <optional>
#include <string>
#include <variant>

using test_support::compact;
using test_support::errors_of;
using test_support::failure;
using test_support::read;
using test_support::written;

namespace tagged {

struct Cat {
    std::string pet_type = "cat";
    std::int64_t meows = 0;
};
BOOST_DESCRIBE_STRUCT(Cat, (), (pet_type, meows))
AGENT_ENGINE_REQUIRED(Cat, pet_type, meows)
AGENT_ENGINE_CONSTRAINTS(Cat, pet_type, one_of("cat"))

struct Dog {
    std::string pet_type = "dog";
    double barks = 0;
};
BOOST_DESCRIBE_STRUCT(Dog, (), (pet_type, barks))
AGENT_ENGINE_REQUIRED(Dog, pet_type)
AGENT_ENGINE_CONSTRAINTS(Dog, pet_type, one_of("dog", "puppy"))

struct Owner {
    std::variant<Cat, Dog> pet;
    std::optional<std::variant<Cat, Dog>> spare;
};
BOOST_DESCRIBE_STRUCT(Owner, (), (pet, spare))
AGENT_ENGINE_REQUIRED(Owner, pet)
AGENT_ENGINE_CONSTRAINTS(Owner, pet, discriminator<"pet_type">())
AGENT_ENGINE_CONSTRAINTS(Owner, spare, discriminator<"pet_type">())

} // namespace tagged

using tagged::Owner;

BOOST_AUTO_TEST_CASE(the_tag_picks_the_alternative)
{
    Owner o = read<Owner>(R"({"pet":{"pet_type":"puppy"}})");
    BOOST_REQUIRE(o.pet.index() == 1u);
    BOOST_TEST(std::get<1>(o.pet).pet_type == "puppy");
    BOOST_TEST(written(o) == R"({"pet":{"pet_type":"puppy","barks":0.0},"spare":null})");
    // the tag may come last; a Dog's members in a Cat's input would not matter
    o = read<Owner>(R"({"pet":{"meows":3,"pet_type":"cat"},"spare":{"barks":1,"pet_type":"dog"}})");
    BOOST_TEST(written(o) == R"({"pet":{"pet_type":"cat","meows":3},"spare":{"pet_type":"dog","barks":1.0}})");
}

BOOST_AUTO_TEST_CASE(errors_are_located_under_the_tag)
{
    auto e = failure<Owner>(R"({"pet":{"pet_type":"cat","meows":"x"}})");
    BOOST_TEST(compact(e.details->at("errors")) ==
               R"([{"type":"int_parsing","loc":["pet","cat","meows"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"}])");
    BOOST_TEST(e.message == "1 validation error for Owner\npet.cat.meows\n  Input should be a valid integer, unable to "
                            "parse string as an integer [type=int_parsing, input_value='x', input_type=str]");
}

BOOST_AUTO_TEST_CASE(a_missing_tag_is_union_tag_not_found)
{
    auto e = failure<Owner>(R"({"pet":{"meows":1}})");
    BOOST_TEST(compact(e.details->at("errors")) ==
               R"([{"type":"union_tag_not_found","loc":["pet"],"msg":"Unable to extract tag using discriminator 'pet_type'","input":{"meows":1},"ctx":{"discriminator":"'pet_type'"}}])");
    BOOST_TEST(e.message == "1 validation error for Owner\npet\n  Unable to extract tag using discriminator 'pet_type' "
                            "[type=union_tag_not_found, input_value={'meows': 1}, input_type=dict]");
}

BOOST_AUTO_TEST_CASE(another_tag_is_union_tag_invalid)
{
    BOOST_TEST(errors_of<Owner>(R"({"pet":{"pet_type":"fish"}})") ==
               R"([{"type":"union_tag_invalid","loc":["pet"],"msg":"Input tag 'fish' found using 'pet_type' does not match any of the expected tags: 'cat', 'dog', 'puppy'","input":{"pet_type":"fish"},"ctx":{"discriminator":"'pet_type'","tag":"fish","expected_tags":"'cat', 'dog', 'puppy'"}}])");
    // a tag of another JSON type is shown as Python's str() shows it
    BOOST_TEST(errors_of<Owner>(R"({"pet":{"pet_type":5}})") ==
               R"([{"type":"union_tag_invalid","loc":["pet"],"msg":"Input tag '5' found using 'pet_type' does not match any of the expected tags: 'cat', 'dog', 'puppy'","input":{"pet_type":5},"ctx":{"discriminator":"'pet_type'","tag":"5","expected_tags":"'cat', 'dog', 'puppy'"}}])");
    BOOST_TEST(errors_of<Owner>(R"({"pet":{"pet_type":"cat","meows":1},"spare":{"pet_type":null}})") ==
               R"([{"type":"union_tag_invalid","loc":["spare"],"msg":"Input tag 'None' found using 'pet_type' does not match any of the expected tags: 'cat', 'dog', 'puppy'","input":{"pet_type":null},"ctx":{"discriminator":"'pet_type'","tag":"None","expected_tags":"'cat', 'dog', 'puppy'"}}])");
}

BOOST_AUTO_TEST_CASE(input_that_is_no_object_is_refused_in_each_mode_s_words)
{
    BOOST_TEST(errors_of<Owner>(R"({"pet":5})", {.mode = agent_engine::input_mode::python}) ==
               R"([{"type":"model_attributes_type","loc":["pet"],"msg":"Input should be a valid dictionary or object to extract fields from","input":5}])");
    BOOST_TEST(errors_of<Owner>(R"({"pet":[]})", {.mode = agent_engine::input_mode::json}) ==
               R"([{"type":"dict_type","loc":["pet"],"msg":"Input should be an object","input":[]}])");
    // null is no pet; for the optional spare it is none
    BOOST_TEST(errors_of<Owner>(R"({"pet":null})", {.mode = agent_engine::input_mode::json}) ==
               R"([{"type":"dict_type","loc":["pet"],"msg":"Input should be an object","input":null}])");
    BOOST_TEST(!read<Owner>(R"({"pet":{"pet_type":"cat","meows":1},"spare":null})").spare.has_value());
}

BOOST_AUTO_TEST_CASE(json_schema_is_one_of_with_a_discriminator)
{
    auto schema = agent_engine::json_schema<Owner>();
    auto const& properties = schema.at("properties").as_object();
    BOOST_TEST(compact(properties.at("pet")) ==
               R"({"discriminator":{"mapping":{"cat":"#/$defs/Cat","dog":"#/$defs/Dog","puppy":"#/$defs/Dog"},"propertyName":"pet_type"},)"
               R"("oneOf":[{"$ref":"#/$defs/Cat"},{"$ref":"#/$defs/Dog"}],"title":"Pet"})");
    BOOST_TEST(compact(properties.at("spare").at("anyOf").at(0)) ==
               R"({"discriminator":{"mapping":{"cat":"#/$defs/Cat","dog":"#/$defs/Dog","puppy":"#/$defs/Dog"},"propertyName":"pet_type"},)"
               R"("oneOf":[{"$ref":"#/$defs/Cat"},{"$ref":"#/$defs/Dog"}]})");
    BOOST_TEST(schema.at("$defs").at("Dog").at("properties").at("pet_type") ==
               boost::json::parse(R"({"enum":["dog","puppy"],"title":"Pet Type","type":"string"})"));
}
