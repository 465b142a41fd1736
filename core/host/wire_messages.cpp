#include "host/wire_messages.h"

namespace eapscope::wire {

namespace {

// Smallest encodings, used to bound element counts read from the wire.
constexpr std::size_t kMinAttribute = 4 + 4 + 1 + 4 + 8;
constexpr std::size_t kMinHeapEvent = 1 + 8 + 8 + 4 + 8 + 4 + 4;
constexpr std::size_t kMinString = 4;

template <typename T, typename F>
void encodeList(WireWriter& out, const std::vector<T>& items, F each)
{
    out.u32(static_cast<std::uint32_t>(items.size()));
    for (const T& item : items) {
        each(item);
    }
}

template <typename T, typename F>
std::vector<T> decodeList(WireReader& in, std::size_t minSize, F each)
{
    const std::uint32_t n = in.count(minSize);
    std::vector<T> items;
    items.reserve(n);
    for (std::uint32_t i = 0; i < n && !in.failed(); ++i) {
        items.push_back(each());
    }
    return items;
}

void encodeOptionalBytes(WireWriter& out, const std::optional<Bytes>& value)
{
    out.boolean(value.has_value());
    if (value) {
        out.bytes(*value);
    }
}

std::optional<Bytes> decodeOptionalBytes(WireReader& in)
{
    if (!in.boolean()) {
        return std::nullopt;
    }
    return in.bytes();
}

void encodeAttributes(WireWriter& out, const std::vector<AuthAttribute>& list)
{
    encodeList(out, list, [&](const AuthAttribute& a) { encode(out, a); });
}

std::vector<AuthAttribute> decodeAttributes(WireReader& in)
{
    return decodeList<AuthAttribute>(in, kMinAttribute, [&] {
        AuthAttribute a;
        decode(in, a);
        return a;
    });
}

void encodeStrings(WireWriter& out, const std::vector<std::string>& list)
{
    encodeList(out, list, [&](const std::string& s) { out.string(s); });
}

std::vector<std::string> decodeStrings(WireReader& in)
{
    return decodeList<std::string>(in, kMinString, [&] { return in.string(); });
}

// A sentence: its source, whether it is verbatim, and its arguments, each encoded the same way.
// Core nests at most one level; kMaxTextDepth bounds what a damaged host could send.
constexpr int kMaxTextDepth = 8;
constexpr std::size_t kMinText = kMinString + 1 + 4;

void encodeText(WireWriter& out, const MessageText& text)
{
    out.string(text.source);
    out.boolean(text.verbatim);
    encodeList(out, text.args, [&](const MessageText& arg) { encodeText(out, arg); });
}

MessageText decodeText(WireReader& in, int depth)
{
    MessageText text;
    text.source = in.string();
    text.verbatim = in.boolean();
    if (depth >= kMaxTextDepth) {
        if (in.u32() != 0) {
            in.fail();
        }
        return text;
    }
    text.args = decodeList<MessageText>(in, kMinText, [&] { return decodeText(in, depth + 1); });
    return text;
}

EntryPoint decodeEntry(WireReader& in)
{
    const std::uint8_t raw = in.u8();
    if (raw > static_cast<std::uint8_t>(EntryPoint::End)) {
        in.fail();
    }
    return static_cast<EntryPoint>(raw);
}

}  // namespace

void encode(WireWriter& out, const std::string& value)
{
    out.string(value);
}

bool decode(WireReader& in, std::string& value)
{
    value = in.string();
    return !in.failed();
}

void encode(WireWriter& out, const Hello& value)
{
    out.u32(value.magic);
    out.u16(value.version);
    out.u32(value.pid);
    out.boolean(value.tracerActive);
}

bool decode(WireReader& in, Hello& value)
{
    value.magic = in.u32();
    value.version = in.u16();
    value.pid = in.u32();
    value.tracerActive = in.boolean();
    return !in.failed();
}

void encode(WireWriter& out, const HostStatus& value)
{
    out.u32(value.threads);
}

bool decode(WireReader& in, HostStatus& value)
{
    value.threads = in.u32();
    return !in.failed();
}

void encode(WireWriter& out, const CheckpointResult& value)
{
    out.boolean(value.ok);
    out.u32(value.pid);
    out.string(value.message);
}

bool decode(WireReader& in, CheckpointResult& value)
{
    value.ok = in.boolean();
    value.pid = in.u32();
    value.message = in.string();
    return !in.failed();
}

void encode(WireWriter& out, const LoadRequest& value)
{
    out.string(value.path);
    out.string(value.displayName);
    out.boolean(value.type.has_value());
    out.u32(value.type.value_or(0));
}

bool decode(WireReader& in, LoadRequest& value)
{
    value.path = in.string();
    value.displayName = in.string();
    const bool hasType = in.boolean();
    const std::uint32_t type = in.u32();
    value.type = hasType ? std::optional<std::uint32_t>(type) : std::nullopt;
    return !in.failed();
}

void encode(WireWriter& out, const LoadReport& value)
{
    out.boolean(value.ok);
    out.string(value.name);
    out.string(value.path);
    out.string(value.sha256);
    out.u32(value.eapType);
    encodeList(out, value.answeredTypes, [&](std::uint32_t t) { out.u32(t); });
    encodeStrings(out, value.exports);
    out.u32(value.roles);
    out.boolean(value.rolesExported);
    encodeStrings(out, value.notes);
    out.boolean(value.hasInitialize);
    out.boolean(value.hasBegin);
    out.boolean(value.hasEnd);
    out.boolean(value.hasMakeMessage);
    encodeList(out, value.findings, [&](const LoadReport::LoadFinding& f) {
        out.string(f.rule);
        out.string(f.message);
        encodeText(out, f.text);
    });
    out.string(value.error);
}

bool decode(WireReader& in, LoadReport& value)
{
    value.ok = in.boolean();
    value.name = in.string();
    value.path = in.string();
    value.sha256 = in.string();
    value.eapType = in.u32();
    value.answeredTypes = decodeList<std::uint32_t>(in, 4, [&] { return in.u32(); });
    value.exports = decodeStrings(in);
    value.roles = in.u32();
    value.rolesExported = in.boolean();
    value.notes = decodeStrings(in);
    value.hasInitialize = in.boolean();
    value.hasBegin = in.boolean();
    value.hasEnd = in.boolean();
    value.hasMakeMessage = in.boolean();
    value.findings = decodeList<LoadReport::LoadFinding>(in, 2 * kMinString + kMinText, [&] {
        LoadReport::LoadFinding f;
        f.rule = in.string();
        f.message = in.string();
        f.text = decodeText(in, 0);
        return f;
    });
    value.error = in.string();
    return !in.failed();
}

void encode(WireWriter& out, const AuthAttribute& value)
{
    out.u32(value.type);
    out.u32(value.length);
    out.boolean(value.pointer);
    out.bytes(value.data);
    out.u64(value.integral);
}

bool decode(WireReader& in, AuthAttribute& value)
{
    value.type = in.u32();
    value.length = in.u32();
    value.pointer = in.boolean();
    value.data = in.bytes();
    value.integral = in.u64();
    return !in.failed();
}

void encode(WireWriter& out, const BeginRequest& value)
{
    out.u32(value.contextTag);
    out.boolean(value.authenticator);
    out.u32(value.flags);
    out.u16string(value.identity);
    out.boolean(value.password.has_value());
    out.u16string(value.password.value_or(std::u16string()));
    out.u8(value.initialId);
    encodeAttributes(out, value.userAttributes);
    out.bytes(value.connectionData);
    out.bytes(value.userData);
    out.u32(value.inputSize);
}

bool decode(WireReader& in, BeginRequest& value)
{
    value.contextTag = in.u32();
    value.authenticator = in.boolean();
    value.flags = in.u32();
    value.identity = in.u16string();
    const bool hasPassword = in.boolean();
    std::u16string password = in.u16string();
    value.password = hasPassword ? std::optional<std::u16string>(std::move(password)) : std::nullopt;
    value.initialId = in.u8();
    value.userAttributes = decodeAttributes(in);
    value.connectionData = in.bytes();
    value.userData = in.bytes();
    value.inputSize = in.u32();
    return !in.failed();
}

void encode(WireWriter& out, const MakeMessageRequest& value)
{
    out.u32(value.contextTag);
    out.u64(value.workBuffer);
    encodeOptionalBytes(out, value.receivePacket);
    out.u32(value.cbSendPacket);
    out.u32(value.flags);
    out.u32(value.authResultCode);
    encodeAttributes(out, value.userAttributes);
    out.u32(value.outputSize);
}

bool decode(WireReader& in, MakeMessageRequest& value)
{
    value.contextTag = in.u32();
    value.workBuffer = in.u64();
    value.receivePacket = decodeOptionalBytes(in);
    value.cbSendPacket = in.u32();
    value.flags = in.u32();
    value.authResultCode = in.u32();
    value.userAttributes = decodeAttributes(in);
    value.outputSize = in.u32();
    return !in.failed();
}

void encode(WireWriter& out, const HeapEvent& value)
{
    out.boolean(value.alloc);
    out.u64(value.address);
    out.u64(value.size);
    out.u32(value.contextTag);
    out.u64(value.timeNs);
    out.string(value.site);
    out.string(value.anomaly);
}

bool decode(WireReader& in, HeapEvent& value)
{
    value.alloc = in.boolean();
    value.address = in.u64();
    value.size = in.u64();
    value.contextTag = in.u32();
    value.timeNs = in.u64();
    value.site = in.string();
    value.anomaly = in.string();
    return !in.failed();
}

void encode(WireWriter& out, const std::vector<HeapEvent>& value)
{
    encodeList(out, value, [&](const HeapEvent& e) { encode(out, e); });
}

bool decode(WireReader& in, std::vector<HeapEvent>& value)
{
    value = decodeList<HeapEvent>(in, kMinHeapEvent, [&] {
        HeapEvent e;
        decode(in, e);
        return e;
    });
    return !in.failed();
}

void encode(WireWriter& out, const HostFailure& value)
{
    out.u8(static_cast<std::uint8_t>(value.kind));
    out.boolean(value.signal.has_value());
    out.u32(static_cast<std::uint32_t>(value.signal.value_or(0)));
    out.boolean(value.exitStatus.has_value());
    out.u32(static_cast<std::uint32_t>(value.exitStatus.value_or(0)));
    out.string(value.detail);
}

bool decode(WireReader& in, HostFailure& value)
{
    const std::uint8_t kind = in.u8();
    if (kind > static_cast<std::uint8_t>(HostFailure::Kind::PacketOverflowFault)) {
        in.fail();
    }
    value.kind = static_cast<HostFailure::Kind>(kind);
    const bool hasSignal = in.boolean();
    const auto signal = static_cast<int>(in.u32());
    const bool hasExit = in.boolean();
    const auto exitStatus = static_cast<int>(in.u32());
    value.signal = hasSignal ? std::optional<int>(signal) : std::nullopt;
    value.exitStatus = hasExit ? std::optional<int>(exitStatus) : std::nullopt;
    value.detail = in.string();
    return !in.failed();
}

void encode(WireWriter& out, const CallOutcome& value)
{
    out.u8(static_cast<std::uint8_t>(value.entry));
    out.u32(value.result);
    out.u64(value.durationNs);
    out.u64(value.workBuffer);
    out.boolean(value.workBufferWritten);
    out.u32(value.action);
    out.u32(value.authResultCode);
    out.bytes(value.sendPacket);
    out.u32(value.sendLengthField);
    encodeAttributes(out, value.outputAttributes);
    out.string(value.attributesProblem);
    out.boolean(value.invokeInteractiveUI);
    out.bytes(value.uiContextData);
    out.boolean(value.saveConnectionData);
    out.boolean(value.saveUserData);
    out.bytes(value.connectionData);
    out.bytes(value.userData);
    out.string(value.inputModified);
    out.boolean(value.outputOverrun);
    out.boolean(value.infoOverrun);
    out.boolean(value.packetOverflow);
    out.boolean(value.overflowOffset.has_value());
    out.i64(value.overflowOffset.value_or(0));
    out.boolean(value.inputUsedAfterCall);
    out.string(value.inputUsedDetail);
    encode(out, value.heap);
    out.boolean(value.failure.has_value());
    if (value.failure) {
        encode(out, *value.failure);
    }
}

bool decode(WireReader& in, CallOutcome& value)
{
    value.entry = decodeEntry(in);
    value.result = in.u32();
    value.durationNs = in.u64();
    value.workBuffer = in.u64();
    value.workBufferWritten = in.boolean();
    value.action = in.u32();
    value.authResultCode = in.u32();
    value.sendPacket = in.bytes();
    value.sendLengthField = in.u32();
    value.outputAttributes = decodeAttributes(in);
    value.attributesProblem = in.string();
    value.invokeInteractiveUI = in.boolean();
    value.uiContextData = in.bytes();
    value.saveConnectionData = in.boolean();
    value.saveUserData = in.boolean();
    value.connectionData = in.bytes();
    value.userData = in.bytes();
    value.inputModified = in.string();
    value.outputOverrun = in.boolean();
    value.infoOverrun = in.boolean();
    value.packetOverflow = in.boolean();
    const bool hasOffset = in.boolean();
    const std::int64_t offset = in.i64();
    value.overflowOffset = hasOffset ? std::optional<std::int64_t>(offset) : std::nullopt;
    value.inputUsedAfterCall = in.boolean();
    value.inputUsedDetail = in.string();
    decode(in, value.heap);
    value.failure.reset();
    if (in.boolean()) {
        HostFailure failure;
        decode(in, failure);
        value.failure = std::move(failure);
    }
    return !in.failed();
}

}  // namespace eapscope::wire
