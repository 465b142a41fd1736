// Issue 6 part 6: every capture in shared/captures is imported and must yield exactly the EAP
// packets (frame, code, id, length, type) that tshark lists in truth.tsv. The list of captures
// comes from the folder itself, so a capture added there without truth rows fails here.
#include "capture/capture_importer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace eapscope {
namespace {

namespace fs = std::filesystem;

const fs::path kCaptures = fs::path(EAPSCOPE_SHARED_DIR) / "captures";

// Captures in which tshark decodes no EAP header, with the reason (MANIFEST "What tshark does" 9).
const std::map<std::string, std::string> kNoEapCaptures = {
    {"public/tcpdump-eap_extract_read2_asan.pcap", "EAPOL body length 0: malformed, no EAP header"},
};

struct Row {
    std::uint32_t frame = 0;
    int code = 0, id = 0, length = 0, type = -1;
    auto operator<=>(const Row&) const = default;
};

std::string format(const Row& row)
{
    return "frame " + std::to_string(row.frame) + " code " + std::to_string(row.code) + " id " +
           std::to_string(row.id) + " len " + std::to_string(row.length) + " type " +
           (row.type < 0 ? std::string("-") : std::to_string(row.type));
}

std::map<std::string, std::multiset<Row>> readTruth()
{
    std::map<std::string, std::multiset<Row>> truth;
    std::ifstream in(kCaptures / "truth.tsv");
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream stream(line);
        for (std::string cell; std::getline(stream, cell, '\t');)
            cells.push_back(cell);
        if (cells.size() < 6)
            continue;
        Row row{static_cast<std::uint32_t>(std::stoul(cells[1])), std::stoi(cells[3]), std::stoi(cells[4]),
                std::stoi(cells[5]), cells.size() > 6 && !cells[6].empty() ? std::stoi(cells[6]) : -1};
        truth[cells[0]].insert(row);
    }
    return truth;
}

std::vector<std::string> captureFiles()
{
    std::vector<std::string> files;
    if (!fs::exists(kCaptures))
        return files;
    for (const auto& entry : fs::recursive_directory_iterator(kCaptures)) {
        std::string relative = fs::relative(entry.path(), kCaptures).generic_string();
        if (entry.is_regular_file() && relative.find('/') != std::string::npos)
            files.push_back(relative);
    }
    std::sort(files.begin(), files.end());
    return files;
}

const std::multiset<Row>& truthRows(const std::map<std::string, std::multiset<Row>>& truth,
                                    const std::string& file)
{
    static const std::multiset<Row> none;
    auto it = truth.find(file);
    return it == truth.end() ? none : it->second;
}

std::size_t expected_count(const std::multiset<Row>& rows, const Row& row)
{
    return rows.count(row);
}

class CaptureTruth : public ::testing::TestWithParam<std::string> {};

TEST_P(CaptureTruth, ImporterFindsTheSameEapPacketsAsTshark)
{
    static const auto truth = readTruth();
    const std::string& file = GetParam();
    auto rows = truth.find(file);
    ASSERT_TRUE(rows != truth.end() || kNoEapCaptures.count(file))
        << file << " has no rows in truth.tsv and is not listed as a capture without EAP: not covered";
    auto imported = importCapture((kCaptures / file).string());
    ASSERT_TRUE(imported.ok()) << imported.error();
    std::multiset<Row> found, heuristic;
    for (const CapturedPacket& p : imported->packets) {
        Row row{p.frame, p.code, p.id, p.length, p.type ? int(*p.type) : -1};
        // tshark dissects RADIUS only on registered ports (truth for loopback/ used -d for 18120);
        // EapScope also recognises it elsewhere (issue 6 part 1). Those extras are flagged.
        const std::vector<EapAnomaly> anomalies = imported->packetAnomalies(p);
        bool byHeuristic = std::any_of(anomalies.begin(), anomalies.end(),
                                       [](const EapAnomaly& a) { return a.id == "RADIUS_PORT_HEURISTIC"; });
        (byHeuristic && !file.starts_with("loopback/") ? heuristic : found).insert(row);
    }
    for (const Row& row : heuristic) {
        EXPECT_EQ(expected_count(truthRows(truth, file), row), 0u)
            << file << ": heuristic RADIUS " << format(row);
    }
    const std::multiset<Row> expected = rows != truth.end() ? rows->second : std::multiset<Row>{};
    std::vector<Row> missing, extra;
    std::set_difference(expected.begin(), expected.end(), found.begin(), found.end(),
                        std::back_inserter(missing));
    std::set_difference(found.begin(), found.end(), expected.begin(), expected.end(),
                        std::back_inserter(extra));
    for (const Row& row : missing)
        ADD_FAILURE() << file << ": missing " << format(row);
    for (const Row& row : extra)
        ADD_FAILURE() << file << ": extra " << format(row);
    EXPECT_EQ(found.size(), expected.size()) << file;
}

TEST(CaptureTruthFiles, TheSharedCapturesExistAndAreAllInTheTruthOrListed)
{
    auto files = captureFiles();
    ASSERT_GE(files.size(), 30u) << "shared captures missing at " << kCaptures;
    auto truth = readTruth();
    for (const auto& [file, rows] : truth) {
        EXPECT_TRUE(std::find(files.begin(), files.end(), file) != files.end())
            << file << " in truth.tsv but absent";
    }
}

std::string testName(const ::testing::TestParamInfo<std::string>& info)
{
    std::string name = info.param;
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(SharedCaptures, CaptureTruth, ::testing::ValuesIn(captureFiles()), testName);

}  // namespace
}  // namespace eapscope
