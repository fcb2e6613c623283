// google.protobuf.Timestamp: the instants it (and RFC 3339) can hold, years 1 to 9999 UTC,
// which both services require of times in requests and filters; and conversions from and
// to absl::Time. Pure functions; thread-safe.
#ifndef CLAIMS_COMMON_TIMESTAMPS_H_
#define CLAIMS_COMMON_TIMESTAMPS_H_

#include <cstdint>
#include <optional>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace claims {

inline constexpr int64_t kMinTimestampSeconds = -62135596800;  // 0001-01-01T00:00:00Z
inline constexpr int64_t kMaxTimestampSeconds = 253402300799;  // 9999-12-31T23:59:59Z

inline bool InTimestampRange(int64_t seconds) {
  return seconds >= kMinTimestampSeconds && seconds <= kMaxTimestampSeconds;
}
// Seconds in range and nanos in [0, 1e9).
inline bool IsValidTimestamp(const google::protobuf::Timestamp& t) {
  return InTimestampRange(t.seconds()) && t.nanos() >= 0 && t.nanos() < 1000000000;
}

// `t` as a Timestamp, to the nanosecond (seconds rounded down, nanos in [0, 1e9)).
inline void SetTimestamp(absl::Time t, google::protobuf::Timestamp* ts) {
  const int64_t seconds = absl::ToUnixSeconds(t);
  ts->set_seconds(seconds);
  ts->set_nanos(static_cast<int32_t>(absl::ToInt64Nanoseconds(t - absl::FromUnixSeconds(seconds))));
}

inline absl::Time TimeFromTimestamp(const google::protobuf::Timestamp& ts) {
  return absl::FromUnixSeconds(ts.seconds()) + absl::Nanoseconds(ts.nanos());
}

// The UTC offset, in seconds east of UTC, that a written time ends with: "Z" (0), "+01:00",
// "-0500". nullopt when it ends with none (a date alone, a time with no zone) or with one
// no place uses (minutes of 60 or more, beyond 18 hours: IsValidUtcOffset).
std::optional<int> TrailingUtcOffset(absl::string_view written);

// An offset any place on Earth uses: within +-18 hours, as RFC 3339 and java.time allow.
inline bool IsValidUtcOffset(int64_t seconds) { return seconds >= -18 * 3600 && seconds <= 18 * 3600; }

}  // namespace claims

#endif  // CLAIMS_COMMON_TIMESTAMPS_H_
