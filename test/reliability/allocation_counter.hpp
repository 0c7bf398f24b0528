#ifndef AGENT_ENGINE_TEST_RELIABILITY_ALLOCATION_COUNTER_HPP
#define AGENT_ENGINE_TEST_RELIABILITY_ALLOCATION_COUNTER_HPP

// Counts the bytes a test allocates through operator new (allocation_counter.cpp
// replaces the global operator new and delete of the executable linking it):
// a bound on memory in the test's own terms, not the machine's.

#include <cstddef>

namespace allocation_counter {

// While a scope lives, the bytes allocated and not yet freed are counted, and
// their peak kept (memory allocated before the scope is not counted when freed).
// One scope at a time.
class scope {
public:
    scope() noexcept;
    ~scope();
    scope(const scope&) = delete;
    scope& operator=(const scope&) = delete;

    std::size_t live() const noexcept;
    std::size_t peak() const noexcept;
    std::size_t total() const noexcept; // every byte allocated, freed or not
    std::size_t allocations() const noexcept; // how many

    // The allocation numbered `n` in the scope (from 0) fails: operator new
    // throws std::bad_alloc, the nothrow form returns null. Only that one.
    void fail_allocation(std::size_t n) noexcept;
};

} // namespace allocation_counter

#endif
