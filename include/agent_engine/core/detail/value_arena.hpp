#ifndef AGENT_ENGINE_CORE_DETAIL_VALUE_ARENA_HPP
#define AGENT_ENGINE_CORE_DETAIL_VALUE_ARENA_HPP

// value_arena: the memory of the json::value members a text_reader reads (an
// agent's outputs). Built node by node with the default resource, each object
// table, key and long string is its own malloc (a key of 5 bytes takes a chunk of
// 32) and its own free: most of a checkpoint's read and of its memory.
//
// While the reader fills it (on its own thread: the values are not handed out
// yet), an arena hands out memory from blocks (1 KiB doubling to 64 KiB, larger
// for one large value; a large request gets a block of its own), and freeing is
// a no-op. The reader starts a new one once an arena holds ~256 KiB, and closes
// it then or when the read ends: from then on it allocates and frees what is
// new through the default resource, so values that share it can be changed,
// copied and destroyed from any thread. The blocks go when the last value using
// the arena does (storage_ptr counts them): a value kept alone keeps its arena,
// ~256 KiB, or as much as the large value read into it.

#include <boost/json/memory_resource.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>

namespace agent_engine::detail {

class value_arena final : public boost::json::memory_resource {
public:
    static constexpr std::size_t max_block = 64 * 1024;

    // make_shared_resource<value_arena>(first_block, self) makes one and tells
    // its address (storage_ptr::get() is the counted wrapper around it).
    value_arena(std::size_t first_block, value_arena*& self) noexcept : next_block_(first_block) { self = this; }
    value_arena(const value_arena&) = delete;
    value_arena& operator=(const value_arena&) = delete;
    ~value_arena() override
    {
        while (blocks_) {
            block* b = blocks_;
            blocks_ = b->next;
            ::operator delete(b, std::align_val_t(alignof(block)));
        }
    }

    // Bytes in blocks so far, and the size the next block would have.
    std::size_t size() const noexcept { return size_; }
    std::size_t next_block_size() const noexcept { return next_block_; }

    // From now on: the default resource (see above).
    void close() noexcept { open_ = false; }

private:
    // A block's header, followed by its `size` bytes.
    struct alignas(16) block {
        block* next;
        std::size_t size;
        char* data() noexcept { return reinterpret_cast<char*>(this + 1); }
        const char* data() const noexcept { return reinterpret_cast<const char*>(this + 1); }
    };

    block* blocks_ = nullptr;
    char* cursor_ = nullptr; // in the current block
    char* end_ = nullptr;
    std::size_t size_ = 0;
    std::size_t next_block_;
    bool open_ = true;
    // Whether anything came from the default resource: until then a value's
    // destruction frees nothing, without looking for the block. Relaxed: such a
    // pointer reaches another thread only inside a value published after this store.
    std::atomic<bool> lent_{false};

    static char* align_up(char* p, std::size_t align) noexcept
    {
        auto v = reinterpret_cast<std::uintptr_t>(p);
        return reinterpret_cast<char*>((v + align - 1) & ~(std::uintptr_t(align) - 1));
    }

    block* add_block(std::size_t size)
    {
        void* memory = ::operator new(sizeof(block) + size, std::align_val_t(alignof(block)));
        block* b = ::new (memory) block{blocks_, size};
        blocks_ = b;
        size_ += size;
        return b;
    }

    bool owns(const void* p) const noexcept
    {
        auto* c = static_cast<const char*>(p);
        for (const block* b = blocks_; b; b = b->next)
            if (c >= b->data() && c < b->data() + b->size)
                return true;
        return false;
    }

    void* do_allocate(std::size_t n, std::size_t align) override
    {
        if (!open_ || align > 16) {
            if (!lent_.load(std::memory_order_relaxed))
                lent_.store(true, std::memory_order_relaxed);
            return ::operator new(n, std::align_val_t(align));
        }
        char* p = align_up(cursor_, std::max<std::size_t>(align, 8));
        if (cursor_ && p <= end_ && n <= static_cast<std::size_t>(end_ - p)) {
            cursor_ = p + n;
            return p;
        }
        if (n > next_block_ / 4) // its own block, leaving the current one in use
            return add_block(n)->data();
        block* b = add_block(next_block_);
        // Up to 64 KiB; past that (one large value) a quarter of what the arena
        // holds, so that it stays a few dozen blocks for owns() to look through.
        next_block_ = std::max(std::min(next_block_ * 2, max_block), size_ / 4);
        cursor_ = b->data() + n;
        end_ = b->data() + b->size;
        return b->data();
    }

    void do_deallocate(void* p, std::size_t, std::size_t align) override
    {
        if (lent_.load(std::memory_order_relaxed) && !owns(p))
            ::operator delete(p, std::align_val_t(align));
    }

    bool do_is_equal(const boost::json::memory_resource& other) const noexcept override { return this == &other; }
};

} // namespace agent_engine::detail

#endif
