// The topic taxonomy: a file the user can replace without rebuilding.
#ifndef CLAIMS_INGEST_SERVICE_EXTRACT_TAXONOMY_H_
#define CLAIMS_INGEST_SERVICE_EXTRACT_TAXONOMY_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ingest-service/extract/word_filter.h"

namespace claims::extract {

struct TopicEntry {
  std::string id;         // "science-technology/data-protection"
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
//
// File format (ingest-service/data/taxonomy.tsv documents it too): UTF-8, one topic per
// line, four tab-separated columns `id  parent_id  label  keywords`; parent_id is "-" (or
// empty) for a top-level topic and must be defined on an earlier line; keywords are
// separated by '|', each a word or phrase, matched case-insensitively on whole words, a
// trailing plural "s" in the text tolerated ("hospitals" matches "hospital"). A keyword
// written with a leading '?' ("?ward", "?officer") has other meanings too: it counts only
// where a plain keyword of the same topic is found in the same text (the claim, its context
// or the article), so it strengthens a topic but never makes one. Blank lines and lines
// starting with '#' are ignored; a trailing '\r' is tolerated.
class Taxonomy {
 public:
  // Errors: NOT_FOUND when the file cannot be read; INVALID_ARGUMENT naming the line.
  static absl::StatusOr<Taxonomy> LoadFile(const std::string& path);
  // Errors: INVALID_ARGUMENT "line N: ..." for a wrong number of columns, an empty or
  // malformed id (allowed: a-z 0-9 '-' '/' '_'), a duplicate id, an unknown or later-defined
  // parent, or a missing label; also when there is no topic at all.
  static absl::StatusOr<Taxonomy> Parse(absl::string_view content);

  // Topics of a claim, best first, at most `max_topics`, each scoring at least `min_score`.
  // Evidence: keyword hits in the claim text count 1.0 each, in its sentence/paragraph
  // `context` 0.4, in the whole article 0.1 (article evidence capped at 0.5 per topic), so
  // the article alone can never make a strong topic. A topic's evidence x becomes the
  // score 1 - exp(-x), in (0, 1). A child topic passes half of its evidence to its parent
  // (and so on up). Ties: the deeper topic first, then file order. A topic is left out
  // when one of its subtopics qualifies (the subtopic implies it: filters on a topic
  // include its subtopics).
  std::vector<TopicScore> Score(absl::string_view claim_text, absl::string_view context,
                                absl::string_view article_text, size_t max_topics = 3,
                                float min_score = 0.2f) const;

  // Per-topic keyword hit counts of `text`, indexed like topics(). Lets a caller scan a
  // long article once and reuse the counts for each of its claims (see ScoreWithHits).
  using Hits = std::vector<float>;
  Hits CountHits(absl::string_view text) const;
  // Score() with the article's hits precomputed by CountHits (an empty `article_hits`
  // means no article evidence).
  std::vector<TopicScore> ScoreWithHits(absl::string_view claim_text,
                                        absl::string_view context, const Hits& article_hits,
                                        size_t max_topics = 3, float min_score = 0.2f) const;

  // One keyword found in a text: its bytes [begin, end) and its topic (an index of topics()).
  struct Match {
    size_t begin = 0;
    size_t end = 0;
    size_t topic = 0;
    bool corroborating = false;  // a "?" keyword
  };
  // Every keyword of `text`, in text order (each topic once per starting word, as CountHits
  // counts them; a keyword lying within a longer keyword of a topic that is neither it nor
  // its ancestor or descendant is left out: "trusted research environment" of health data
  // is no "environment", nor "research"): an article is scanned once, and the hits of any part of it are then
  // counted from the matches (CountMatches) instead of scanning the part again.
  std::vector<Match> FindMatches(absl::string_view text) const;
  // The hits of the matches that lie wholly within bytes [begin, end) (a '?' keyword's only
  // beside a plain keyword of its topic among them): CountHits of that
  // part of the text, but for a keyword that the part's edges cut.
  Hits CountMatches(const std::vector<Match>& matches, size_t begin, size_t end) const;
  // Score() from hits counted already (empty: no evidence of that kind).
  std::vector<TopicScore> ScoreFromHits(const Hits& claim_hits, const Hits& context_hits,
                                        const Hits& article_hits, size_t max_topics = 3,
                                        float min_score = 0.2f) const;

  const std::vector<TopicEntry>& topics() const { return topics_; }
  // nullptr when unknown.
  const TopicEntry* Find(absl::string_view id) const;

 private:
  // A keyword, indexed by its first word; `rest` holds its following words.
  struct KeywordRef {
    size_t topic = 0;
    std::vector<std::string> rest;
    bool corroborating = false;  // written "?word"
  };
  // One topic is the other or an ancestor of it.
  bool Related(size_t a, size_t b) const;

  std::vector<TopicEntry> topics_;
  std::vector<int> parent_;  // index of each topic's parent, -1 for top level
  std::vector<int> depth_;
  absl::flat_hash_map<std::string, size_t> by_id_;
  absl::flat_hash_map<std::string, std::vector<KeywordRef>> by_first_word_;
  WordFilter first_words_;  // the keys of by_first_word_
};

}  // namespace claims::extract

#endif  // CLAIMS_INGEST_SERVICE_EXTRACT_TAXONOMY_H_
