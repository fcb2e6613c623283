// The gRPC edge of claims-query: QueryService over a QueryEngine.
#ifndef CLAIMS_QUERY_SERVICE_QUERY_SERVICE_H_
#define CLAIMS_QUERY_SERVICE_QUERY_SERVICE_H_

#include <atomic>

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
  grpc::Status ListSpeakers(grpc::ServerContext* context, const claims::v1::ListSpeakersRequest* request,
                            claims::v1::ListSpeakersResponse* response) override;
  grpc::Status CountClaims(grpc::ServerContext* context, const claims::v1::CountClaimsRequest* request,
                           claims::v1::CountClaimsResponse* response) override;
  grpc::Status StreamClaims(grpc::ServerContext* context, const claims::v1::StreamClaimsRequest* request,
                            grpc::ServerWriter<claims::v1::Claim>* writer) override;
  // At most kMaxWatches run at once (each holds a server thread); more are RESOURCE_EXHAUSTED.
  grpc::Status WatchClaims(grpc::ServerContext* context, const claims::v1::WatchClaimsRequest* request,
                           grpc::ServerWriter<claims::v1::WatchClaimsResponse>* writer) override;

  static constexpr int kMaxWatches = 256;

 private:
  const QueryEngine* const engine_;
  std::atomic<int> watches_{0};
};

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_QUERY_SERVICE_H_
