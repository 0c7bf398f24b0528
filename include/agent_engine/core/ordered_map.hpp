#ifndef AGENT_ENGINE_CORE_ORDERED_MAP_HPP
#define AGENT_ENGINE_CORE_ORDERED_MAP_HPP

// ordered_map<K, V>: a map that iterates in insertion order, like a Python dict.
// Use it for a JSON object whose key order must survive a round trip (std::map
// sorts its keys, std::unordered_map scrambles them). Assigning to an existing
// key keeps its place; erasing is linear.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

namespace agent_engine {

template <class Key, class T, class Hash = std::hash<Key>> class ordered_map {
    // The entries in insertion order and, once the map has held more than
    // unindexed_size entries (or reserve asked for more), an open-addressing
    // index into them. Until then a lookup compares the keys in turn, cheaper
    // than hashing one, and the small maps most documents hold allocate no
    // index. A slot holds a key's hash (high half) and 1 + its entry's position
    // (low half), 0 when free: a probe compares keys only when the hashes agree,
    // and growing the index never rehashes a key. The index never copies a key
    // and allocates once per growth, not once per entry; it is at most half full.
    std::vector<std::pair<Key, T>> items_;
    std::vector<std::uint64_t> slots_; // empty: no index
    static constexpr std::size_t unindexed_size = 8;

    // 32 bits of the hash after a full 64-bit mix (MurmurHash3's fmix64): std::hash
    // of an integer is the integer itself, and every bit must reach the slot.
    static std::uint32_t hash_of(const Key& k)
    {
        std::uint64_t h = Hash{}(k);
        h = (h ^ (h >> 33)) * 0xff51afd7ed558ccdu;
        h = (h ^ (h >> 33)) * 0xc4ceb9fe1a85ec53u;
        return static_cast<std::uint32_t>((h ^ (h >> 33)) >> 32);
    }
    static std::uint64_t slot_for(std::uint32_t hash, std::size_t position)
    {
        return std::uint64_t{hash} << 32 | (position + 1);
    }
    static std::size_t position_in(std::uint64_t slot) { return static_cast<std::uint32_t>(slot) - std::size_t{1}; }

    // The slot that holds `k`, or the free slot where it belongs.
    std::size_t slot_of(const Key& k, std::uint32_t hash) const
    {
        std::size_t mask = slots_.size() - 1;
        for (std::size_t s = hash & mask;; s = (s + 1) & mask)
            if (slots_[s] == 0 || (slots_[s] >> 32 == hash && items_[position_in(slots_[s])].first == k))
                return s;
    }
    // Puts `slot` in the first free place of its probe sequence in `index`.
    static void insert_slot(std::vector<std::uint64_t>& index, std::uint64_t slot)
    {
        std::size_t mask = index.size() - 1;
        std::size_t s = static_cast<std::uint32_t>(slot >> 32) & mask;
        while (index[s] != 0)
            s = (s + 1) & mask;
        index[s] = slot;
    }

    // An index with room for `capacity` entries holding `slots` (the hashes are
    // kept: growing never rehashes a key).
    static std::vector<std::uint64_t> make_index(std::size_t capacity, const std::vector<std::uint64_t>& slots)
    {
        if (capacity >= UINT32_MAX)
            throw std::length_error("agent_engine::ordered_map: too many entries");
        std::size_t size = 16;
        while (size < 2 * capacity)
            size *= 2;
        std::vector<std::uint64_t> index(size, 0);
        for (std::uint64_t slot : slots)
            if (slot != 0)
                insert_slot(index, slot);
        return index;
    }

    // Puts every entry, at its position, in `index`, whose slots are all free.
    void insert_entries(std::vector<std::uint64_t>& index) const
    {
        for (std::size_t i = 0; i < items_.size(); ++i)
            insert_slot(index, slot_for(hash_of(items_[i].first), i));
    }
    // An index with room for `capacity` entries holding the entries there are.
    std::vector<std::uint64_t> index_entries(std::size_t capacity) const
    {
        std::vector<std::uint64_t> index = make_index(capacity, {});
        insert_entries(index);
        return index;
    }

    // Where `k` is, or where it was appended by constructing its value from `args`.
    template <class K, class... Args> std::pair<std::size_t, bool> place(K&& k, Args&&... args)
    {
        if (slots_.empty()) {
            if (std::size_t pos = position_of(k); pos != items_.size())
                return {pos, false};
            if (items_.size() < unindexed_size) {
                append(std::forward<K>(k), std::forward<Args>(args)...);
                return {items_.size() - 1, true};
            }
            slots_ = index_entries(items_.size() + 1);
        } else if (2 * (items_.size() + 1) > slots_.size()) {
            slots_ = make_index(items_.size() + 1, slots_);
        }
        std::uint32_t hash = hash_of(k);
        std::size_t s = slot_of(k, hash);
        if (slots_[s] != 0)
            return {position_in(slots_[s]), false};
        append(std::forward<K>(k), std::forward<Args>(args)...);
        slots_[s] = slot_for(hash, items_.size() - 1);
        return {items_.size() - 1, true};
    }
    template <class K, class... Args> void append(K&& k, Args&&... args)
    {
        items_.emplace_back(std::piecewise_construct, std::forward_as_tuple(std::forward<K>(k)),
                            std::forward_as_tuple(std::forward<Args>(args)...));
    }

    // The position of `k`, or size() when it is not there.
    std::size_t position_of(const Key& k) const
    {
        if (slots_.empty()) {
            std::size_t pos = 0;
            while (pos != items_.size() && !(items_[pos].first == k))
                ++pos;
            return pos;
        }
        std::size_t s = slot_of(k, hash_of(k));
        return slots_[s] == 0 ? items_.size() : position_in(slots_[s]);
    }

public:
    using key_type = Key;
    using mapped_type = T;
    using value_type = std::pair<Key, T>;
    using iterator = typename std::vector<value_type>::iterator;
    using const_iterator = typename std::vector<value_type>::const_iterator;

    ordered_map() = default;
    ordered_map(std::initializer_list<value_type> init)
    {
        for (auto const& kv : init)
            insert_or_assign(kv.first, kv.second);
    }

    iterator begin() noexcept { return items_.begin(); }
    iterator end() noexcept { return items_.end(); }
    const_iterator begin() const noexcept { return items_.begin(); }
    const_iterator end() const noexcept { return items_.end(); }
    std::size_t size() const noexcept { return items_.size(); }
    bool empty() const noexcept { return items_.empty(); }

    void clear() noexcept
    {
        items_.clear();
        slots_.clear();
    }
    void reserve(std::size_t n)
    {
        if (n > unindexed_size && slots_.empty())
            slots_ = index_entries(n);
        else if (!slots_.empty() && 2 * n > slots_.size())
            slots_ = make_index(n, slots_);
        items_.reserve(n);
    }

    iterator find(const Key& k) { return begin() + static_cast<std::ptrdiff_t>(position_of(k)); }
    const_iterator find(const Key& k) const { return begin() + static_cast<std::ptrdiff_t>(position_of(k)); }
    bool contains(const Key& k) const { return find(k) != end(); }

    T& operator[](const Key& k) { return items_[place(k).first].second; }
    T& operator[](Key&& k) { return items_[place(std::move(k)).first].second; }

    template <class V> std::pair<iterator, bool> insert_or_assign(const Key& k, V&& v)
    {
        auto [pos, inserted] = place(k, std::forward<V>(v));
        if (!inserted)
            items_[pos].second = std::forward<V>(v);
        return {begin() + static_cast<std::ptrdiff_t>(pos), inserted};
    }

    std::size_t erase(const Key& k)
    {
        std::size_t pos = position_of(k);
        if (pos == items_.size())
            return 0;
        if (slots_.empty()) {
            items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(pos));
            return 1;
        }
        // The new index is allocated before anything changes: running out of memory leaves the map as it was.
        std::vector<std::uint64_t> index(slots_.size(), 0);
        items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(pos));
        insert_entries(index); // positions moved: index them afresh
        slots_.swap(index);
        return 1;
    }

    friend bool operator==(const ordered_map& a, const ordered_map& b) { return a.items_ == b.items_; }
};

} // namespace agent_engine

#endif
