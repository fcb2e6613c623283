#include "store/claim_store.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/error_info.h"
#include "common/status_macros.h"
#include "common/text_keys.h"
#include "common/thread_priority.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/wire_format_lite.h"
#include "rocksdb/cache.h"
#include "rocksdb/db.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/memtablerep.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/options.h"
#include "rocksdb/table.h"
#include "rocksdb/write_batch.h"
#include "store/claim_speakers.h"
#include "store/committed_value_cache.h"
#include "store/key_codec.h"
#include "store/posting_cursor.h"
#include "store/sorted_runs_memtable.h"
#include "store/sorted_batch.h"

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
  if (s.IsBusy() || s.IsTimedOut() || s.IsTryAgain() || s.IsIOError()) {
    return ErrorWithReason(absl::StatusCode::kUnavailable, reason::kDatabaseUnavailable, "", message);
  }
  if (s.IsInvalidArgument()) return absl::InvalidArgumentError(message);
  return absl::InternalError(message);
}

rocksdb::Slice ToSlice(absl::string_view s) { return rocksdb::Slice(s.data(), s.size()); }
absl::string_view ToView(const rocksdb::Slice& s) { return absl::string_view(s.data(), s.size()); }

// Block cache of a secondary (claims-query), shared by its families: index scans and claim
// reads of a working set up to this size are served without decompressing blocks again.
constexpr size_t kSecondaryBlockCacheBytes = 256 << 20;
// The writer reads little (an article's record before it is written, usually a Bloom filter
// miss; the old claims of an article that is re-ingested), so its cache is small. It also
// holds the writer's index and filter blocks, which would otherwise stay on the heap for every
// table file and grow with the database.
constexpr size_t kPrimaryBlockCacheBytes = 16 << 20;
// All memtables of the writer together; a full one is flushed in the background. Larger
// means fewer flushes and level-0 files, so compactions rewrite the level below less often
// (claims-ingest under callgrind streaming 5,000 articles: 40.21G instructions at 32 MiB,
// 37.00G at 64 MiB), for more resident in claims-ingest and in each claims-query, whose
// secondaries replay what is not flushed yet. 48 MiB: as fast as 64 in alternating
// 10,000-article runs (bench/ingest_ab.sh), and over 100,000 streamed articles 36.5 MB above
// the 10% mark against 44.1 MB at 64 MiB (the target is 50).
constexpr size_t kPrimaryWriteBufferBytes = 48 << 20;
// Memtable allocation unit of a MemtableLayout::kForWrites primary: small enough for the
// allocator to reuse blocks from one memtable to the next.
constexpr size_t kForWritesArenaBlockBytes = 256 << 10;

