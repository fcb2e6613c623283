#include "query-service/query_engine.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/status_macros.h"
#include "common/text_keys.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace claims::query {
namespace {

using claims::v1::ClaimFilter;

// Seconds 0001-01-01 .. 9999-12-31, as google.protobuf.Timestamp allows.
constexpr int64_t kMinSeconds = -62135596800;
constexpr int64_t kMaxSeconds = 253402300799;

constexpr char kTokenVersion = '1';

absl::Status CheckTimestamp(const google::protobuf::Timestamp& t, absl::string_view field) {
  if (t.seconds() < kMinSeconds || t.seconds() > kMaxSeconds || t.nanos() < 0 ||
      t.nanos() > 999999999) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": not a valid timestamp (years 1 to 9999)"));
  }
  return absl::OkStatus();
}

absl::StatusOr<int> EffectivePageSize(int page_size) {
  if (page_size < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size: must not be negative (got ", page_size, ")"));
  }
  if (page_size == 0) return kDefaultPageSize;
  return std::min(page_size, kMaxPageSize);
}

// "claim_time desc" (default) or "claim_time asc"/"claim_time"; returns oldest_first.
absl::StatusOr<bool> ParseOrderBy(absl::string_view order_by) {
  const std::vector<std::string> words =
      absl::StrSplit(absl::AsciiStrToLower(order_by), ' ', absl::SkipWhitespace());
  if (words.empty()) return false;
  if (words[0] == "claim_time" && words.size() <= 2) {
    if (words.size() == 1 || words[1] == "asc") return true;
    if (words[1] == "desc") return false;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "order_by: unsupported ordering '", order_by, "'; use \"claim_time desc\" or \"claim_time asc\""));
}

// Ties a page token to the filter and order that made it.
std::string Fingerprint(const ClaimFilter& filter, bool oldest_first) {
  std::string serialized;
  {
    google::protobuf::io::StringOutputStream stream(&serialized);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    filter.SerializeToCodedStream(&coded);
  }
  return Sha256Hex(absl::StrCat(serialized, oldest_first ? "|asc" : "|desc")).substr(0, 16);
}

std::string EncodePageToken(absl::string_view fingerprint, absl::string_view suffix) {
  return absl::WebSafeBase64Escape(absl::StrCat(std::string(1, kTokenVersion), fingerprint, suffix));
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token,
                                            absl::string_view fingerprint) {
  std::string raw;
  if (!absl::WebSafeBase64Unescape(token, &raw) || raw.size() <= 1 + fingerprint.size() + 8 ||
      raw[0] != kTokenVersion) {
    return absl::InvalidArgumentError("page_token: malformed or not issued by this service");
  }
  if (absl::string_view(raw).substr(1, fingerprint.size()) != fingerprint) {
    return absl::InvalidArgumentError(
        "page_token: was issued for a different filter or order_by; start again without it");
  }
  return raw.substr(1 + fingerprint.size());
}

// Resolves one repeated filter field to a term over entity ids. Values that name nothing
// known leave the term without ids, which matches nothing.
absl::StatusOr<store::FilterExpr> ResolveField(
    const store::ClaimStore& store, store::FilterExpr::Field field,
    const google::protobuf::RepeatedPtrField<std::string>& values, absl::string_view name) {
  if (values.size() > kMaxFilterValues) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": at most ", kMaxFilterValues, " values (got ", values.size(), ")"));
  }
  std::vector<std::string> ids;
  for (int i = 0; i < values.size(); ++i) {
    if (NormaliseName(values[i]).empty()) {
      return absl::InvalidArgumentError(absl::StrCat(name, "[", i, "]: empty value"));
    }
    CLAIMS_ASSIGN_OR_RETURN(std::vector<std::string> found,
                            store.ResolveEntity(static_cast<char>(field), values[i]));
    for (auto& id : found) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
    }
  }
  return store::FilterExpr::Term(field, std::move(ids));
}

}  // namespace

static absl::StatusOr<store::FilterExpr> BuildFilter(const store::ClaimStore& store,
                                              const ClaimFilter& filter) {
  using Field = store::FilterExpr::Field;
  std::vector<store::FilterExpr> all_of;
  std::optional<int64_t> start, end;
  if (filter.has_start_time()) {
    CLAIMS_RETURN_IF_ERROR(CheckTimestamp(filter.start_time(), "filter.start_time"));
    // Claim times are whole seconds: t >= 10.5 means t >= 11.
    start = filter.start_time().seconds() + (filter.start_time().nanos() > 0 ? 1 : 0);
  }
  if (filter.has_end_time()) {
    CLAIMS_RETURN_IF_ERROR(CheckTimestamp(filter.end_time(), "filter.end_time"));
    end = filter.end_time().seconds() + (filter.end_time().nanos() > 0 ? 1 : 0);
  }
  if (filter.has_start_time() && filter.has_end_time() &&
      (filter.end_time().seconds() < filter.start_time().seconds() ||
       (filter.end_time().seconds() == filter.start_time().seconds() &&
        filter.end_time().nanos() <= filter.start_time().nanos()))) {
    return absl::InvalidArgumentError("filter.end_time: must be after filter.start_time");
  }
  if (start || end) all_of.push_back(store::FilterExpr::Time(start, end));
  if (filter.kinds_size() > 0) {
    std::vector<std::string> kinds;
    for (int i = 0; i < filter.kinds_size(); ++i) {
      const int kind = filter.kinds(i);
      if (kind == claims::v1::Claim::KIND_UNSPECIFIED || !claims::v1::Claim::Kind_IsValid(kind)) {
        return absl::InvalidArgumentError(absl::StrCat("filter.kinds[", i, "]: unknown kind ", kind));
      }
      kinds.push_back(absl::StrCat(kind));
    }
    all_of.push_back(store::FilterExpr::Term(Field::kKind, std::move(kinds)));
  }
  if (!filter.article_id().empty()) {
    all_of.push_back(store::FilterExpr::Term(Field::kArticle, {filter.article_id()}));
  }
  const std::pair<Field, const google::protobuf::RepeatedPtrField<std::string>*> fields[] = {
      {Field::kOrganisation, &filter.organisations()},
      {Field::kTopic, &filter.topics()},
      {Field::kSpeaker, &filter.speakers()}};
  const char* names[] = {"filter.organisations", "filter.topics", "filter.speakers"};
  for (int i = 0; i < 3; ++i) {
    if (fields[i].second->empty()) continue;
    CLAIMS_ASSIGN_OR_RETURN(store::FilterExpr term,
                            ResolveField(store, fields[i].first, *fields[i].second, names[i]));
    all_of.push_back(std::move(term));
  }
  if (all_of.empty()) return store::FilterExpr::True();
  if (all_of.size() == 1) return std::move(all_of[0]);
  return store::FilterExpr::And(std::move(all_of));
}

