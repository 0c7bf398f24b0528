// text_writer's memory: how many allocations a long text takes, and what an
// allocation that fails leaves behind. This binary replaces operator new to
// count allocations and to make the n-th one fail.
#define BOOST_TEST_MODULE core_text_writer
#include <boost/test/unit_test.hpp>

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/core/detail/json_scan.hpp>
#include <agent_engine/core/detail/python_number.hpp>
#include <agent_engine/core/detail/spare_chunks.hpp>

#include <boost/json/parse.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {
long allocations = 0;
long fail_at = 0; // the allocation (counted from 1) that throws; 0: none

void* allocate(std::size_t n)
{
    if (++allocations == fail_at)
        throw std::bad_alloc();
    if (void* p = std::malloc(n ? n : 1))
        return p;
    throw std::bad_alloc();
}

// Allocations made by f.
template <class F> long allocations_of(F&& f)
{
    long before = allocations;
    f();
    return allocations - before;
}
} // namespace

void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

// An escape every 128 bytes of an 8 MiB string: room is taken a window at a time,
// not for all the rest of the string at each escape (a new chunk each time).
BOOST_AUTO_TEST_CASE(a_long_string_with_many_escapes_takes_a_few_chunks)
{
    std::string s(8u << 20, 'a');
    std::string expected = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i % 128 == 127)
            s[i] = '\n';
        expected += s[i] == '\n' ? std::string("\\n") : std::string(1, s[i]);
    }
    expected += '"';
    std::string text;
    long n = allocations_of([&] { text = agent_engine::to_json(s); });
    BOOST_TEST(text == expected);
    BOOST_TEST(n < 100, n << " allocations");
}

// Runs f in a thread of its own, which has no spare chunks (detail/spare_chunks.hpp):
// every chunk it writes into is allocated. Boost.Test is checked on the caller's thread.
template <class F> void in_new_thread(F&& f)
{
    std::thread(std::forward<F>(f)).join();
}

// Each event hands the next one where the text ends, and takes a new chunk when
// the room ends: with the first chunk's end (4 KiB, in a thread with no spare
// chunk) moved over every byte of a value that has every kind of event (and
// nesting past max_indented_depth), compact, pretty and pretty in UTF-8, the
// text is the one written with no chunk's end in it.
BOOST_AUTO_TEST_CASE(every_event_is_whole_where_a_chunk_ends)
{
    const boost::json::value free_form = boost::json::parse(R"({
        "plain": "text", "esc\"aped\n": "caf\u00e9 \"quoted\"\ttab\u0001", "\u00e9": "\ud83d\ude00",
        "ints": [0, -1, 9223372036854775807, 18446744073709551615], "empty": {}, "none": [],
        "nested": [[1, [2, {"a": [true, false, null]}]], {"b": {}}], "long": "0123456789abcdefghij0123456789",
        "floats": [0.25, 0.8512345678901234, -1e-9], "del": "\u007f"})");
    boost::json::value deep = {{"x", 1}}; // 34 deep in the text: its last two levels compact
    for (std::size_t depth = 1; depth < agent_engine::json_format::max_indented_depth; ++depth)
        deep = boost::json::array{deep};
    auto write = [&](std::string& out, agent_engine::json_format format, std::size_t padding) {
        agent_engine::text_writer w(out, format);
        w.begin_array();
        w.string(std::string(padding, 'p'));
        for (int i = 0; i < 8; ++i) // where the padding string's own room ends too
            w.null();
        w.begin_object();
        w.plain_key("value");
        w.value(free_form);
        w.plain_key("deep");
        w.value(deep);
        w.plain_key("nan");
        w.value(std::nan("")); // null in a free-form value
        w.key("numbers \"and\" literals");
        w.begin_array();
        for (double d : {0.1, 12.5, -3.0, 0.8512345678901234, 1e-7, 1.5e300})
            w.number(d);
        w.number(std::nan(""));
        w.int64(-42);
        w.uint64(18446744073709551615u);
        w.boolean(true);
        w.null();
        w.end_array();
        w.key("\xc3\xa9scaped key");
        w.string("last \\ one");
        w.end_object();
        w.end_array();
        w.finish();
    };
    agent_engine::json_format utf8 = agent_engine::json_format::pretty();
    utf8.ensure_ascii = false;
    for (auto format : {agent_engine::json_format::compact(), agent_engine::json_format::pretty(), utf8}) {
        std::string reference; // no chunk ends in it: the padding is empty
        in_new_thread([&] { write(reference, format, 0); });
        std::size_t padding_at = reference.find("\"\"") + 1;
        BOOST_TEST_REQUIRE(reference.size() < 4096u - padding_at);
        bool all_equal = true;
        for (std::size_t padding = 4096 - reference.size(); padding <= 4096 - padding_at; ++padding) {
            std::string text;
            in_new_thread([&] { write(text, format, padding); });
            std::string expected = reference;
            expected.insert(padding_at, padding, 'p');
            if (text != expected) {
                all_equal = false;
                BOOST_TEST(text == expected, "indent " << format.indent << ", ensure_ascii " << format.ensure_ascii
                                                        << ", padding " << padding);
            }
        }
        BOOST_TEST(all_equal);
    }
}

