#include "common/error_info.h"

#include "absl/strings/match.h"
#include "common/grpc_status.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

TEST(ErrorInfoTest, AnErrorMadeWithAReasonCarriesItsFieldAndMetadata) {
  const absl::Status status = InvalidArgumentWithReason(
      reason::kInvalidFilterExpression, "filter_expression", "filter_expression: bad at position 4",
      {{kPositionKey, "4"}});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "filter_expression: bad at position 4");
  const auto info = GetErrorInfo(status);
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->reason(), "INVALID_FILTER_EXPRESSION");
  EXPECT_EQ(info->domain(), "claims.v1");
  EXPECT_EQ(info->metadata().at("field"), "filter_expression");
  EXPECT_EQ(info->metadata().at("position"), "4");
}

TEST(ErrorInfoTest, MetadataAddedLaterKeepsTheReason) {
  const absl::Status status =
      WithErrorMetadata(ErrorWithReason(absl::StatusCode::kNotFound, reason::kClaimNotFound, "",
                                        "no claim", {{kIdKey, "x"}}),
                        kFieldKey, "id");
  const auto info = GetErrorInfo(status);
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->reason(), "CLAIM_NOT_FOUND");
  EXPECT_EQ(info->metadata().at("id"), "x");
  EXPECT_EQ(info->metadata().at("field"), "id");
}

TEST(ErrorInfoTest, AnErrorWithoutAReasonIsSentWithItsCodeName) {
  EXPECT_FALSE(GetErrorInfo(absl::InternalError("boom")).has_value());
  EXPECT_EQ(ErrorInfoOrDefault(absl::InternalError("boom")).reason(), "INTERNAL");
  const auto info = GetErrorInfo(ToGrpcStatus(absl::DataLossError("corrupt")));
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->reason(), "DATA_LOSS");
  EXPECT_EQ(info->domain(), "claims.v1");
}

TEST(ErrorInfoTest, OkStaysOkWithoutDetails) {
  EXPECT_TRUE(WithReason(absl::OkStatus(), reason::kInvalidUrl).ok());
  const grpc::Status ok = ToGrpcStatus(absl::OkStatus());
  EXPECT_TRUE(ok.ok());
  EXPECT_TRUE(ok.error_details().empty());
}

TEST(GrpcStatusTest, DetailsAreAGoogleRpcStatusWithErrorInfoAndBadRequest) {
  const grpc::Status status = ToGrpcStatus(InvalidArgumentWithReason(
      reason::kInvalidPageSize, "page_size", "page_size: must not be negative (got -1)"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::Status decoded;
  ASSERT_TRUE(decoded.ParseFromString(status.error_details()));
  EXPECT_EQ(decoded.code(), 3);
  EXPECT_EQ(decoded.message(), "page_size: must not be negative (got -1)");
  ASSERT_EQ(decoded.details_size(), 2);
  EXPECT_EQ(decoded.details(0).type_url(), "type.googleapis.com/google.rpc.ErrorInfo");
  EXPECT_EQ(decoded.details(1).type_url(), "type.googleapis.com/google.rpc.BadRequest");
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(decoded.details(1).UnpackTo(&bad_request));
  ASSERT_EQ(bad_request.field_violations_size(), 1);
  EXPECT_EQ(bad_request.field_violations(0).field(), "page_size");
  EXPECT_EQ(bad_request.field_violations(0).description(), "page_size: must not be negative (got -1)");
}

TEST(GrpcStatusTest, TheReasonSurvivesTheRoundTrip) {
  const absl::Status original = ErrorWithReason(absl::StatusCode::kResourceExhausted,
                                                reason::kArticleTooLarge, "text", "text: too big",
                                                {{kLimitKey, "4194304"}});
  const absl::Status back = FromGrpcStatus(ToGrpcStatus(original));
  EXPECT_EQ(back.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(back.message(), "text: too big");
  const auto info = GetErrorInfo(back);
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->reason(), "ARTICLE_TOO_LARGE");
  EXPECT_EQ(info->metadata().at("field"), "text");
  EXPECT_EQ(info->metadata().at("limit"), "4194304");
}

TEST(GrpcStatusTest, AHugeEchoedValueIsCutSoTheErrorFitsInHeaders) {
  const std::string id(5000, 'x');
  const grpc::Status status = ToGrpcStatus(ErrorWithReason(
      absl::StatusCode::kNotFound, reason::kClaimNotFound, "id", "id: no claim " + id, {{kIdKey, id}}));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_LT(status.error_message().size(), 600u);
  EXPECT_TRUE(absl::EndsWith(status.error_message(), "... (5013 bytes)")) << status.error_message();
  EXPECT_LT(status.error_details().size(), 2000u);
  const auto info = GetErrorInfo(status);
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->reason(), "CLAIM_NOT_FOUND");
  EXPECT_EQ(info->metadata().at("id").substr(0, 256), std::string(256, 'x'));
  EXPECT_LT(info->metadata().at("id").size(), 300u);
}

}  // namespace
}  // namespace claims
