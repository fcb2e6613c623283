#include "store/claim_store.h"

#include <algorithm>
#include <functional>
#include <set>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/status_macros.h"
#include "common/text_keys.h"
#include "rocksdb/db.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/options.h"
#include "rocksdb/write_batch.h"
#include "store/key_codec.h"
#include "store/posting_cursor.h"

namespace claims::store {
namespace {

using claims::v1::Article;
using claims::v1::Claim;

constexpr char kArticlesCf[] = "articles";
constexpr char kClaimsCf[] = "claims";
constexpr char kIndexCf[] = "index";
constexpr char kEntitiesCf[] = "entities";
constexpr char kCountersCf[] = "counters";
constexpr char kMetaCf[] = "meta";
constexpr char kSchemaKey[] = "schema_version";

// Counters are signed 64-bit little-endian integers; merge operands are deltas.
class Int64AddOperator final : public rocksdb::AssociativeMergeOperator {
 public:
  bool Merge(const rocksdb::Slice& key, const rocksdb::Slice* existing_value,
             const rocksdb::Slice& value, std::string* new_value,
             rocksdb::Logger* logger) const override {
    int64_t sum = DecodeInt64(absl::string_view(value.data(), value.size()));
    if (existing_value != nullptr) {
      sum += DecodeInt64(absl::string_view(existing_value->data(), existing_value->size()));
    }
    *new_value = EncodeInt64(sum);
    return true;
  }
  const char* Name() const override { return "claims.Int64Add"; }
};

absl::Status FromRocks(const rocksdb::Status& s, absl::string_view what) {
  if (s.ok()) return absl::OkStatus();
  const std::string message = absl::StrCat(what, ": ", s.ToString());
  if (s.IsNotFound()) return absl::NotFoundError(message);
  if (s.IsBusy() || s.IsTimedOut() || s.IsTryAgain()) return absl::UnavailableError(message);
  if (s.IsIOError()) return absl::UnavailableError(message);
  if (s.IsInvalidArgument()) return absl::InvalidArgumentError(message);
  return absl::InternalError(message);
}

rocksdb::Slice ToSlice(absl::string_view s) { return rocksdb::Slice(s.data(), s.size()); }
absl::string_view ToView(const rocksdb::Slice& s) { return absl::string_view(s.data(), s.size()); }

std::vector<rocksdb::ColumnFamilyDescriptor> Descriptors() {
  rocksdb::ColumnFamilyOptions plain;
  rocksdb::ColumnFamilyOptions counters;
  counters.merge_operator = std::make_shared<Int64AddOperator>();
  return {
      {rocksdb::kDefaultColumnFamilyName, plain}, {kArticlesCf, plain},
      {kClaimsCf, plain},  {kIndexCf, plain},     {kEntitiesCf, plain},
      {kCountersCf, counters}, {kMetaCf, plain},
  };
}

int64_t SecondsOf(const google::protobuf::Timestamp& t) { return t.seconds(); }

// Topic ids are paths ("health/health-services"): a claim is indexed under each ancestor.
std::vector<std::string> TopicWithAncestors(absl::string_view id) {
  std::vector<std::string> out;
  for (size_t pos = id.find('/'); pos != absl::string_view::npos; pos = id.find('/', pos + 1)) {
    out.emplace_back(id.substr(0, pos));
  }
  out.emplace_back(id);
  return out;
}

// Every (index prefix) a claim is posted under; each once.
std::vector<std::string> IndexPrefixesOf(const Claim& claim) {
  std::vector<std::string> out;
  out.push_back(IndexPrefix(IndexField::kAll, ""));
  out.push_back(IndexPrefix(IndexField::kArticle, claim.article_id()));
  out.push_back(IndexPrefix(IndexField::kKind, absl::StrCat(static_cast<int>(claim.kind()))));
  for (const auto& org : claim.organisations()) {
    if (!org.id().empty()) out.push_back(IndexPrefix(IndexField::kOrganisation, org.id()));
  }
  if (!claim.speaker().id().empty()) {
    out.push_back(IndexPrefix(IndexField::kSpeaker, claim.speaker().id()));
  }
  for (const auto& topic : claim.topics()) {
    for (const auto& id : TopicWithAncestors(topic.id())) {
      out.push_back(IndexPrefix(IndexField::kTopic, id));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The counters one claim contributes to.
std::vector<std::string> CounterKeysOf(const Claim& claim) {
  std::vector<std::string> out;
  for (const auto& org : claim.organisations()) {
    if (!org.id().empty()) out.push_back(CounterKey(EntityType::kOrganisation, org.id()));
  }
  if (!claim.speaker().id().empty()) {
    out.push_back(CounterKey(EntityType::kSpeaker, claim.speaker().id()));
  }
  for (const auto& topic : claim.topics()) {
    for (const auto& id : TopicWithAncestors(topic.id())) {
      out.push_back(CounterKey(EntityType::kTopic, id));
    }
  }
  out.push_back(DayCounterKey(SecondsOf(claim.claim_time())));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool IsPronoun(absl::string_view mention) {
  static const auto* const kPronouns = new absl::flat_hash_set<std::string>{
      "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "hers"};
  return kPronouns->contains(absl::AsciiStrToLower(mention));
}

// Alias entries: "A<type><alias key><id>" -> alias as written, and the reverse
// "L<type><id><alias key>" -> alias as written (to list an entity's aliases).
void PutAlias(rocksdb::WriteBatch* batch, rocksdb::ColumnFamilyHandle* cf, EntityType type,
              absl::string_view id, absl::string_view alias) {
  const std::string key = NormaliseName(alias);
  if (key.empty()) return;
  batch->Put(cf, AliasKey(type, key, id), ToSlice(alias));
  std::string reverse{'L', static_cast<char>(type)};
  AppendEscaped(id, &reverse);
  AppendEscaped(key, &reverse);
  batch->Put(cf, reverse, ToSlice(alias));
}

// Entity records and aliases a claim introduces. Puts are idempotent, so re-ingestion
// rewrites the same keys; entities are never deleted (an alias with no claims finds none).
void PutEntitiesOf(const Claim& claim, rocksdb::WriteBatch* batch,
                   rocksdb::ColumnFamilyHandle* cf) {
  for (const auto& org : claim.organisations()) {
    if (org.id().empty()) continue;
    claims::v1::Organisation record;
    record.set_id(org.id());
    record.set_name(org.name());
    batch->Put(cf, EntityKey(EntityType::kOrganisation, org.id()), record.SerializeAsString());
    PutAlias(batch, cf, EntityType::kOrganisation, org.id(), org.id());
    PutAlias(batch, cf, EntityType::kOrganisation, org.id(), org.name());
    if (!org.mention().empty()) {
      PutAlias(batch, cf, EntityType::kOrganisation, org.id(), org.mention());
    }
  }
  const auto& speaker = claim.speaker();
  if (!speaker.id().empty()) {
    claims::v1::SpeakerSummary record;
    record.set_id(speaker.id());
    record.set_name(speaker.name());
    record.set_kind(speaker.kind());
    batch->Put(cf, EntityKey(EntityType::kSpeaker, speaker.id()), record.SerializeAsString());
    PutAlias(batch, cf, EntityType::kSpeaker, speaker.id(), speaker.id());
    PutAlias(batch, cf, EntityType::kSpeaker, speaker.id(), speaker.name());
    if (!speaker.mention().empty() && !IsPronoun(speaker.mention()) &&
        absl::ascii_isupper(static_cast<unsigned char>(speaker.mention()[0]))) {
      PutAlias(batch, cf, EntityType::kSpeaker, speaker.id(), speaker.mention());
    }
    if (speaker.kind() == claims::v1::Speaker::PERSON) {
      // A surname alone finds the person ("Macalpine").
      const std::vector<absl::string_view> words = absl::StrSplit(speaker.name(), ' ');
      if (words.size() > 1) PutAlias(batch, cf, EntityType::kSpeaker, speaker.id(), words.back());
    }
  }
}

}  // namespace

ClaimStore::ClaimStore(std::unique_ptr<rocksdb::DB> db,
                       std::vector<rocksdb::ColumnFamilyHandle*> handles, bool secondary)
    : db_(std::move(db)), handles_(std::move(handles)), secondary_(secondary) {
  articles_ = handles_[1];
  claims_ = handles_[2];
  index_ = handles_[3];
  entities_ = handles_[4];
  counters_ = handles_[5];
  meta_ = handles_[6];
}

ClaimStore::~ClaimStore() {
  for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h);
  handles_.clear();
  db_.reset();
}

absl::StatusOr<std::unique_ptr<ClaimStore>> ClaimStore::OpenPrimary(const std::string& path) {
  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.max_background_jobs = 2;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  const rocksdb::Status s = rocksdb::DB::Open(options, path, Descriptors(), &handles, &raw);
  if (!s.ok()) {
    if (absl::StrContains(s.ToString(), "lock")) {
      return absl::UnavailableError(absl::StrCat(
          "database ", path, " is held by another process (is another claims-ingest running?): ",
          s.ToString()));
    }
    return FromRocks(s, absl::StrCat("opening database ", path));
  }
  std::unique_ptr<ClaimStore> store(
      new ClaimStore(std::unique_ptr<rocksdb::DB>(raw), std::move(handles), false));
  std::string version;
  const rocksdb::Status vs = store->db_->Get(rocksdb::ReadOptions(), store->meta_, kSchemaKey, &version);
  if (vs.IsNotFound()) {
    rocksdb::WriteOptions wo;
    wo.sync = true;
    CLAIMS_RETURN_IF_ERROR(FromRocks(
        store->db_->Put(wo, store->meta_, kSchemaKey, absl::StrCat(kSchemaVersion)), "writing schema"));
  } else if (!vs.ok()) {
    return FromRocks(vs, "reading schema version");
  } else if (version != absl::StrCat(kSchemaVersion)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "database ", path, " has schema version ", version, "; this build reads ", kSchemaVersion));
  }
  return store;
}

absl::StatusOr<std::unique_ptr<ClaimStore>> ClaimStore::OpenSecondary(
    const std::string& path, const std::string& secondary_path) {
  rocksdb::DBOptions options;
  options.max_open_files = -1;  // required for secondary instances
  std::vector<std::string> existing;
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(options, path, &existing);
  if (!s.ok()) {
    return absl::UnavailableError(
        absl::StrCat("no claims database at ", path, " yet: ", s.ToString()));
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors = Descriptors();
  for (const auto& d : descriptors) {
    if (std::find(existing.begin(), existing.end(), d.name) == existing.end()) {
      return absl::UnavailableError(
          absl::StrCat("database at ", path, " is not initialised yet (no ", d.name, " family)"));
    }
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  s = rocksdb::DB::OpenAsSecondary(options, path, secondary_path, descriptors, &handles, &raw);
  if (!s.ok()) return FromRocks(s, absl::StrCat("opening ", path, " as secondary"));
  return std::unique_ptr<ClaimStore>(
      new ClaimStore(std::unique_ptr<rocksdb::DB>(raw), std::move(handles), true));
}

absl::Status ClaimStore::CheckWritable() const {
  if (secondary_) return absl::FailedPreconditionError("store is opened read-only (secondary)");
  return absl::OkStatus();
}

absl::Mutex& ClaimStore::LockFor(absl::string_view article_id) {
  return article_locks_[absl::Hash<absl::string_view>()(article_id) % article_locks_.size()];
}

absl::StatusOr<PutResult> ClaimStore::PutArticle(const Article& article,
                                                 const std::vector<Claim>& claims) {
  CLAIMS_RETURN_IF_ERROR(CheckWritable());
  if (article.id().empty()) return absl::InvalidArgumentError("article.id is empty");
  for (const auto& claim : claims) {
    if (claim.article_id() != article.id() || claim.id().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("claim '", claim.id(), "' does not belong to article ", article.id()));
    }
  }
  absl::MutexLock lock(&LockFor(article.id()));
  PutResult result;
  rocksdb::WriteBatch batch;

  auto old_article = GetArticle(article.id());
  if (!old_article.ok() && !absl::IsNotFound(old_article.status())) return old_article.status();
  if (old_article.ok()) {
    result.replaced = true;
    CLAIMS_ASSIGN_OR_RETURN(std::vector<Claim> old_claims, ClaimsOfArticle(article.id()));
    result.old_claim_count = static_cast<int>(old_claims.size());
    // Identical content and claims: an idempotent no-op (feeds re-deliver articles).
    Article a = *old_article;
    Article b = article;
    a.clear_ingested_time();
    b.clear_ingested_time();
    bool same = a.SerializeAsString() == b.SerializeAsString() && old_claims.size() == claims.size();
    for (size_t i = 0; same && i < claims.size(); ++i) {
      same = old_claims[i].SerializeAsString() == claims[i].SerializeAsString();
    }
    if (same) {
      result.unchanged = true;
      return result;
    }
    for (const auto& old : old_claims) {
      const std::string suffix = PostingSuffix(SecondsOf(old.claim_time()), old.id());
      for (const auto& prefix : IndexPrefixesOf(old)) batch.Delete(index_, prefix + suffix);
      for (const auto& key : CounterKeysOf(old)) batch.Merge(counters_, key, EncodeInt64(-1));
      batch.Delete(claims_, old.id());
    }
  }
  for (const auto& claim : claims) {
    const std::string suffix = PostingSuffix(SecondsOf(claim.claim_time()), claim.id());
    // The index value is empty: the claim is read from `claims` by id.
    for (const auto& prefix : IndexPrefixesOf(claim)) batch.Put(index_, prefix + suffix, "");
    for (const auto& key : CounterKeysOf(claim)) batch.Merge(counters_, key, EncodeInt64(1));
    PutEntitiesOf(claim, &batch, entities_);
    batch.Put(claims_, claim.id(), claim.SerializeAsString());
  }
  batch.Put(articles_, article.id(), article.SerializeAsString());
  rocksdb::WriteOptions options;
  options.sync = true;  // acknowledged means durable; concurrent writers share one fsync
  CLAIMS_RETURN_IF_ERROR(FromRocks(db_->Write(options, &batch), "writing article"));
  return result;
}

absl::StatusOr<int> ClaimStore::DeleteArticle(absl::string_view article_id) {
  CLAIMS_RETURN_IF_ERROR(CheckWritable());
  absl::MutexLock lock(&LockFor(article_id));
  auto article = GetArticle(article_id);
  if (!article.ok()) return article.status();
  CLAIMS_ASSIGN_OR_RETURN(std::vector<Claim> old_claims, ClaimsOfArticle(article_id));
  rocksdb::WriteBatch batch;
  for (const auto& old : old_claims) {
    const std::string suffix = PostingSuffix(SecondsOf(old.claim_time()), old.id());
    for (const auto& prefix : IndexPrefixesOf(old)) batch.Delete(index_, prefix + suffix);
    for (const auto& key : CounterKeysOf(old)) batch.Merge(counters_, key, EncodeInt64(-1));
    batch.Delete(claims_, old.id());
  }
  batch.Delete(articles_, ToSlice(article_id));
  rocksdb::WriteOptions options;
  options.sync = true;
  CLAIMS_RETURN_IF_ERROR(FromRocks(db_->Write(options, &batch), "deleting article"));
  return static_cast<int>(old_claims.size());
}

absl::Status ClaimStore::RegisterOrganisations(
    const std::vector<claims::v1::Organisation>& orgs) {
  CLAIMS_RETURN_IF_ERROR(CheckWritable());
  rocksdb::WriteBatch batch;
  for (const auto& org : orgs) {
    claims::v1::Organisation record;
    record.set_id(org.id());
    record.set_name(org.name());
    batch.Put(entities_, EntityKey(EntityType::kOrganisation, org.id()), record.SerializeAsString());
    PutAlias(&batch, entities_, EntityType::kOrganisation, org.id(), org.id());
    PutAlias(&batch, entities_, EntityType::kOrganisation, org.id(), org.name());
    for (const auto& alias : org.aliases()) {
      PutAlias(&batch, entities_, EntityType::kOrganisation, org.id(), alias);
    }
  }
  rocksdb::WriteOptions options;
  options.sync = true;
  return FromRocks(db_->Write(options, &batch), "registering organisations");
}

absl::Status ClaimStore::RegisterTopics(const std::vector<claims::v1::Topic>& topics) {
  CLAIMS_RETURN_IF_ERROR(CheckWritable());
  rocksdb::WriteBatch batch;
  for (const auto& topic : topics) {
    claims::v1::Topic record;
    record.set_id(topic.id());
    record.set_label(topic.label());
    record.set_parent_id(topic.parent_id());
    batch.Put(entities_, EntityKey(EntityType::kTopic, topic.id()), record.SerializeAsString());
    PutAlias(&batch, entities_, EntityType::kTopic, topic.id(), topic.id());
    PutAlias(&batch, entities_, EntityType::kTopic, topic.id(), topic.label());
    const size_t slash = topic.id().rfind('/');
    if (slash != std::string::npos) {
      PutAlias(&batch, entities_, EntityType::kTopic, topic.id(), topic.id().substr(slash + 1));
    }
  }
  rocksdb::WriteOptions options;
  options.sync = true;
  return FromRocks(db_->Write(options, &batch), "registering topics");
}

absl::Status ClaimStore::CatchUp() {
  if (!secondary_) return absl::OkStatus();
  absl::MutexLock lock(&catch_up_mu_);
  return FromRocks(db_->TryCatchUpWithPrimary(), "catching up with primary");
}

absl::StatusOr<Article> ClaimStore::GetArticle(absl::string_view id) const {
  std::string value;
  const rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), articles_, ToSlice(id), &value);
  if (s.IsNotFound()) return absl::NotFoundError(absl::StrCat("no article with id '", id, "'"));
  CLAIMS_RETURN_IF_ERROR(FromRocks(s, "reading article"));
  Article article;
  if (!article.ParseFromString(value)) {
    return absl::DataLossError(absl::StrCat("article ", id, " is corrupt"));
  }
  return article;
}

absl::StatusOr<Claim> ClaimStore::GetClaim(absl::string_view id) const {
  std::string value;
  const rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), claims_, ToSlice(id), &value);
  if (s.IsNotFound()) return absl::NotFoundError(absl::StrCat("no claim with id '", id, "'"));
  CLAIMS_RETURN_IF_ERROR(FromRocks(s, "reading claim"));
  Claim claim;
  if (!claim.ParseFromString(value)) {
    return absl::DataLossError(absl::StrCat("claim ", id, " is corrupt"));
  }
  return claim;
}

