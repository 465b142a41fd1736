// The ABI claim checked on Windows' side: every offset, size and constant of
// tests/abi/raseap_abi_list.h as EapScope's raseap.h gives it (raseap-layout) equals what
// MinGW-w64's raseapif.h / raserror.h give it (raseap-abi-windows.exe, run under Wine). The
// Windows build already refuses to compile on a difference (static assertions); this compares
// the two lists as the programs print them. Also the Wine prefix the other Windows tests use.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <sstream>
#include <string>

namespace {

std::map<std::string, std::string> layout(const std::string& command)
{
    std::map<std::string, std::string> values;
    FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
    if (pipe == nullptr) {
        return values;
    }
    std::string text;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        text.append(buffer, n);
    }
    ::pclose(pipe);
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        const auto space = line.rfind(' ');
        if (space != std::string::npos) {
            values[line.substr(0, space)] = line.substr(space + 1);
        }
    }
    return values;
}

TEST(RasEapAbi, MinGwHeaderAgreesWithEapScopeHeaderOnEveryOffsetSizeAndConstant)
{
    const std::string bin = EAPSCOPE_BIN_DIR;
    const auto eapscope = layout(bin + "/raseap-layout");
    const auto windows = layout("WINEDEBUG=-all /usr/lib/wine/wine64 " + bin + "/raseap-abi-windows.exe");
    ASSERT_GT(eapscope.size(), 250u);
    ASSERT_EQ(windows.size(), eapscope.size())
        << "the Windows program printed " << windows.size() << " entries";
    for (const auto& [expression, value] : eapscope) {
        const auto it = windows.find(expression);
        ASSERT_NE(it, windows.end()) << expression;
        EXPECT_EQ(it->second, value) << expression << ": MinGW-w64 " << it->second << ", EapScope " << value;
    }
}

}  // namespace
