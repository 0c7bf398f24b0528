// heap_optional: std::optional's behaviour with the value on the heap, and the
// same JSON rule, constraints and schema as std::optional.
#define BOOST_TEST_MODULE core_heap_optional
#include "test_support.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

using agent_engine::heap_optional;
using test_support::compact;
using test_support::read;
using test_support::written;

namespace heap_optional_test {
struct Note {
    std::string text;
    int weight = 1;
};
BOOST_DESCRIBE_STRUCT(Note, (), (text, weight))
AGENT_ENGINE_REQUIRED(Note, text)

struct Holder {
    heap_optional<Note> note;
    heap_optional<std::string> tag;
    std::optional<std::string> same_tag; // the std::optional it must match
};
BOOST_DESCRIBE_STRUCT(Holder, (), (note, tag, same_tag))
AGENT_ENGINE_CONSTRAINTS(Holder, tag, agent_engine::constraints::min_length(2))
AGENT_ENGINE_CONSTRAINTS(Holder, same_tag, agent_engine::constraints::min_length(2))
} // namespace heap_optional_test
using heap_optional_test::Holder;
using heap_optional_test::Note;

BOOST_AUTO_TEST_CASE(empty_costs_a_pointer)
{
    static_assert(sizeof(heap_optional<agent_engine::EngineError>) == sizeof(void*));
    heap_optional<Note> n;
    BOOST_TEST(!n);
    BOOST_TEST(!n.has_value());
    BOOST_TEST((n == std::nullopt));
    BOOST_CHECK_THROW(n.value(), std::bad_optional_access);
    BOOST_TEST(n.value_or(Note{"fallback", 2}).text == "fallback");
}

BOOST_AUTO_TEST_CASE(copies_are_deep_moves_leave_the_source_empty)
{
    heap_optional<Note> a = Note{"first", 3};
    heap_optional<Note> b = a;
    b->text = "second";
    BOOST_TEST(a->text == "first");
    BOOST_TEST(b.value().text == "second");

    const Note* storage = &*b;
    b = Note{"third", 4}; // assigning a value reuses the allocation
    BOOST_TEST(&*b == storage);
    BOOST_TEST((*b).weight == 4);

    heap_optional<Note> c = std::move(b);
    BOOST_TEST(!b);
    BOOST_TEST(c->text == "third");
    c = std::nullopt;
    BOOST_TEST(!c);
    c.emplace().text = "made in place";
    BOOST_TEST(c->weight == 1);
    a = c;
    BOOST_TEST(a->text == "made in place");
    a = heap_optional<Note>();
    BOOST_TEST(!a);
}

BOOST_AUTO_TEST_CASE(used_where_std_optional_was)
{
    // `= {}` empties, as it does a std::optional
    heap_optional<int> number = 5;
    number = {};
    BOOST_TEST(!number);
    heap_optional<Note> note = Note{"n", 1};
    note = {};
    BOOST_TEST(!note);
    heap_optional<std::string> text = "converted from a literal";
    BOOST_TEST(*text == "converted from a literal");

    // to and from std::optional
    std::optional<Note> plain = Note{"plain", 2};
    note = plain;
    BOOST_TEST(note->text == "plain");
    std::optional<Note> back = note;
    BOOST_TEST(back->weight == 2);
    std::optional<Note> none = heap_optional<Note>();
    BOOST_TEST(!none);
    heap_optional<Note> from_empty = std::optional<Note>();
    BOOST_TEST(!from_empty);

    // rvalue access moves the value out
    heap_optional<std::string> owner = std::string(100, 'x');
    std::string taken = std::move(owner).value();
    BOOST_TEST(taken.size() == 100u);
    BOOST_TEST(owner.has_value()); // its value moved from, still engaged (as std::optional)

    heap_optional<std::vector<int>> list(std::in_place, 3, 7);
    BOOST_TEST(list->size() == 3u);
    list.emplace({1, 2});
    BOOST_TEST(list->size() == 2u);
}

