#ifndef AGENT_ENGINE_CORE_DETAIL_SPARE_CHUNKS_HPP
#define AGENT_ENGINE_CORE_DETAIL_SPARE_CHUNKS_HPP

// spare_chunks: the chunks a thread's text_writers are done with, kept for its
// next one. Written into fresh memory, a 1 MB text took three times as long, two
// thirds of it in page faults: the heap hands a freed megabyte back to the kernel
// and takes it again a page at a time (doc/PERFORMANCE.md). A thread keeps the
// `kept` largest chunks it was given, of at most `largest` bytes each, until it
// ends or calls release(). A write at program exit, in a static object's
// destructor, may make the main thread's spare chunks after its thread_locals
// are gone: those are the process's until it ends.

#include <array>
#include <cstddef>
#include <memory>
#include <utility>

namespace agent_engine::detail {

struct chunk {
    std::unique_ptr<char[]> bytes;
    std::size_t size = 0;
};

class spare_chunks {
    static constexpr std::size_t kept = 2;
    std::array<chunk, kept> chunks_; // the largest first; empty ones last

    spare_chunks() = default;
    ~spare_chunks() { gone() = true; }

    // Whether this thread's spare_chunks has been destroyed (the thread is
    // ending): a writer in a later thread_local destructor frees its chunks.
    static bool& gone() noexcept
    {
        thread_local bool gone = false; // trivially destructible: readable to the end
        return gone;
    }
    // This thread's, or null once the thread is ending.
    static spare_chunks* of_this_thread() noexcept
    {
        if (gone())
            return nullptr;
        thread_local spare_chunks spare;
        return &spare;
    }

public:
    static constexpr std::size_t largest = std::size_t(1) << 20;

    spare_chunks(const spare_chunks&) = delete;
    spare_chunks& operator=(const spare_chunks&) = delete;

    // This thread's largest kept chunk if it holds at least n bytes, else an empty one.
    static chunk take(std::size_t n) noexcept
    {
        spare_chunks* s = of_this_thread();
        if (!s || s->chunks_[0].size < n)
            return {};
        chunk c = std::move(s->chunks_[0]);
        for (std::size_t i = 1; i < kept; ++i)
            s->chunks_[i - 1] = std::move(s->chunks_[i]);
        s->chunks_[kept - 1] = {};
        return c;
    }

    // Keeps c in place of this thread's smallest kept chunk if it is larger; frees the other.
    static void give(chunk c) noexcept
    {
        spare_chunks* s = of_this_thread();
        if (!s || !c.bytes || c.size > largest)
            return;
        for (chunk& k : s->chunks_)
            if (c.size > k.size)
                std::swap(c, k);
    }

    // Frees this thread's kept chunks.
    static void release() noexcept
    {
        if (spare_chunks* s = of_this_thread())
            s->chunks_ = {};
    }

    // The bytes this thread keeps.
    static std::size_t kept_bytes() noexcept
    {
        std::size_t total = 0;
        if (const spare_chunks* s = of_this_thread())
            for (const chunk& k : s->chunks_)
                total += k.size;
        return total;
    }
};

} // namespace agent_engine::detail

#endif
