// RAS_AUTH_ATTRIBUTE arrays across the ABI (RASEAP.md §1.1, §2.4): AttributeArray owns a
// raatMinimum-terminated array built from AuthAttribute values for the method to read;
// decodeAttributes() deep-copies a method-owned array and says why it is malformed
// (RASEAP.md §3.7 item 18 → ATTRIBUTES_MALFORMED).
#pragma once

#include "method/call_types.h"

#include <eapscope/raseap.h>

#include <string>
#include <vector>

namespace eapscope {

class AttributeArray {
public:
    AttributeArray() = default;
    explicit AttributeArray(const std::vector<AuthAttribute>& attributes);
    // Entries point into values_: copying would leave them pointing at the original.
    AttributeArray(const AttributeArray&) = delete;
    AttributeArray& operator=(const AttributeArray&) = delete;
    AttributeArray(AttributeArray&&) = default;
    AttributeArray& operator=(AttributeArray&&) = default;

    /// The terminated array, or nullptr when built from no attributes.
    [[nodiscard]] RAS_AUTH_ATTRIBUTE* get() { return entries_.empty() ? nullptr : entries_.data(); }
    /// Entries plus the bytes they point to, for INPUT_MODIFIED checks; reuses `out`'s storage.
    void snapshotInto(Bytes& out) const;
    /// Whether the entries and the bytes they point to still equal a snapshotInto() copy.
    [[nodiscard]] bool matches(const Bytes& snapshot) const;

private:
    std::vector<RAS_AUTH_ATTRIBUTE> entries_;
    std::vector<Bytes> values_;
};

struct DecodedAttributes {
    std::vector<AuthAttribute> attributes;  // up to (not including) the terminator or the first problem
    std::string problem;                    // empty when well-formed
};

/// Reads a method's array up to raatMinimum, at most kMaxAttributes entries.
DecodedAttributes decodeAttributes(const RAS_AUTH_ATTRIBUTE* array);

inline constexpr std::size_t kMaxAttributes = 256;  // "terminated within a sane bound" (§3.7 item 18)
inline constexpr std::uint32_t kMaxAttributeBytes = 65536;  // larger than any RADIUS attribute can carry

}  // namespace eapscope
