#include "query-service/query_service.h"

#include "absl/strings/str_cat.h"
#include "common/error_info.h"
#include "common/grpc_status.h"

namespace claims::query {
namespace {

// Moves an OK result into `*response`, or returns its error as a grpc::Status.
template <typename T>
grpc::Status Reply(absl::StatusOr<T> result, T* response) {
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = std::move(*result);
  return grpc::Status::OK;
}

}  // namespace

grpc::Status QueryServiceImpl::ListClaims(grpc::ServerContext*,
                                          const claims::v1::ListClaimsRequest* request,
                                          claims::v1::ListClaimsResponse* response) {
  return Reply(engine_->ListClaims(*request), response);
}

grpc::Status QueryServiceImpl::GetClaim(grpc::ServerContext*, const claims::v1::GetClaimRequest* request,
                                        claims::v1::Claim* response) {
  return Reply(engine_->GetClaim(*request), response);
}

grpc::Status QueryServiceImpl::GetArticle(grpc::ServerContext*,
                                          const claims::v1::GetArticleRequest* request,
                                          claims::v1::Article* response) {
  return Reply(engine_->GetArticle(*request), response);
}

grpc::Status QueryServiceImpl::ListOrganisations(grpc::ServerContext*,
                                                 const claims::v1::ListOrganisationsRequest* request,
                                                 claims::v1::ListOrganisationsResponse* response) {
  return Reply(engine_->ListOrganisations(*request), response);
}

grpc::Status QueryServiceImpl::ListTopics(grpc::ServerContext*,
                                          const claims::v1::ListTopicsRequest* request,
                                          claims::v1::ListTopicsResponse* response) {
  return Reply(engine_->ListTopics(*request), response);
}

grpc::Status QueryServiceImpl::ListSpeakers(grpc::ServerContext*,
                                            const claims::v1::ListSpeakersRequest* request,
                                            claims::v1::ListSpeakersResponse* response) {
  return Reply(engine_->ListSpeakers(*request), response);
}

grpc::Status QueryServiceImpl::CountClaims(grpc::ServerContext*,
                                           const claims::v1::CountClaimsRequest* request,
                                           claims::v1::CountClaimsResponse* response) {
  return Reply(engine_->CountClaims(*request), response);
}

grpc::Status QueryServiceImpl::StreamClaims(grpc::ServerContext* context,
                                            const claims::v1::StreamClaimsRequest* request,
                                            grpc::ServerWriter<claims::v1::Claim>* writer) {
  // Write blocks while the client's flow-control window is full: memory stays bounded.
  return ToGrpcStatus(engine_->StreamClaims(*request, [&](const claims::v1::Claim& claim) {
    return !context->IsCancelled() && writer->Write(claim);
  }));
}

grpc::Status QueryServiceImpl::WatchClaims(grpc::ServerContext* context,
                                           const claims::v1::WatchClaimsRequest* request,
                                           grpc::ServerWriter<claims::v1::WatchClaimsResponse>* writer) {
  if (watches_.fetch_add(1) >= kMaxWatches) {
    watches_.fetch_sub(1);
    return ToGrpcStatus(ErrorWithReason(
        absl::StatusCode::kResourceExhausted, reason::kTooManyWatches, "",
        "too many concurrent watches on this replica; retry later or use another",
        {{kLimitKey, absl::StrCat(kMaxWatches)}}));
  }
  const absl::Status status = engine_->WatchClaims(
      *request,
      [&](const claims::v1::WatchClaimsResponse& response) { return writer->Write(response); },
      [&] { return context->IsCancelled(); });
  watches_.fetch_sub(1);
  return ToGrpcStatus(status);
}

}  // namespace claims::query