absl::StatusOr<std::vector<Claim>> ClaimStore::ClaimsOfArticle(absl::string_view article_id) const {
  // Claim ids are "<article id>-<ordinal>", so an article's claims are one key range.
  const std::string prefix = absl::StrCat(article_id, "-");
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), claims_));
  std::vector<Claim> out;
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    Claim claim;
    if (!claim.ParseFromArray(it->value().data(), static_cast<int>(it->value().size()))) {
      return absl::DataLossError(absl::StrCat("claim ", ToView(it->key()), " is corrupt"));
    }
    out.push_back(std::move(claim));
  }
  CLAIMS_RETURN_IF_ERROR(FromRocks(it->status(), "scanning claims"));
  return out;
}

absl::StatusOr<std::vector<std::string>> ClaimStore::ResolveEntity(char type,
                                                                   absl::string_view name) const {
  std::vector<std::string> ids;
  const auto entity_type = static_cast<EntityType>(type);
  // An exact id (ids are lower-case).
  for (const std::string& candidate : {std::string(name), absl::AsciiStrToLower(name)}) {
    std::string ignored;
    const rocksdb::Status s =
        db_->Get(rocksdb::ReadOptions(), entities_, EntityKey(entity_type, candidate), &ignored);
    if (s.ok()) {
      ids.push_back(candidate);
      break;
    }
    if (!s.IsNotFound()) return FromRocks(s, "resolving name");
  }
  // Any name or alias.
  const std::string key = NormaliseName(name);
  if (!key.empty()) {
    const std::string prefix = AliasPrefix(entity_type, key);
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), entities_));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      absl::string_view rest = ToView(it->key());
      rest.remove_prefix(prefix.size());
      std::string id;
      if (ConsumeEscaped(&rest, &id) && std::find(ids.begin(), ids.end(), id) == ids.end()) {
        ids.push_back(std::move(id));
      }
    }
    CLAIMS_RETURN_IF_ERROR(FromRocks(it->status(), "resolving name"));
  }
  return ids;
}