// Equality exists exactly when the value has it, as for std::optional.
static_assert(std::equality_comparable<heap_optional<std::string>>);
static_assert(!std::equality_comparable<heap_optional<Note>>);
static_assert(std::equality_comparable<heap_optional<Note>> == std::equality_comparable<std::optional<Note>>);

BOOST_AUTO_TEST_CASE(equality_compares_values)
{
    heap_optional<std::string> a = std::string("x"), b = std::string("x"), empty;
    BOOST_TEST((a == b));
    *b = "y";
    BOOST_TEST(!(a == b));
    BOOST_TEST(!(a == empty));
    BOOST_TEST((empty == heap_optional<std::string>()));
    // against std::optional, both ways round, empty or not
    std::optional<std::string> plain;
    BOOST_TEST((empty == plain));
    BOOST_TEST((plain == empty));
    BOOST_TEST(!(a == plain));
    plain = "x";
    BOOST_TEST((a == plain));
    BOOST_TEST((plain == a));
    BOOST_TEST((plain != b));
}

// No comparison with a bare value: std::optional's own `optional == value` would
// then take `std::optional == heap_optional` and answer it wrongly.
static_assert(!std::equality_comparable_with<heap_optional<int>, int>);

namespace heap_optional_test {
struct Tree { // a type that holds itself: what a box is for
    int value = 0;
    heap_optional<Tree> left;
};
} // namespace heap_optional_test

BOOST_AUTO_TEST_CASE(a_type_can_hold_itself)
{
    heap_optional_test::Tree t;
    t.left.emplace().left.emplace().value = 3;
    heap_optional_test::Tree copy = t;
    t.left->left->value = 4;
    BOOST_TEST(copy.left->left->value == 3);
    BOOST_TEST(!copy.left->left->left);
}

BOOST_AUTO_TEST_CASE(reads_and_writes_as_value_or_null)
{
    Holder h;
    BOOST_TEST(written(h) == R"({"note":null,"tag":null,"same_tag":null})");
    h.note = Note{"hi", 2};
    h.tag = std::string("ab");
    BOOST_TEST(written(h) == R"({"note":{"text":"hi","weight":2},"tag":"ab","same_tag":null})");

    Holder back = read<Holder>(R"({"note": {"text": "hi"}, "tag": "ab"})");
    BOOST_REQUIRE(back.note);
    BOOST_TEST(back.note->text == "hi");
    BOOST_TEST(back.note->weight == 1); // a value read from input starts from its defaults
    BOOST_TEST(*back.tag == "ab");
    BOOST_TEST(!read<Holder>(R"({"note": null})").note);
}

BOOST_AUTO_TEST_CASE(errors_constraints_and_schema_match_std_optional)
{
    auto e = test_support::failure<Holder>(R"({"note": {"weight": "x"}, "tag": "a", "same_tag": "a"})");
    auto const& errors = e.details->at("errors").as_array();
    BOOST_REQUIRE_EQUAL(errors.size(), 4u);
    BOOST_TEST(compact(errors[0].at("loc")) == R"(["note","text"])");
    BOOST_TEST(compact(errors[1].at("loc")) == R"(["note","weight"])");
    // the constraint applies to the contained value, with the same error as std::optional's
    BOOST_TEST(compact(errors[2].at("loc")) == R"(["tag"])");
    BOOST_TEST(errors[2].at("type") == errors[3].at("type"));
    BOOST_TEST(errors[2].at("msg") == errors[3].at("msg"));

    auto schema = agent_engine::json_schema<Holder>();
    auto const& props = schema.at("properties").as_object();
    auto tag = props.at("tag").as_object();
    auto same_tag = props.at("same_tag").as_object();
    tag.erase("title");
    same_tag.erase("title");
    BOOST_TEST(compact(tag) == compact(same_tag));
}
