#include "ingest-service/extract/url.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace claims::extract {
namespace {

// Query parameters that only say how a reader arrived, not what they read.
bool IsTrackingParameter(absl::string_view key) {
  const std::string lower = absl::AsciiStrToLower(key);
  if (absl::StartsWith(lower, "utm_")) return true;
  static constexpr absl::string_view kExact[] = {
      "fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid", "ocid", "at_medium", "at_campaign"};
  for (absl::string_view k : kExact) {
    if (lower == k) return true;
  }
  return false;
}

bool IsHostChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' ||
         c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

absl::StatusOr<std::string> CanonicalUrl(absl::string_view url) {
  url = absl::StripAsciiWhitespace(url);
  for (char c : url) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) {
      return absl::InvalidArgumentError(
          absl::StrCat("url: contains a space or control character: \"", url, "\""));
    }
  }
  const size_t scheme_end = url.find("://");
  if (scheme_end == absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("url: not an absolute http(s) URL: \"", url, "\""));
  }
  const std::string scheme = absl::AsciiStrToLower(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") {
    return absl::InvalidArgumentError(
        absl::StrCat("url: scheme must be http or https: \"", url, "\""));
  }
  absl::string_view rest = url.substr(scheme_end + 3);
  // The fragment never reaches the server: drop it first.
  rest = rest.substr(0, rest.find('#'));
  const size_t authority_end = rest.find_first_of("/?");
  absl::string_view authority = rest.substr(0, authority_end);
  absl::string_view path_and_query =
      authority_end == absl::string_view::npos ? absl::string_view() : rest.substr(authority_end);

  // userinfo@ is kept verbatim (rare, but part of the address).
  std::string userinfo;
  if (const size_t at = authority.rfind('@'); at != absl::string_view::npos) {
    userinfo = std::string(authority.substr(0, at + 1));
    authority = authority.substr(at + 1);
  }
  absl::string_view host = authority;
  absl::string_view port;
  if (!host.empty() && host.front() == '[') {  // IPv6 literal
    const size_t close = host.find(']');
    if (close == absl::string_view::npos) {
      return absl::InvalidArgumentError(absl::StrCat("url: malformed IPv6 host: \"", url, "\""));
    }
    if (close + 1 < host.size()) {
      if (host[close + 1] != ':') {
        return absl::InvalidArgumentError(absl::StrCat("url: malformed host: \"", url, "\""));
      }
      port = host.substr(close + 2);
    }
    host = host.substr(0, close + 1);
  } else {
    if (const size_t colon = host.rfind(':'); colon != absl::string_view::npos) {
      port = host.substr(colon + 1);
      host = host.substr(0, colon);
    }
    for (char c : host) {
      if (!IsHostChar(c)) {
        return absl::InvalidArgumentError(
            absl::StrCat("url: invalid character in host: \"", url, "\""));
      }
    }
  }
  if (host.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("url: has no host: \"", url, "\""));
  }
  for (char c : port) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return absl::InvalidArgumentError(absl::StrCat("url: invalid port: \"", url, "\""));
    }
  }
  std::string host_lower = absl::AsciiStrToLower(host);
  if (host_lower.size() > 1 && host_lower.back() == '.') host_lower.pop_back();  // FQDN dot
  if (host_lower.front() == '.' || host_lower.back() == '.' ||
      absl::StrContains(host_lower, "..")) {
    return absl::InvalidArgumentError(absl::StrCat("url: empty label in host: \"", url, "\""));
  }
  const bool default_port = port.empty() || (scheme == "http" && port == "80") ||
                            (scheme == "https" && port == "443");

  absl::string_view path = path_and_query;
  absl::string_view query;
  if (const size_t q = path_and_query.find('?'); q != absl::string_view::npos) {
    path = path_and_query.substr(0, q);
    query = path_and_query.substr(q + 1);
  }

  std::string out = absl::StrCat(scheme, "://", userinfo, host_lower);
  if (!default_port) absl::StrAppend(&out, ":", port);
  absl::StrAppend(&out, path.empty() ? absl::string_view("/") : path);

  std::vector<absl::string_view> kept;
  for (absl::string_view param : absl::StrSplit(query, '&', absl::SkipEmpty())) {
    const absl::string_view key = param.substr(0, param.find('='));
    if (!IsTrackingParameter(key)) kept.push_back(param);
  }
  if (!kept.empty()) absl::StrAppend(&out, "?", absl::StrJoin(kept, "&"));
  return out;
}

}  // namespace claims::extract
