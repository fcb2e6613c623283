#include "ingest-service/tagger/tagger.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/utf8.h"
#include "ingest-service/extract/extractor.h"

namespace claims::tagger {
namespace {

// A maximal B-I run of one component, [first, last] token indices.
struct Run {
  size_t first = 0;
  size_t last = 0;
};

size_t Gap(const Run& a, const Run& b) {
  if (a.last < b.first) return b.first - a.last;
  if (b.last < a.first) return a.first - b.last;
  return 0;
}

// Tokens added to the gap between a content and a cue in another sentence of its paragraph:
// "Ms Smyth said on Tuesday 3 June that X. She repeated the promise on Monday." gave X to
// "repeated", one token away, rather than to "said". Services on PolNeAR dev (claimctl
// eval): penalty 0, 2, 8, 16, any: cue exact 0.660, 0.661, 0.661, 0.661, 0.660; source
// overlap 0.751, 0.751, 0.751, 0.752, 0.749; content exact 0.481, 0.483, 0.482, 0.484, 0.478.
constexpr size_t kOtherSentencePenalty = 16;

// Index of the nearest run in `runs` (sorted, disjoint from `x`) accepted by `ok`, looking at
// the closest run on each side only; SIZE_MAX when none qualifies. A run's distance is its
// gap to `x` plus `penalty(run)`.
template <typename Ok, typename Penalty>
size_t Nearest(const std::vector<Run>& runs, const Run& x, Ok ok, Penalty penalty) {
  const auto after = std::lower_bound(runs.begin(), runs.end(), x.first,
                                      [](const Run& r, size_t pos) { return r.first < pos; });
  size_t best = SIZE_MAX;
  size_t best_distance = SIZE_MAX;
  if (after != runs.end()) {
    const size_t i = after - runs.begin();
    if (ok(runs[i])) {
      best = i;
      best_distance = Gap(runs[i], x) + penalty(runs[i]);
    }
  }
  if (after != runs.begin()) {
    const size_t i = (after - runs.begin()) - 1;
    // Ties go to the earlier run (sources and cues usually precede what they introduce).
    if (ok(runs[i]) && Gap(runs[i], x) + penalty(runs[i]) <= best_distance) best = i;
  }
  return best;
}
template <typename Ok>
size_t Nearest(const std::vector<Run>& runs, const Run& x, Ok ok) {
  return Nearest(runs, x, ok, [](const Run&) { return size_t{0}; });
}

}  // namespace

std::vector<TaggedAttribution> Assemble(const extract::Segmentation& seg,
                                        const std::vector<uint8_t>& tags,
                                        const std::vector<float>* margins) {
  const auto& tokens = seg.tokens;
  const size_t n = std::min(tokens.size(), tags.size());
  std::vector<Run> runs[4];  // by component; [0] unused
  int open = 0;
  for (size_t i = 0; i < n; ++i) {
    const int c = ComponentOf(tags[i]);
    if (c != 0 && (IsBegin(tags[i]) || c != open)) {
      runs[c].push_back({i, i});
    } else if (c != 0) {
      runs[c].back().last = i;
    }
    open = c;
  }
  const std::vector<Run>& cues = runs[1];
  const std::vector<Run>& sources = runs[2];
  const std::vector<Run>& contents = runs[3];

  std::vector<TaggedAttribution> out(cues.size());
  std::vector<size_t> source_of(cues.size(), SIZE_MAX);  // index in `sources` of each cue's source
  auto span_of = [&](const Run& r) { return extract::ByteSpan{tokens[r.first].begin, tokens[r.last].end}; };
  auto cover = [&](TaggedAttribution* a, const Run& r, bool first) {
    const size_t s0 = tokens[r.first].sentence, s1 = tokens[r.last].sentence + 1;
    a->first_sentence = first ? s0 : std::min(a->first_sentence, s0);
    a->end_sentence = first ? s1 : std::max(a->end_sentence, s1);
  };
  for (size_t k = 0; k < cues.size(); ++k) {
    const Run& cue = cues[k];
    TaggedAttribution& a = out[k];
    a.cue.push_back(span_of(cue));
    cover(&a, cue, true);
    double margin = 0;
    for (size_t i = cue.first; i <= cue.last; ++i) margin += margins != nullptr ? (*margins)[i] : 0;
    margin /= static_cast<double>(cue.last - cue.first + 1);
    a.confidence = static_cast<float>(1.0 / (1.0 + std::exp(-margin)));
    const uint32_t sentence = tokens[cue.first].sentence;
    const size_t s = Nearest(sources, cue, [&](const Run& r) {
      return tokens[r.first].sentence <= sentence && tokens[r.last].sentence >= sentence;
    });
    source_of[k] = s;
    if (s != SIZE_MAX) {
      a.source.push_back(span_of(sources[s]));
      cover(&a, sources[s], false);
    }
  }
  std::vector<std::vector<Run>> content_of(cues.size());
  for (const Run& content : contents) {
    const uint32_t p0 = tokens[content.first].paragraph, p1 = tokens[content.last].paragraph;
    const uint32_t s0 = tokens[content.first].sentence, s1 = tokens[content.last].sentence;
    // A cue in a paragraph next to the content's may introduce it (a quotation that opens
    // the paragraph after "Obama said."), but one in the content's own paragraphs always
    // goes first: in `Obama said. / "As a nation ...," he said.` the second quote is his
    // (measured on PolNeAR dev: a penalty of 3, 8, 16 tokens or any distance gave services'
    // content exact F1 0.469, 0.472, 0.476, 0.479; the one before 0.455).
    const size_t k = Nearest(
        cues, content,
        [&](const Run& r) {
          const uint32_t p = tokens[r.first].paragraph;
          return p + 1 >= p0 && p <= p1 + 1;
        },
        [&](const Run& r) {
          const uint32_t p = tokens[r.first].paragraph;
          if (p < p0 || p > p1) return n;  // more than any gap
          const uint32_t s = tokens[r.first].sentence;
          return s >= s0 && s <= s1 ? size_t{0} : kOtherSentencePenalty;
        });
    if (k != SIZE_MAX) content_of[k].push_back(content);
  }
  // A cue left with no content whose sentence holds another cue with content reports that
  // whole attribution ("[Secret Service protocol called for X], sources said"): the other
  // one's source, cue and content become this cue's content, and the other one goes.
  std::vector<bool> dropped(cues.size(), false);
  for (size_t k = 0; k < cues.size(); ++k) {
    if (!content_of[k].empty()) continue;
    const uint32_t sentence = tokens[cues[k].first].sentence;
    size_t best = SIZE_MAX;
    for (size_t j : {k - 1, k + 1}) {
      if (j >= cues.size() || dropped[j] || content_of[j].empty()) continue;
      if (tokens[cues[j].first].sentence != sentence) continue;
      if (best == SIZE_MAX || Gap(cues[j], cues[k]) < Gap(cues[best], cues[k])) best = j;
    }
    if (best == SIZE_MAX) continue;
    // The reported attribution: from its first part to its last, within the cue's sentence.
    size_t first = cues[best].first, last = cues[best].last;
    for (const Run& c : content_of[best]) {
      first = std::min(first, c.first);
      last = std::max(last, c.last);
    }
    if (const size_t s = source_of[best];
        s != SIZE_MAX && (sources[s].last < cues[k].first || sources[s].first > cues[k].last)) {
      first = std::min(first, sources[s].first);
      last = std::max(last, sources[s].last);
    }
    if (first <= cues[k].last && last >= cues[k].first) continue;  // it would hold this cue
    content_of[k].push_back({first, last});
    dropped[best] = true;
  }
  for (size_t k = 0; k < cues.size(); ++k) {
    for (const Run& c : content_of[k]) {
      out[k].content.push_back(span_of(c));
      cover(&out[k], c, false);
    }
  }
  std::vector<TaggedAttribution> kept;
  kept.reserve(out.size());
  for (size_t k = 0; k < out.size(); ++k) {
    if (!dropped[k]) kept.push_back(std::move(out[k]));
  }
  return kept;
}

constexpr char kStackedMagic[8] = {'C', 'L', 'M', 'S', 'T', 'K', '0', '1'};

absl::StatusOr<std::unique_ptr<AttributionTagger>> AttributionTagger::Parse(absl::string_view bytes) {
  if (bytes.size() < sizeof(kStackedMagic) || bytes.substr(0, sizeof(kStackedMagic)) !=
                                                   absl::string_view(kStackedMagic, sizeof(kStackedMagic))) {
    CLAIMS_ASSIGN_OR_RETURN(Model model, Model::Parse(bytes));
    return std::make_unique<AttributionTagger>(std::move(model));
  }
  bytes.remove_prefix(sizeof(kStackedMagic));
  uint64_t first_size = 0;
  if (bytes.size() < sizeof(first_size)) return absl::InvalidArgumentError("stacked model: truncated");
  std::memcpy(&first_size, bytes.data(), sizeof(first_size));
  bytes.remove_prefix(sizeof(first_size));
  if (first_size > bytes.size()) return absl::InvalidArgumentError("stacked model: truncated first model");
  absl::StatusOr<Model> first = Model::Parse(bytes.substr(0, first_size));
  if (!first.ok()) return absl::InvalidArgumentError(absl::StrCat("first model: ", first.status().message()));
  absl::StatusOr<Model> second = Model::Parse(bytes.substr(first_size));
  if (!second.ok()) return absl::InvalidArgumentError(absl::StrCat("second model: ", second.status().message()));
  return std::make_unique<AttributionTagger>(*std::move(first), *std::move(second));
}

std::string AttributionTagger::Serialize() const {
  if (second_ == nullptr) return model_.Serialize();
  const std::string first = model_.Serialize();
  std::string out(kStackedMagic, sizeof(kStackedMagic));
  const uint64_t first_size = first.size();
  out.append(reinterpret_cast<const char*>(&first_size), sizeof(first_size));  // little-endian only
  out += first;
  out += second_->Serialize();
  return out;
}

absl::StatusOr<std::unique_ptr<AttributionTagger>> AttributionTagger::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("attribution model ", path, ": cannot open"));
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto tagger = Parse(bytes);
  if (!tagger.ok()) return absl::InvalidArgumentError(absl::StrCat(path, ": ", tagger.status().message()));
  return tagger;
}

