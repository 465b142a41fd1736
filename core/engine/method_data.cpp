#include "engine/method_data.h"

#include "trace/trace.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>
#include <tuple>

namespace eapscope {

namespace fs = std::filesystem;

Result<Bytes> readMethodData(std::string_view option, const std::string& value)
{
    if (value.empty()) {
        return Bytes{};
    }
    std::error_code ec;
    if (fs::is_regular_file(value, ec)) {
        std::ifstream in(value, std::ios::binary);
        if (!in) {
            return makeError(std::string(option) + ": cannot read '" + value + "'");
        }
        return Bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    if (fs::exists(value, ec)) {
        return makeError(std::string(option) + ": '" + value + "' is not a regular file");
    }
    if (value.find('=') == std::string::npos) {
        return makeError(std::string(option) + ": '" + value +
                         "' is neither an existing file nor key=value text (e.g. 'ca=ca.pem;cert=me.pem')");
    }
    return Bytes(value.begin(), value.end());
}

namespace {

Status applyOne(std::string_view option, const std::string& value, Bytes& target, Trace& trace)
{
    auto data = readMethodData(option, value);
    if (!data) {
        return data.failure();
    }
    target = std::move(data.value());
    if (!value.empty()) {
        std::error_code ec;
        const bool file = fs::is_regular_file(value, ec);
        trace.setOption(std::string(option.substr(2)),
                        file ? value : "inline text, " + std::to_string(target.size()) + " bytes");
    }
    return Ok{};
}

}  // namespace

Status applyMethodData(const RunOptions& options, EngineConfig& config, Trace& trace)
{
    for (auto [option, value, target] :
         {std::tuple{"--auth-connection-data", &options.authConnectionData,
                     &config.authenticator.connectionData},
          std::tuple{"--peer-connection-data", &options.peerConnectionData, &config.peer.connectionData},
          std::tuple{"--peer-user-data", &options.peerUserData, &config.peer.userData}}) {
        if (auto status = applyOne(option, *value, *target, trace); !status) {
            return status;
        }
    }
    return Ok{};
}

}  // namespace eapscope
