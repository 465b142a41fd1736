// The built-in authentication provider behind EAPACTION_Authenticate (RASEAP.md §3.4
// "Authenticate"): a user table identity → password that checks PAP (raatUserPassword) and
// MD5-CHAP (raatMD5CHAPPassword = Identifier + 16-byte response, with raatMD5CHAPChallenge,
// RFC 1994 §4.1), and treats a user name alone as authorization only.
#pragma once

#include "method/call_types.h"

#include <map>
#include <string>
#include <vector>

namespace eapscope {

struct BackEndAnswer {
    std::uint32_t resultCode = 0;           // NO_ERROR or ERROR_AUTHENTICATION_FAILURE
    std::vector<AuthAttribute> attributes;  // what the provider returns (the user's attributes)
    std::string detail;                     // one line for the trace: which check decided
};

class BackEnd {
public:
    void addUser(const std::string& identity, const std::string& password);

    [[nodiscard]] BackEndAnswer authenticate(const std::vector<AuthAttribute>& request) const;

private:
    [[nodiscard]] BackEndAnswer checkChap(const std::string& user, const std::string& password,
                                          const AuthAttribute& response,
                                          const AuthAttribute* challenge) const;

    std::map<std::string, std::string> users_;
};

}  // namespace eapscope
