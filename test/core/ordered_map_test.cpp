// ordered_map: a dict's semantics (insertion order, last assignment keeps the
// place) over an index that must stay right through growth, erasure and copies.
#define BOOST_TEST_MODULE core_ordered_map
#include "test_support.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

using agent_engine::ordered_map;

namespace {

std::vector<std::string> keys_of(const ordered_map<std::string, int>& m)
{
    std::vector<std::string> keys;
    for (auto const& [k, v] : m)
        keys.push_back(k);
    return keys;
}

// Every key of `expected` is found with its value, and nothing else is.
void check_lookups(const ordered_map<std::string, int>& m, const std::map<std::string, int>& expected)
{
    BOOST_TEST(m.size() == expected.size());
    for (auto const& [k, v] : expected) {
        auto it = m.find(k);
        BOOST_REQUIRE_MESSAGE(it != m.end(), "missing " << k);
        BOOST_TEST(it->first == k);
        BOOST_TEST(it->second == v);
    }
    BOOST_TEST(!m.contains("absent"));
    BOOST_TEST((m.find("absent") == m.end()));
}

} // namespace

BOOST_AUTO_TEST_CASE(empty_map_finds_nothing)
{
    const ordered_map<std::string, int> m;
    BOOST_TEST(m.empty());
    BOOST_TEST((m.find("a") == m.end()));
    BOOST_TEST(!m.contains(""));
}

BOOST_AUTO_TEST_CASE(iterates_in_insertion_order_and_reassignment_keeps_the_place)
{
    ordered_map<std::string, int> m{{"b", 1}, {"c", 2}, {"a", 3}};
    m["d"] = 4;
    auto [it, inserted] = m.insert_or_assign("c", 20);
    BOOST_TEST(!inserted);
    BOOST_TEST(it->second == 20);
    m["b"] += 10;
    BOOST_TEST(keys_of(m) == (std::vector<std::string>{"b", "c", "a", "d"}), boost::test_tools::per_element());
    check_lookups(m, {{"a", 3}, {"b", 11}, {"c", 20}, {"d", 4}});
}

BOOST_AUTO_TEST_CASE(thousands_of_keys_survive_every_growth_of_the_index)
{
    ordered_map<std::string, int> m;
    std::map<std::string, int> expected;
    for (int i = 0; i < 5000; ++i) {
        std::string key = "stage_" + std::to_string(i * 7919 % 5000);
        m[key] = i;
        expected[key] = i;
        if (i % 997 == 0)
            check_lookups(m, expected);
    }
    check_lookups(m, expected);
    BOOST_TEST(m.begin()->first == "stage_0");
    BOOST_TEST(std::next(m.begin())->first == "stage_2919");
}

BOOST_AUTO_TEST_CASE(erase_keeps_the_order_and_the_index_of_what_follows)
{
    ordered_map<std::string, int> m;
    std::map<std::string, int> expected;
    for (int i = 0; i < 100; ++i) {
        m["k" + std::to_string(i)] = i;
        expected["k" + std::to_string(i)] = i;
    }
    for (int i = 0; i < 100; i += 3) {
        BOOST_TEST(m.erase("k" + std::to_string(i)) == 1u);
        expected.erase("k" + std::to_string(i));
    }
    BOOST_TEST(m.erase("k0") == 0u);
    check_lookups(m, expected);
    BOOST_TEST(m.begin()->first == "k1");
    BOOST_TEST(std::next(m.begin(), 2)->first == "k4");
    m["k0"] = -1; // back, at the end
    BOOST_TEST(keys_of(m).back() == "k0");
    BOOST_TEST(m.find("k0")->second == -1);
}

BOOST_AUTO_TEST_CASE(copies_and_moves_keep_working_lookups)
{
    ordered_map<std::string, int> m;
    for (int i = 0; i < 40; ++i)
        m["key" + std::to_string(i)] = i;
    ordered_map<std::string, int> copy = m;
    copy["key3"] = 300;
    BOOST_TEST(m.find("key3")->second == 3);
    BOOST_TEST(copy.find("key3")->second == 300);
    BOOST_TEST(!(copy == m));
    copy["key3"] = 3;
    BOOST_TEST((copy == m));

    ordered_map<std::string, int> moved = std::move(copy);
    BOOST_TEST(moved.find("key39")->second == 39);
    moved.clear();
    BOOST_TEST(moved.empty());
    BOOST_TEST((moved.find("key1") == moved.end()));
    moved["again"] = 1;
    BOOST_TEST(moved.find("again")->second == 1);
}

