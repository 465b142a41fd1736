#include "method/attribute_array.h"

#include <cstring>

namespace eapscope {

namespace {

void appendRaw(Bytes& out, const void* data, std::size_t size)
{
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out.insert(out.end(), bytes, bytes + size);
}

std::string entryText(std::size_t index, std::uint32_t type)
{
    return "attribute #" + std::to_string(index) + " (type " + std::to_string(type) + ")";
}

// RASEAP.md §2.4 MPPE key layout: Vendor-Id 311, types 16/17, Vendor-Length = dwLength - 4.
std::string checkVendorSpecific(const AuthAttribute& attribute, std::size_t index)
{
    if (attribute.length < 4) {
        return entryText(index, attribute.type) + ": raatVendorSpecific shorter than its 4-byte Vendor-Id";
    }
    const auto& d = attribute.data;
    const std::uint32_t vendor =
        (std::uint32_t{d[0]} << 24) | (std::uint32_t{d[1]} << 16) | (std::uint32_t{d[2]} << 8) | d[3];
    if (vendor == RASEAP_VENDOR_MICROSOFT && d.size() >= 6 &&
        (d[4] == RASEAP_MS_MPPE_SEND_KEY || d[4] == RASEAP_MS_MPPE_RECV_KEY) &&
        d[5] != attribute.length - 4) {
        return entryText(index, attribute.type) + ": MS-MPPE key Vendor-Length " + std::to_string(d[5]) +
               " != dwLength - 4 = " + std::to_string(attribute.length - 4);
    }
    return {};
}

// One entry; returns a problem text or empty (RASEAP.md §3.7 item 18).
std::string decodeEntry(const RAS_AUTH_ATTRIBUTE& entry, std::size_t index, AuthAttribute& out)
{
    out.type = entry.raaType;
    out.length = entry.dwLength;
    out.pointer = attributeIsPointer(entry.raaType);
    if (!out.pointer) {
        if (entry.dwLength != 1 && entry.dwLength != 2 && entry.dwLength != 4) {
            return entryText(index, entry.raaType) + ": integral value with dwLength " +
                   std::to_string(entry.dwLength) + " (must be 1, 2 or 4)";
        }
        out.integral = reinterpret_cast<std::uintptr_t>(entry.Value);
        return {};
    }
    if (entry.dwLength > kMaxAttributeBytes) {
        return entryText(index, entry.raaType) + ": dwLength " + std::to_string(entry.dwLength) +
               " is not sane";
    }
    if (entry.dwLength > 0 && !entry.Value) {
        return entryText(index, entry.raaType) + ": dwLength " + std::to_string(entry.dwLength) +
               " with NULL Value";
    }
    appendRaw(out.data, entry.Value, entry.dwLength);
    return entry.raaType == raatVendorSpecific ? checkVendorSpecific(out, index) : std::string{};
}

}  // namespace

AttributeArray::AttributeArray(const std::vector<AuthAttribute>& attributes)
{
    if (attributes.empty()) {
        return;
    }
    values_.reserve(attributes.size());
    for (const auto& attribute : attributes) {
        RAS_AUTH_ATTRIBUTE entry{};
        // RAS_AUTH_ATTRIBUTE_TYPE is an enum in the platform's raseapif.h (eapscope-host.exe).
        entry.raaType = static_cast<RAS_AUTH_ATTRIBUTE_TYPE>(attribute.type);
        entry.dwLength = attribute.length;
        if (attribute.pointer) {
            values_.push_back(attribute.data);
            entry.dwLength = static_cast<DWORD>(attribute.data.size());
            entry.Value = values_.back().empty() ? nullptr : values_.back().data();
        } else {
            entry.Value = reinterpret_cast<PVOID>(static_cast<std::uintptr_t>(attribute.integral));
        }
        entries_.push_back(entry);
    }
    entries_.push_back(RAS_AUTH_ATTRIBUTE{raatMinimum, 0, nullptr});
}

void AttributeArray::snapshotInto(Bytes& out) const
{
    out.clear();
    appendRaw(out, entries_.data(), entries_.size() * sizeof(RAS_AUTH_ATTRIBUTE));
    for (const auto& value : values_) {
        out.insert(out.end(), value.begin(), value.end());
    }
}

bool AttributeArray::matches(const Bytes& snapshot) const
{
    const std::size_t entryBytes = entries_.size() * sizeof(RAS_AUTH_ATTRIBUTE);
    std::size_t total = entryBytes;
    for (const auto& value : values_) {
        total += value.size();
    }
    if (snapshot.size() != total ||
        (entryBytes > 0 && std::memcmp(snapshot.data(), entries_.data(), entryBytes) != 0)) {
        return false;
    }
    std::size_t at = entryBytes;
    for (const auto& value : values_) {
        if (!value.empty() && std::memcmp(snapshot.data() + at, value.data(), value.size()) != 0) {
            return false;
        }
        at += value.size();
    }
    return true;
}

DecodedAttributes decodeAttributes(const RAS_AUTH_ATTRIBUTE* array)
{
    DecodedAttributes decoded;
    for (std::size_t i = 0; i < kMaxAttributes; ++i) {
        RAS_AUTH_ATTRIBUTE entry;
        std::memcpy(&entry, array + i, sizeof entry);
        if (entry.raaType == raatMinimum) {
            return decoded;
        }
        AuthAttribute attribute;
        decoded.problem = decodeEntry(entry, i, attribute);
        if (!decoded.problem.empty()) {
            return decoded;
        }
        decoded.attributes.push_back(std::move(attribute));
    }
    decoded.problem = "no raatMinimum terminator within " + std::to_string(kMaxAttributes) + " entries";
    return decoded;
}

}  // namespace eapscope