// Families of a primary with memtables laid out as `primary` says, or of a secondary.
std::vector<rocksdb::ColumnFamilyDescriptor> Descriptors(std::optional<MemtableLayout> primary) {
  static const std::shared_ptr<rocksdb::Cache> secondary_cache =
      rocksdb::NewLRUCache(kSecondaryBlockCacheBytes);
  rocksdb::BlockBasedTableOptions scans;
  if (primary.has_value()) {
    scans.block_cache = rocksdb::NewLRUCache(kPrimaryBlockCacheBytes);
    scans.cache_index_and_filter_blocks = true;
  } else {
    scans.block_cache = secondary_cache;
  }
  rocksdb::BlockBasedTableOptions lookups = scans;
  // Claims and articles are read by id: a Bloom filter spares the levels that lack the key,
  // and a hash index in each data block finds the key without a binary search.
  lookups.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  lookups.data_block_index_type = rocksdb::BlockBasedTableOptions::kDataBlockBinaryAndHash;
  rocksdb::ColumnFamilyOptions plain;
  plain.table_factory.reset(rocksdb::NewBlockBasedTableFactory(scans));
  rocksdb::ColumnFamilyOptions by_id;
  by_id.table_factory.reset(rocksdb::NewBlockBasedTableFactory(lookups));
  // A whole-key Bloom filter on the memtables: a lookup of a key that is not there (most of
  // a page's claims are in table files) skips the skiplist search. A secondary replays the
  // writer's log into memtables of its own, tens of MB of them, so this is most of the cost
  // of a point read that the block cache cannot help with.
  by_id.memtable_whole_key_filtering = true;
  by_id.memtable_prefix_bloom_size_ratio = 0.02;
  rocksdb::ColumnFamilyOptions counters = plain;
  counters.merge_operator = std::make_shared<Int64AddOperator>();
  rocksdb::ColumnFamilyOptions index = plain;
  rocksdb::ColumnFamilyOptions entities = by_id;
  if (primary == MemtableLayout::kForWrites) {
    // Memtables grow in blocks of this size instead of RocksDB's default (an eighth of
    // write_buffer_size: 8 MiB). Blocks that large were mapped afresh by the allocator (glibc's
    // malloc as claims-ingest set it then), so every page of every memtable was a page fault
    // inside the serial commit (~12 an article); these smaller blocks are reused from one
    // memtable to the next.
    for (auto* family : {&plain, &by_id, &counters, &index, &entities}) {
      family->arena_block_size = kForWritesArenaBlockBytes;
    }
    // The write path never reads these three families, and they take most of the writes (an
    // article is ~300 postings, ~30 counter deltas, ~40 entity records). These memtables
    // append each write and sort once when they are flushed, in the background, merging the
    // ascending runs that the group commits write (sorted_runs_memtable.h); the default
    // skiplist pays a search per write inside the commit, which is serial.
    // Level-0 files, the flushed memtables, are written uncompressed: they live only until
    // the next compaction, which then reads them without decompressing; the levels below
    // stay Snappy-compressed. store_write_bench --articles 3000 --threads 1 --sync 0 under
    // callgrind: 25.32G -> 24.32G instructions.
    // A level-0 to level-1 compaction rewrites all of level 1 (new postings, claims and
    // articles land all over the key space), so it runs after 8 flushed files rather than
    // RocksDB's 4: half as many rewrites of level 1. Compaction CPU (the LOG's
    // compaction_time_cpu_micros, ingest_stream_bench --db): 10,000 articles 1.30 -> 0.30 s,
    // 40,000 articles 18.8 -> 10.4 s, 100,000 articles 60.7 -> 54.8 s. A query on a
    // secondary reads up to 8 level-0 files instead of 4.
    for (auto* family : {&plain, &by_id, &counters, &index, &entities}) {
      family->compression_per_level = {rocksdb::kNoCompression, rocksdb::kSnappyCompression};
      family->level0_file_num_compaction_trigger = 8;
    }
    const auto runs = std::make_shared<SortedRunsRepFactory>();
    index.memtable_factory = runs;
    entities.memtable_factory = runs;
    counters.memtable_factory = runs;
  }
  return {
      {rocksdb::kDefaultColumnFamilyName, plain}, {kArticlesCf, by_id},
      {kClaimsCf, by_id},  {kIndexCf, index},     {kEntitiesCf, entities},
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

// The topics that a claim's pair postings (organisation+topic, topic+speaker) name. A claim
// is posted under each of its topics and their ancestors, but its pairs name only its own
// topics: with ~5 topic ids a claim (own and ancestors) the ancestors' pairs were a third of
// all postings. A query pairing a topic with children reads the pairs of the topic and of its
// descendants instead (Planner::TopicAndDescendants). Databases written before also hold
// pairs for the ancestors, which are still correct; removing a claim deletes both kinds.
enum class PairTopics { kOwn, kOwnAndAncestors };

// Calls `f(id)` for a topic id and each of its ancestors, ancestors first.
template <typename F>
void ForTopicAndAncestors(absl::string_view id, F f) {
  for (size_t pos = id.find('/'); pos != absl::string_view::npos; pos = id.find('/', pos + 1)) {
    f(id.substr(0, pos));
  }
  f(id);
}

// Keys built back to back in one buffer, to be listed sorted and each once. Reused from claim
// to claim so that building a claim's ~35 keys allocates nothing once warm. Not thread-safe.
class KeyList {
 public:
  void Clear() {
    bytes_.clear();
    ends_.clear();
  }
  // The buffer to append the next key to; call EndKey() after appending it.
  std::string* buffer() { return &bytes_; }
  void EndKey() { ends_.push_back(bytes_.size()); }
  // The keys added since Clear(), sorted, each once. Valid until the next change.
  const std::vector<absl::string_view>& SortedUnique() {
    sorted_.clear();
    size_t start = 0;
    for (size_t end : ends_) {
      sorted_.emplace_back(bytes_.data() + start, end - start);
      start = end;
    }
    std::sort(sorted_.begin(), sorted_.end());
    sorted_.erase(std::unique(sorted_.begin(), sorted_.end()), sorted_.end());
    return sorted_;
  }

 private:
  std::string bytes_;
  std::vector<size_t> ends_;
  std::vector<absl::string_view> sorted_;
};

// Every (index prefix) a claim is posted under, added to `out`.
void IndexPrefixesOf(const Claim& claim, PairTopics pair_topics, KeyList* out) {
  std::string* const b = out->buffer();
  AppendIndexPrefix(IndexField::kAll, "", b);
  out->EndKey();
  AppendIndexPrefix(IndexField::kArticle, claim.article_id(), b);
  out->EndKey();
  const char kind[] = {static_cast<char>('0' + static_cast<int>(claim.kind())), '\0'};
  if (claim.kind() >= 0 && claim.kind() <= 9) {
    AppendIndexPrefix(IndexField::kKind, absl::string_view(kind, 1), b);
  } else {
    AppendIndexPrefix(IndexField::kKind, absl::StrCat(static_cast<int>(claim.kind())), b);
  }
  out->EndKey();
  for (const auto& org : claim.organisations()) {
    if (org.id().empty()) continue;
    AppendIndexPrefix(IndexField::kOrganisation, org.id(), b);
    out->EndKey();
  }
  const auto speakers = SpeakerIdsOf(claim);
  for (absl::string_view speaker : speakers) {
    AppendIndexPrefix(IndexField::kSpeaker, speaker, b);
    out->EndKey();
  }
  absl::InlinedVector<absl::string_view, 8> topics;  // of the pairs; views into `claim`
  for (const auto& topic : claim.topics()) {
    ForTopicAndAncestors(topic.id(), [&](absl::string_view id) {
      AppendIndexPrefix(IndexField::kTopic, id, b);
      out->EndKey();
      if (pair_topics == PairTopics::kOwnAndAncestors || id == topic.id()) topics.push_back(id);
    });
  }
  for (const auto& org : claim.organisations()) {
    if (org.id().empty()) continue;
    for (absl::string_view speaker : speakers) {
      AppendPairPrefix(IndexField::kOrganisationSpeaker, org.id(), speaker, b);
      out->EndKey();
    }
    for (const auto& t : topics) {
      AppendPairPrefix(IndexField::kOrganisationTopic, org.id(), t, b);
      out->EndKey();
    }
  }
  for (absl::string_view speaker : speakers) {
    for (const auto& t : topics) {
      AppendPairPrefix(IndexField::kTopicSpeaker, t, speaker, b);
      out->EndKey();
    }
  }
}

// The counters one claim contributes to, added to `out`: per entity in all and per entity
// and day, and per day overall.
void CounterKeysOf(const Claim& claim, KeyList* out) {
  std::string* const b = out->buffer();
  const int64_t t = SecondsOf(claim.claim_time());
  const std::string day = DayString(t);
  auto add = [&](EntityType type, absl::string_view id) {
    AppendCounterKey(type, id, b);
    out->EndKey();
    AppendEntityDayCounterKey(type, id, day, b);
    out->EndKey();
  };
  for (const auto& org : claim.organisations()) {
    if (!org.id().empty()) add(EntityType::kOrganisation, org.id());
  }
  for (absl::string_view speaker : SpeakerIdsOf(claim)) add(EntityType::kSpeaker, speaker);
  for (const auto& topic : claim.topics()) {
    ForTopicAndAncestors(topic.id(), [&](absl::string_view id) { add(EntityType::kTopic, id); });
  }
  b->push_back('D');
  b->append(day);
  out->EndKey();
}

// Entity keys whose last committed value the writer remembers; beyond this the cache starts
// afresh (about 100 bytes an entry).
constexpr size_t kEntityCacheEntries = 16384;

// Family indices: the order of Descriptors() and of ClaimStore::handles_.
constexpr int kArticlesFamily = 1;
constexpr int kClaimsFamily = 2;
constexpr int kIndexFamily = 3;
constexpr int kEntitiesFamily = 4;
constexpr int kCountersFamily = 5;
constexpr int kMetaFamily = 6;

// Removes everything `old` contributed: its record, postings (by time and by sequence)
// and counts.
void RemoveClaim(const Claim& old, KeyList* keys, SortedBatch* batch) {
  const std::string suffix = PostingSuffix(SecondsOf(old.claim_time()), old.id());
  keys->Clear();
  IndexPrefixesOf(old, PairTopics::kOwnAndAncestors, keys);
  for (absl::string_view prefix : keys->SortedUnique()) {
    batch->Delete(kIndexFamily, absl::StrCat(prefix, suffix));
  }
  batch->Delete(kIndexFamily, IndexPrefix(IndexField::kSequence, "") +
                                  SequenceSuffix(old.ingest_sequence(), old.id()));
  keys->Clear();
  CounterKeysOf(old, keys);
  for (absl::string_view key : keys->SortedUnique()) batch->AddToCounter(kCountersFamily, key, -1);
  batch->Delete(kClaimsFamily, old.id());
}

bool IsPronoun(absl::string_view mention) {
  static const auto* const kPronouns = new absl::flat_hash_set<std::string>{
      "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "hers"};
  return kPronouns->contains(absl::AsciiStrToLower(mention));
}

// Alias entries: "A<type><alias key><id>" -> alias as written, and the reverse
// "L<type><id><alias key>" -> alias as written (to list an entity's aliases).
void PutAlias(SortedBatch* batch, EntityType type, absl::string_view id, absl::string_view alias) {
  const std::string key = NormaliseName(alias);
  if (key.empty()) return;
  batch->Put(kEntitiesFamily, AliasKey(type, key, id), alias);
  std::string reverse{'L', static_cast<char>(type)};
  AppendEscaped(id, &reverse);
  AppendEscaped(key, &reverse);
  batch->Put(kEntitiesFamily, reverse, alias);
}

// An organisation's record, with its id and name as aliases.
void PutOrganisation(SortedBatch* batch, const std::string& id, const std::string& name) {
  claims::v1::Organisation record;
  record.set_id(id);
  record.set_name(name);
  batch->Put(kEntitiesFamily, EntityKey(EntityType::kOrganisation, id), record.SerializeAsString());
  PutAlias(batch, EntityType::kOrganisation, id, id);
  PutAlias(batch, EntityType::kOrganisation, id, name);
}

// Entity records and aliases a claim introduces. Puts are idempotent, so re-ingestion
// rewrites the same keys; entities are never deleted (an alias with no claims finds none).
//
// An article names the same speakers and organisations in claim after claim: `last` holds,
// per organisation and speaker id, what the article's last claim naming it put, and a claim
// whose entities equal that puts nothing again (a put of the same key and value changes
// nothing; one of another value still goes in, in order).
struct ArticleEntities {
  absl::flat_hash_map<std::string, std::string> last;  // "o"/"s" + id -> what was put
  // True (and remembered) when `what` differs from the last put for `key`.
  bool Changed(std::string key, std::string what) {
    auto [it, inserted] = last.try_emplace(std::move(key), what);
    if (inserted) return true;
    if (it->second == what) return false;
    it->second = std::move(what);
    return true;
  }
};

void PutEntitiesOf(const Claim& claim, SortedBatch* batch, ArticleEntities* seen) {
  for (const auto& org : claim.organisations()) {
    if (org.id().empty()) continue;
    if (!seen->Changed(absl::StrCat("o", org.id()),
                       absl::StrCat(org.name(), "\n", org.mention()))) {
      continue;
    }
    PutOrganisation(batch, org.id(), org.name());
    if (!org.mention().empty()) {
      PutAlias(batch, EntityType::kOrganisation, org.id(), org.mention());
    }
  }
  // The speaker, and each member of a joint statement: "RCN" finds the RCN's own entity.
  auto put_speaker = [&](const claims::v1::Speaker& speaker) {
    if (speaker.id().empty() ||
        !seen->Changed(absl::StrCat("s", speaker.id()),
                    absl::StrCat(speaker.name(), "\n", speaker.mention(), "\n",
                                 static_cast<int>(speaker.kind())))) {
      return;
    }
    claims::v1::SpeakerSummary record;
    record.set_id(speaker.id());
    record.set_name(speaker.name());
    record.set_kind(speaker.kind());
    batch->Put(kEntitiesFamily, EntityKey(EntityType::kSpeaker, speaker.id()),
               record.SerializeAsString());
    PutAlias(batch, EntityType::kSpeaker, speaker.id(), speaker.id());
    PutAlias(batch, EntityType::kSpeaker, speaker.id(), speaker.name());
    if (!speaker.mention().empty() && !IsPronoun(speaker.mention()) &&
        absl::ascii_isupper(static_cast<unsigned char>(speaker.mention()[0]))) {
      PutAlias(batch, EntityType::kSpeaker, speaker.id(), speaker.mention());
    }
    if (speaker.kind() == claims::v1::Speaker::PERSON) {
      // A surname alone finds the person ("Macalpine").
      const std::vector<absl::string_view> words = absl::StrSplit(speaker.name(), ' ');
      if (words.size() > 1) PutAlias(batch, EntityType::kSpeaker, speaker.id(), words.back());
    }
  };
  put_speaker(claim.speaker());
  for (const auto& member : claim.speaker().members()) put_speaker(member);
}

// Fills name (label for topics), parent_id and kind from an entity record of `type`
// ('o', 't', 's'); leaves them empty when the record does not parse.
void ParseEntityRecord(char type, const std::string& value, CountedEntity* e) {
  if (type == 'o') {
    claims::v1::Organisation r;
    if (r.ParseFromString(value)) e->name = r.name();
  } else if (type == 't') {
    claims::v1::Topic r;
    if (r.ParseFromString(value)) {
      e->name = r.label();
      e->parent_id = r.parent_id();
    }
  } else {
    claims::v1::SpeakerSummary r;
    if (r.ParseFromString(value)) {
      e->name = r.name();
      e->kind = r.kind();
    }
  }
}

constexpr char kLastSequenceKey[] = "last_sequence";

// `serialized` is a Claim without ingest_sequence; appends that field (protobuf's wire format
// allows fields in any order), so claims are serialised by their writers, not by the leader.
void AppendIngestSequence(int64_t sequence, std::string* serialized) {
  google::protobuf::io::StringOutputStream raw(serialized);
  google::protobuf::io::CodedOutputStream out(&raw);
  out.WriteTag(google::protobuf::internal::WireFormatLite::MakeTag(
      Claim::kIngestSequenceFieldNumber, google::protobuf::internal::WireFormatLite::WIRETYPE_VARINT));
  out.WriteVarint64(static_cast<uint64_t>(sequence));
}

}  // namespace

struct ClaimStore::Writer {
  // The writer's operations that do not depend on its sequence number, sorted; prepared by
  // the writer's own thread before it queues.
  SortedBatch ops;
  // Adds the operations that do depend on it (run by the group's leader).
  std::function<void(int64_t sequence, SortedBatch* batch)> sequenced;
  SortedBatch sequenced_ops;
  // False for writes that are not articles (catalogue registration): they take no sequence
  // number.
  bool takes_sequence = true;
  absl::Status status;
  bool done = false;
  absl::CondVar cv;  // signalled when done, or when it is to lead; waited on with write_mu_
};

absl::Status ClaimStore::Commit(Writer* writer) {
  absl::MutexLock lock(&write_mu_);
  writers_.push_back(writer);
  while (!writer->done && writer != writers_.front()) writer->cv.Wait(&write_mu_);
  if (writer->done) return writer->status;

  // This writer leads: it commits every writer queued so far in one synced batch, so that
  // concurrent ingestion shares one fsync and sequence numbers follow commit order.
  constexpr size_t kMaxGroup = 256;
  constexpr int kLeaderPriorityBoost = 5;  // nice steps
  std::vector<Writer*> group;
  for (Writer* w : writers_) {
    if (group.size() == kMaxGroup) break;
    group.push_back(w);
  }
  const int64_t first_sequence = last_sequence_ + 1;
  // Others may queue while this one builds and writes; they wait for the next leader. The
  // group's writers are blocked until done, so their batches are the leader's to read.
  write_mu_.Unlock();
  // Every queued writer waits on this leader, so it should not wait for a core behind the
  // threads still extracting: it runs at a higher priority until the batch is written (a
  // no-op without CAP_SYS_NICE).
  std::optional<ScopedThreadPriorityBoost> boost(std::in_place, kLeaderPriorityBoost);
  std::vector<const SortedBatch*> parts;
  int64_t sequence = first_sequence - 1;
  for (Writer* w : group) {
    if (!w->takes_sequence) {
      parts.push_back(&w->ops);
      continue;
    }
    ++sequence;  // every article write takes one, deletes included
    if (w->sequenced) {
      w->sequenced(sequence, &w->sequenced_ops);
      w->sequenced_ops.Sort();
    }
    parts.push_back(&w->ops);
    parts.push_back(&w->sequenced_ops);  // after `ops`: it may re-create a key `ops` deleted
  }
  // The batch is applied family by family, each article's writes in key order (SortedBatch).
  rocksdb::WriteBatch batch;
  // Unchanged entity records and aliases are dropped (the cache's contract: every entities
  // write passes here, and it learns only what was written successfully).
  // Only entity records, aliases and counters are shared by articles; one article's record,
  // claims and postings (each with its claim id) are its own.
  constexpr uint64_t kShared = uint64_t{1} << kEntitiesFamily | uint64_t{1} << kCountersFamily;
  SortedBatch::Merge(parts, handles_, &batch, entity_cache_.get(), kShared);
  if (sequence != first_sequence - 1) batch.Put(meta_, kLastSequenceKey, EncodeInt64(sequence));
  rocksdb::WriteOptions options;
  options.sync = sync_writes_;  // acknowledged means durable
  const rocksdb::Status s = db_->Write(options, &batch);
  // Before the group is woken: the cache's pending Puts point into the writers' batches.
  if (s.ok()) {
    entity_cache_->Committed();
  } else {
    entity_cache_->Failed();
  }
  boost.reset();
  write_mu_.Lock();
  const absl::Status status = FromRocks(s, "writing articles");
  if (status.ok()) last_sequence_ = sequence;
  // Wakes exactly the writers that are done and the next leader, not every queued writer.
  for (Writer* w : group) {
    writers_.pop_front();
    w->status = status;
    w->done = true;
    if (w != writer) w->cv.Signal();
  }
  if (!writers_.empty()) writers_.front()->cv.Signal();
  return writer->status;
}

ClaimStore::ClaimStore(std::unique_ptr<rocksdb::DB> db,
                       std::vector<rocksdb::ColumnFamilyHandle*> handles, bool secondary)
    : db_(std::move(db)),
      handles_(std::move(handles)),
      secondary_(secondary),
      entity_cache_(std::make_unique<CommittedValueCache>(kEntitiesFamily, kEntityCacheEntries)),
      resolve_cache_(std::make_unique<ResolveCache>()) {
  articles_ = handles_[kArticlesFamily];
  claims_ = handles_[kClaimsFamily];
  index_ = handles_[kIndexFamily];
  entities_ = handles_[kEntitiesFamily];
  counters_ = handles_[kCountersFamily];
  meta_ = handles_[kMetaFamily];
}

ClaimStore::~ClaimStore() {
  for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h);
  handles_.clear();
  db_.reset();
}

absl::StatusOr<std::unique_ptr<ClaimStore>> ClaimStore::OpenPrimary(const std::string& path) {
  return OpenPrimary(path, /*sync_writes=*/true);
}

absl::StatusOr<std::unique_ptr<ClaimStore>> ClaimStore::OpenPrimary(const std::string& path,
                                                                   bool sync_writes) {
  PrimaryOptions options;
  options.sync_writes = sync_writes;
  return OpenPrimary(path, options);
}

absl::StatusOr<std::unique_ptr<ClaimStore>> ClaimStore::OpenPrimary(
    const std::string& path, const PrimaryOptions& primary) {
  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.max_background_jobs = 2;
  // Vector memtables do not take concurrent inserts; nor does one group commit need them
  // (it is one WriteBatch).
  options.allow_concurrent_memtable_write = false;
  // All memtables together stay under this, whatever the number of families.
  options.db_write_buffer_size = kPrimaryWriteBufferBytes;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  const rocksdb::Status s =
      rocksdb::DB::Open(options, path, Descriptors(primary.memtables), &handles, &raw);
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
  store->sync_writes_ = primary.sync_writes;
  CLAIMS_ASSIGN_OR_RETURN(const int64_t last, store->LastSequence());
  absl::MutexLock lock(&store->write_mu_);
  store->last_sequence_ = last;
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
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors = Descriptors(std::nullopt);
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
                                                 const std::vector<Claim>& claims, bool keep_longer) {
  CLAIMS_RETURN_IF_ERROR(CheckWritable());
  if (article.id().empty()) return absl::InvalidArgumentError("article.id is empty");
  for (const auto& claim : claims) {
    if (claim.article_id() != article.id() || claim.id().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("claim '", claim.id(), "' does not belong to article ", article.id()));
    }
  }
  // Held until the commit is durable, so a concurrent write of the same article reads
  // this one's claims as the old ones.
  absl::MutexLock lock(&LockFor(article.id()));
  PutResult result;
  std::vector<Claim> old_claims;
  auto old_article = GetArticle(article.id());
  if (!old_article.ok() && !absl::IsNotFound(old_article.status())) return old_article.status();
  if (old_article.ok() && keep_longer && old_article->text().size() > article.text().size()) {
    result.unchanged = true;  // a stand-in does not replace the fuller version
    CLAIMS_ASSIGN_OR_RETURN(result.kept_claims, ClaimsOfArticle(article.id()));
    result.kept_article = *std::move(old_article);
    return result;
  }
  if (old_article.ok()) {
    result.replaced = true;
    CLAIMS_ASSIGN_OR_RETURN(old_claims, ClaimsOfArticle(article.id()));
    result.old_claim_count = static_cast<int>(old_claims.size());
    // Identical content and claims: an idempotent no-op (feeds re-deliver articles).
    Article a = *old_article;
    Article b = article;
    a.clear_ingested_time();
    b.clear_ingested_time();
    bool same = a.SerializeAsString() == b.SerializeAsString() && old_claims.size() == claims.size();
    for (size_t i = 0; same && i < claims.size(); ++i) {
      Claim old = old_claims[i];
      old.clear_ingest_sequence();
      same = old.SerializeAsString() == claims[i].SerializeAsString();
    }
    if (same) {
      result.unchanged = true;
      return result;
    }
  }
  // Everything but the sequence-numbered parts is prepared here, outside the commit queue,
  // so that concurrent writers prepare in parallel and the leader only merges.
  Writer writer;
  // About 40 operations of 60 bytes a claim (measured on generated news articles).
  writer.ops.Reserve(48 * (claims.size() + old_claims.size()) + 8,
                     3072 * (claims.size() + old_claims.size()) + 4096 + article.ByteSizeLong());
  KeyList keys;
  for (const auto& old : old_claims) RemoveClaim(old, &keys, &writer.ops);
  std::vector<std::string> serialized(claims.size());
  std::string suffix;
  ArticleEntities entities;
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& claim = claims[i];
    suffix.clear();
    AppendPostingSuffix(SecondsOf(claim.claim_time()), claim.id(), &suffix);
    // Index values are empty: the claim is read from `claims` by id.
    keys.Clear();
    IndexPrefixesOf(claim, PairTopics::kOwn, &keys);
    for (absl::string_view prefix : keys.SortedUnique()) {
      writer.ops.Put(kIndexFamily, prefix, suffix, "");
    }
    keys.Clear();
    CounterKeysOf(claim, &keys);
    for (absl::string_view key : keys.SortedUnique()) {
      writer.ops.AddToCounter(kCountersFamily, key, 1);
    }
    PutEntitiesOf(claim, &writer.ops, &entities);
    if (claim.ingest_sequence() == 0) {
      claim.SerializeToString(&serialized[i]);
    } else {
      Claim copy = claim;
      copy.clear_ingest_sequence();
      copy.SerializeToString(&serialized[i]);
    }
  }
  writer.ops.Put(kArticlesFamily, article.id(), article.SerializeAsString());
  writer.ops.Sort();
  writer.sequenced = [&](int64_t sequence, SortedBatch* batch) {
    for (size_t i = 0; i < claims.size(); ++i) {
      AppendIngestSequence(sequence, &serialized[i]);
      batch->Put(kClaimsFamily, claims[i].id(), serialized[i]);
      batch->Put(kIndexFamily,
                 IndexPrefix(IndexField::kSequence, "") + SequenceSuffix(sequence, claims[i].id()), "");
    }
  };
  CLAIMS_RETURN_IF_ERROR(Commit(&writer));
  return result;
}