BOOST_AUTO_TEST_CASE(reserve_then_insert)
{
    ordered_map<std::string, int> m;
    m["x"] = 1;
    m.reserve(1000);
    for (int i = 0; i < 1000; ++i)
        m["y" + std::to_string(i)] = i;
    BOOST_TEST(m.find("x")->second == 1);
    BOOST_TEST(m.find("y999")->second == 999);
    BOOST_TEST(m.size() == 1001u);
}

// Keys whose hashes collide are told apart by comparing them: every lookup,
// growth and erase still finds each one.
BOOST_AUTO_TEST_CASE(colliding_hashes_still_find_every_key)
{
    struct one_hash {
        std::size_t operator()(const std::string&) const noexcept { return 42; }
    };
    ordered_map<std::string, int, one_hash> m;
    for (int i = 0; i < 300; ++i)
        m["k" + std::to_string(i)] = i;
    for (int i = 0; i < 300; i += 2)
        BOOST_TEST(m.erase("k" + std::to_string(i)) == 1u);
    for (int i = 0; i < 300; ++i) {
        auto it = m.find("k" + std::to_string(i));
        if (i % 2)
            BOOST_TEST((it != m.end() && it->second == i), "k" << i);
        else
            BOOST_TEST((it == m.end()), "k" << i);
    }
    BOOST_TEST(m.size() == 150u);
    BOOST_TEST(m.begin()->first == "k1");
}

// Integer keys hash to themselves with std::hash: keys that differ only in high
// bits must still spread (and be found).
BOOST_AUTO_TEST_CASE(integer_keys_with_equal_low_bits)
{
    ordered_map<std::uint64_t, int> m;
    for (std::uint64_t i = 0; i < 2000; ++i)
        m[i << 32] = static_cast<int>(i);
    for (std::uint64_t i = 0; i < 2000; ++i)
        BOOST_TEST(m.find(i << 32)->second == static_cast<int>(i));
    BOOST_TEST(!m.contains(1));
}

namespace {

// std::hash, counting its calls.
struct counted_hash {
    static inline int calls = 0;
    std::size_t operator()(const std::string& k) const noexcept
    {
        ++calls;
        return std::hash<std::string>{}(k);
    }
};
using counted_map = ordered_map<std::string, int, counted_hash>;

// `m` holds `expected`, in its order, and finds each key.
void check_entries(const counted_map& m, const std::vector<std::pair<std::string, int>>& expected)
{
    BOOST_REQUIRE(m.size() == expected.size());
    std::size_t at = 0;
    for (auto const& [k, v] : m) {
        BOOST_TEST(k == expected[at].first);
        BOOST_TEST(v == expected[at].second);
        BOOST_TEST(m.find(k)->second == v);
        ++at;
    }
    BOOST_TEST(!m.contains("absent"));
}

} // namespace

// Up to 8 entries there is no index (no hashing, no allocation for it): a lookup
// compares keys in turn. Every operation must agree across the size where the
// index starts, and after erasing back below it.
BOOST_AUTO_TEST_CASE(small_maps_hash_nothing_and_agree_across_the_index_start)
{
    auto key = [](int i) { return "k" + std::to_string(i * 5 % 13); }; // 13 keys, not in order
    for (int n = 0; n <= 13; ++n) {
        for (std::size_t reserved : {0u, 4u, 9u}) {
            counted_hash::calls = 0;
            counted_map m;
            m.reserve(reserved);
            std::vector<std::pair<std::string, int>> expected;
            for (int i = 0; i < n; ++i) {
                m[key(i)] = i;
                expected.emplace_back(key(i), i);
                m.insert_or_assign(key(i / 2), -i); // an existing key keeps its place
                expected[static_cast<std::size_t>(i / 2)].second = -i;
            }
            BOOST_TEST((m.find("absent") == m.end()));
            BOOST_TEST((counted_hash::calls == 0) == (n <= 8 && reserved <= 8), n << " entries, " << reserved);
            check_entries(m, expected);
            counted_map copy = m;
            check_entries(copy, expected);
            // erase all but the last two, then grow past the start again
            for (int i = 0; i + 2 < n; ++i) {
                BOOST_TEST(m.erase(key(i)) == 1u);
                expected.erase(expected.begin());
            }
            BOOST_TEST(m.erase("absent") == 0u);
            check_entries(m, expected);
            for (int i = 0; i < 12; ++i) {
                m["again" + std::to_string(i)] = i;
                expected.emplace_back("again" + std::to_string(i), i);
            }
            check_entries(m, expected);
        }
    }
    // reserve beyond 8 indexes the entries there are
    counted_map m{{"a", 1}, {"b", 2}, {"c", 3}};
    counted_hash::calls = 0;
    m.reserve(9);
    BOOST_TEST(counted_hash::calls == 3);
    check_entries(m, {{"a", 1}, {"b", 2}, {"c", 3}});
    m["d"] = 4;
    check_entries(m, {{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}});
}