absl::StatusOr<ClaimPage> ClaimStore::ListClaims(const ClaimQuery& query) const {
  ClaimPage page;
  if (query.organisations_unmatched || query.topics_unmatched || query.speakers_unmatched) {
    return page;  // a filter named only unknown entities: nothing can match
  }
  const bool reverse = query.oldest_first;
  const SuffixRange range = TimeRangeToSuffixRange(query.start_seconds, query.end_seconds);
  ScanStats stats;
  std::vector<std::unique_ptr<PostingCursor>> fields;
  auto add_field = [&](IndexField field, const std::vector<std::string>& values) {
    if (values.empty()) return;
    std::vector<std::unique_ptr<PostingCursor>> any_of;
    for (const auto& value : values) {
      any_of.push_back(NewPrefixCursor(db_.get(), index_, IndexPrefix(field, value), range,
                                       reverse, &stats));
    }
    fields.push_back(NewUnionCursor(std::move(any_of), reverse));
  };
  add_field(IndexField::kOrganisation, query.organisation_ids);
  add_field(IndexField::kTopic, query.topic_ids);
  add_field(IndexField::kSpeaker, query.speaker_ids);
  std::vector<std::string> kinds;
  for (int k : query.kinds) kinds.push_back(absl::StrCat(k));
  add_field(IndexField::kKind, kinds);
  if (!query.article_id.empty()) add_field(IndexField::kArticle, {query.article_id});
  if (fields.empty()) add_field(IndexField::kAll, {""});

  std::unique_ptr<PostingCursor> cursor = NewIntersectionCursor(std::move(fields), reverse);
  if (!query.after_suffix.empty() && cursor->Valid()) {
    cursor->Seek(query.after_suffix);
    if (cursor->Valid() && cursor->suffix() == query.after_suffix) cursor->Next();
  }
  const int limit = std::max(1, query.limit);
  std::vector<std::string> suffixes;
  for (; cursor->Valid() && static_cast<int>(suffixes.size()) < limit; cursor->Next()) {
    suffixes.emplace_back(cursor->suffix());
  }
  page.more = cursor->Valid();

  std::vector<std::string> ids;
  ids.reserve(suffixes.size());
  for (const auto& s : suffixes) ids.emplace_back(ClaimIdOfSuffix(s));
  std::vector<rocksdb::Slice> keys(ids.begin(), ids.end());
  std::vector<std::string> values(ids.size());
  std::vector<rocksdb::Status> statuses =
      db_->MultiGet(rocksdb::ReadOptions(), std::vector<rocksdb::ColumnFamilyHandle*>(ids.size(), claims_),
                    keys, &values);
  for (size_t i = 0; i < ids.size(); ++i) {
    // A claim replaced between the index scan and this read is skipped, not an error.
    if (statuses[i].IsNotFound()) continue;
    CLAIMS_RETURN_IF_ERROR(FromRocks(statuses[i], "reading claims"));
    Claim claim;
    if (!claim.ParseFromString(values[i])) {
      return absl::DataLossError(absl::StrCat("claim ", ids[i], " is corrupt"));
    }
    page.claims.push_back(std::move(claim));
  }
  if (!suffixes.empty()) page.last_suffix = suffixes.back();
  page.entries_read = stats.entries_read;
  return page;
}

