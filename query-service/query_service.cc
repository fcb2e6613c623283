#include "query-service/query_service.h"

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

}  // namespace claims::query
