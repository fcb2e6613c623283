#include "ingest-service/ingester.h"

#include "absl/time/clock.h"
#include "common/status_macros.h"
#include "ingest-service/extract/request_content.h"
#include "ingest-service/extract/url.h"

namespace claims::ingest {

Ingester::Ingester(const extract::Extractor* extractor, store::ClaimStore* store)
    : extractor_(extractor), store_(store) {}

absl::Status Ingester::RegisterCatalogues() {
  std::vector<claims::v1::Organisation> orgs;
  for (const auto& known : extractor_->organisations().organisations()) {
    claims::v1::Organisation org;
    org.set_id(known.id);
    org.set_name(known.name);
    for (const auto& alias : known.aliases) org.add_aliases(alias);
    orgs.push_back(std::move(org));
  }
  CLAIMS_RETURN_IF_ERROR(store_->RegisterOrganisations(orgs));
  std::vector<claims::v1::Topic> topics;
  for (const auto& entry : extractor_->taxonomy().topics()) {
    claims::v1::Topic topic;
    topic.set_id(entry.id);
    topic.set_label(entry.label);
    topic.set_parent_id(entry.parent_id);
    topics.push_back(std::move(topic));
  }
  return store_->RegisterTopics(topics);
}

absl::StatusOr<claims::v1::IngestArticleResponse> Ingester::Ingest(
    const claims::v1::IngestArticleRequest& request) {
  const absl::Time now = absl::Now();
  CLAIMS_ASSIGN_OR_RETURN(claims::v1::IngestArticleRequest resolved,
                          extract::ResolveRequestContent(request));
  CLAIMS_ASSIGN_OR_RETURN(extract::Extraction extraction, extractor_->Extract(resolved, now));
  extraction.article.mutable_ingested_time()->set_seconds(absl::ToUnixSeconds(now));
  CLAIMS_ASSIGN_OR_RETURN(store::PutResult put,
                          store_->PutArticle(extraction.article, extraction.claims));
  claims::v1::IngestArticleResponse response;
  if (put.unchanged) {
    // Nothing was written: report what is stored (its ingested_time is the first one).
    CLAIMS_ASSIGN_OR_RETURN(*response.mutable_article(), store_->GetArticle(extraction.article.id()));
  } else {
    *response.mutable_article() = std::move(extraction.article);
  }
  for (auto& claim : extraction.claims) *response.add_claims() = std::move(claim);
  response.set_replaced(put.replaced);
  response.set_unchanged(put.unchanged);
  return response;
}

absl::StatusOr<claims::v1::DeleteArticleResponse> Ingester::Delete(
    const claims::v1::DeleteArticleRequest& request) {
  std::string id = request.article_id();
  if (id.empty()) {
    if (request.url().empty()) {
      return absl::InvalidArgumentError("article_id or url: one of them is required");
    }
    auto canonical = extract::CanonicalUrl(request.url());
    if (!canonical.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("url: ", canonical.status().message()));
    }
    id = extract::ArticleIdForUrl(*canonical);
  }
  CLAIMS_ASSIGN_OR_RETURN(int deleted, store_->DeleteArticle(id));
  claims::v1::DeleteArticleResponse response;
  response.set_article_id(id);
  response.set_deleted_claims(deleted);
  return response;
}

}  // namespace claims::ingest
