#include "ingest-service/ingest_service.h"

#include "common/grpc_status.h"

namespace claims::ingest {

grpc::Status IngestServiceImpl::IngestArticle(grpc::ServerContext* context,
                                              const claims::v1::IngestArticleRequest* request,
                                              claims::v1::IngestArticleResponse* response) {
  auto result = ingester_->Ingest(*request);
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = std::move(*result);
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::IngestArticles(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<claims::v1::IngestArticlesResponse, claims::v1::IngestArticleRequest>*
        stream) {
  claims::v1::IngestArticleRequest request;
  int64_t index = 0;
  while (stream->Read(&request)) {
    claims::v1::IngestArticlesResponse response;
    response.set_index(index++);
    auto result = ingester_->Ingest(request);
    if (result.ok()) {
      *response.mutable_result() = std::move(*result);
    } else {
      response.set_code(static_cast<int>(result.status().code()));
      response.set_message(std::string(result.status().message()));
    }
    if (!stream->Write(response)) break;  // the client went away
  }
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::DeleteArticle(grpc::ServerContext* context,
                                              const claims::v1::DeleteArticleRequest* request,
                                              claims::v1::DeleteArticleResponse* response) {
  auto result = ingester_->Delete(*request);
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = std::move(*result);
  return grpc::Status::OK;
}

}  // namespace claims::ingest
