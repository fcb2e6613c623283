#include "common/grpc_status.h"

#include <string>

#include "common/error_info.h"
#include "google/rpc/status.pb.h"

namespace claims {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const google::rpc::ErrorInfo info = ErrorInfoOrDefault(status);
  google::rpc::Status details;
  details.set_code(static_cast<int>(status.code()));
  details.set_message(std::string(status.message()));
  details.add_details()->PackFrom(info);
  const auto field = info.metadata().find(kFieldKey);
  if (status.code() == absl::StatusCode::kInvalidArgument && field != info.metadata().end()) {
    google::rpc::BadRequest bad_request;
    auto* violation = bad_request.add_field_violations();
    violation->set_field(field->second);
    violation->set_description(std::string(status.message()));
    details.add_details()->PackFrom(bad_request);
  }
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()),
                      details.SerializeAsString());
}

std::optional<google::rpc::ErrorInfo> GetErrorInfo(const grpc::Status& status) {
  if (status.ok() || status.error_details().empty()) return std::nullopt;
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return std::nullopt;
  for (const auto& any : details.details()) {
    google::rpc::ErrorInfo info;
    if (any.Is<google::rpc::ErrorInfo>() && any.UnpackTo(&info)) return info;
  }
  return std::nullopt;
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  absl::Status out(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  if (const auto info = GetErrorInfo(status)) {
    ErrorMetadata metadata(info->metadata().begin(), info->metadata().end());
    out = WithReason(std::move(out), info->reason(), metadata);
  }
  return out;
}

}  // namespace claims
