// The packet rules of RASEAP.md §3.7 items 13-16: Length, Code, Type, Identifier, resend and
// result consistency of the packet a method asked the host to send.
#pragma once

#include "checker/contract_checker.h"

#include <string>
#include <vector>

namespace eapscope {

struct PacketRuleContext {
    const CallFacts& facts;
    const CallOutcome& outcome;
    PacketHistory& history;
    std::vector<FindingRecord>& out;
};

/// Checks the sent packet of a Send* action; returns false when the packet is not sendable
/// (bad Length), so the engine must not transmit it.
bool checkSentPacket(PacketRuleContext& ctx);

}  // namespace eapscope
