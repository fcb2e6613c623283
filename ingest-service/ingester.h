// The ingestion use case without the RPC layer: extract, then commit atomically.
#ifndef CLAIMS_INGEST_SERVICE_INGESTER_H_
#define CLAIMS_INGEST_SERVICE_INGESTER_H_

#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "claims/v1/ingest.pb.h"
#include "ingest-service/extract/extractor.h"
#include "store/claim_store.h"

namespace claims::ingest {

// Thread-safe: Ingest and Delete may be called concurrently (the store serialises writes
// to one article; extraction runs in the caller's thread).
class Ingester {
 public:
  // `extractor` and `store` are not owned and must outlive the Ingester; the store must be
  // a primary.
  Ingester(const extract::Extractor* extractor, store::ClaimStore* store);

  // Writes the organisation catalogue and the taxonomy into the store so that queries can
  // name them before any claim does. Call once at start-up.
  absl::Status RegisterCatalogues();

  // Extracts and durably stores one article. Errors: those of Extractor::Extract
  // (INVALID_ARGUMENT / RESOURCE_EXHAUSTED, field named) and of ClaimStore::PutArticle.
  //
  // Identity (the article id), first that applies: for HTML, the page's own
  // `<link rel=canonical>` when it is an absolute http(s) URL (it wins over `url`, so one page
  // reached by several links, feeds or clients is one article); `url`; `source_id` (e.g. a
  // feed's non-URL GUID); the text. Re-ingesting the same article with the same content is a
  // no-op reported as `unchanged` (an undated article keeps the time of its first ingestion
  // as the reference for its claim times, so it is unchanged too). The response holds what
  // request.response_view asks for (FULL unless BASIC: no text, no claims).
  absl::StatusOr<claims::v1::IngestArticleResponse> Ingest(
      const claims::v1::IngestArticleRequest& request);

  // Deletes by id, or by URL (canonicalised as on ingestion). INVALID_ARGUMENT when neither
  // is given; NOT_FOUND when there is no such article.
  absl::StatusOr<claims::v1::DeleteArticleResponse> Delete(
      const claims::v1::DeleteArticleRequest& request);

 private:
  // Extraction with the article id settled (source_id applied).
  absl::StatusOr<extract::Extraction> Extract(const claims::v1::IngestArticleRequest& resolved,
                                              absl::Time now) const;

  const extract::Extractor* const extractor_;
  store::ClaimStore* const store_;
};

}  // namespace claims::ingest

#endif  // CLAIMS_INGEST_SERVICE_INGESTER_H_
