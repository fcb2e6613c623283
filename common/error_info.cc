#include "common/error_info.h"

#include "absl/strings/cord.h"

namespace claims {
namespace {

void SetErrorInfo(absl::Status* status, const google::rpc::ErrorInfo& info) {
  status->SetPayload(kErrorInfoTypeUrl, absl::Cord(info.SerializeAsString()));
}

}  // namespace

absl::Status ErrorWithReason(absl::StatusCode code, absl::string_view reason,
                             absl::string_view field, absl::string_view message,
                             const ErrorMetadata& extra) {
  absl::Status status(code, message);
  ErrorMetadata metadata;
  if (!field.empty()) metadata.emplace_back(kFieldKey, std::string(field));
  metadata.insert(metadata.end(), extra.begin(), extra.end());
  return WithReason(std::move(status), reason, metadata);
}

absl::Status InvalidArgumentWithReason(absl::string_view reason, absl::string_view field,
                                       absl::string_view message, const ErrorMetadata& extra) {
  return ErrorWithReason(absl::StatusCode::kInvalidArgument, reason, field, message, extra);
}

absl::Status WithReason(absl::Status status, absl::string_view reason,
                        const ErrorMetadata& metadata) {
  if (status.ok()) return status;
  google::rpc::ErrorInfo info = GetErrorInfo(status).value_or(google::rpc::ErrorInfo());
  info.set_reason(std::string(reason));
  info.set_domain(kErrorDomain);
  for (const auto& [key, value] : metadata) (*info.mutable_metadata())[key] = value;
  SetErrorInfo(&status, info);
  return status;
}

absl::Status WithErrorMetadata(absl::Status status, absl::string_view key,
                               absl::string_view value) {
  if (status.ok()) return status;
  google::rpc::ErrorInfo info = ErrorInfoOrDefault(status);
  (*info.mutable_metadata())[std::string(key)] = std::string(value);
  SetErrorInfo(&status, info);
  return status;
}

std::optional<google::rpc::ErrorInfo> GetErrorInfo(const absl::Status& status) {
  const auto payload = status.GetPayload(kErrorInfoTypeUrl);
  if (!payload.has_value()) return std::nullopt;
  google::rpc::ErrorInfo info;
  if (!info.ParseFromString(std::string(*payload))) return std::nullopt;
  return info;
}

google::rpc::ErrorInfo ErrorInfoOrDefault(const absl::Status& status) {
  google::rpc::ErrorInfo info = GetErrorInfo(status).value_or(google::rpc::ErrorInfo());
  if (info.reason().empty()) info.set_reason(absl::StatusCodeToString(status.code()));
  info.set_domain(kErrorDomain);
  return info;
}

}  // namespace claims
