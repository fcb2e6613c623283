#include "cli/format.h"

#include <google/protobuf/util/json_util.h>

#include <map>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_format.h"
#include "common/error_info.h"
#include "common/grpc_status.h"
#include "common/utf8.h"

namespace claims::cli {
namespace {

// Truncates valid UTF-8 to at most `max` code points, with "…" when cut.
std::string Clip(absl::string_view s, int max) {
  std::string out;
  size_t pos = 0;
  int n = 0;
  while (pos < s.size()) {
    size_t len = 0;
    const char32_t cp = DecodeUtf8(s, pos, &len);
    if (n == max - 1 && pos + len < s.size()) {
      out += "…";
      return out;
    }
    AppendUtf8(cp == '\n' ? U' ' : cp, &out);
    pos += len;
    ++n;
  }
  return out;
}

// Pads valid UTF-8 to `width` code points.
std::string Pad(absl::string_view s, int width) {
  std::string out = Clip(s, width);
  for (int n = CountCodePoints(out); n < width; ++n) out.push_back(' ');
  return out;
}

std::string DateOf(const claims::v1::Claim& claim) {
  const absl::Time t = absl::FromUnixSeconds(claim.claim_time().seconds());
  switch (claim.claim_time_precision()) {
    case claims::v1::Claim::YEAR: return absl::FormatTime("%Y", t, absl::UTCTimeZone());
    case claims::v1::Claim::MONTH: return absl::FormatTime("%Y-%m", t, absl::UTCTimeZone());
    default: return absl::FormatTime("%Y-%m-%d", t, absl::UTCTimeZone());
  }
}

const char* KindOf(const claims::v1::Claim& claim) {
  switch (claim.kind()) {
    case claims::v1::Claim::DIRECT_QUOTE: return "quote";
    case claims::v1::Claim::INDIRECT: return "indirect";
    case claims::v1::Claim::MIXED: return "mixed";
    default: return "?";
  }
}

}  // namespace

absl::StatusOr<OutputFormat> ParseOutputFormat(absl::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl") return OutputFormat::kJsonl;
  return absl::InvalidArgumentError(
      absl::StrCat("--output: expected table, json or jsonl, got '", name, "'"));
}

std::string ToJsonLine(const google::protobuf::Message& message) {
  std::string out;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = false;
  (void)google::protobuf::util::MessageToJsonString(message, &out, options);
  return out;
}

std::string JsonQuote(absl::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += absl::StrFormat("\\u%04x", static_cast<int>(c));
        } else {
          out.push_back(c);
        }
    }
  }
  out += "\"";
  return out;
}

std::string ToPrettyJson(const google::protobuf::Message& message) {
  std::string out;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  (void)google::protobuf::util::MessageToJsonString(message, &out, options);
  return out;
}

void PrintClaims(const std::vector<claims::v1::Claim>& claims, OutputFormat format,
                 std::ostream& out) {
  switch (format) {
    case OutputFormat::kJsonl:
      for (const auto& c : claims) out << ToJsonLine(c) << "\n";
      return;
    case OutputFormat::kJson: {
      out << "[";
      for (size_t i = 0; i < claims.size(); ++i) out << (i ? ",\n " : "") << ToJsonLine(claims[i]);
      out << "]\n";
      return;
    }
    case OutputFormat::kTable:
      out << Pad("DATE", 10) << "  " << Pad("SPEAKER", 24) << "  " << Pad("KIND", 8) << "  "
          << Pad("CLAIM", 60) << "  ORGANISATIONS\n";
      for (const auto& c : claims) {
        std::vector<std::string> orgs;
        for (const auto& o : c.organisations()) orgs.push_back(o.id());
        out << Pad(DateOf(c), 10) << "  " << Pad(c.speaker().name(), 24) << "  "
            << Pad(KindOf(c), 8) << "  " << Pad(c.text(), 60) << "  " << absl::StrJoin(orgs, ",")
            << "\n";
      }
      out << "(" << claims.size() << " claim" << (claims.size() == 1 ? "" : "s") << ")\n";
      return;
  }
}

absl::StatusOr<absl::Time> ParseDateFlag(absl::string_view value, absl::string_view flag,
                                         bool* date_only) {
  absl::Time t;
  std::string err;
  if (absl::ParseTime("%Y-%m-%d", value, absl::UTCTimeZone(), &t, &err)) {
    *date_only = true;
    return t;
  }
  if (absl::ParseTime(absl::RFC3339_full, value, absl::UTCTimeZone(), &t, &err)) {
    *date_only = false;
    return t;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      flag, ": expected YYYY-MM-DD or an RFC 3339 time like 2025-07-01T09:00:00Z, got '", value, "'"));
}

std::string DescribeError(const grpc::Status& status) {
  const std::string code =
      absl::StatusCodeToString(static_cast<absl::StatusCode>(status.error_code()));
  const std::optional<google::rpc::ErrorInfo> info = GetErrorInfo(status);
  if (!info.has_value()) return absl::StrCat(code, ": ", status.error_message());
  std::string reason = info->reason();
  // The field first, then the rest by key (a protobuf map has no order of its own).
  const std::map<std::string, std::string> metadata(info->metadata().begin(), info->metadata().end());
  if (const auto field = metadata.find(kFieldKey); field != metadata.end()) {
    absl::StrAppend(&reason, ", field ", field->second);
  }
  for (const auto& [key, value] : metadata) {
    if (key != kFieldKey) absl::StrAppend(&reason, ", ", key, " ", value);
  }
  return absl::StrCat(code, " (", reason, "): ", status.error_message());
}

}  // namespace claims::cli