absl::StatusOr<int> ClaimStore::DeleteArticle(absl::string_view article_id) {
  CLAIMS_RETURN_IF_ERROR(CheckWritable());
  absl::MutexLock lock(&LockFor(article_id));
  auto article = GetArticle(article_id);
  if (!article.ok()) return article.status();
  CLAIMS_ASSIGN_OR_RETURN(std::vector<Claim> old_claims, ClaimsOfArticle(article_id));
  Writer writer;
  KeyList keys;
  for (const auto& old : old_claims) RemoveClaim(old, &keys, &writer.ops);
  writer.ops.Delete(kArticlesFamily, article_id);
  writer.ops.Sort();
  CLAIMS_RETURN_IF_ERROR(Commit(&writer));
  return static_cast<int>(old_claims.size());
}

absl::Status ClaimStore::CommitUnsequenced(SortedBatch ops) {
  Writer writer;
  writer.ops = std::move(ops);
  writer.ops.Sort();
  writer.takes_sequence = false;
  return Commit(&writer);
}

absl::Status ClaimStore::RegisterOrganisations(
    const std::vector<claims::v1::Organisation>& orgs) {
  CLAIMS_RETURN_IF_ERROR(CheckWritable());
  SortedBatch ops;
  for (const auto& org : orgs) {
    PutOrganisation(&ops, org.id(), org.name());
    for (const auto& alias : org.aliases()) PutAlias(&ops, EntityType::kOrganisation, org.id(), alias);
  }
  return CommitUnsequenced(std::move(ops));
}

