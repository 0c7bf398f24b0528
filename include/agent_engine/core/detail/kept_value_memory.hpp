#ifndef AGENT_ENGINE_CORE_DETAIL_KEPT_VALUE_MEMORY_HPP
#define AGENT_ENGINE_CORE_DETAIL_KEPT_VALUE_MEMORY_HPP

// kept_value_memory: where the json::value members a text_reader reads (its
// capture_to_keep()) take their memory from. The default resource until the
// values kept so far span arenas_from bytes of text: until then it costs less
// than an arena's blocks and the counted storage_ptr in each value. From then on
// a value_arena (see value_arena.hpp), a new one, with bigger blocks, once the
// current one holds arena_span bytes.

#include <agent_engine/core/detail/value_arena.hpp>

#include <boost/json/storage_ptr.hpp>

#include <algorithm>
#include <cstddef>

namespace agent_engine::detail {

class kept_value_memory {
public:
    kept_value_memory() = default;
    kept_value_memory(const kept_value_memory&) = delete;
    kept_value_memory& operator=(const kept_value_memory&) = delete;
    ~kept_value_memory()
    {
        if (arena_)
            arena_->close();
    }

    // Whether the next value kept goes to an arena (arena()); if not, its
    // text's size goes to count().
    bool in_arenas() const noexcept { return kept_text_ >= arenas_from; }
    void count(std::size_t text_size) noexcept { kept_text_ += text_size; }

    // The arena for the next value.
    const boost::json::storage_ptr& arena()
    {
        if (!arena_ || arena_->size() >= arena_span) {
            if (arena_)
                arena_->close();
            storage_ = boost::json::make_shared_resource<value_arena>(
                arena_ ? std::min(arena_->next_block_size(), value_arena::max_block) : first_arena_block, arena_);
        }
        return storage_;
    }

private:
    static constexpr std::size_t arenas_from = 16 * 1024, first_arena_block = 1024, arena_span = 256 * 1024;
    std::size_t kept_text_ = 0;
    boost::json::storage_ptr storage_;
    value_arena* arena_ = nullptr;
};

} // namespace agent_engine::detail

#endif
