#ifndef AGENT_ENGINE_CORE_ORDERED_MAP_HPP
#define AGENT_ENGINE_CORE_ORDERED_MAP_HPP

// ordered_map<K, V>: a map that iterates in insertion order, like a Python dict.
// Use it for a JSON object whose key order must survive a round trip (std::map
// sorts its keys, std::unordered_map scrambles them). Assigning to an existing
// key keeps its place; erasing is linear.

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace agent_engine {

template <class Key, class T> class ordered_map {
    std::vector<std::pair<Key, T>> items_;
    std::unordered_map<Key, std::size_t> index_;

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
        index_.clear();
    }
    void reserve(std::size_t n)
    {
        items_.reserve(n);
        index_.reserve(n);
    }

    iterator find(const Key& k)
    {
        auto it = index_.find(k);
        return it == index_.end() ? end() : begin() + static_cast<std::ptrdiff_t>(it->second);
    }
    const_iterator find(const Key& k) const
    {
        auto it = index_.find(k);
        return it == index_.end() ? end() : begin() + static_cast<std::ptrdiff_t>(it->second);
    }
    bool contains(const Key& k) const { return index_.count(k) != 0; }

    T& operator[](const Key& k)
    {
        auto [it, inserted] = index_.try_emplace(k, items_.size());
        if (inserted)
            items_.emplace_back(k, T{});
        return items_[it->second].second;
    }

    template <class V> std::pair<iterator, bool> insert_or_assign(const Key& k, V&& v)
    {
        auto [it, inserted] = index_.try_emplace(k, items_.size());
        if (inserted)
            items_.emplace_back(k, std::forward<V>(v));
        else
            items_[it->second].second = std::forward<V>(v);
        return {begin() + static_cast<std::ptrdiff_t>(it->second), inserted};
    }

    std::size_t erase(const Key& k)
    {
        auto it = index_.find(k);
        if (it == index_.end())
            return 0;
        std::size_t pos = it->second;
        index_.erase(it);
        items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(pos));
        for (auto& [key, i] : index_)
            if (i > pos)
                --i;
        return 1;
    }

    friend bool operator==(const ordered_map& a, const ordered_map& b) { return a.items_ == b.items_; }
};

} // namespace agent_engine

#endif
