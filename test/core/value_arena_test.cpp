// json::value members read from text live in value_arenas: the values behave as
// any json::value (changed, copied, destroyed, on any thread), an arena holds a
// bounded span of values, and nothing read keeps the storage of a caller's DOM.
#define BOOST_TEST_MODULE value_arena
#include <boost/test/unit_test.hpp>

#include <agent_engine/agent_engine.hpp>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>

#include <thread>
#include <vector>

namespace {

struct Holder {
    std::string id;
    boost::json::value output;
    boost::json::object metadata;
    boost::json::array items;
};
BOOST_DESCRIBE_STRUCT(Holder, (), (id, output, metadata, items))

struct Many {
    std::vector<Holder> holders;
};
BOOST_DESCRIBE_STRUCT(Many, (), (holders))

const char* const sample = R"({"id": "h", "output": {"text": "a string longer than fourteen bytes", "n": [1, 2.5, null,
    {"deep": "another string longer than fourteen"}]}, "metadata": {"k": "a value long enough to allocate"},
    "items": ["one string long enough to allocate", {"x": 1}]})";

bool default_storage(const boost::json::storage_ptr& sp) { return sp.get() == boost::json::storage_ptr().get(); }

// Changes that allocate, replace and free, on a value and on a copy of it.
void churn(boost::json::value& v)
{
    auto& o = v.as_object();
    for (int i = 0; i < 200; ++i)
        o["key number " + std::to_string(i)] = std::string(40 + i % 7, 'x');
    for (int i = 0; i < 200; i += 2)
        o.erase("key number " + std::to_string(i));
    o["n"].as_array().push_back(boost::json::object{{"added", "a string longer than fourteen bytes"}});
    o["text"] = "replaced by another string longer than fourteen";
}

// `count` holders of the sample, written and read back.
Many read_many(int count)
{
    Many many;
    for (int i = 0; i < count; ++i) {
        Holder h = agent_engine::from_json<Holder>(sample).value();
        h.id = std::to_string(i);
        many.holders.push_back(std::move(h));
    }
    return agent_engine::from_json<Many>(agent_engine::to_json(many)).value();
}

// A holder read after 16 KiB of kept values, so in an arena.
Holder read_in_an_arena()
{
    Many many = read_many(100);
    BOOST_TEST_REQUIRE(!default_storage(many.holders.back().output.storage()));
    return std::move(many.holders.back());
}

} // namespace

// The first values a read keeps (16 KiB of text) use the default resource: for
// a small document, an arena's bookkeeping would cost more than it saves.
BOOST_AUTO_TEST_CASE(a_small_document_keeps_its_values_in_the_default_resource)
{
    Holder alone = agent_engine::from_json<Holder>(sample).value();
    BOOST_TEST(default_storage(alone.output.storage()));
    BOOST_TEST(default_storage(alone.metadata.storage()));
    Many many = read_many(100);
    BOOST_TEST(default_storage(many.holders.front().output.storage()));
    BOOST_TEST(!default_storage(many.holders.back().output.storage()));
}

BOOST_AUTO_TEST_CASE(values_read_from_text_change_like_any_value)
{
    Holder read = read_in_an_arena();
    boost::json::value plain(read.output, boost::json::storage_ptr()); // the same value, default storage
    BOOST_TEST_REQUIRE(default_storage(plain.storage()));
    churn(read.output);
    churn(plain);
    BOOST_TEST(read.output == plain);
    read.metadata["k"] = "changed, and long enough to allocate";
    read.items.emplace_back("appended, and long enough to allocate");
    BOOST_TEST(read.metadata == (boost::json::object{{"k", "changed, and long enough to allocate"}}));
    BOOST_TEST(read.items.size() == 3u);
}

// Copies share their original's arena (Boost.JSON copies take the storage), and
// each thread changes its own copy: after the read, the arena allocates through
// the default resource, so this is no data race (run under ASan/TSan to see).
BOOST_AUTO_TEST_CASE(copies_change_on_their_own_threads)
{
    Holder read = read_in_an_arena();
    std::vector<boost::json::value> copies(4, read.output);
    std::vector<std::thread> threads;
    for (auto& c : copies)
        threads.emplace_back([&c] { churn(c); });
    churn(read.output);
    for (auto& t : threads)
        t.join();
    for (auto const& c : copies)
        BOOST_TEST(c == read.output);
}

// One arena spans ~256 KiB of values at most: a value kept alone keeps little.
BOOST_AUTO_TEST_CASE(an_arena_spans_a_bounded_run_of_values)
{
    Many read = read_many(3000);
    BOOST_TEST_REQUIRE(read.holders.size() == 3000u);
    std::size_t arenas = 0;
    for (std::size_t i = 1; i < read.holders.size(); ++i)
        arenas += read.holders[i].output.storage().get() != read.holders[i - 1].output.storage().get();
    BOOST_TEST(arenas > 2u);   // not one arena for everything
    BOOST_TEST(arenas < 300u); // nor (nearly) one per value
    // late neighbours share one
    BOOST_TEST(read.holders[2998].output.storage().get() == read.holders[2999].output.storage().get());
}

// Read from a DOM, values are copied with the default resource: nothing keeps a
// caller's storage, which may be gone by the time the result is used.
BOOST_AUTO_TEST_CASE(values_read_from_a_dom_do_not_keep_its_storage)
{
    std::optional<agent_engine::Result<Holder>> good, bad;
    {
        boost::json::monotonic_resource mr;
        boost::json::value input = boost::json::parse(sample, &mr);
        good = agent_engine::from_dict<Holder>(input);
        input.as_object()["metadata"] = boost::json::array{"not a dictionary, and long enough to allocate"};
        bad = agent_engine::from_dict<Holder>(input);
    } // mr is gone
    BOOST_TEST_REQUIRE(good->has_value());
    BOOST_TEST(default_storage(good->value().output.storage()));
    auto from_text = agent_engine::from_json<Holder>(sample);
    BOOST_TEST(agent_engine::to_json(good->value()) == agent_engine::to_json(from_text.value()));
    BOOST_TEST_REQUIRE(!bad->has_value());
    std::string errors = agent_engine::serialize(bad->error().details->at("errors"));
    BOOST_TEST(errors.find("not a dictionary") != std::string::npos);
}

// One large value fills its arena with blocks that grow with it (a quarter of
// what the arena holds), not with thousands of 64 KiB ones that every free of a
// changed value would look through.
BOOST_AUTO_TEST_CASE(a_large_value_takes_a_few_growing_blocks)
{
    agent_engine::detail::value_arena* arena = nullptr;
    boost::json::storage_ptr sp = boost::json::make_shared_resource<agent_engine::detail::value_arena>(1024, arena);
    for (int i = 0; i < 200000; ++i)
        sp->allocate(64, 8);
    BOOST_TEST(arena->size() >= 200000u * 64);
    BOOST_TEST(arena->next_block_size() >= arena->size() / 4);
}
