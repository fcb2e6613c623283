// The one place where absl::Status becomes grpc::Status and back (the codes are the same
// numbers). An error travels with a serialized google.rpc.Status as the grpc::Status's
// error_details, which gRPC sends as the grpc-status-details-bin trailer: its details hold
// the ErrorInfo (common/error_info.h) and, for INVALID_ARGUMENT naming a field, a
// google.rpc.BadRequest with that field violation. Thread-safe.
#ifndef CLAIMS_COMMON_GRPC_STATUS_H_
#define CLAIMS_COMMON_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include <optional>

#include "absl/status/status.h"
#include "google/rpc/error_details.pb.h"

namespace claims {

// OK stays OK; an error keeps its code and message and gains the details above (an error
// made without a reason gets its code's name as the reason). A message over 512 bytes and
// metadata values over 256 bytes are cut ("... (N bytes)"), so that an error echoing a huge
// input still fits gRPC's 8 KiB header limit.
grpc::Status ToGrpcStatus(const absl::Status& status);

// The inverse: code, message, and the ErrorInfo from the details (if any) as the payload.
absl::Status FromGrpcStatus(const grpc::Status& status);

// The ErrorInfo in a received status's details, or nullopt (OK, no details, or details
// from a server that sends none).
std::optional<google::rpc::ErrorInfo> GetErrorInfo(const grpc::Status& status);

}  // namespace claims

#endif  // CLAIMS_COMMON_GRPC_STATUS_H_