absl::StatusOr<const store::ClaimStore*> QueryEngine::Store() const {
  std::string why_not;
  const store::ClaimStore* store = provider_(&why_not);
  if (store == nullptr) {
    return absl::UnavailableError(absl::StrCat("claims database is not ready: ", why_not));
  }
  return store;
}

absl::StatusOr<claims::v1::ListClaimsResponse> QueryEngine::ListClaims(
    const claims::v1::ListClaimsRequest& request) const {
  CLAIMS_ASSIGN_OR_RETURN(const int page_size, EffectivePageSize(request.page_size()));
  CLAIMS_ASSIGN_OR_RETURN(const bool oldest_first, ParseOrderBy(request.order_by()));
  const ClaimFilter& filter = request.filter();

  const std::string fingerprint = Fingerprint(filter, oldest_first);
  store::ClaimQuery query;
  query.limit = page_size;
  query.oldest_first = oldest_first;
  if (!request.page_token().empty()) {
    CLAIMS_ASSIGN_OR_RETURN(query.after_suffix, DecodePageToken(request.page_token(), fingerprint));
  }
  CLAIMS_ASSIGN_OR_RETURN(const store::ClaimStore* store, Store());
  CLAIMS_ASSIGN_OR_RETURN(query.filter, BuildFilter(*store, filter));
  CLAIMS_ASSIGN_OR_RETURN(store::ClaimPage page, store->ListClaims(query));
  claims::v1::ListClaimsResponse response;
  for (auto& claim : page.claims) *response.add_claims() = std::move(claim);
  if (page.more) response.set_next_page_token(EncodePageToken(fingerprint, page.last_suffix));
  return response;
}

absl::StatusOr<claims::v1::Claim> QueryEngine::GetClaim(
    const claims::v1::GetClaimRequest& request) const {
  if (request.id().empty()) return absl::InvalidArgumentError("id: required");
  CLAIMS_ASSIGN_OR_RETURN(const store::ClaimStore* store, Store());
  return store->GetClaim(request.id());
}

absl::StatusOr<claims::v1::Article> QueryEngine::GetArticle(
    const claims::v1::GetArticleRequest& request) const {
  if (request.id().empty()) return absl::InvalidArgumentError("id: required");
  CLAIMS_ASSIGN_OR_RETURN(const store::ClaimStore* store, Store());
  return store->GetArticle(request.id());
}

absl::StatusOr<claims::v1::ListOrganisationsResponse> QueryEngine::ListOrganisations(
    const claims::v1::ListOrganisationsRequest& request) const {
  CLAIMS_ASSIGN_OR_RETURN(const int limit, EffectivePageSize(request.page_size()));
  CLAIMS_ASSIGN_OR_RETURN(const store::ClaimStore* store, Store());
  CLAIMS_ASSIGN_OR_RETURN(std::vector<store::CountedEntity> entities,
                          store->ListEntities('o', request.prefix(), limit, request.include_empty()));
  claims::v1::ListOrganisationsResponse response;
  for (auto& e : entities) {
    auto* org = response.add_organisations();
    org->set_id(e.id);
    org->set_name(e.name);
    for (auto& alias : e.aliases) org->add_aliases(alias);
    org->set_claim_count(e.claim_count);
  }
  return response;
}

absl::StatusOr<claims::v1::ListTopicsResponse> QueryEngine::ListTopics(
    const claims::v1::ListTopicsRequest& request) const {
  CLAIMS_ASSIGN_OR_RETURN(const int limit, EffectivePageSize(request.page_size()));
  CLAIMS_ASSIGN_OR_RETURN(const store::ClaimStore* store, Store());
  CLAIMS_ASSIGN_OR_RETURN(std::vector<store::CountedEntity> entities,
                          store->ListEntities('t', request.prefix(), limit, request.include_empty()));
  claims::v1::ListTopicsResponse response;
  for (auto& e : entities) {
    auto* topic = response.add_topics();
    topic->set_id(e.id);
    topic->set_label(e.name);
    topic->set_parent_id(e.parent_id);
    topic->set_claim_count(e.claim_count);
  }
  return response;
}

}  // namespace claims::query
