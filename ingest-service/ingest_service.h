// The gRPC edge of claims-ingest: IngestService over an Ingester.
#ifndef CLAIMS_INGEST_SERVICE_INGEST_SERVICE_H_
#define CLAIMS_INGEST_SERVICE_INGEST_SERVICE_H_

#include <cstddef>
#include <memory>

#include "claims/v1/ingest.grpc.pb.h"
#include "ingest-service/ingester.h"

namespace claims::ingest {

class WorkerPool;

struct StreamOptions {
  // Per IngestArticles stream: requests read but not yet answered, at most this many...
  int max_in_flight = 256;
  // ...and at most this many bytes of them (serialized request size; one request is always
  // admitted, so a single large article still goes through).
  size_t max_in_flight_bytes = 32 << 20;
  // Threads shared by every stream that extract and commit articles. Several commits in
  // flight share one fsync (the store's group commit), and a thread waiting for its commit
  // leaves its core to the others: many more threads than cores pay (on 2 cores, 8 threads
  // spent most of their time waiting to commit; README, "Connecting a pipeline").
  int worker_threads = 16;
};

// Thread-safe; handlers run concurrently on gRPC's threads. Does not own the Ingester,
// which must outlive the service; the service must outlive the server it is registered with.
class IngestServiceImpl final : public claims::v1::IngestService::Service {
 public:
  explicit IngestServiceImpl(Ingester* ingester, StreamOptions options = {});
  ~IngestServiceImpl() override;

  grpc::Status IngestArticle(grpc::ServerContext* context,
                             const claims::v1::IngestArticleRequest* request,
                             claims::v1::IngestArticleResponse* response) override;
  // A bounded pipeline per stream: a reader thread reads requests ahead (at most
  // `max_in_flight` / `max_in_flight_bytes` unanswered), the worker pool extracts and commits
  // them concurrently, and the handler writes each response strictly in request order once
  // its article is durably committed. When the window is full the reader stops reading, so
  // gRPC flow control holds the producer back: memory per stream is bounded by the window.
  // A failed article is answered with its code and message; the stream goes on. Returns
  // only after every article it read has been committed or failed.
  grpc::Status IngestArticles(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<claims::v1::IngestArticlesResponse,
                               claims::v1::IngestArticleRequest>* stream) override;
  grpc::Status DeleteArticle(grpc::ServerContext* context,
                             const claims::v1::DeleteArticleRequest* request,
                             claims::v1::DeleteArticleResponse* response) override;

 private:
  Ingester* const ingester_;
  const StreamOptions options_;
  std::unique_ptr<WorkerPool> pool_;
};

}  // namespace claims::ingest

#endif  // CLAIMS_INGEST_SERVICE_INGEST_SERVICE_H_
