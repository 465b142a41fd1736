// The built-in authentication provider behind EAPACTION_Authenticate (RASEAP.md §3.4
// "Authenticate"): a user table identity → password that checks PAP (raatUserPassword) and
// MD5-CHAP (raatMD5CHAPPassword = Identifier + 16-byte response, with raatMD5CHAPChallenge,
// RFC 1994 §4.1) and MS-CHAPv2 (Microsoft VSAs MS-CHAP-Challenge + MS-CHAP2-Response, RFC 2548
// §2.3.2, checked per RFC 2759; it answers MS-CHAP2-Success and the MS-MPPE-Send/Recv-Key of
// RFC 3079 in the RASEAP.md §2.4 layout, or MS-CHAP-Error "E=691"), and treats a user name
// alone as authorization only.
#pragma once

#include "common/message_text.h"
#include "method/call_types.h"

#include <map>
#include <string>
#include <vector>

namespace eapscope {

struct BackEndAnswer {
    std::uint32_t resultCode = 0;           // NO_ERROR or ERROR_AUTHENTICATION_FAILURE
    std::vector<AuthAttribute> attributes;  // what the provider returns (the user's attributes)
    MessageText detail;                     // one line for the trace: which check decided
};

class BackEnd {
public:
    void addUser(const std::string& identity, const std::string& password);

    [[nodiscard]] BackEndAnswer authenticate(const std::vector<AuthAttribute>& request) const;

private:
    [[nodiscard]] BackEndAnswer checkChap(const std::string& user, const std::string& password,
                                          const AuthAttribute& response,
                                          const AuthAttribute* challenge) const;
    [[nodiscard]] BackEndAnswer checkMsChapV2(const std::string& user, const std::string& password,
                                              const Bytes& response,
                                              const std::vector<AuthAttribute>& request) const;

    std::map<std::string, std::string> users_;
};

}  // namespace eapscope
