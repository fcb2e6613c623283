// The gRPC edge of claims-ingest: IngestService over an Ingester.
#ifndef CLAIMS_INGEST_SERVICE_INGEST_SERVICE_H_
#define CLAIMS_INGEST_SERVICE_INGEST_SERVICE_H_

#include "claims/v1/ingest.grpc.pb.h"
#include "ingest-service/ingester.h"

namespace claims::ingest {

// Thread-safe; handlers run concurrently on gRPC's threads. Does not own the Ingester,
// which must outlive the server the service is registered with.
class IngestServiceImpl final : public claims::v1::IngestService::Service {
 public:
  explicit IngestServiceImpl(Ingester* ingester) : ingester_(ingester) {}

  grpc::Status IngestArticle(grpc::ServerContext* context,
                             const claims::v1::IngestArticleRequest* request,
                             claims::v1::IngestArticleResponse* response) override;
  // Reads one request, commits it, writes its result, then reads the next: a producer can
  // never be more than one article plus gRPC's flow-control window ahead of the store.
  grpc::Status IngestArticles(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<claims::v1::IngestArticlesResponse,
                               claims::v1::IngestArticleRequest>* stream) override;
  grpc::Status DeleteArticle(grpc::ServerContext* context,
                             const claims::v1::DeleteArticleRequest* request,
                             claims::v1::DeleteArticleResponse* response) override;

 private:
  Ingester* const ingester_;
};

}  // namespace claims::ingest

#endif  // CLAIMS_INGEST_SERVICE_INGEST_SERVICE_H_
