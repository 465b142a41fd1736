// Strong id types: a number that means "row of X" gets its own type (CONVENTIONS.md).
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>

namespace eapscope {

template <typename Tag, typename Rep = std::uint32_t>
class StrongId {
public:
    using rep_type = Rep;
    static constexpr Rep kInvalid = std::numeric_limits<Rep>::max();

    constexpr StrongId() = default;
    constexpr explicit StrongId(Rep value) : value_(value) {}

    [[nodiscard]] constexpr Rep value() const { return value_; }
    [[nodiscard]] constexpr bool valid() const { return value_ != kInvalid; }
    constexpr explicit operator bool() const { return valid(); }
    constexpr auto operator<=>(const StrongId&) const = default;

private:
    Rep value_ = kInvalid;
};

using EventId = StrongId<struct EventTag>;
using PacketId = StrongId<struct PacketTag>;
using StringId = StrongId<struct StringTag>;
using ContextId = StrongId<struct ContextTag>;
using FindingId = StrongId<struct FindingTag>;

}  // namespace eapscope

template <typename Tag, typename Rep>
struct std::hash<eapscope::StrongId<Tag, Rep>> {
    std::size_t operator()(const eapscope::StrongId<Tag, Rep>& id) const noexcept
    {
        return std::hash<Rep>{}(id.value());
    }
};