absl::Status ClaimStore::RegisterTopics(const std::vector<claims::v1::Topic>& topics) {
  CLAIMS_RETURN_IF_ERROR(CheckWritable());
  SortedBatch ops;
  for (const auto& topic : topics) {
    claims::v1::Topic record;
    record.set_id(topic.id());
    record.set_label(topic.label());
    record.set_parent_id(topic.parent_id());
    ops.Put(kEntitiesFamily, EntityKey(EntityType::kTopic, topic.id()), record.SerializeAsString());
    PutAlias(&ops, EntityType::kTopic, topic.id(), topic.id());
    PutAlias(&ops, EntityType::kTopic, topic.id(), topic.label());
    const size_t slash = topic.id().rfind('/');
    if (slash != std::string::npos) {
      PutAlias(&ops, EntityType::kTopic, topic.id(), topic.id().substr(slash + 1));
    }
  }
  return CommitUnsequenced(std::move(ops));
}

absl::Status ClaimStore::CatchUp() {
  if (!secondary_) return absl::OkStatus();
  absl::MutexLock lock(&catch_up_mu_);
  return FromRocks(db_->TryCatchUpWithPrimary(), "catching up with primary");
}

absl::StatusOr<Article> ClaimStore::GetArticle(absl::string_view id) const {
  std::string value;
  const rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), articles_, ToSlice(id), &value);
  if (s.IsNotFound()) {
    return ErrorWithReason(absl::StatusCode::kNotFound, reason::kArticleNotFound, "",
                           absl::StrCat("no article with id '", id, "'"), {{kIdKey, std::string(id)}});
  }
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
  if (s.IsNotFound()) {
    return ErrorWithReason(absl::StatusCode::kNotFound, reason::kClaimNotFound, "",
                           absl::StrCat("no claim with id '", id, "'"), {{kIdKey, std::string(id)}});
  }
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

