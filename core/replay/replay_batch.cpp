#include "replay/replay_batch.h"

#include "host/host_executor.h"
#include "method/in_process_executor.h"
#include "method/library_format.h"
#include "method/method_resolver.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <mutex>
#include <optional>
#include <thread>

namespace eapscope {

std::unique_ptr<MethodExecutor> replayExecutor(const std::string& spec, bool isolated)
{
    const Result<std::string> path = resolveMethodSpec(spec);
    const bool windows = path && detectLibraryFormat(*path).kind == LibraryFormat::Kind::WindowsX64;
    if (isolated || windows) {
        return std::make_unique<HostExecutor>(HostOptions{});
    }
    return std::make_unique<InProcessExecutor>();
}

namespace {

std::optional<std::uint32_t> number(std::string_view text)
{
    std::uint32_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value == 0) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

Result<std::vector<std::uint32_t>> parseConversationList(const std::string& text, std::size_t count)
{
    std::vector<std::uint32_t> list;
    if (text == "all") {
        for (std::size_t n = 1; n <= count; ++n) {
            list.push_back(static_cast<std::uint32_t>(n));
        }
        return list;
    }
    const auto bad = [&text](std::string_view item) {
        return makeError("--conversation '" + text + "': '" + std::string(item) +
                         "' is not a conversation number (1, 2, …), a range such as 2-5, or 'all'");
    };
    std::string_view rest = text;
    while (true) {
        const std::string_view item = rest.substr(0, rest.find(','));
        const std::size_t dash = item.find('-');
        const auto first = number(item.substr(0, dash));
        const auto last = dash == std::string_view::npos ? first : number(item.substr(dash + 1));
        if (!first || !last || *last < *first) {
            return bad(item);
        }
        for (std::uint32_t n = *first; n <= *last; ++n) {
            list.push_back(n);
        }
        if (item.size() == rest.size()) {
            return list;
        }
        rest.remove_prefix(item.size() + 1);
    }
}

Result<std::vector<ConversationReplay>> replayConversations(const CaptureImport& capture,
                                                            const ReplayRequest& request,
                                                            std::span<const std::uint32_t> conversations,
                                                            std::uint32_t jobs,
                                                            const ReplayExecutorFactory& factory)
{
    std::vector<ConversationReplay> replays(conversations.size());
    std::vector<std::optional<std::string>> errors(conversations.size());
    std::atomic<std::size_t> next{0};
    std::mutex factoryLock;
    const auto worker = [&] {
        for (std::size_t i = next++; i < replays.size(); i = next++) {
            ConversationReplay& replay = replays[i];
            replay.request = request;
            replay.request.conversation = conversations[i];
            std::unique_ptr<MethodExecutor> executor;
            {
                const std::lock_guard lock(factoryLock);
                executor = factory();
            }
            auto result = replayConversation(capture, replay.request, *executor, replay.trace);
            if (result) {
                replay.result = std::move(*result);
            } else {
                errors[i] = result.error();
            }
        }
    };
    const std::size_t workers = std::clamp<std::size_t>(jobs, 1, std::max<std::size_t>(1, replays.size()));
    if (workers == 1) {
        worker();
    } else {
        std::vector<std::jthread> threads;
        for (std::size_t w = 0; w < workers; ++w) {
            threads.emplace_back(worker);
        }
    }
    for (std::size_t i = 0; i < errors.size(); ++i) {
        if (errors[i]) {
            return makeError(errors.size() == 1
                                 ? *errors[i]
                                 : "conversation " + std::to_string(conversations[i]) + ": " + *errors[i]);
        }
    }
    return replays;
}

}  // namespace eapscope
