// The claims database: RocksDB with column families `articles`, `claims`, `index`,
// `entities`, `counters` (merge operator: signed 64-bit add) and `meta`.
//
// One process opens it as the primary (read-write: claims-ingest); any number of others open
// it as secondaries (read-only, caught up on demand: claims-query). Every article is written
// in ONE atomic, synced WriteBatch with its claims, index entries and counter deltas;
// re-ingesting an article replaces its claims in the same batch. Only store/ includes
// RocksDB headers.
#ifndef CLAIMS_STORE_CLAIM_STORE_H_
#define CLAIMS_STORE_CLAIM_STORE_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "claims/v1/claims.pb.h"

namespace rocksdb {
class DB;
class ColumnFamilyHandle;
}  // namespace rocksdb

namespace claims::store {

inline constexpr int kSchemaVersion = 1;

// One filter, already resolved to ids. Values within a field are any-of; fields are all-of.
struct ClaimQuery {
  std::vector<std::string> organisation_ids;
  std::vector<std::string> topic_ids;
  std::vector<std::string> speaker_ids;
  std::vector<int> kinds;  // Claim::Kind numbers
  std::string article_id;
  std::optional<int64_t> start_seconds;  // inclusive
  std::optional<int64_t> end_seconds;    // exclusive
  bool oldest_first = false;
  // Resume strictly after this posting suffix (from ClaimPage::last_suffix); "" = start.
  std::string after_suffix;
  int limit = 50;
  // When true, a field given with no ids (every name unknown) matches nothing; a field
  // with an empty list is simply not filtered. Callers set `*_unmatched` for that case.
  bool organisations_unmatched = false;
  bool topics_unmatched = false;
  bool speakers_unmatched = false;
};

struct ClaimPage {
  std::vector<claims::v1::Claim> claims;
  // Suffix of the last returned claim; resume with ClaimQuery::after_suffix.
  std::string last_suffix;
  bool more = false;       // another matching claim exists after the page
  int64_t entries_read = 0;  // index entries visited (cost of the query)
};

struct PutResult {
  bool replaced = false;   // an earlier version existed
  bool unchanged = false;  // it was identical: nothing written
  int old_claim_count = 0;
};

// Sizes of the families, counted by a full scan: for tests, diagnostics and benchmarks.
struct StoreStats {
  int64_t articles = 0;
  int64_t claims = 0;
  int64_t index_entries = 0;
};

struct CountedEntity {
  std::string id;
  std::string name;
  std::string parent_id;  // topics
  int kind = 0;           // speakers: Speaker::Kind
  std::vector<std::string> aliases;
  int64_t claim_count = 0;
};

// Thread-safe: all methods may be called concurrently. Writes to one article are
// serialised internally (a re-ingest reads the old claims and replaces them atomically).
class ClaimStore {
 public:
  // Opens (creating if missing) the database read-write. Errors: UNAVAILABLE with RocksDB's
  // message when the directory is locked by another process ("held by another claims-ingest")
  // or cannot be created; FAILED_PRECONDITION on a schema version this build does not know.
  static absl::StatusOr<std::unique_ptr<ClaimStore>> OpenPrimary(const std::string& path);
  // Opens an existing database as a secondary; `secondary_path` is a private directory for
  // its info log. Errors: UNAVAILABLE when there is no database at `path` yet.
  static absl::StatusOr<std::unique_ptr<ClaimStore>> OpenSecondary(
      const std::string& path, const std::string& secondary_path);
  ~ClaimStore();

  ClaimStore(const ClaimStore&) = delete;
  ClaimStore& operator=(const ClaimStore&) = delete;

  bool is_secondary() const { return secondary_; }

  // --- Writes (primary only; FAILED_PRECONDITION on a secondary) ---

  // Stores an article and its claims durably (synced WAL) in one batch, replacing every
  // claim, index entry and counter contribution of an earlier version with the same id.
  // Claims must carry article_id == article.id(). Errors: INVALID_ARGUMENT for an empty id,
  // INTERNAL for RocksDB failures.
  absl::StatusOr<PutResult> PutArticle(const claims::v1::Article& article,
                                       const std::vector<claims::v1::Claim>& claims);
  // Removes the article, its claims and all their index entries and counts.
  // Returns the number of claims removed. NOT_FOUND when there is no such article.
  absl::StatusOr<int> DeleteArticle(absl::string_view article_id);
  // Records known organisations with their aliases (from the alias catalogue), and the
  // topics of the taxonomy, so that filters can name them before any claim does.
  absl::Status RegisterOrganisations(const std::vector<claims::v1::Organisation>& orgs);
  absl::Status RegisterTopics(const std::vector<claims::v1::Topic>& topics);

  // --- Reads (primary or secondary) ---

  // Makes a secondary see the primary's latest writes (no-op on a primary).
  absl::Status CatchUp();

  // NOT_FOUND when absent.
  absl::StatusOr<claims::v1::Article> GetArticle(absl::string_view id) const;
  absl::StatusOr<claims::v1::Claim> GetClaim(absl::string_view id) const;
  // Claims of one article in id order.
  absl::StatusOr<std::vector<claims::v1::Claim>> ClaimsOfArticle(absl::string_view article_id) const;

  // Ids of the entities named by `name`: its id, or any name/alias equal to it after
  // NormaliseName (case-insensitive). Empty when nothing matches.
  absl::StatusOr<std::vector<std::string>> ResolveEntity(char type, absl::string_view name) const;

  // One page of claims matching `query`, in time order (newest first unless oldest_first).
  // Cost: seeks and scans of the postings of the filtered values; never a full scan unless
  // the query has no filter at all.
  absl::StatusOr<ClaimPage> ListClaims(const ClaimQuery& query) const;

  // Entities of a type ('o', 't', 's') whose id, name or alias starts with `prefix`
  // (NormaliseName-d), ordered by claim count (most first), then id; at most `limit`.
  // Entities with no claims are included only when `include_empty`.
  absl::StatusOr<std::vector<CountedEntity>> ListEntities(char type, absl::string_view prefix,
                                                          int limit, bool include_empty) const;

  // Counts every key: O(database size). Not for request paths.
  absl::StatusOr<StoreStats> Stats() const;

 private:
  ClaimStore(std::unique_ptr<rocksdb::DB> db, std::vector<rocksdb::ColumnFamilyHandle*> handles,
             bool secondary);

  absl::Status CheckWritable() const;
  absl::Mutex& LockFor(absl::string_view article_id);

  // Constant after construction.
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;  // owned; destroyed before db_
  rocksdb::ColumnFamilyHandle* articles_;
  rocksdb::ColumnFamilyHandle* claims_;
  rocksdb::ColumnFamilyHandle* index_;
  rocksdb::ColumnFamilyHandle* entities_;
  rocksdb::ColumnFamilyHandle* counters_;
  rocksdb::ColumnFamilyHandle* meta_;
  const bool secondary_;

  // Striped locks serialising read-modify-write of one article id.
  std::array<absl::Mutex, 64> article_locks_;
  // Serialises CatchUp calls on a secondary.
  absl::Mutex catch_up_mu_;
};

}  // namespace claims::store

#endif  // CLAIMS_STORE_CLAIM_STORE_H_
