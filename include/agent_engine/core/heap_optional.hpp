#ifndef AGENT_ENGINE_CORE_HEAP_OPTIONAL_HPP
#define AGENT_ENGINE_CORE_HEAP_OPTIONAL_HPP

// heap_optional<T>: std::optional's interface and value semantics (a copy copies
// the value), with the value on the heap. An empty one is the size of a
// pointer, so a member that is almost always empty (a stage's `error`: an
// EngineError is 240 bytes) costs 8 bytes instead of sizeof(T) in every entry
// of a large sequence. JSON sees no difference: empty is null, as for std::optional.

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace agent_engine {

template <class T> class heap_optional {
    static_assert(std::is_object_v<T> && !std::is_array_v<T> && std::is_same_v<T, std::remove_cv_t<T>>,
                  "agent_engine::heap_optional<T>: T must be a non-const, non-array object type.");
    std::unique_ptr<T> value_;

public:
    using value_type = T;

    heap_optional() noexcept = default;
    heap_optional(std::nullopt_t) noexcept {}
    heap_optional(const T& v) : value_(std::make_unique<T>(v)) {}
    heap_optional(T&& v) : value_(std::make_unique<T>(std::move(v))) {}
    heap_optional(const heap_optional& other) : value_(other ? std::make_unique<T>(*other) : nullptr) {}
    heap_optional(heap_optional&& other) noexcept = default; // `other` is left empty
    ~heap_optional() = default;

    heap_optional& operator=(std::nullopt_t) noexcept
    {
        reset();
        return *this;
    }
    heap_optional& operator=(const heap_optional& other)
    {
        if (this != &other)
            other ? assign(*other) : reset();
        return *this;
    }
    heap_optional& operator=(heap_optional&& other) noexcept = default;
    // Assigning a value reuses the allocation when there is one, as std::optional assigns in place.
    heap_optional& operator=(const T& v)
    {
        assign(v);
        return *this;
    }
    heap_optional& operator=(T&& v)
    {
        assign(std::move(v));
        return *this;
    }

    template <class... Args> T& emplace(Args&&... args)
    {
        value_ = std::make_unique<T>(std::forward<Args>(args)...);
        return *value_;
    }
    void reset() noexcept { value_.reset(); }
    void swap(heap_optional& other) noexcept { value_.swap(other.value_); }
    friend void swap(heap_optional& a, heap_optional& b) noexcept { a.swap(b); }

    bool has_value() const noexcept { return value_ != nullptr; }
    explicit operator bool() const noexcept { return has_value(); }

    T& operator*() & noexcept { return *value_; }
    const T& operator*() const& noexcept { return *value_; }
    T* operator->() noexcept { return value_.get(); }
    const T* operator->() const noexcept { return value_.get(); }
    T& value() &
    {
        check();
        return *value_;
    }
    const T& value() const&
    {
        check();
        return *value_;
    }
    template <class U> T value_or(U&& fallback) const
    {
        return value_ ? *value_ : static_cast<T>(std::forward<U>(fallback));
    }

    friend bool operator==(const heap_optional& a, const heap_optional& b)
    {
        return a && b ? *a == *b : a.has_value() == b.has_value();
    }
    friend bool operator==(const heap_optional& a, std::nullopt_t) noexcept { return !a; }

private:
    template <class V> void assign(V&& v)
    {
        if (value_)
            *value_ = std::forward<V>(v);
        else
            value_ = std::make_unique<T>(std::forward<V>(v));
    }
    void check() const
    {
        if (!value_)
            throw std::bad_optional_access();
    }
};

} // namespace agent_engine

#endif
