#ifndef AGENT_ENGINE_CORE_HEAP_OPTIONAL_HPP
#define AGENT_ENGINE_CORE_HEAP_OPTIONAL_HPP

// heap_optional<T>: std::optional's interface and value semantics (a copy copies
// the value), with the value on the heap. An empty one is the size of a
// pointer, so a member that is almost always empty (a stage's `error`: an
// EngineError is 240 bytes) costs 8 bytes instead of sizeof(T) in every entry
// of a large sequence. JSON sees no difference: empty is null, as for std::optional.
// It converts to and from std::optional<T> and compares with either. Unlike
// std::optional, a moved-from heap_optional is empty, and it does not compare
// with a bare value (write `x && *x == v`).

#include <concepts>
#include <initializer_list>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace agent_engine {

template <class T> class heap_optional;

namespace detail {
template <class> inline constexpr bool is_heap_optional_v = false;
template <class T> inline constexpr bool is_heap_optional_v<heap_optional<T>> = true;
template <class> inline constexpr bool is_std_optional_v = false;
template <class T> inline constexpr bool is_std_optional_v<std::optional<T>> = true;


// What std::optional<T> accepts as a value to hold (not an optional, a nullopt or
// an in_place tag). The cheap tests come first: they stop the check before T is
// asked about, which a recursive T (a heap_optional of itself) does not allow yet.
template <class U>
concept heap_optional_tag_or_optional =
    is_heap_optional_v<std::remove_cvref_t<U>> || is_std_optional_v<std::remove_cvref_t<U>> ||
    std::is_same_v<std::remove_cvref_t<U>, std::nullopt_t> || std::is_same_v<std::remove_cvref_t<U>, std::in_place_t>;
template <class T, class U>
concept heap_optional_value_source = !heap_optional_tag_or_optional<U> && std::is_constructible_v<T, U>;
} // namespace detail

template <class T> class heap_optional {
    static_assert(std::is_object_v<T> && !std::is_array_v<T> && std::is_same_v<T, std::remove_cv_t<T>>,
                  "agent_engine::heap_optional<T>: T must be a non-const, non-array object type.");
    std::unique_ptr<T> value_;

public:
    using value_type = T;

    heap_optional() noexcept = default;
    heap_optional(std::nullopt_t) noexcept {}
    template <class U = T>
        requires detail::heap_optional_value_source<T, U>
    explicit(std::conjunction_v<std::bool_constant<!detail::heap_optional_tag_or_optional<U>>,
                                std::negation<std::is_convertible<U, T>>>)
        heap_optional(U&& v)
        : value_(std::make_unique<T>(std::forward<U>(v)))
    {
    }
    template <class... Args>
    explicit heap_optional(std::in_place_t, Args&&... args) : value_(std::make_unique<T>(std::forward<Args>(args)...))
    {
    }
    // Templates, so that only a std::optional matches them, never something
    // converted to one (which would need T complete).
    template <std::same_as<T> U>
    heap_optional(const std::optional<U>& other) : value_(other ? std::make_unique<T>(*other) : nullptr)
    {
    }
    template <std::same_as<T> U>
    heap_optional(std::optional<U>&& other) : value_(other ? std::make_unique<T>(std::move(*other)) : nullptr)
    {
    }
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
    // Assigning a value reuses the allocation when there is one, as std::optional
    // assigns in place. `x = {}` empties, as for std::optional.
    template <class U = T>
        requires detail::heap_optional_value_source<T, U> && std::is_assignable_v<T&, U> &&
                 (!std::is_scalar_v<T> || !std::is_same_v<std::decay_t<U>, T>)
    heap_optional& operator=(U&& v)
    {
        assign(std::forward<U>(v));
        return *this;
    }

    operator std::optional<T>() const& { return value_ ? std::optional<T>(*value_) : std::nullopt; }
    operator std::optional<T>() && { return value_ ? std::optional<T>(std::move(*value_)) : std::nullopt; }

    template <class... Args> T& emplace(Args&&... args)
    {
        value_ = std::make_unique<T>(std::forward<Args>(args)...);
        return *value_;
    }
    template <class U, class... Args> T& emplace(std::initializer_list<U> list, Args&&... args)
    {
        value_ = std::make_unique<T>(list, std::forward<Args>(args)...);
        return *value_;
    }
    void reset() noexcept { value_.reset(); }
    void swap(heap_optional& other) noexcept { value_.swap(other.value_); }
    friend void swap(heap_optional& a, heap_optional& b) noexcept { a.swap(b); }

    bool has_value() const noexcept { return value_ != nullptr; }
    explicit operator bool() const noexcept { return has_value(); }

    T& operator*() & noexcept { return *value_; }
    const T& operator*() const& noexcept { return *value_; }
    T&& operator*() && noexcept { return std::move(*value_); }
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
    T&& value() &&
    {
        check();
        return std::move(*value_);
    }
    template <class U> T value_or(U&& fallback) const&
    {
        return value_ ? *value_ : static_cast<T>(std::forward<U>(fallback));
    }
    template <class U> T value_or(U&& fallback) &&
    {
        return value_ ? std::move(*value_) : static_cast<T>(std::forward<U>(fallback));
    }

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

// Equality where the values have it, with another heap_optional or a
// std::optional. Templates in both operands, so that nothing converts into a
// heap_optional to compare; and none against a bare value, which would let
// std::optional's own `optional == value` claim `std::optional == heap_optional`
// and answer it wrongly.
template <class T, class U>
    requires requires(const T& x, const U& u) { { x == u } -> std::convertible_to<bool>; }
bool operator==(const heap_optional<T>& a, const heap_optional<U>& b)
{
    return a && b ? *a == *b : a.has_value() == b.has_value();
}
template <class T, class U>
    requires requires(const T& x, const U& u) { { x == u } -> std::convertible_to<bool>; }
bool operator==(const heap_optional<T>& a, const std::optional<U>& b)
{
    return a && b ? *a == *b : a.has_value() == b.has_value();
}
template <class T> bool operator==(const heap_optional<T>& a, std::nullopt_t) noexcept
{
    return !a;
}

} // namespace agent_engine

#endif
