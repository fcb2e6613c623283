#include "ingest-service/extract/taxonomy.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/file_util.h"
#include "common/status_macros.h"
#include "ingest-service/extract/segmenter.h"

namespace claims::extract {
namespace {

constexpr float kClaimWeight = 1.0f;
constexpr float kContextWeight = 0.4f;
constexpr float kArticleWeight = 0.1f;
constexpr float kArticleCap = 0.5f;
constexpr float kParentShare = 0.5f;

// A lower-cased word of a text and where it stands: bytes [begin, end) of that text.
struct PlacedWord {
  absl::string_view lower;  // into the lower-cased copy of the text
  size_t begin = 0;
  size_t end = 0;
};

// The words of `text` (runs of word characters, see WordSeparatorLength), placed; `lower`
// receives the lower-cased text that the words point into.
std::vector<PlacedWord> PlacedWords(absl::string_view text, std::string* lower) {
  LowerAscii(text, lower);
  std::vector<PlacedWord> words;
  words.reserve(text.size() / 6 + 1);  // about one word per 6 bytes of prose
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const size_t sep = WordSeparatorLength(text, i);
    if (sep > 0) {
      i += sep;
      continue;
    }
    const size_t start = i;
    do {
      ++i;
    } while (i < n && WordSeparatorLength(text, i) == 0);
    words.push_back({absl::string_view(*lower).substr(start, i - start), start, i});
  }
  return words;
}

// Lower-cased words of `text`, in order.
std::vector<std::string> Words(absl::string_view text) {
  std::string lower;
  std::vector<std::string> words;
  for (const PlacedWord& w : PlacedWords(text, &lower)) words.emplace_back(w.lower);
  return words;
}

// "hospitals" -> "hospital"; empty when the word has no plain plural "s".
absl::string_view Singular(absl::string_view word) {
  if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') {
    return word.substr(0, word.size() - 1);
  }
  return {};
}

bool WordMatches(absl::string_view text_word, absl::string_view keyword_word) {
  return text_word == keyword_word || Singular(text_word) == keyword_word;
}

bool ValidId(absl::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!(absl::ascii_islower(static_cast<unsigned char>(c)) ||
          absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '/' ||
          c == '_')) {
      return false;
    }
  }
  return id.front() != '/' && id.back() != '/';
}

absl::Status LineError(int line, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("taxonomy line ", line, ": ", what));
}

}  // namespace

absl::StatusOr<Taxonomy> Taxonomy::LoadFile(const std::string& path) {
  CLAIMS_ASSIGN_OR_RETURN(const std::string content, ReadFileToString(path, "taxonomy file"));
  auto parsed = Parse(content);
  if (!parsed.ok()) {
    return absl::Status(parsed.status().code(),
                        absl::StrCat(path, ": ", parsed.status().message()));
  }
  return parsed;
}

