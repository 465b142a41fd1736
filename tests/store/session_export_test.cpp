// `export --format json|csv` writes every event with stable column names (issue 4 part 5).
#include "store/session_export.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace eapscope {
namespace {

Trace smallTrace()
{
    Trace trace;
    const EventId start = trace.append({.timeNs = 10,
                                        .kind = EventKind::CallStart,
                                        .side = Side::Authenticator,
                                        .entry = EntryPoint::Begin});
    const ContextId ctx = trace.addContext({Side::Authenticator, 1, start, StringId()});
    trace.append({.timeNs = 15,
                  .kind = EventKind::CallEnd,
                  .side = Side::Authenticator,
                  .entry = EntryPoint::Begin,
                  .context = ctx,
                  .call = start,
                  .a = 4096,
                  .b = 5});
    trace.append({.timeNs = 20,
                  .kind = EventKind::Packet,
                  .side = Side::Authenticator,
                  .context = ctx,
                  .packet = trace.addPacket(std::vector<std::uint8_t>{1, 2, 0, 4}),
                  .text = trace.intern("Request, \"quoted\"")});
    return trace;
}

TEST(SessionExport, Csv_HeaderAndOneLinePerEvent)
{
    std::ostringstream out;
    exportEvents(smallTrace(), ExportFormat::Csv, out);
    EXPECT_EQ(
        out.str(),
        "index,time_ns,kind,side,context,entry,action,call,result,aux,packet,text,a,b\n"
        "0,10,call,authenticator,,Begin,-,,0,0,,,0,0\n"
        "1,15,return,authenticator,authenticator#1,Begin,-,0,0,0,,,4096,5\n"
        "2,20,packet,authenticator,authenticator#1,none,-,,0,0,01020004,\"Request, \"\"quoted\"\"\",0,0\n");
}

TEST(SessionExport, Json_ArrayOfEventObjects)
{
    std::ostringstream out;
    exportEvents(smallTrace(), ExportFormat::Json, out);
    const auto doc = nlohmann::json::parse(out.str());
    ASSERT_TRUE(doc.is_array());
    ASSERT_EQ(doc.size(), 3u);
    EXPECT_EQ(doc[0]["kind"], "call");
    EXPECT_TRUE(doc[0]["call"].is_null());
    EXPECT_EQ(doc[1]["call"], 0);
    EXPECT_EQ(doc[1]["a"], 4096);
    EXPECT_EQ(doc[2]["packet"], "01020004");
    EXPECT_EQ(doc[2]["text"], "Request, \"quoted\"");
    EXPECT_EQ(doc[2]["context"], "authenticator#1");
}

TEST(SessionExport, UnknownFormat_IsAnError)
{
    EXPECT_TRUE(parseExportFormat("csv"));
    EXPECT_TRUE(parseExportFormat("json"));
    auto bad = parseExportFormat("xml");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().find("xml"), std::string::npos);
}

}  // namespace
}  // namespace eapscope
