#include "query-service/query_engine.h"

#include <algorithm>
#include <thread>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/error_info.h"
#include "common/status_macros.h"
#include "common/text_keys.h"
#include "common/timestamps.h"
#include "query-service/filter_parser.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace claims::query {
namespace {

using claims::v1::ClaimFilter;

constexpr char kTokenVersion = '1';

absl::Status CheckTimestamp(const google::protobuf::Timestamp& t, absl::string_view field) {
  if (!IsValidTimestamp(t)) {
    return InvalidArgumentWithReason(reason::kInvalidTimestamp, field,
                                     absl::StrCat(field, ": not a valid timestamp (years 1 to 9999)"));
  }
  return absl::OkStatus();
}

absl::StatusOr<int> EffectivePageSize(int page_size) {
  if (page_size < 0) {
    return InvalidArgumentWithReason(
        reason::kInvalidPageSize, "page_size",
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
  return InvalidArgumentWithReason(
      reason::kInvalidOrderBy, "order_by",
      absl::StrCat("order_by: unsupported ordering '", order_by,
                   "'; use \"claim_time desc\" or \"claim_time asc\""));
}

// Ties a page token to the filter and order that made it.
std::string Fingerprint(const ClaimFilter& filter, absl::string_view expression, bool oldest_first) {
  std::string serialized;
  {
    google::protobuf::io::StringOutputStream stream(&serialized);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    filter.SerializeToCodedStream(&coded);
  }
  return Sha256Hex(absl::StrCat(serialized, "|", expression, oldest_first ? "|asc" : "|desc")).substr(0, 16);
}

std::string EncodePageToken(absl::string_view fingerprint, absl::string_view suffix) {
  return absl::WebSafeBase64Escape(absl::StrCat(std::string(1, kTokenVersion), fingerprint, suffix));
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token,
                                            absl::string_view fingerprint) {
  std::string raw;
  if (!absl::WebSafeBase64Unescape(token, &raw) || raw.size() <= 1 + fingerprint.size() + 8 ||
      raw[0] != kTokenVersion) {
    return InvalidArgumentWithReason(reason::kInvalidPageToken, "page_token",
                                     "page_token: malformed or not issued by this service");
  }
  if (absl::string_view(raw).substr(1, fingerprint.size()) != fingerprint) {
    return InvalidArgumentWithReason(
        reason::kPageTokenMismatch, "page_token",
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
    return InvalidArgumentWithReason(
        reason::kTooManyFilterValues, name,
        absl::StrCat(name, ": at most ", kMaxFilterValues, " values (got ", values.size(), ")"),
        {{kLimitKey, absl::StrCat(kMaxFilterValues)}});
  }
  std::vector<std::string> ids;
  for (int i = 0; i < values.size(); ++i) {
    if (NormaliseName(values[i]).empty()) {
      const std::string field = absl::StrCat(name, "[", i, "]");
      return InvalidArgumentWithReason(reason::kEmptyFilterValue, field,
                                       absl::StrCat(field, ": empty value"));
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
    return InvalidArgumentWithReason(reason::kInvalidTimeRange, "filter.end_time",
                                     "filter.end_time: must be after filter.start_time");
  }
  if (start || end) all_of.push_back(store::FilterExpr::Time(start, end));
  if (filter.kinds_size() > 0) {
    std::vector<std::string> kinds;
    for (int i = 0; i < filter.kinds_size(); ++i) {
      const int kind = filter.kinds(i);
      if (kind == claims::v1::Claim::KIND_UNSPECIFIED || !claims::v1::Claim::Kind_IsValid(kind)) {
        const std::string field = absl::StrCat("filter.kinds[", i, "]");
        return InvalidArgumentWithReason(reason::kUnknownClaimKind, field,
                                         absl::StrCat(field, ": unknown kind ", kind));
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

// Replaces the names in the organisation, topic and speaker terms of a parsed filter with
// the ids they resolve to.
static absl::Status ResolveNames(const store::ClaimStore& store, store::FilterExpr* e) {
  using Field = store::FilterExpr::Field;
  if (e->op == store::FilterExpr::Op::kTerm &&
      (e->field == Field::kOrganisation || e->field == Field::kTopic || e->field == Field::kSpeaker)) {
    std::vector<std::string> ids;
    for (const auto& name : e->values) {
      CLAIMS_ASSIGN_OR_RETURN(std::vector<std::string> found,
                              store.ResolveEntity(static_cast<char>(e->field), name));
      for (auto& id : found) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
      }
    }
    e->values = std::move(ids);
  }
  for (auto& child : e->children) CLAIMS_RETURN_IF_ERROR(ResolveNames(store, &child));
  return absl::OkStatus();
}

absl::StatusOr<store::FilterExpr> QueryEngine::Filter(const store::ClaimStore& store,
                                                      const ClaimFilter& filter,
                                                      absl::string_view expression) const {
  CLAIMS_ASSIGN_OR_RETURN(store::FilterExpr parsed, ParseFilter(expression));
  CLAIMS_ASSIGN_OR_RETURN(store::FilterExpr typed, BuildFilter(store, filter));
  if (parsed.op == store::FilterExpr::Op::kTrue) return typed;
  CLAIMS_RETURN_IF_ERROR(ResolveNames(store, &parsed));
  if (typed.op == store::FilterExpr::Op::kTrue) return parsed;
  std::vector<store::FilterExpr> both;
  both.push_back(std::move(typed));
  both.push_back(std::move(parsed));
  return store::FilterExpr::And(std::move(both));
}

absl::StatusOr<std::shared_ptr<const store::ClaimStore>> QueryEngine::Store() const {
  std::string why_not;
  std::shared_ptr<const store::ClaimStore> store = provider_(&why_not);
  if (store == nullptr) {
    return ErrorWithReason(absl::StatusCode::kUnavailable, reason::kDatabaseUnavailable, "",
                           absl::StrCat("claims database is not ready: ", why_not));
  }
  return store;
}

absl::StatusOr<claims::v1::ListClaimsResponse> QueryEngine::ListClaims(
    const claims::v1::ListClaimsRequest& request) const {
  CLAIMS_ASSIGN_OR_RETURN(const int page_size, EffectivePageSize(request.page_size()));
  CLAIMS_ASSIGN_OR_RETURN(const bool oldest_first, ParseOrderBy(request.order_by()));
  const ClaimFilter& filter = request.filter();

  const std::string fingerprint = Fingerprint(filter, request.filter_expression(), oldest_first);
  store::ClaimQuery query;
  query.limit = page_size;
  query.oldest_first = oldest_first;
  if (!request.page_token().empty()) {
    CLAIMS_ASSIGN_OR_RETURN(query.after_suffix, DecodePageToken(request.page_token(), fingerprint));
  }
  CLAIMS_ASSIGN_OR_RETURN(std::shared_ptr<const store::ClaimStore> store, Store());
  CLAIMS_ASSIGN_OR_RETURN(query.filter, Filter(*store, filter, request.filter_expression()));
  CLAIMS_ASSIGN_OR_RETURN(store::ClaimPage page, store->ListClaims(query));
  claims::v1::ListClaimsResponse response;
  for (auto& claim : page.claims) *response.add_claims() = std::move(claim);
  if (page.more) response.set_next_page_token(EncodePageToken(fingerprint, page.last_suffix));
  return response;
}

absl::StatusOr<claims::v1::Claim> QueryEngine::GetClaim(
    const claims::v1::GetClaimRequest& request) const {
  if (request.id().empty()) {
    return InvalidArgumentWithReason(reason::kRequiredFieldMissing, "id", "id: required");
  }
  CLAIMS_ASSIGN_OR_RETURN(std::shared_ptr<const store::ClaimStore> store, Store());
  absl::StatusOr<claims::v1::Claim> claim = store->GetClaim(request.id());
  if (!claim.ok()) return WithErrorMetadata(claim.status(), kFieldKey, "id");
  return claim;
}

absl::StatusOr<claims::v1::Article> QueryEngine::GetArticle(
    const claims::v1::GetArticleRequest& request) const {
  if (request.id().empty()) {
    return InvalidArgumentWithReason(reason::kRequiredFieldMissing, "id", "id: required");
  }
  CLAIMS_ASSIGN_OR_RETURN(std::shared_ptr<const store::ClaimStore> store, Store());
  absl::StatusOr<claims::v1::Article> article = store->GetArticle(request.id());
  if (!article.ok()) return WithErrorMetadata(article.status(), kFieldKey, "id");
  return article;
}

absl::StatusOr<claims::v1::ListOrganisationsResponse> QueryEngine::ListOrganisations(
    const claims::v1::ListOrganisationsRequest& request) const {
  CLAIMS_ASSIGN_OR_RETURN(const int limit, EffectivePageSize(request.page_size()));
  CLAIMS_ASSIGN_OR_RETURN(std::shared_ptr<const store::ClaimStore> store, Store());
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
  CLAIMS_ASSIGN_OR_RETURN(std::shared_ptr<const store::ClaimStore> store, Store());
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

absl::StatusOr<claims::v1::ListSpeakersResponse> QueryEngine::ListSpeakers(
    const claims::v1::ListSpeakersRequest& request) const {
  CLAIMS_ASSIGN_OR_RETURN(const int limit, EffectivePageSize(request.page_size()));
  CLAIMS_ASSIGN_OR_RETURN(std::shared_ptr<const store::ClaimStore> store, Store());
  CLAIMS_ASSIGN_OR_RETURN(std::vector<store::CountedEntity> entities,
                          store->ListEntities('s', request.prefix(), limit, false));
  claims::v1::ListSpeakersResponse response;
  for (auto& e : entities) {
    auto* speaker = response.add_speakers();
    speaker->set_id(e.id);
    speaker->set_name(e.name);
    speaker->set_kind(static_cast<claims::v1::Speaker::Kind>(e.kind));
    for (auto& alias : e.aliases) speaker->add_aliases(alias);
    speaker->set_claim_count(e.claim_count);
  }
  return response;
}

absl::StatusOr<claims::v1::CountClaimsResponse> QueryEngine::CountClaims(
    const claims::v1::CountClaimsRequest& request) const {
  using Req = claims::v1::CountClaimsRequest;
  store::GroupBy by;
  char entity = 0;
  switch (request.group_by()) {
    case Req::ORGANISATION: by = store::GroupBy::kOrganisation; entity = 'o'; break;
    case Req::TOPIC: by = store::GroupBy::kTopic; entity = 't'; break;
    case Req::SPEAKER: by = store::GroupBy::kSpeaker; entity = 's'; break;
    case Req::DAY: by = store::GroupBy::kDay; break;
    case Req::MONTH: by = store::GroupBy::kMonth; break;
    case Req::YEAR: by = store::GroupBy::kYear; break;
    default:
      return InvalidArgumentWithReason(
          reason::kRequiredFieldMissing, "group_by",
          "group_by: required (ORGANISATION, TOPIC, SPEAKER, DAY, MONTH or YEAR)");
  }
  if (request.limit() < 0) {
    return InvalidArgumentWithReason(
        reason::kInvalidLimit, "limit",
        absl::StrCat("limit: must not be negative (got ", request.limit(), ")"));
  }
  CLAIMS_ASSIGN_OR_RETURN(std::shared_ptr<const store::ClaimStore> store, Store());
  CLAIMS_ASSIGN_OR_RETURN(store::FilterExpr filter,
                          Filter(*store, request.filter(), request.filter_expression()));
  CLAIMS_ASSIGN_OR_RETURN(store::CountResult counted, store->CountClaims(filter, by));
  claims::v1::CountClaimsResponse response;
  response.set_from_counters(counted.from_counters);
  for (const auto& row : counted.rows) {
    response.set_total(response.total() + row.count);
    if (request.limit() > 0 && response.rows_size() >= request.limit()) continue;
    auto* out = response.add_rows();
    out->set_key(row.key);
    out->set_count(row.count);
    if (entity != 0) {
      CLAIMS_ASSIGN_OR_RETURN(std::string label, store->EntityName(entity, row.key));
      out->set_label(std::move(label));
    }
  }
  return response;
}

absl::Status QueryEngine::StreamClaims(
    const claims::v1::StreamClaimsRequest& request,
    const std::function<bool(const claims::v1::Claim&)>& emit) const {
  claims::v1::ListClaimsRequest page;
  *page.mutable_filter() = request.filter();
  page.set_filter_expression(request.filter_expression());
  page.set_order_by(request.order_by());
  page.set_page_size(kMaxPageSize);
  while (true) {
    CLAIMS_ASSIGN_OR_RETURN(claims::v1::ListClaimsResponse response, ListClaims(page));
    for (const auto& claim : response.claims()) {
      if (!emit(claim)) return absl::OkStatus();
    }
    if (response.next_page_token().empty()) return absl::OkStatus();
    page.set_page_token(response.next_page_token());
  }
}

namespace {

constexpr char kWatchTokenVersion[] = "w1:";

std::string EncodeWatchToken(int64_t sequence, absl::string_view claim_id) {
  return absl::WebSafeBase64Escape(absl::StrCat(kWatchTokenVersion, sequence, ":", claim_id));
}

absl::Status DecodeWatchToken(absl::string_view token, int64_t* sequence, std::string* claim_id) {
  std::string raw;
  const absl::Status bad = InvalidArgumentWithReason(
      reason::kInvalidResumeToken, "resume_token",
      "resume_token: malformed or not issued by this service");
  if (!absl::WebSafeBase64Unescape(token, &raw) || !absl::StartsWith(raw, kWatchTokenVersion)) return bad;
  raw = raw.substr(sizeof(kWatchTokenVersion) - 1);
  const size_t colon = raw.find(':');
  if (colon == std::string::npos || !absl::SimpleAtoi(raw.substr(0, colon), sequence) || *sequence < 0) {
    return bad;
  }
  *claim_id = raw.substr(colon + 1);
  return absl::OkStatus();
}

}  // namespace

absl::Status QueryEngine::WatchClaims(
    const claims::v1::WatchClaimsRequest& request,
    const std::function<bool(const claims::v1::WatchClaimsResponse&)>& emit,
    const std::function<bool()>& cancelled) const {
  // Where to start: after the token's claim, or after the last commit visible now.
  int64_t sequence = 0;
  std::string after_id;
  const bool resuming = !request.resume_token().empty();
  if (resuming) CLAIMS_RETURN_IF_ERROR(DecodeWatchToken(request.resume_token(), &sequence, &after_id));
  CLAIMS_ASSIGN_OR_RETURN(std::shared_ptr<const store::ClaimStore> store, Store());
  CLAIMS_ASSIGN_OR_RETURN(store::FilterExpr filter,
                          Filter(*store, request.filter(), request.filter_expression()));
  if (!resuming) {
    CLAIMS_ASSIGN_OR_RETURN(sequence, store->LastSequence());
  }
  // Claims of the token's own commit that come after its claim are still due.
  int64_t scan_after = after_id.empty() ? sequence : sequence - 1;
  while (!cancelled()) {
    // The current instance: the secondary is replaced after a restart of the writer.
    CLAIMS_ASSIGN_OR_RETURN(store, Store());
    CLAIMS_ASSIGN_OR_RETURN(store::SequencedClaims batch, store->ClaimsSince(scan_after, 1000));
    if (!batch.claims.empty()) {
      // Names are resolved again: a watched speaker or organisation may appear for the
      // first time in these very claims.
      CLAIMS_ASSIGN_OR_RETURN(filter, Filter(*store, request.filter(), request.filter_expression()));
    }
    for (const auto& claim : batch.claims) {
      if (claim.ingest_sequence() == sequence && !after_id.empty() && claim.id() <= after_id) continue;
      if (!store::Matches(filter, claim)) continue;
      claims::v1::WatchClaimsResponse response;
      *response.mutable_claim() = claim;
      response.set_resume_token(EncodeWatchToken(claim.ingest_sequence(), claim.id()));
      if (!emit(response)) return absl::OkStatus();
    }
    if (batch.last_sequence > scan_after) {
      scan_after = batch.last_sequence;
      sequence = batch.last_sequence;
      after_id.clear();
      continue;  // there may be more right away
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(kWatchPollMillis));
  }
  return absl::OkStatus();
}

}  // namespace claims::query