// Names resolved by a secondary, with the sequence number of the view they were resolved
// in. A secondary's view changes only when CatchUp brings new writes, which moves the
// sequence forward, so an entry of the current sequence is exact. Never used on a primary.
struct ClaimStore::ResolveCache {
  static constexpr size_t kMaxEntries = 4096;
  absl::Mutex mu;
  uint64_t sequence ABSL_GUARDED_BY(mu) = 0;
  absl::flat_hash_map<std::string, std::vector<std::string>> ids ABSL_GUARDED_BY(mu);
};

absl::StatusOr<std::vector<std::string>> ClaimStore::ResolveEntity(char type,
                                                                   absl::string_view name) const {
  std::string cache_key;
  uint64_t sequence = 0;
  if (secondary_) {
    // Read before the lookups: the answer is at least as new as this view.
    sequence = db_->GetLatestSequenceNumber();
    cache_key = absl::StrCat(absl::string_view(&type, 1), name);
    absl::MutexLock lock(&resolve_cache_->mu);
    if (resolve_cache_->sequence == sequence) {
      const auto hit = resolve_cache_->ids.find(cache_key);
      if (hit != resolve_cache_->ids.end()) return hit->second;
    }
  }
  CLAIMS_ASSIGN_OR_RETURN(std::vector<std::string> ids, ResolveEntityUncached(type, name));
  if (secondary_) {
    absl::MutexLock lock(&resolve_cache_->mu);
    ResolveCache& cache = *resolve_cache_;
    if (sequence > cache.sequence || cache.ids.size() >= ResolveCache::kMaxEntries) {
      cache.ids.clear();
      cache.sequence = std::max(cache.sequence, sequence);
    }
    if (sequence == cache.sequence) cache.ids.emplace(std::move(cache_key), ids);
  }
  return ids;
}

