#include "common/charset.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "common/utf8.h"

namespace claims {
namespace {

// The value of `charset=` in `s` (case-insensitive), up to a quote, ';', '>', '/' or space.
std::string CharsetParameter(absl::string_view s) {
  const std::string lower = absl::AsciiStrToLower(s);
  const size_t at = lower.find("charset");
  if (at == std::string::npos) return "";
  size_t i = at + 7;
  while (i < lower.size() && lower[i] == ' ') ++i;
  if (i >= lower.size() || lower[i] != '=') return "";
  ++i;
  while (i < lower.size() && (lower[i] == ' ' || lower[i] == '"' || lower[i] == '\'')) ++i;
  size_t e = i;
  while (e < lower.size() && lower[e] != '"' && lower[e] != '\'' && lower[e] != ';' &&
         lower[e] != '>' && lower[e] != '/' && lower[e] != ' ') {
    ++e;
  }
  return lower.substr(i, e - i);
}

// Windows-1252's code points for 0x80..0x9F (0: undefined).
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

}  // namespace

std::string DeclaredCharset(absl::string_view content_type, absl::string_view bytes) {
  if (std::string c = CharsetParameter(content_type); !c.empty()) return c;
  const std::string head = absl::AsciiStrToLower(bytes.substr(0, 4096));
  for (size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    const size_t end = head.find('>', at);
    if (end == std::string::npos) break;
    if (std::string c = CharsetParameter(absl::string_view(head).substr(at, end - at)); !c.empty()) {
      return c;
    }
  }
  return "";
}

std::optional<std::string> DecodeSingleByteCharset(absl::string_view bytes, absl::string_view charset) {
  const std::string name = absl::AsciiStrToLower(absl::StripAsciiWhitespace(charset));
  const bool latin9 = name == "iso-8859-15" || name == "iso8859-15" || name == "latin-9" || name == "latin9";
  const bool cp1252 = name == "windows-1252" || name == "cp1252" || name == "x-cp1252" ||
                      name == "iso-8859-1" || name == "iso8859-1" || name == "latin1" ||
                      name == "latin-1" || name == "l1" || name == "us-ascii" || name == "ascii";
  if (!latin9 && !cp1252) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    char32_t cp = c;
    if (c >= 0x80 && c < 0xA0 && !latin9) {
      cp = kCp1252High[c - 0x80];
      if (cp == 0) cp = 0xFFFD;
    } else if (latin9) {
      switch (c) {
        case 0xA4: cp = 0x20AC; break;
        case 0xA6: cp = 0x0160; break;
        case 0xA8: cp = 0x0161; break;
        case 0xB4: cp = 0x017D; break;
        case 0xB8: cp = 0x017E; break;
        case 0xBC: cp = 0x0152; break;
        case 0xBD: cp = 0x0153; break;
        case 0xBE: cp = 0x0178; break;
        default: break;
      }
    }
    AppendUtf8(cp, &out);
  }
  return out;
}

}  // namespace claims