std::vector<uint8_t> AttributionTagger::TagTokens(absl::string_view text, const extract::Segmentation& seg,
                                                  std::vector<float>* margins) const {
  Document doc;
  PrepareDocument(text, seg, model_.lexicon(), &doc);
  std::vector<float> scores;
  model_.Score(doc, &scores);
  std::vector<uint8_t> tags;
  model_.Decode(scores, seg.tokens.size(), &tags);
  std::vector<uint8_t> first;
  if (second_ != nullptr) {
    first = std::move(tags);
    PrepareStack(first, &doc);
    second_->Score(doc, &scores);
    second_->Decode(scores, seg.tokens.size(), &tags);
  }
  if (margins != nullptr) {
    margins->assign(tags.size(), 0.0f);
    for (size_t i = 0; i < tags.size(); ++i) {
      const float* s = &scores[i * kNumTags];
      float other = -1e30f;
      for (int t = 0; t < kNumTags; ++t) {
        if (t != tags[i]) other = std::max(other, s[t]);
      }
      (*margins)[i] = s[tags[i]] - other;
    }
  }
  return tags;
}

std::vector<TaggedAttribution> AttributionTagger::Tag(absl::string_view text) const {
  const extract::Segmentation seg = extract::Segment(text);
  return Tag(text, seg);
}