absl::StatusOr<std::vector<std::string>> ClaimStore::ResolveEntityUncached(
    char type, absl::string_view name) const {
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
  // "Dr Amelia Hart", "Sen. Ted Cruz": a speaker asked for with a title, as articles print
  // the name, is the speaker of that name when the title makes no match.
  if (ids.empty() && entity_type == EntityType::kSpeaker) {
    static constexpr absl::string_view kTitles[] = {
        "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame", "lord",
        "lady", "cllr", "councillor", "sen", "senator", "rep", "gov", "governor", "rev"};
    const std::vector<absl::string_view> words = absl::StrSplit(key, ' ', absl::SkipEmpty());
    if (words.size() >= 2) {
      for (absl::string_view title : kTitles) {
        if (words.front() == title) return ResolveEntityUncached(type, key.substr(words.front().size() + 1));
      }
    }
  }
  return ids;
}

namespace {

// Turns a filter into a cursor over the postings. `start`/`end` bound every posting (the
// time conditions of the top-level AND, hoisted into iterator bounds).
class Planner {
 public:
  Planner(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* index,
          rocksdb::ColumnFamilyHandle* counters, bool reverse, ScanStats* stats)
      : db_(db), index_(index), counters_(counters), reverse_(reverse), stats_(stats) {}

  std::unique_ptr<PostingCursor> Plan(const FilterExpr& expr) {
    // Hoist the time bounds of a top-level AND (or a lone time condition).
    std::vector<const FilterExpr*> rest;
    if (expr.op == FilterExpr::Op::kAnd) {
      for (const auto& c : expr.children) {
        if (c.op == FilterExpr::Op::kTime) {
          Narrow(c);
        } else {
          rest.push_back(&c);
        }
      }
    } else if (expr.op == FilterExpr::Op::kTime) {
      Narrow(expr);
    } else {
      rest.push_back(&expr);
    }
    if (start_ && end_ && *end_ <= *start_) return NewEmptyCursor();
    return AllOf(rest);
  }

 private:
  void Narrow(const FilterExpr& time) {
    if (time.start_seconds && (!start_ || *time.start_seconds > *start_)) start_ = time.start_seconds;
    if (time.end_seconds && (!end_ || *time.end_seconds < *end_)) end_ = time.end_seconds;
  }

  std::unique_ptr<PostingCursor> Prefix(std::string prefix, std::optional<int64_t> start,
                                        std::optional<int64_t> end) {
    return NewPrefixCursor(db_, index_, std::move(prefix), TimeRangeToSuffixRange(start, end),
                           reverse_, stats_);
  }

  std::unique_ptr<PostingCursor> All() { return Prefix(IndexPrefix(IndexField::kAll, ""), start_, end_); }

  // Intersection of `children` (an empty list is every claim); NOT children subtract.
  std::unique_ptr<PostingCursor> AllOf(const std::vector<const FilterExpr*>& children) {
    std::vector<std::unique_ptr<PostingCursor>> positive, negative;
    std::vector<const FilterExpr*> rest = PairUp(children, &positive);
    for (const FilterExpr* c : rest) {
      if (c->op == FilterExpr::Op::kTrue) continue;
      if (c->op == FilterExpr::Op::kFalse) return NewEmptyCursor();
      if (c->op == FilterExpr::Op::kNot) {
        negative.push_back(Build(c->children[0]));
      } else {
        positive.push_back(Build(*c));
      }
    }
    if (positive.empty()) positive.push_back(All());
    std::unique_ptr<PostingCursor> cursor = NewIntersectionCursor(std::move(positive), reverse_);
    if (negative.empty()) return cursor;
    return NewDifferenceCursor(std::move(cursor), NewUnionCursor(std::move(negative), reverse_));
  }

  // Replaces pairs of organisation/speaker/topic terms of one AND by cursors over the pair
  // postings (organisation+speaker first, then organisation+topic, then topic+speaker).
  // Returns the children not consumed. A pair is used only while the number of value
  // combinations stays small.
  std::vector<const FilterExpr*> PairUp(const std::vector<const FilterExpr*>& children,
                                        std::vector<std::unique_ptr<PostingCursor>>* out) {
    constexpr size_t kMaxCombinations = 64;
    std::vector<const FilterExpr*> rest;
    const FilterExpr* org = nullptr;
    const FilterExpr* speaker = nullptr;
    const FilterExpr* topic = nullptr;
    for (const FilterExpr* c : children) {
      const FilterExpr** slot = nullptr;
      if (c->op == FilterExpr::Op::kTerm && !c->values.empty()) {
        if (c->field == FilterExpr::Field::kOrganisation) slot = &org;
        if (c->field == FilterExpr::Field::kSpeaker) slot = &speaker;
        if (c->field == FilterExpr::Field::kTopic) slot = &topic;
      }
      if (slot != nullptr && *slot == nullptr) {
        *slot = c;
      } else {
        rest.push_back(c);
      }
    }
    // Pairs name a claim's own topics only: a topic stands for itself and its descendants.
    std::vector<std::string> topics;
    if (topic != nullptr && (org != nullptr || speaker != nullptr) &&
        topic->values.size() <= kMaxCombinations) {
      for (const auto& t : topic->values) {
        for (auto& id : TopicAndDescendants(t)) topics.push_back(std::move(id));
      }
      std::sort(topics.begin(), topics.end());
      topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
    }
    auto values = [&](const FilterExpr* e) -> const std::vector<std::string>& {
      return e == topic ? topics : e->values;
    };
    auto pair = [&](IndexField field, const FilterExpr*& a, const FilterExpr*& b) {
      if (a == nullptr || b == nullptr || values(a).empty() || values(b).empty() ||
          values(a).size() * values(b).size() > kMaxCombinations) {
        return;
      }
      std::vector<std::unique_ptr<PostingCursor>> any_of;
      for (const auto& x : values(a)) {
        for (const auto& y : values(b)) any_of.push_back(Prefix(PairPrefix(field, x, y), start_, end_));
      }
      out->push_back(NewUnionCursor(std::move(any_of), reverse_));
      a = nullptr;
      b = nullptr;
    };
    pair(IndexField::kOrganisationSpeaker, org, speaker);
    pair(IndexField::kOrganisationTopic, org, topic);
    pair(IndexField::kTopicSpeaker, topic, speaker);
    for (const FilterExpr* left : {org, speaker, topic}) {
      if (left != nullptr) rest.push_back(left);
    }
    return rest;
  }

