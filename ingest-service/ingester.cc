#include "ingest-service/ingester.h"

#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "common/error_info.h"
#include "common/status_macros.h"
#include "common/text_keys.h"
#include "ingest-service/extract/request_content.h"
#include "ingest-service/extract/url.h"

namespace claims::ingest {
namespace {

// The value of attribute `name` in the attributes of one tag, or nullopt.
std::optional<std::string> TagAttribute(absl::string_view tag, absl::string_view name) {
  size_t i = 0;
  while (i < tag.size()) {
    while (i < tag.size() && (absl::ascii_isspace(static_cast<unsigned char>(tag[i])) || tag[i] == '/')) ++i;
    const size_t name_start = i;
    while (i < tag.size() && tag[i] != '=' && tag[i] != '/' &&
           !absl::ascii_isspace(static_cast<unsigned char>(tag[i]))) {
      ++i;
    }
    const std::string attr = absl::AsciiStrToLower(tag.substr(name_start, i - name_start));
    while (i < tag.size() && absl::ascii_isspace(static_cast<unsigned char>(tag[i]))) ++i;
    std::string value;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      while (i < tag.size() && absl::ascii_isspace(static_cast<unsigned char>(tag[i]))) ++i;
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        const char quote = tag[i++];
        const size_t end = tag.find(quote, i);
        value = std::string(tag.substr(i, end == absl::string_view::npos ? tag.size() - i : end - i));
        i = end == absl::string_view::npos ? tag.size() : end + 1;
      } else {
        const size_t start = i;
        while (i < tag.size() && !absl::ascii_isspace(static_cast<unsigned char>(tag[i]))) ++i;
        value = std::string(tag.substr(start, i - start));
      }
    }
    if (attr.empty()) {
      ++i;
      continue;
    }
    if (attr == name) return absl::StrReplaceAll(value, {{"&amp;", "&"}, {"&#38;", "&"}});
  }
  return std::nullopt;
}

// The href of the page's first <link rel="canonical">, canonicalised; "" when there is none
// or it is not an absolute http(s) URL. A scan of the tags, not a parse: the extractor
// parses the page once, later.
std::string CanonicalLink(absl::string_view html) {
  for (size_t at = html.find('<'); at != absl::string_view::npos; at = html.find('<', at + 1)) {
    if (html.size() - at < 6 || !absl::EqualsIgnoreCase(html.substr(at + 1, 4), "link") ||
        !(absl::ascii_isspace(static_cast<unsigned char>(html[at + 5])))) {
      continue;
    }
    const size_t end = html.find('>', at);
    if (end == absl::string_view::npos) break;
    const absl::string_view tag = html.substr(at + 5, end - at - 5);
    const std::optional<std::string> rel = TagAttribute(tag, "rel");
    if (!rel.has_value()) continue;
    bool canonical = false;
    for (absl::string_view token : absl::StrSplit(*rel, ' ', absl::SkipEmpty())) {
      canonical = canonical || absl::EqualsIgnoreCase(token, "canonical");
    }
    if (!canonical) continue;
    const std::optional<std::string> href = TagAttribute(tag, "href");
    if (!href.has_value()) return "";
    auto url = extract::CanonicalUrl(*href);
    return url.ok() ? *url : "";
  }
  return "";
}

