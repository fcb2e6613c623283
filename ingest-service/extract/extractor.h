// The extraction pipeline: one article in, the stored Article and its Claims out.
//
//   decode (text or HTML) -> segment -> find attributions -> resolve speakers,
//   organisations, topics and dates -> Claim records with code-point spans.
#ifndef CLAIMS_INGEST_SERVICE_EXTRACT_EXTRACTOR_H_
#define CLAIMS_INGEST_SERVICE_EXTRACT_EXTRACTOR_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "claims/v1/claims.pb.h"
#include "claims/v1/ingest.pb.h"
#include "ingest-service/extract/attribution.h"
#include "ingest-service/extract/organisations.h"
#include "ingest-service/extract/segmenter.h"
#include "ingest-service/extract/taxonomy.h"

namespace claims::extract {

// Version stamped on every claim; bump when extraction output changes.
inline constexpr char kExtractorVersion[] = "claims-extract/0.1";

// Largest `text` or `html` accepted, in bytes. Larger input is RESOURCE_EXHAUSTED.
inline constexpr size_t kMaxArticleBytes = 4 << 20;

// Limits of the metadata every claim carries (a 1 MB title copied onto each claim made a
// page of 50 claims larger than gRPC's 16 MiB). Longer request fields are INVALID_ARGUMENT
// FIELD_TOO_LONG; metadata read from an HTML page is cut to them instead.
inline constexpr size_t kMaxTitleBytes = 2048;
inline constexpr size_t kMaxPublisherBytes = 512;
inline constexpr size_t kMaxAuthorBytes = 256;
inline constexpr size_t kMaxAuthors = 32;
inline constexpr size_t kMaxUrlBytes = 8192;  // also source_id
inline constexpr size_t kMaxLanguageBytes = 35;

// Cuts `request`'s title, publisher and authors to the limits above (at code point
// boundaries; authors past kMaxAuthors dropped) and clears a publication time outside years
// 1 to 9999: for requests built from what others wrote (feed items), which should not fail
// for an overlong title.
void FitMetadataToLimits(claims::v1::IngestArticleRequest* request);

// Article ids: the first 16 hex digits of SHA-256 of "url:" + canonical URL, or of
// "text:" + text when there is no URL (implemented in article_id.cc).
std::string ArticleIdForUrl(absl::string_view canonical_url);
std::string ArticleIdForText(absl::string_view text);

// A learned finder of attributions (the tagger in ingest-service/tagger), whose results the
// extractor merges with those of its rules. Implementations must be thread-safe (Find is
// const and called concurrently).
class AttributionModel {
 public:
  virtual ~AttributionModel() = default;
  // The attributions of `text` (segmented as `seg`), in text order, as byte spans; the
  // speaker phrase's head covers the source words (empty when none was found).
  virtual std::vector<Attribution> Find(absl::string_view text, const Segmentation& seg) const = 0;
};

struct ExtractorOptions {
  // Topic taxonomy file (see ingest-service/data/taxonomy.tsv for the format).
  std::string taxonomy_path;
  // Known organisations and their aliases (see ingest-service/data/organisations.tsv).
  std::string organisations_path;
  // Optional learned attributions merged with the rules' (null: rules only).
  std::shared_ptr<const AttributionModel> model;
};

// Directory holding the default data files: $CLAIMS_DATA_DIR when set, else the install
// location (/usr/share/claims) when it exists, else the source tree's ingest-service/data.
std::string DefaultDataDir();
// Options pointing at the default data files.
ExtractorOptions DefaultExtractorOptions();

struct Extraction {
  // id, url (canonical), title, publisher, authors, published_time, language, text,
  // content_sha256, claim_count, source_format are set; ingested_time is the caller's.
  claims::v1::Article article;
  // Every field of Claim is set except article_title/article_url (set too) and
  // nothing else is left for the caller: ids are "<article id>-<4-digit ordinal>".
  std::vector<claims::v1::Claim> claims;
};

// Thread-safe: Extract is const and may be called concurrently.
class Extractor {
 public:
  // Errors: the data files cannot be read (NOT_FOUND) or parsed (INVALID_ARGUMENT, line named).
  static absl::StatusOr<std::unique_ptr<Extractor>> Create(const ExtractorOptions& options);
  // Builds an extractor from data already in memory (tests); `model` may be null.
  Extractor(Taxonomy taxonomy, OrganisationCatalog organisations,
            std::shared_ptr<const AttributionModel> model = nullptr);

  // Errors, all naming the field: INVALID_ARGUMENT when neither or both of text/html are set,
  // the content is empty or only whitespace, not valid UTF-8 (byte offset named), looks
  // binary (control characters), or url is not http(s); RESOURCE_EXHAUSTED when text or
  // html is larger than kMaxArticleBytes. `now` is used when published_time is unknown.
  absl::StatusOr<Extraction> Extract(const claims::v1::IngestArticleRequest& request,
                                     absl::Time now) const;

  const Taxonomy& taxonomy() const { return taxonomy_; }
  const OrganisationCatalog& organisations() const { return organisations_; }

 private:
  const Taxonomy taxonomy_;
  const OrganisationCatalog organisations_;
  const std::shared_ptr<const AttributionModel> model_;  // may be null
};

}  // namespace claims::extract

#endif  // CLAIMS_INGEST_SERVICE_EXTRACT_EXTRACTOR_H_