// Whichever allocation fails, the exception comes out of to_json and nothing is
// leaked or left half-built (the sanitized CI run checks leaks and memory errors).
BOOST_AUTO_TEST_CASE(an_allocation_failure_at_any_point_is_an_exception)
{
    std::vector<std::string> items;
    for (int i = 0; i < 3000; ++i)
        items.push_back("item \"" + std::to_string(i) + "\" " + std::string(static_cast<std::size_t>(i % 200), 'x'));
    const std::string expected = agent_engine::to_json(items);
    long needed = 0;
    in_new_thread([&] { needed = allocations_of([&] { (void)agent_engine::to_json(items); }); });
    BOOST_TEST(needed > 5);
    for (long k = 1; k <= needed; ++k) {
        bool thrown = false;
        in_new_thread([&] {
            fail_at = allocations + k;
            try {
                (void)agent_engine::to_json(items);
            } catch (const std::bad_alloc&) {
                thrown = true;
            }
            fail_at = 0;
        });
        BOOST_TEST(thrown, "allocation " << k);
    }
    BOOST_TEST(agent_engine::to_json(items) == expected);

    // Writing into a string of one's own: a failure leaves it as it was, whether
    // it comes while writing or when finish() appends.
    for (long k : {needed / 2, needed}) {
        std::string out = "prefix";
        bool thrown = false;
        in_new_thread([&] {
            fail_at = allocations + k;
            try {
                agent_engine::text_writer w(out);
                agent_engine::rule_of<decltype(items)>::write(w, items);
                w.finish();
            } catch (const std::bad_alloc&) {
                thrown = true;
            }
            fail_at = 0;
        });
        BOOST_TEST(thrown, "allocation " << k);
        BOOST_TEST(out == "prefix", "allocation " << k);
    }
}

// The text comes back in a string of its own size, not with the writer's room.
BOOST_AUTO_TEST_CASE(a_text_keeps_no_spare_room)
{
    BOOST_TEST(agent_engine::to_json(42).capacity() < 64u);
    std::string big = agent_engine::to_json(std::vector<std::string>(20000, "twenty bytes of text"));
    BOOST_TEST(big.capacity() < big.size() + big.size() / 8);
}

// A thread's next write takes the chunks of its last one: a 1.3 MB text the
// second time allocates its output string and its list of chunks, no chunk.
// Fresh chunks made each large write fault in a megabyte of pages
// (doc/PERFORMANCE.md).
BOOST_AUTO_TEST_CASE(a_second_long_text_takes_the_first_ones_chunks)
{
    const std::vector<std::string> items(50000, "twenty bytes of text");
    const std::string first = agent_engine::to_json(items);
    std::string second;
    long n = allocations_of([&] { second = agent_engine::to_json(items); });
    BOOST_TEST(second == first);
    BOOST_TEST(n == 2, n << " allocations");
}

// With spare chunks in use, whichever allocation fails, the write is an exception
// and the thread keeps the chunks it had.
BOOST_AUTO_TEST_CASE(an_allocation_failure_keeps_the_spare_chunks)
{
    using agent_engine::detail::spare_chunks;
    const std::vector<std::string> items(50000, "twenty bytes of text");
    long needed = 0;
    std::size_t kept = 0;
    std::vector<std::size_t> kept_after_failure;
    std::vector<bool> thrown;
    in_new_thread([&] {
        (void)agent_engine::to_json(items);
        kept = spare_chunks::kept_bytes();
        needed = allocations_of([&] { (void)agent_engine::to_json(items); });
        for (long k = 1; k <= needed; ++k) {
            fail_at = allocations + k;
            try {
                (void)agent_engine::to_json(items);
                thrown.push_back(false);
            } catch (const std::bad_alloc&) {
                thrown.push_back(true);
            }
            fail_at = 0;
            kept_after_failure.push_back(spare_chunks::kept_bytes());
        }
    });
    BOOST_TEST(kept == spare_chunks::largest + spare_chunks::largest / 2);
    BOOST_TEST(needed == 2);
    for (std::size_t k = 0; k < thrown.size(); ++k) {
        BOOST_TEST(thrown[k], "allocation " << k + 1);
        BOOST_TEST(kept_after_failure[k] == kept, "allocation " << k + 1);
    }
}