// Article ids for articles known only by their source's identity (see source_id).
std::string ArticleIdForSource(absl::string_view source_id) {
  return Sha256Hex(absl::StrCat("source:", source_id)).substr(0, 16);
}

}  // namespace

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
  CLAIMS_ASSIGN_OR_RETURN(claims::v1::IngestArticleRequest resolved,
                          extract::ResolveRequestContent(request));
  if (!resolved.html().empty() && resolved.text().empty()) {
    std::string canonical = CanonicalLink(resolved.html());
    if (!canonical.empty()) resolved.set_url(std::move(canonical));
  }
  absl::Time now = absl::FromUnixSeconds(absl::ToUnixSeconds(absl::Now()));
  CLAIMS_ASSIGN_OR_RETURN(extract::Extraction extraction, Extract(resolved, now));
  if (!extraction.article.has_published_time()) {
    // Undated: claim times are the ingestion time. Re-ingesting must not move them (or the
    // same article would never be `unchanged`): use the time it was first ingested.
    auto stored = store_->GetArticle(extraction.article.id());
    if (stored.ok() && stored->has_ingested_time() &&
        stored->ingested_time().seconds() != absl::ToUnixSeconds(now)) {
      now = absl::FromUnixSeconds(stored->ingested_time().seconds());
      CLAIMS_ASSIGN_OR_RETURN(extraction, Extract(resolved, now));
    }
  }
  extraction.article.mutable_ingested_time()->set_seconds(absl::ToUnixSeconds(now));
  CLAIMS_ASSIGN_OR_RETURN(store::PutResult put,
                          store_->PutArticle(extraction.article, extraction.claims, request.stand_in()));
  claims::v1::IngestArticleResponse response;
  if (put.kept_article.has_value()) {
    // A stand-in kept out: the fuller version and its claims, as read under the lock.
    *response.mutable_article() = *std::move(put.kept_article);
    extraction.claims = std::move(put.kept_claims);
  } else if (put.unchanged) {
    // Nothing was written: report what is stored (its ingested_time is the first one).
    CLAIMS_ASSIGN_OR_RETURN(*response.mutable_article(), store_->GetArticle(extraction.article.id()));
  } else {
    *response.mutable_article() = std::move(extraction.article);
  }
  if (request.response_view() == claims::v1::INGEST_RESPONSE_VIEW_BASIC) {
    response.mutable_article()->clear_text();
  } else {
    for (auto& claim : extraction.claims) *response.add_claims() = std::move(claim);
  }
  response.set_replaced(put.replaced);
  response.set_unchanged(put.unchanged);
  return response;
}

absl::StatusOr<extract::Extraction> Ingester::Extract(
    const claims::v1::IngestArticleRequest& resolved, absl::Time now) const {
  CLAIMS_ASSIGN_OR_RETURN(extract::Extraction extraction, extractor_->Extract(resolved, now));
  if (extraction.article.url().empty() && !resolved.source_id().empty()) {
    // Claim ids are "<article id>-<ordinal>": move them with the article.
    const std::string id = ArticleIdForSource(resolved.source_id());
    const std::string old_id = extraction.article.id();
    extraction.article.set_id(id);
    for (auto& claim : extraction.claims) {
      claim.set_article_id(id);
      if (absl::StartsWith(claim.id(), old_id)) claim.set_id(id + claim.id().substr(old_id.size()));
    }
  }
  return extraction;
}

absl::StatusOr<claims::v1::DeleteArticleResponse> Ingester::Delete(
    const claims::v1::DeleteArticleRequest& request) {
  std::string id = request.article_id();
  if (id.empty()) {
    if (request.url().empty()) {
      return InvalidArgumentWithReason(reason::kRequiredFieldMissing, "article_id",
                                       "article_id or url: one of them is required");
    }
    auto canonical = extract::CanonicalUrl(request.url());
    if (!canonical.ok()) {
      return InvalidArgumentWithReason(reason::kInvalidUrl, "url",
                                       absl::StrCat("url: ", canonical.status().message()));
    }
    id = extract::ArticleIdForUrl(*canonical);
  }
  absl::StatusOr<int> deleted = store_->DeleteArticle(id);
  if (absl::IsNotFound(deleted.status())) {
    return WithErrorMetadata(deleted.status(), kFieldKey,
                             request.article_id().empty() ? "url" : "article_id");
  }
  CLAIMS_RETURN_IF_ERROR(deleted.status());
  claims::v1::DeleteArticleResponse response;
  response.set_article_id(id);
  response.set_deleted_claims(*deleted);
  return response;
}

}  // namespace claims::ingest