absl::StatusOr<Taxonomy> Taxonomy::Parse(absl::string_view content) {
  Taxonomy t;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(content, '\n')) {
    ++line_number;
    absl::ConsumeSuffix(&line, "\r");
    if (absl::StripAsciiWhitespace(line).empty() || line.front() == '#') continue;
    std::vector<absl::string_view> cols = absl::StrSplit(line, '\t');
    if (cols.size() < 3 || cols.size() > 4) {
      return LineError(line_number,
                       absl::StrCat("expected 4 tab-separated columns (id, parent_id, label, "
                                    "keywords), found ",
                                    cols.size()));
    }
    TopicEntry entry;
    entry.id = std::string(absl::StripAsciiWhitespace(cols[0]));
    if (!ValidId(entry.id)) {
      return LineError(line_number, absl::StrCat("invalid topic id \"", entry.id,
                                                 "\" (use a-z, 0-9, '-', '_', '/')"));
    }
    if (t.by_id_.contains(entry.id)) {
      return LineError(line_number, absl::StrCat("duplicate topic id \"", entry.id, "\""));
    }
    absl::string_view parent = absl::StripAsciiWhitespace(cols[1]);
    if (parent == "-") parent = "";
    int parent_index = -1;
    if (!parent.empty()) {
      auto it = t.by_id_.find(parent);
      if (it == t.by_id_.end()) {
        return LineError(line_number,
                         absl::StrCat("unknown parent \"", parent, "\" of topic \"", entry.id,
                                      "\" (a parent must be defined on an earlier line)"));
      }
      parent_index = static_cast<int>(it->second);
    }
    entry.parent_id = std::string(parent);
    entry.label = std::string(absl::StripAsciiWhitespace(cols[2]));
    if (entry.label.empty()) {
      return LineError(line_number, absl::StrCat("missing label of topic \"", entry.id, "\""));
    }
    const size_t index = t.topics_.size();
    if (cols.size() == 4) {
      for (absl::string_view keyword : absl::StrSplit(cols[3], '|', absl::SkipWhitespace())) {
        keyword = absl::StripAsciiWhitespace(keyword);
        // "?ward": a word of several meanings, that only corroborates its topic.
        const bool corroborating = absl::ConsumePrefix(&keyword, "?");
        std::vector<std::string> words = Words(keyword);
        if (words.empty()) continue;
        std::string joined = absl::StrCat(corroborating ? "?" : "", absl::StrJoin(words, " "));
        if (std::find(entry.keywords.begin(), entry.keywords.end(), joined) !=
            entry.keywords.end()) {
          continue;
        }
        entry.keywords.push_back(joined);
        KeywordRef ref;
        ref.topic = index;
        ref.rest.assign(words.begin() + 1, words.end());
        ref.corroborating = corroborating;
        t.first_words_.Add(words.front());
        t.by_first_word_[words.front()].push_back(std::move(ref));
      }
    }
    t.by_id_[entry.id] = index;
    t.parent_.push_back(parent_index);
    t.depth_.push_back(parent_index < 0 ? 0 : t.depth_[parent_index] + 1);
    t.topics_.push_back(std::move(entry));
  }
  if (t.topics_.empty()) {
    return absl::InvalidArgumentError("taxonomy has no topics");
  }
  return t;
}

const TopicEntry* Taxonomy::Find(absl::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &topics_[it->second];
}

bool Taxonomy::Related(size_t a, size_t b) const {
  for (int p = static_cast<int>(a); p >= 0; p = parent_[p]) {
    if (static_cast<size_t>(p) == b) return true;
  }
  for (int p = static_cast<int>(b); p >= 0; p = parent_[p]) {
    if (static_cast<size_t>(p) == a) return true;
  }
  return false;
}

std::vector<Taxonomy::Match> Taxonomy::FindMatches(absl::string_view text) const {
  std::string lower;
  const std::vector<PlacedWord> words = PlacedWords(text, &lower);
  std::vector<Match> matches;
  // The words [first, last] of each match, by index in `matches`.
  std::vector<std::pair<size_t, size_t>> spans;
  std::vector<size_t> credited;  // topics credited at the current position
  for (size_t i = 0; i < words.size(); ++i) {
    credited.clear();
    auto it = by_first_word_.end();
    if (first_words_.MayContain(words[i].lower)) it = by_first_word_.find(words[i].lower);
    if (it == by_first_word_.end()) {
      const absl::string_view singular = Singular(words[i].lower);
      if (!first_words_.MayContain(singular)) continue;  // also when there is no singular
      it = by_first_word_.find(singular);
      if (it == by_first_word_.end()) continue;
    }
    for (const KeywordRef& ref : it->second) {
      bool match = true;
      for (size_t k = 0; k < ref.rest.size() && match; ++k) {
        match = i + 1 + k < words.size() && WordMatches(words[i + 1 + k].lower, ref.rest[k]);
      }
      if (!match) continue;
      if (std::find(credited.begin(), credited.end(), ref.topic) != credited.end()) continue;
      credited.push_back(ref.topic);
      matches.push_back({words[i].begin, words[i + ref.rest.size()].end, ref.topic, ref.corroborating});
      spans.push_back({i, i + ref.rest.size()});
    }
  }
  // A keyword inside a longer one of an unrelated topic is part of that phrase, not a word
  // of its own: "trusted research environment" is no "environment", "operating theatre" no
  // "theatre". Keywords are a few words long, so only matches that start a few words
  // earlier can cover one.
  constexpr size_t kLookBack = 8;
  std::vector<bool> covered(matches.size(), false);
  auto covers = [&](size_t k, size_t m) {
    return spans[k].first <= spans[m].first && spans[k].second >= spans[m].second &&
           spans[k].second - spans[k].first > spans[m].second - spans[m].first &&
           !Related(matches[k].topic, matches[m].topic);
  };
  for (size_t m = 0; m < matches.size(); ++m) {
    for (size_t k = m; k-- > 0 && spans[k].first + kLookBack >= spans[m].first && !covered[m];) {
      covered[m] = covers(k, m);
    }
    for (size_t k = m + 1; k < matches.size() && spans[k].first == spans[m].first && !covered[m]; ++k) {
      covered[m] = covers(k, m);
    }
  }
  size_t kept = 0;
  for (size_t m = 0; m < matches.size(); ++m) {
    if (!covered[m]) matches[kept++] = matches[m];
  }
  matches.resize(kept);
  return matches;
}

