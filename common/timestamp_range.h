// The instants a google.protobuf.Timestamp (and RFC 3339) can hold: years 1 to 9999, UTC.
// Both services refuse times outside it, in requests and in filters.
#ifndef CLAIMS_COMMON_TIMESTAMP_RANGE_H_
#define CLAIMS_COMMON_TIMESTAMP_RANGE_H_

#include <cstdint>

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

}  // namespace claims

#endif  // CLAIMS_COMMON_TIMESTAMP_RANGE_H_