  // `id` and every topic id below it that has claims, from the per-topic counters (a topic
  // id is its path: "health/health-services" is below "health"). Counts and postings are
  // written in one batch, so a topic with postings has a positive count.
  std::vector<std::string> TopicAndDescendants(const std::string& id) {
    std::vector<std::string> out{id};
    std::string prefix = CounterKey(EntityType::kTopic, absl::StrCat(id, "/"));
    prefix.resize(prefix.size() - 2);  // without the terminator: any id that starts so
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), counters_));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      absl::string_view rest = ToView(it->key());
      rest.remove_prefix(2);
      std::string descendant;
      if (ConsumeEscaped(&rest, &descendant) && rest.empty() &&
          DecodeInt64(ToView(it->value())) > 0) {
        out.push_back(std::move(descendant));
      }
    }
    return out;
  }

  std::unique_ptr<PostingCursor> Build(const FilterExpr& e) {
    switch (e.op) {
      case FilterExpr::Op::kTrue: return All();
      case FilterExpr::Op::kFalse: return NewEmptyCursor();
      case FilterExpr::Op::kTerm: {
        std::vector<std::unique_ptr<PostingCursor>> any_of;
        for (const auto& v : e.values) {
          any_of.push_back(Prefix(IndexPrefix(static_cast<IndexField>(e.field), v), start_, end_));
        }
        return NewUnionCursor(std::move(any_of), reverse_);
      }
      case FilterExpr::Op::kTime: {
        std::optional<int64_t> s = start_, t = end_;
        if (e.start_seconds && (!s || *e.start_seconds > *s)) s = e.start_seconds;
        if (e.end_seconds && (!t || *e.end_seconds < *t)) t = e.end_seconds;
        if (s && t && *t <= *s) return NewEmptyCursor();
        return Prefix(IndexPrefix(IndexField::kAll, ""), s, t);
      }
      case FilterExpr::Op::kNot: return NewDifferenceCursor(All(), Build(e.children[0]));
      case FilterExpr::Op::kAnd: {
        std::vector<const FilterExpr*> children;
        for (const auto& c : e.children) children.push_back(&c);
        return AllOf(children);
      }
      case FilterExpr::Op::kOr: {
        std::vector<std::unique_ptr<PostingCursor>> any_of;
        for (const auto& c : e.children) any_of.push_back(Build(c));
        return NewUnionCursor(std::move(any_of), reverse_);
      }
    }
    return NewEmptyCursor();
  }

  rocksdb::DB* const db_;
  rocksdb::ColumnFamilyHandle* const index_;
  rocksdb::ColumnFamilyHandle* const counters_;
  const bool reverse_;
  ScanStats* const stats_;
  std::optional<int64_t> start_, end_;
};

}  // namespace

absl::StatusOr<ClaimPage> ClaimStore::ListClaims(const ClaimQuery& query) const {
  ClaimPage page;
  ScanStats stats;
  Planner planner(db_.get(), index_, counters_, query.oldest_first, &stats);
  std::unique_ptr<PostingCursor> cursor = planner.Plan(query.filter);
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
  CLAIMS_ASSIGN_OR_RETURN(page.claims, ReadClaims(ids));
  if (!suffixes.empty()) page.last_suffix = suffixes.back();
  page.entries_read = stats.entries_read;
  return page;
}

absl::StatusOr<std::vector<Claim>> ClaimStore::ReadClaims(const std::vector<std::string>& ids) const {
  const size_t n = ids.size();
  std::vector<rocksdb::Slice> keys(ids.begin(), ids.end());
  std::vector<rocksdb::PinnableSlice> values(n);
  std::vector<rocksdb::Status> statuses(n);
  // The batched MultiGet: one consistent view for the page, memtable and table lookups done
  // key-sorted a file at a time, and values pinned where they lie instead of copied.
  db_->MultiGet(rocksdb::ReadOptions(), claims_, n, keys.data(), values.data(), statuses.data());
  std::vector<Claim> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    // A claim replaced between the index scan and this read is skipped, not an error.
    if (statuses[i].IsNotFound()) continue;
    CLAIMS_RETURN_IF_ERROR(FromRocks(statuses[i], "reading claims"));
    Claim claim;
    if (!claim.ParseFromArray(values[i].data(), static_cast<int>(values[i].size()))) {
      return absl::DataLossError(absl::StrCat("claim ", ids[i], " is corrupt"));
    }
    out.push_back(std::move(claim));
  }
  return out;
}