Taxonomy::Hits Taxonomy::CountMatches(const std::vector<Match>& matches, size_t begin,
                                      size_t end) const {
  Hits hits(topics_.size(), 0.0f);
  // Matches are in order of their first word: skip to the first that starts in range.
  auto it = std::lower_bound(matches.begin(), matches.end(), begin,
                             [](const Match& m, size_t b) { return m.begin < b; });
  std::vector<const Match*> corroborating;
  for (; it != matches.end() && it->begin < end; ++it) {
    if (it->end > end) continue;
    if (it->corroborating) {
      corroborating.push_back(&*it);
    } else {
      hits[it->topic] += 1.0f;
    }
  }
  // A corroborating keyword counts only beside a plain keyword of its topic in the same part.
  for (const Match* m : corroborating) {
    if (hits[m->topic] > 0) hits[m->topic] += 1.0f;
  }
  return hits;
}

Taxonomy::Hits Taxonomy::CountHits(absl::string_view text) const {
  return CountMatches(FindMatches(text), 0, text.size());
}

std::vector<TopicScore> Taxonomy::Score(absl::string_view claim_text,
                                        absl::string_view context,
                                        absl::string_view article_text, size_t max_topics,
                                        float min_score) const {
  return ScoreWithHits(claim_text, context, CountHits(article_text), max_topics, min_score);
}

std::vector<TopicScore> Taxonomy::ScoreWithHits(absl::string_view claim_text,
                                                absl::string_view context,
                                                const Hits& article_hits, size_t max_topics,
                                                float min_score) const {
  return ScoreFromHits(CountHits(claim_text), context.empty() ? Hits() : CountHits(context),
                       article_hits, max_topics, min_score);
}

std::vector<TopicScore> Taxonomy::ScoreFromHits(const Hits& claim_hits, const Hits& context_hits,
                                                const Hits& article_hits, size_t max_topics,
                                                float min_score) const {
  const size_t n = topics_.size();
  auto at = [](const Hits& h, size_t i) { return i < h.size() ? h[i] : 0.0f; };
  std::vector<float> evidence(n, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    evidence[i] = kClaimWeight * at(claim_hits, i) + kContextWeight * at(context_hits, i) +
                  std::min(kArticleCap, kArticleWeight * at(article_hits, i));
  }
  // Parents precede their children in topics_, so a reverse pass sees every child first.
  for (size_t i = n; i-- > 0;) {
    if (parent_[i] >= 0 && evidence[i] > 0) evidence[parent_[i]] += kParentShare * evidence[i];
  }
  std::vector<size_t> order;
  for (size_t i = 0; i < n; ++i) {
    if (evidence[i] <= 0) continue;
    const float score = 1.0f - std::exp(-evidence[i]);
    if (score >= min_score) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (evidence[a] != evidence[b]) return evidence[a] > evidence[b];
    if (depth_[a] != depth_[b]) return depth_[a] > depth_[b];
    return a < b;
  });
  // A parent is implied by its child (the store indexes every claim under its topics'
  // ancestors), so a parent qualifies only when none of its children does: the slots go to
  // the most specific topics.
  std::vector<bool> has_child(n, false);
  for (size_t i : order) {
    for (int p = parent_[i]; p >= 0; p = parent_[p]) has_child[p] = true;
  }
  order.erase(std::remove_if(order.begin(), order.end(), [&](size_t i) { return has_child[i]; }),
              order.end());
  if (order.size() > max_topics) order.resize(max_topics);
  std::vector<TopicScore> out;
  out.reserve(order.size());
  for (size_t i : order) {
    out.push_back({topics_[i].id, topics_[i].label, 1.0f - std::exp(-evidence[i])});
  }
  return out;
}

}  // namespace claims::extract
