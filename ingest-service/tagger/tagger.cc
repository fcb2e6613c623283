#include "ingest-service/tagger/tagger.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#include "absl/strings/str_cat.h"
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

// Index of the nearest run in `runs` (sorted, disjoint from `x`) accepted by `ok`, looking at
// the closest run on each side only; SIZE_MAX when none qualifies.
template <typename Ok>
size_t Nearest(const std::vector<Run>& runs, const Run& x, Ok ok) {
  const auto after = std::lower_bound(runs.begin(), runs.end(), x.first,
                                      [](const Run& r, size_t pos) { return r.first < pos; });
  size_t best = SIZE_MAX;
  size_t best_gap = SIZE_MAX;
  if (after != runs.end()) {
    const size_t i = after - runs.begin();
    if (ok(runs[i])) {
      best = i;
      best_gap = Gap(runs[i], x);
    }
  }
  if (after != runs.begin()) {
    const size_t i = (after - runs.begin()) - 1;
    // Ties go to the earlier run (sources and cues usually precede what they introduce).
    if (ok(runs[i]) && Gap(runs[i], x) <= best_gap) best = i;
  }
  return best;
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
    if (s != SIZE_MAX) {
      a.source.push_back(span_of(sources[s]));
      cover(&a, sources[s], false);
    }
  }
  for (const Run& content : contents) {
    const uint32_t p0 = tokens[content.first].paragraph, p1 = tokens[content.last].paragraph;
    const size_t k = Nearest(cues, content, [&](const Run& r) {
      const uint32_t p = tokens[r.first].paragraph;
      return p + 1 >= p0 && p <= p1 + 1;
    });
    if (k == SIZE_MAX) continue;
    out[k].content.push_back(span_of(content));
    cover(&out[k], content, false);
  }
  return out;
}

absl::StatusOr<std::unique_ptr<AttributionTagger>> AttributionTagger::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("attribution model ", path, ": cannot open"));
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto model = Model::Parse(bytes);
  if (!model.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", model.status().message()));
  }
  return std::make_unique<AttributionTagger>(std::move(*model));
}

std::vector<uint8_t> AttributionTagger::TagTokens(absl::string_view text, const extract::Segmentation& seg,
                                                  std::vector<float>* margins) const {
  Document doc;
  PrepareDocument(text, seg, model_.lexicon(), &doc);
  std::vector<float> scores;
  model_.Score(doc, &scores);
  std::vector<uint8_t> tags;
  model_.Decode(scores, seg.tokens.size(), &tags);
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

std::vector<TaggedAttribution> AttributionTagger::Tag(absl::string_view text,
                                                      const extract::Segmentation& seg) const {
  std::vector<float> margins;
  const std::vector<uint8_t> tags = TagTokens(text, seg, &margins);
  return Assemble(seg, tags, &margins);
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
