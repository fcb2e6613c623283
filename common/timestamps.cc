#include "common/timestamps.h"

#include "absl/strings/ascii.h"

namespace claims {

std::optional<int> TrailingUtcOffset(absl::string_view s) {
  if (s.empty()) return std::nullopt;
  if (s.back() == 'Z' || s.back() == 'z') return 0;
  for (size_t len : {size_t{6}, size_t{5}}) {  // +hh:mm, +hhmm
    if (s.size() < len) continue;
    const absl::string_view tail = s.substr(s.size() - len);
    if (tail[0] != '+' && tail[0] != '-') continue;
    const absl::string_view mm = tail.substr(len - 2);
    if (len == 6 && tail[3] != ':') continue;
    const absl::string_view hh = tail.substr(1, 2);
    auto digits = [](absl::string_view d) {
      return absl::ascii_isdigit(static_cast<unsigned char>(d[0])) &&
             absl::ascii_isdigit(static_cast<unsigned char>(d[1]));
    };
    if (!digits(hh) || !digits(mm)) continue;
    const int minutes = (mm[0] - '0') * 10 + (mm[1] - '0');
    const int seconds = ((hh[0] - '0') * 10 + (hh[1] - '0')) * 3600 + minutes * 60;
    if (minutes >= 60 || !IsValidUtcOffset(seconds)) return std::nullopt;
    return tail[0] == '-' ? -seconds : seconds;
  }
  return std::nullopt;
}

}  // namespace claims