// What a thread keeps is bounded: two chunks of at most 1 MiB, whatever it wrote,
// and it can give them back.
BOOST_AUTO_TEST_CASE(a_thread_keeps_two_chunks_at_most)
{
    using agent_engine::detail::spare_chunks;
    (void)agent_engine::to_json(std::vector<std::string>(500000, "twenty bytes of text")); // 11 MB
    (void)agent_engine::to_json(std::string(3u << 20, 'x')); // one chunk of 3 MiB
    BOOST_TEST(spare_chunks::kept_bytes() == 2 * spare_chunks::largest);
    agent_engine::text_writer::release_thread_memory();
    BOOST_TEST(spare_chunks::kept_bytes() == 0u);
    std::size_t kept_by_new_thread = 1;
    in_new_thread([&] { kept_by_new_thread = spare_chunks::kept_bytes(); });
    BOOST_TEST(kept_by_new_thread == 0u);
}

// A write in a thread_local's destructor that runs after the thread's spare
// chunks are gone still writes, and frees its chunks (the sanitized run checks).
namespace {
std::string written_at_exit;
struct writes_at_exit {
    ~writes_at_exit() { written_at_exit = agent_engine::to_json(std::vector<int>{1, 2, 3}); }
};
} // namespace

BOOST_AUTO_TEST_CASE(a_write_after_the_spare_chunks_are_gone_still_writes)
{
    in_new_thread([] {
        thread_local writes_at_exit at_exit; // made before the spare chunks: destroyed after them
        (void)&at_exit;
        (void)agent_engine::to_json(std::vector<int>{0});
    });
    BOOST_TEST(written_at_exit == "[\n  1,\n  2,\n  3\n]");
}

// The scans read words in lane order on either byte order: byte i of memory in
// bits 8i to 8i+7, so that a carry only ever flags bytes later in the text.
BOOST_AUTO_TEST_CASE(words_are_read_in_lane_order)
{
    const unsigned char bytes[8] = {0, 1, 2, 3, 4, 5, 6, 7};
    std::uint64_t w;
    std::memcpy(&w, bytes, 8);
    BOOST_TEST(agent_engine::detail::in_lane_order(w) == 0x0706050403020100u);
    std::uint32_t h;
    std::memcpy(&h, bytes + 4, 4);
    BOOST_TEST(agent_engine::detail::in_lane_order(h) == 0x07060504u);
}

// A string is copied in blocks, the last one overlapping the one before: an
// escape is found at every position of strings of every length around the block
// sizes, and plain strings come through whole.
BOOST_AUTO_TEST_CASE(an_escape_is_found_at_any_position)
{
    struct special {
        char byte;
        const char* escaped;
    };
    for (special s : {special{'"', "\\\""}, special{'\\', "\\\\"}, special{'\n', "\\n"},
                      special{'\x01', "\\u0001"}, special{'\x7f', "\\u007f"}})
        for (std::size_t size = 0; size <= 40; ++size) {
            std::string plain;
            for (std::size_t i = 0; i < size; ++i)
                plain += static_cast<char>('a' + i % 26);
            BOOST_TEST(agent_engine::to_json(plain) == '"' + plain + '"');
            for (std::size_t at = 0; at < size; ++at) {
                std::string text = plain;
                text[at] = s.byte;
                std::string expected = '"' + plain.substr(0, at) + s.escaped + plain.substr(at + 1) + '"';
                BOOST_TEST(agent_engine::to_json(text) == expected, "size " << size << ", at " << at);
            }
        }
}

// format_double's fast path for short decimals writes what the path through
// std::to_chars writes, on decimals with up to 8 digits after the point (the
// fast path takes up to max_short_decimals), near its bounds, and on random bits.
BOOST_AUTO_TEST_CASE(short_decimals_are_written_as_to_chars_writes_them)
{
    using agent_engine::detail::format_double;
    using agent_engine::detail::format_double_by_to_chars;
    auto check = [](double d) {
        char fast[agent_engine::detail::max_double_chars], exact[agent_engine::detail::max_double_chars];
        std::string_view a(fast, static_cast<std::size_t>(format_double(fast, d) - fast));
        std::string_view b(exact, static_cast<std::size_t>(format_double_by_to_chars(exact, d) - exact));
        BOOST_TEST(a == b);
    };
    for (double d : {0.0001, 9.999999999999999e-05, 0x1p50, 0x1p50 - 1, 1e15, 1e16, 0.1 + 0.2, 1.0 / 3, 0.5,
                     1e-4 * 3, 123456.123456, 1234567890.123456, 0.000123456, -0.0, 0.0, 5e-324})
        check(d);
    std::mt19937_64 random(42);
    constexpr double powers_of_ten[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    for (int i = 0; i < 200000; ++i) {
        auto digits = static_cast<double>(random() % 100000000);
        double d = digits / powers_of_ten[random() % 9];
        check(i % 2 ? d : -d);
        check(std::nextafter(d, 0.0));
        std::uint64_t bits = random();
        std::memcpy(&d, &bits, sizeof d);
        if (std::isfinite(d))
            check(d);
    }
}
