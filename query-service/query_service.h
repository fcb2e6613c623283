// The gRPC edge of claims-query: QueryService over a QueryEngine.
#ifndef CLAIMS_QUERY_SERVICE_QUERY_SERVICE_H_
#define CLAIMS_QUERY_SERVICE_QUERY_SERVICE_H_

#include "claims/v1/query.grpc.pb.h"
#include "query-service/query_engine.h"

namespace claims::query {

// Thread-safe. Does not own the engine, which must outlive the server.
class QueryServiceImpl final : public claims::v1::QueryService::Service {
 public:
  explicit QueryServiceImpl(const QueryEngine* engine) : engine_(engine) {}

  grpc::Status ListClaims(grpc::ServerContext* context, const claims::v1::ListClaimsRequest* request,
                          claims::v1::ListClaimsResponse* response) override;
  grpc::Status GetClaim(grpc::ServerContext* context, const claims::v1::GetClaimRequest* request,
                        claims::v1::Claim* response) override;
  grpc::Status GetArticle(grpc::ServerContext* context, const claims::v1::GetArticleRequest* request,
                          claims::v1::Article* response) override;
  grpc::Status ListOrganisations(grpc::ServerContext* context,
                                 const claims::v1::ListOrganisationsRequest* request,
                                 claims::v1::ListOrganisationsResponse* response) override;
  grpc::Status ListTopics(grpc::ServerContext* context, const claims::v1::ListTopicsRequest* request,
                          claims::v1::ListTopicsResponse* response) override;

 private:
  const QueryEngine* const engine_;
};

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_QUERY_SERVICE_H_
