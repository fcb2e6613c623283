// The topic taxonomy: a file the user can replace without rebuilding.
#ifndef CLAIMS_INGEST_SERVICE_EXTRACT_TAXONOMY_H_
#define CLAIMS_INGEST_SERVICE_EXTRACT_TAXONOMY_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claims::extract {

struct TopicEntry {
  std::string id;         // "technology/data-protection"
  std::string label;      // "Data protection and privacy"
  std::string parent_id;  // "" for a top-level topic
  std::vector<std::string> keywords;  // lower-case words or phrases
};

struct TopicScore {
  std::string id;
  std::string label;
  float score = 0;  // (0, 1]
};

// Immutable after construction; thread-safe.
class Taxonomy {
 public:
  // Errors: NOT_FOUND when the file cannot be read; INVALID_ARGUMENT naming the line.
  static absl::StatusOr<Taxonomy> LoadFile(const std::string& path);
  static absl::StatusOr<Taxonomy> Parse(absl::string_view content);

  // Topics of a claim, best first, at most `max_topics`, each scoring at least `min_score`.
  // Evidence in the claim text weighs most, then its sentence/paragraph `context`, then the
  // article. A child topic that scores also credits its parent.
  std::vector<TopicScore> Score(absl::string_view claim_text, absl::string_view context,
                                absl::string_view article_text, size_t max_topics = 3,
                                float min_score = 0.2f) const;

  const std::vector<TopicEntry>& topics() const { return topics_; }
  // nullptr when unknown.
  const TopicEntry* Find(absl::string_view id) const;

 private:
  std::vector<TopicEntry> topics_;
};

}  // namespace claims::extract

#endif  // CLAIMS_INGEST_SERVICE_EXTRACT_TAXONOMY_H_
