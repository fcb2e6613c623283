#include "common/grpc_status.h"

#include <string>

#include "absl/strings/str_cat.h"

#include "common/error_info.h"
#include "common/utf8.h"
#include "google/rpc/status.pb.h"

namespace claims {
namespace {

// `s` cut to about `limit` bytes at a code point boundary, saying how long it was. Errors
// echo what the client sent (an unknown 3,000-byte id); the message and the details travel
// in HTTP/2 headers, which gRPC caps at 8 KiB by default, so an uncut echo turned NOT_FOUND
// into RESOURCE_EXHAUSTED ("received initial metadata size exceeds limit").
std::string Shorten(absl::string_view s, size_t limit) {
  if (s.size() <= limit) return std::string(s);
  return absl::StrCat(TruncateUtf8(s, limit), "... (", s.size(), " bytes)");
}

constexpr size_t kMaxMessageBytes = 512;
constexpr size_t kMaxMetadataValueBytes = 256;

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  google::rpc::ErrorInfo info = ErrorInfoOrDefault(status);
  for (auto& [key, value] : *info.mutable_metadata()) {
    if (value.size() > kMaxMetadataValueBytes) value = Shorten(value, kMaxMetadataValueBytes);
  }
  const std::string message = Shorten(status.message(), kMaxMessageBytes);
  google::rpc::Status details;
  details.set_code(static_cast<int>(status.code()));
  details.set_message(message);
  details.add_details()->PackFrom(info);
  const auto field = info.metadata().find(kFieldKey);
  if (status.code() == absl::StatusCode::kInvalidArgument && field != info.metadata().end()) {
    google::rpc::BadRequest bad_request;
    auto* violation = bad_request.add_field_violations();
    violation->set_field(field->second);
    violation->set_description(message);
    details.add_details()->PackFrom(bad_request);
  }
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), message, details.SerializeAsString());
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
