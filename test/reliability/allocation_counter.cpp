#include "allocation_counter.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<bool> counting{false};
std::atomic<std::size_t> live_bytes{0};
std::atomic<std::size_t> peak_bytes{0};
std::atomic<std::size_t> total_bytes{0};

// Each block starts with a header saying whether its bytes were counted, so that
// a free counts only what was counted (the header keeps malloc's alignment).
struct alignas(alignof(std::max_align_t)) header {
    std::size_t size;
    bool counted;
};

} // namespace

void* operator new(std::size_t size)
{
    auto* h = static_cast<header*>(std::malloc(sizeof(header) + size));
    if (!h)
        throw std::bad_alloc();
    h->size = size;
    h->counted = counting.load(std::memory_order_relaxed);
    if (h->counted) {
        total_bytes.fetch_add(size, std::memory_order_relaxed);
        std::size_t now = live_bytes.fetch_add(size, std::memory_order_relaxed) + size;
        std::size_t peak = peak_bytes.load(std::memory_order_relaxed);
        while (now > peak && !peak_bytes.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
        }
    }
    return h + 1;
}

void operator delete(void* p) noexcept
{
    if (!p)
        return;
    auto* h = static_cast<header*>(p) - 1;
    if (h->counted)
        live_bytes.fetch_sub(h->size, std::memory_order_relaxed);
    std::free(h);
}

void operator delete(void* p, std::size_t) noexcept { operator delete(p); }

namespace allocation_counter {

scope::scope() noexcept
{
    live_bytes = 0;
    peak_bytes = 0;
    total_bytes = 0;
    counting = true;
}

scope::~scope() { counting = false; }

std::size_t scope::live() const noexcept { return live_bytes; }
std::size_t scope::peak() const noexcept { return peak_bytes; }
std::size_t scope::total() const noexcept { return total_bytes; }

} // namespace allocation_counter