void CompleteContent(absl::string_view text, const extract::Segmentation& seg,
                     std::vector<TaggedAttribution>* attributions) {
  const auto& tokens = seg.tokens;
  auto token_at = [&](size_t b) { return extract::FirstTokenFrom(seg, b); };
  // Sentences that hold more than one cue are left alone (whose content is which?).
  std::vector<int> cues_in(seg.sentences.size(), 0);
  for (const auto& a : *attributions) {
    const size_t c = token_at(a.cue.front().begin);
    if (c < tokens.size()) ++cues_in[tokens[c].sentence];
  }
  for (auto& a : *attributions) {
    if (!a.content.empty()) continue;
    size_t first = token_at(a.cue.front().begin);  // of the cue and a source in its sentence
    if (first >= tokens.size() || cues_in[tokens[first].sentence] != 1) continue;
    const extract::Sentence& s = seg.sentences[tokens[first].sentence];
    for (const auto& source : a.source) {
      const size_t b = token_at(source.begin);
      if (b >= s.first_token && b < s.end_token) first = std::min(first, b);
    }
    if (first <= s.first_token + 1 || !extract::IsPunct(text, tokens[first - 1], ",")) continue;
    size_t words = 0;
    for (size_t i = s.first_token; i + 1 < first; ++i) words += tokens[i].kind == extract::TokenKind::kWord;
    if (words < 3) continue;
    a.content.push_back({tokens[s.first_token].begin, tokens[first - 2].end});
  }
}

std::vector<TaggedAttribution> AttributionTagger::Tag(absl::string_view text,
                                                      const extract::Segmentation& seg) const {
  std::vector<float> margins;
  const std::vector<uint8_t> tags = TagTokens(text, seg, &margins);
  std::vector<TaggedAttribution> out = Assemble(seg, tags, &margins);
  CompleteContent(text, seg, &out);
  return out;
}

std::string DefaultModelPath() { return extract::DefaultDataDir() + "/attribution-model.bin"; }

std::vector<eval::Attribution> ToCharAttributions(absl::string_view text,
                                                  const std::vector<TaggedAttribution>& tagged) {
  const CodePointIndex index(text);
  auto convert = [&](const std::vector<extract::ByteSpan>& spans) {
    std::vector<eval::CharSpan> out;
    for (const auto& s : spans) out.push_back({index.ToCodePoint(s.begin), index.ToCodePoint(s.end)});
    std::sort(out.begin(), out.end());
    return out;
  };
  std::vector<eval::Attribution> out;
  out.reserve(tagged.size());
  for (const auto& t : tagged) out.push_back({convert(t.cue), convert(t.source), convert(t.content)});
  return out;
}

}  // namespace claims::tagger
