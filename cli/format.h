// How claimctl prints claims and other records: aligned tables for people, proto3 JSON
// (lowerCamelCase field names) for programs.
#ifndef CLAIMS_CLI_FORMAT_H_
#define CLAIMS_CLI_FORMAT_H_

#include <ostream>
#include <string>
#include <vector>

#include <grpcpp/support/status.h>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "claims/v1/claims.pb.h"
#include "google/protobuf/message.h"

namespace claims::cli {

enum class OutputFormat { kTable, kJson, kJsonl };

// "table", "json" or "jsonl"; INVALID_ARGUMENT otherwise.
absl::StatusOr<OutputFormat> ParseOutputFormat(absl::string_view name);

// One message as proto3 JSON on one line (enum names, default values omitted).
std::string ToJsonLine(const google::protobuf::Message& message);
// `s` (valid UTF-8) as a JSON string literal, quotes included.
std::string JsonQuote(absl::string_view s);

// Indented proto3 JSON.
std::string ToPrettyJson(const google::protobuf::Message& message);

// Writes claims in `format`: a table (time, speaker, kind, text, organisations), one JSON
// array, or one JSON object per line.
void PrintClaims(const std::vector<claims::v1::Claim>& claims, OutputFormat format,
                 std::ostream& out);

// Parses "2025-07-01" (midnight UTC) or RFC 3339 "2025-07-01T12:00:00Z". `*date_only` tells
// which. INVALID_ARGUMENT naming `flag` otherwise.
absl::StatusOr<absl::Time> ParseDateFlag(absl::string_view value, absl::string_view flag,
                                         bool* date_only);

// A failed call for people: "CODE (REASON, field F, other K V...): message", the reason and
// its metadata from the status's google.rpc.ErrorInfo details; "CODE: message" without them.
std::string DescribeError(const grpc::Status& status);

}  // namespace claims::cli

#endif  // CLAIMS_CLI_FORMAT_H_
