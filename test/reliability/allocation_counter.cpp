#include "allocation_counter.hpp"

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

std::atomic<bool> counting{false};
std::atomic<std::size_t> live_bytes{0};
std::atomic<std::size_t> peak_bytes{0};
std::atomic<std::size_t> total_bytes{0};
std::atomic<std::size_t> allocation_count{0};
std::atomic<std::size_t> failing_allocation{SIZE_MAX};

// Each block starts with a header saying whether its bytes were counted, so that
// a free counts only what was counted (the header keeps malloc's alignment).
struct alignas(alignof(std::max_align_t)) header {
    std::size_t size;
    bool counted;
};

void* allocate(std::size_t size) noexcept
{
    if (counting.load(std::memory_order_relaxed) &&
        allocation_count.fetch_add(1, std::memory_order_relaxed) == failing_allocation.load(std::memory_order_relaxed))
        return nullptr;
    auto* h = static_cast<header*>(std::malloc(sizeof(header) + size));
    if (!h)
        return nullptr;
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

void deallocate(void* p) noexcept
{
    if (!p)
        return;
    auto* h = static_cast<header*>(p) - 1;
    if (h->counted)
        live_bytes.fetch_sub(h->size, std::memory_order_relaxed);
    std::free(h);
}

void* allocate_or_throw(std::size_t size)
{
    if (void* p = allocate(size))
        return p;
    throw std::bad_alloc();
}

} // namespace

// Every form that frees with a plain delete allocates here, nothrow ones too: a
// block from another allocator has no header (std::get_temporary_buffer, as in
// std::stable_sort, takes its buffer with nothrow new and gives it back with a
// sized delete). The aligned forms are left alone; they pair with each other.
void* operator new(std::size_t size) { return allocate_or_throw(size); }
void* operator new[](std::size_t size) { return allocate_or_throw(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void operator delete(void* p) noexcept { deallocate(p); }
void operator delete[](void* p) noexcept { deallocate(p); }
void operator delete(void* p, std::size_t) noexcept { deallocate(p); }
void operator delete[](void* p, std::size_t) noexcept { deallocate(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { deallocate(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { deallocate(p); }

namespace allocation_counter {

scope::scope() noexcept
{
    live_bytes = 0;
    peak_bytes = 0;
    total_bytes = 0;
    allocation_count = 0;
    failing_allocation = SIZE_MAX;
    counting = true;
}

scope::~scope() { counting = false; }

std::size_t scope::live() const noexcept { return live_bytes; }
std::size_t scope::peak() const noexcept { return peak_bytes; }
std::size_t scope::total() const noexcept { return total_bytes; }
std::size_t scope::allocations() const noexcept { return allocation_count; }
void scope::fail_allocation(std::size_t n) noexcept { failing_allocation = n; }

} // namespace allocation_counter