namespace {

std::string TimeBucket(int64_t seconds, GroupBy by) {
  const std::string day = DayString(seconds);
  switch (by) {
    case GroupBy::kYear: return day.substr(0, day.size() - 6);
    case GroupBy::kMonth: return day.substr(0, day.size() - 3);
    default: return day;
  }
}

bool IsTimeGrouping(GroupBy by) {
  return by == GroupBy::kDay || by == GroupBy::kMonth || by == GroupBy::kYear;
}

EntityType EntityOf(GroupBy by) {
  switch (by) {
    case GroupBy::kOrganisation: return EntityType::kOrganisation;
    case GroupBy::kTopic: return EntityType::kTopic;
    default: return EntityType::kSpeaker;
  }
}

// Splits a filter into (one optional term, time bounds) when that is all it is.
bool SimpleFilter(const FilterExpr& f, const FilterExpr** term, std::optional<int64_t>* start,
                  std::optional<int64_t>* end) {
  auto take = [&](const FilterExpr& e) {
    switch (e.op) {
      case FilterExpr::Op::kTrue: return true;
      case FilterExpr::Op::kTime:
        if (e.start_seconds && (!*start || *e.start_seconds > **start)) *start = e.start_seconds;
        if (e.end_seconds && (!*end || *e.end_seconds < **end)) *end = e.end_seconds;
        return true;
      case FilterExpr::Op::kTerm:
        if (*term != nullptr || e.values.size() != 1) return false;
        *term = &e;
        return true;
      default: return false;
    }
  };
  if (f.op != FilterExpr::Op::kAnd) return take(f);
  for (const auto& c : f.children) {
    if (!take(c)) return false;
  }
  return true;
}

void SortRows(GroupBy by, std::vector<CountRow>* rows) {
  if (IsTimeGrouping(by)) {
    std::sort(rows->begin(), rows->end(), [](const CountRow& a, const CountRow& b) { return a.key < b.key; });
  } else {
    std::sort(rows->begin(), rows->end(), [](const CountRow& a, const CountRow& b) {
      return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
  }
}

}  // namespace

absl::StatusOr<CountResult> ClaimStore::CountClaims(const FilterExpr& filter, GroupBy by) const {
  CountResult result;
  absl::flat_hash_map<std::string, int64_t> counts;
  const FilterExpr* term = nullptr;
  std::optional<int64_t> start, end;
  const bool simple = SimpleFilter(filter, &term, &start, &end);
  const bool day_aligned = (!start || *start % 86400 == 0) && (!end || *end % 86400 == 0);
  const bool term_has_counters = term != nullptr && (term->field == FilterExpr::Field::kOrganisation ||
                                                     term->field == FilterExpr::Field::kTopic ||
                                                     term->field == FilterExpr::Field::kSpeaker);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), counters_));
  auto scan = [&](const std::string& prefix, const std::string& from, const std::string& to,
                  const std::function<void(absl::string_view rest, int64_t n)>& add) -> absl::Status {
    for (it->Seek(prefix + from); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      absl::string_view rest = ToView(it->key());
      rest.remove_prefix(prefix.size());
      if (!to.empty() && rest >= to) break;
      ++result.entries_read;
      add(rest, DecodeInt64(ToView(it->value())));
    }
    return FromRocks(it->status(), "reading counters");
  };
  if (simple && IsTimeGrouping(by) && day_aligned && (term == nullptr || term_has_counters)) {
    // Per-day counters of the whole database or of one entity, summed into buckets.
    const std::string prefix =
        term == nullptr ? std::string("D")
                        : EntityDayCounterPrefix(static_cast<EntityType>(term->field), term->values[0]);
    CLAIMS_RETURN_IF_ERROR(scan(prefix, start ? DayString(*start) : "", end ? DayString(*end) : "",
                                [&](absl::string_view day, int64_t n) {
                                  if (n == 0) return;
                                  std::string key(day);
                                  if (by == GroupBy::kMonth) key = key.substr(0, key.size() - 3);
                                  if (by == GroupBy::kYear) key = key.substr(0, key.size() - 6);
                                  counts[key] += n;
                                }));
    result.from_counters = true;
  } else if (simple && !IsTimeGrouping(by) && term == nullptr && !start && !end) {
    // Totals per entity.
    const std::string prefix{'C', static_cast<char>(EntityOf(by))};
    CLAIMS_RETURN_IF_ERROR(scan(prefix, "", "", [&](absl::string_view rest, int64_t n) {
      std::string id;
      if (n != 0 && ConsumeEscaped(&rest, &id)) counts[id] += n;
    }));
    result.from_counters = true;
  } else {
    // From the postings: every match once.
    ScanStats stats;
    Planner planner(db_.get(), index_, counters_, false, &stats);
    std::unique_ptr<PostingCursor> cursor = planner.Plan(filter);
    std::vector<std::string> batch;
    auto flush = [&]() -> absl::Status {
      CLAIMS_ASSIGN_OR_RETURN(std::vector<Claim> claims, ReadClaims(batch));
      batch.clear();
      for (const auto& c : claims) {
        if (by == GroupBy::kSpeaker) {
          for (absl::string_view speaker : SpeakerIdsOf(c)) ++counts[std::string(speaker)];
        } else if (by == GroupBy::kOrganisation) {
          absl::flat_hash_set<std::string> ids;
          for (const auto& o : c.organisations()) {
            if (!o.id().empty() && ids.insert(o.id()).second) ++counts[o.id()];
          }
        } else {
          absl::flat_hash_set<std::string> ids;
          for (const auto& t : c.topics()) {
            for (const auto& id : TopicWithAncestors(t.id())) {
              if (ids.insert(id).second) ++counts[id];
            }
          }
        }
      }
      return absl::OkStatus();
    };
    for (; cursor->Valid(); cursor->Next()) {
      if (IsTimeGrouping(by)) {
        // The posting's own time: no claim read needed.
        ++counts[TimeBucket(DecodeTimeDesc(cursor->suffix()).value_or(0), by)];
        continue;
      }
      batch.emplace_back(ClaimIdOfSuffix(cursor->suffix()));
      if (batch.size() == 256) CLAIMS_RETURN_IF_ERROR(flush());
    }
    if (!batch.empty()) CLAIMS_RETURN_IF_ERROR(flush());
    result.entries_read = stats.entries_read;
  }
  for (auto& [key, n] : counts) {
    if (n > 0) result.rows.push_back({key, n});
  }
  SortRows(by, &result.rows);
  return result;
}

absl::StatusOr<SequencedClaims> ClaimStore::ClaimsSince(int64_t after_sequence, int limit) const {
  SequencedClaims out;
  out.last_sequence = after_sequence;
  const std::string prefix = IndexPrefix(IndexField::kSequence, "");
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), index_));
  std::vector<std::string> ids;
  for (it->Seek(prefix + SequenceSuffix(after_sequence + 1, "")); it->Valid() && it->key().starts_with(prefix);
       it->Next()) {
    absl::string_view suffix = ToView(it->key());
    suffix.remove_prefix(prefix.size());
    const int64_t sequence = SequenceOfSuffix(suffix);
    // Never stop inside one commit: its claims are delivered together.
    if (static_cast<int>(ids.size()) >= limit && sequence != out.last_sequence) break;
    ids.emplace_back(suffix.substr(8));
    out.last_sequence = sequence;
  }
  CLAIMS_RETURN_IF_ERROR(FromRocks(it->status(), "scanning commits"));
  CLAIMS_ASSIGN_OR_RETURN(out.claims, ReadClaims(ids));
  return out;
}

absl::StatusOr<std::string> ClaimStore::EntityName(char type, absl::string_view id) const {
  std::string value;
  const rocksdb::Status s =
      db_->Get(rocksdb::ReadOptions(), entities_, EntityKey(static_cast<EntityType>(type), id), &value);
  if (s.IsNotFound()) return std::string();
  CLAIMS_RETURN_IF_ERROR(FromRocks(s, "reading entity"));
  CountedEntity e;
  ParseEntityRecord(type, value, &e);
  return e.name;
}

absl::StatusOr<int64_t> ClaimStore::LastSequence() const {
  std::string value;
  const rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), meta_, kLastSequenceKey, &value);
  if (s.IsNotFound()) return 0;
  CLAIMS_RETURN_IF_ERROR(FromRocks(s, "reading last sequence"));
  return DecodeInt64(value);
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
    if (s.ok()) ParseEntityRecord(type, value, &e);
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

absl::Status ClaimStore::CompactAll() {
  CLAIMS_RETURN_IF_ERROR(CheckWritable());
  rocksdb::CompactRangeOptions options;
  options.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  for (rocksdb::ColumnFamilyHandle* cf : handles_) {
    CLAIMS_RETURN_IF_ERROR(FromRocks(db_->Flush(rocksdb::FlushOptions(), cf), "flushing"));
    CLAIMS_RETURN_IF_ERROR(FromRocks(db_->CompactRange(options, cf, nullptr, nullptr), "compacting"));
  }
  return absl::OkStatus();
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