absl::StatusOr<std::vector<CountedEntity>> ClaimStore::ListEntities(char type,
                                                                    absl::string_view prefix,
                                                                    int limit,
                                                                    bool include_empty) const {
  constexpr size_t kMaxCandidates = 20000;
  const auto entity_type = static_cast<EntityType>(type);
  std::vector<std::string> ids;
  absl::flat_hash_set<std::string> seen;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), entities_));
  const std::string key = NormaliseName(prefix);
  if (key.empty()) {
    const std::string p = EntityPrefix(entity_type);
    for (it->Seek(p); it->Valid() && it->key().starts_with(p) && ids.size() < kMaxCandidates;
         it->Next()) {
      absl::string_view rest = ToView(it->key());
      rest.remove_prefix(p.size());
      std::string id;
      if (ConsumeEscaped(&rest, &id) && seen.insert(id).second) ids.push_back(std::move(id));
    }
  } else {
    // Alias keys are "<alias key>\0\1<id>\0\1": a raw prefix of the alias key matches.
    const std::string p = AliasTypePrefix(entity_type) + key;
    for (it->Seek(p); it->Valid() && it->key().starts_with(p) && ids.size() < kMaxCandidates;
         it->Next()) {
      absl::string_view rest = ToView(it->key());
      rest.remove_prefix(2);
      std::string alias, id;
      if (ConsumeEscaped(&rest, &alias) && ConsumeEscaped(&rest, &id) && seen.insert(id).second) {
        ids.push_back(std::move(id));
      }
    }
  }
  CLAIMS_RETURN_IF_ERROR(FromRocks(it->status(), "listing entities"));

  std::vector<CountedEntity> out;
  for (const auto& id : ids) {
    CountedEntity e;
    e.id = id;
    std::string value;
    rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), counters_, CounterKey(entity_type, id), &value);
    if (s.ok()) e.claim_count = DecodeInt64(value);
    if (e.claim_count <= 0 && !include_empty) continue;
    s = db_->Get(rocksdb::ReadOptions(), entities_, EntityKey(entity_type, id), &value);
    if (s.ok()) {
      if (type == 'o') {
        claims::v1::Organisation r;
        if (r.ParseFromString(value)) e.name = r.name();
      } else if (type == 't') {
        claims::v1::Topic r;
        if (r.ParseFromString(value)) {
          e.name = r.label();
          e.parent_id = r.parent_id();
        }
      } else {
        claims::v1::SpeakerSummary r;
        if (r.ParseFromString(value)) {
          e.name = r.name();
          e.kind = r.kind();
        }
      }
    }
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const CountedEntity& a, const CountedEntity& b) {
    return a.claim_count != b.claim_count ? a.claim_count > b.claim_count : a.id < b.id;
  });
  if (limit > 0 && static_cast<int>(out.size()) > limit) out.resize(limit);
  // Aliases of the entities returned.
  for (auto& e : out) {
    std::string p{'L', static_cast<char>(entity_type)};
    AppendEscaped(e.id, &p);
    std::unique_ptr<rocksdb::Iterator> ait(db_->NewIterator(rocksdb::ReadOptions(), entities_));
    for (ait->Seek(p); ait->Valid() && ait->key().starts_with(p); ait->Next()) {
      const std::string alias(ToView(ait->value()));
      if (alias != e.id && alias != e.name) e.aliases.push_back(alias);
    }
  }
  return out;
}

absl::StatusOr<StoreStats> ClaimStore::Stats() const {
  StoreStats stats;
  auto count = [&](rocksdb::ColumnFamilyHandle* cf, int64_t* n) -> absl::Status {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf));
    for (it->SeekToFirst(); it->Valid(); it->Next()) ++*n;
    return FromRocks(it->status(), "counting keys");
  };
  CLAIMS_RETURN_IF_ERROR(count(articles_, &stats.articles));
  CLAIMS_RETURN_IF_ERROR(count(claims_, &stats.claims));
  CLAIMS_RETURN_IF_ERROR(count(index_, &stats.index_entries));
  return stats;
}

}  // namespace claims::store
