// text_writer's memory: how many allocations a long text takes, and what an
// allocation that fails leaves behind. This binary replaces operator new to
// count allocations and to make the n-th one fail.
#define BOOST_TEST_MODULE core_text_writer
#include <boost/test/unit_test.hpp>

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/core/detail/json_scan.hpp>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
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
