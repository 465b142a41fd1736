// Serialisers for every value that crosses the host protocol (wire_protocol.h). encode()
// appends to a WireWriter; decode() reads from a WireReader and returns false (leaving the
// reader failed) on truncated or malformed input.
#pragma once

#include "host/wire_protocol.h"
#include "host/wire_reader.h"
#include "host/wire_writer.h"
#include "method/call_types.h"

#include <vector>

namespace eapscope::wire {

void encode(WireWriter& out, const std::string& value);
void encode(WireWriter& out, const Hello& value);
void encode(WireWriter& out, const HostStatus& value);
void encode(WireWriter& out, const CheckpointResult& value);
void encode(WireWriter& out, const LoadRequest& value);
void encode(WireWriter& out, const LoadReport& value);
void encode(WireWriter& out, const AuthAttribute& value);
void encode(WireWriter& out, const BeginRequest& value);
void encode(WireWriter& out, const MakeMessageRequest& value);
void encode(WireWriter& out, const HeapEvent& value);
void encode(WireWriter& out, const HostFailure& value);
void encode(WireWriter& out, const CallOutcome& value);
void encode(WireWriter& out, const std::vector<HeapEvent>& value);

bool decode(WireReader& in, std::string& value);
bool decode(WireReader& in, Hello& value);
bool decode(WireReader& in, HostStatus& value);
bool decode(WireReader& in, CheckpointResult& value);
bool decode(WireReader& in, LoadRequest& value);
bool decode(WireReader& in, LoadReport& value);
bool decode(WireReader& in, AuthAttribute& value);
bool decode(WireReader& in, BeginRequest& value);
bool decode(WireReader& in, MakeMessageRequest& value);
bool decode(WireReader& in, HeapEvent& value);
bool decode(WireReader& in, HostFailure& value);
bool decode(WireReader& in, CallOutcome& value);
bool decode(WireReader& in, std::vector<HeapEvent>& value);

/// Encodes one value as a whole payload.
template <typename T>
std::vector<std::uint8_t> encodePayload(const T& value)
{
    WireWriter out;
    encode(out, value);
    return std::move(out.buffer());
}

/// Decodes a whole payload holding exactly one value (trailing bytes are an error).
template <typename T>
bool decodePayload(std::span<const std::uint8_t> payload, T& value)
{
    WireReader in(payload);
    return decode(in, value) && in.complete();
}

}  // namespace eapscope::wire
