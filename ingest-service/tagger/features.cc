#include "ingest-service/tagger/features.h"

#include <algorithm>
#include <initializer_list>

namespace claims::tagger {
namespace {

using extract::QuoteRole;
using extract::Token;
using extract::TokenKind;

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

inline unsigned char NormalByte(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c + ('a' - 'A');
  if (c >= '0' && c <= '9') return '0';
  return c;
}

uint64_t BytesHash(absl::string_view s, uint64_t seed) {
  uint64_t h = kFnvOffset ^ seed;
  for (unsigned char c : s) {
    h ^= NormalByte(c);
    h *= kFnvPrime;
  }
  return Mix64(h);
}

// Distance buckets: 1, 2, 3, 4-5, 6-8, 9-15, 16-30, 31+ (0 is kept for "none").
uint8_t DistanceBucket(size_t d) {
  if (d <= 3) return static_cast<uint8_t>(d);
  if (d <= 5) return 4;
  if (d <= 8) return 5;
  if (d <= 15) return 6;
  if (d <= 30) return 7;
  return 8;
}

// Shapes: 0 lower, 1 capitalised, 2 all capitals, 3 has a digit, 4 punctuation,
// 5 opening quote, 6 closing quote, 7 other word (non-ASCII start, mixed).
uint8_t Shape(absl::string_view text, const Token& t) {
  if (t.kind == TokenKind::kQuote) return extract::IsOpeningQuote(t) ? 5 : 6;
  if (t.kind == TokenKind::kPunct) return 4;
  const absl::string_view w = text.substr(t.begin, t.end - t.begin);
  bool digit = false, upper = false, lower = false;
  for (unsigned char c : w) {
    digit |= c >= '0' && c <= '9';
    upper |= c >= 'A' && c <= 'Z';
    lower |= c >= 'a' && c <= 'z';
  }
  if (digit) return 3;
  if (t.capitalised) return lower ? 1 : (upper ? 2 : 1);
  if (lower && !upper) return 0;
  return 7;
}

// Template ids: the first argument of every key.
enum Template : uint64_t {
  kBias = 1,
  kW0,
  kWm1,
  kWp1,
  kWm2,
  kWp2,
  kWm1W0,
  kW0Wp1,
  kPrefix,
  kSuffix3,
  kSuffix2,
  kShape,
  kShape3,
  kShapeW0Cap,
  kQuoteState,
  kLeftQuote,
  kRightQuote,
  kQuoteBoth,
  kSentencePos,
  kParagraphStart,
  kRelative,
  kCue0,
  kCueNeighbours,
  kLeftCue,
  kRightCue,
  kLeftCueWord,
  kRightCueWord,
  kCueContext,
  kW0LeftCue,
  kW0RightCue,
  kPrevPunct,
  kNextPunct,
  kPunctPair,
  kQuoteW0,
  kWm1Cue,
  kWm3,
  kWp3,
  kWm2Wm1,
  kWp1Wp2,
  kSuffixM1,
  kSuffixP1,
  kSentenceShape,
  kEdges,
  kCapRun,
  kW0Edge,
  // Stacking (second pass): the first pass's tags.
  kS0,
  kSm1S0,
  kS0Sp1,
  kSWindow,
  kSW0,
  kSSentence,
  kSLeftCue,
  kSRightCue,
  kSContent,
  kSSource,
  kSNeighbourSentences,
  kSRun,
  kSCueWord,
  kSQuote,
};

// A key: the template's seed and the values it reads folded in with a multiply each (for a
// fixed seed and earlier values, distinct last values give distinct results: xor then an odd
// multiplier is a bijection), then one Mix64, so that every bit of the key depends on every
// value (the model's tables take the low bits for a bucket, the high bits as fingerprint).
// One Mix64 a key instead of one per value: the keys of version 2 cost a third of the
// tagger's instructions.
constexpr uint64_t kFold1 = 0x9e3779b97f4a7c15ULL;
constexpr uint64_t kFold2 = 0xc2b2ae3d27d4eb4fULL;
inline uint64_t Seed(uint64_t templ) { return Mix64(templ + 0x632be59bd9b4e019ULL); }
inline uint64_t Key(uint64_t templ, uint64_t a) { return Mix64(Seed(templ) ^ a); }
inline uint64_t Key(uint64_t templ, uint64_t a, uint64_t b) {
  return Mix64(((Seed(templ) ^ a) * kFold1) ^ b);
}
inline uint64_t Key(uint64_t templ, uint64_t a, uint64_t b, uint64_t c) {
  return Mix64(((((Seed(templ) ^ a) * kFold1) ^ b) * kFold2) ^ c);
}

constexpr uint64_t kBoundaryWord = 0x5bd1e9955bd1e995ULL;  // beyond the sentence
// Beyond the sentence, for the neighbours' shape, cue bucket and first-pass tag.
constexpr uint64_t kNoShape = 99;
constexpr uint64_t kNoCue = 9;
constexpr uint64_t kNoTag = 9;

// The first pass's templates that the second pass keeps, by their place in ExtractFeatures:
// the word and its neighbours, shape, quotation state, the cue lexicon and cue distances,
// punctuation.
constexpr uint64_t TemplateSet(std::initializer_list<int> places) {
  uint64_t set = 0;
  for (int p : places) set |= uint64_t{1} << p;
  return set;
}
constexpr uint64_t kSecondPassBase =
    TemplateSet({0, 1, 2, 3, 6, 7, 11, 14, 18, 21, 22, 23, 24, 30, 31, 40});

}  // namespace

uint64_t WordHash(absl::string_view word) {
  // Curly apostrophe (U+2019, E2 80 99) as a straight one, so "O’Malley" = "O'Malley".
  uint64_t h = kFnvOffset;
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80 &&
        static_cast<unsigned char>(word[i + 2]) == 0x99) {
      c = '\'';
      i += 2;
    }
    h ^= NormalByte(c);
    h *= kFnvPrime;
  }
  return Mix64(h);
}

uint8_t CueBucket(int64_t cue, int64_t total) {
  if (cue < 2 || total <= 0) return 0;
  const double p = static_cast<double>(cue) / (total + 1);
  if (p < 0.05) return 0;
  if (p < 0.2) return 1;
  if (p < 0.5) return 2;
  if (p < 0.8) return 3;
  return 4;
}

void PrepareDocument(absl::string_view text, const extract::Segmentation& seg,
                     const CueLexicon& lexicon, Document* doc) {
  doc->text = text;
  doc->seg = &seg;
  const auto& tokens = seg.tokens;
  const size_t n = tokens.size();
  doc->info.assign(n, TokenInfo{});
  auto& info = doc->info;
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    const absl::string_view w = text.substr(t.begin, t.end - t.begin);
    TokenInfo& x = info[i];
    x.word = WordHash(w);
    x.prefix = BytesHash(w.substr(0, 3), 11);
    x.suffix3 = BytesHash(w.size() > 3 ? w.substr(w.size() - 3) : w, 13);
    x.suffix2 = BytesHash(w.size() > 2 ? w.substr(w.size() - 2) : w, 17);
    x.shape = Shape(text, t);
    const auto it = lexicon.find(x.word);
    x.cue = it == lexicon.end() ? 0 : it->second;
  }
  // Quotation state and distances to quote marks, per paragraph.
  for (const auto& p : seg.paragraphs) {
    bool inside = false;
    size_t last = SIZE_MAX;
    for (size_t i = p.first_token; i < p.end_token && i < n; ++i) {
      const Token& t = tokens[i];
      if (t.quote == QuoteRole::kDoubleOpen) inside = true;
      info[i].in_quote = inside ? 1 : 0;
      if (t.quote == QuoteRole::kDoubleClose) inside = false;
      info[i].left_quote = last == SIZE_MAX ? 0 : DistanceBucket(i - last);
      if (t.kind == TokenKind::kQuote) last = i;
    }
    last = SIZE_MAX;
    for (size_t i = std::min(p.end_token, n); i-- > p.first_token;) {
      info[i].right_quote = last == SIZE_MAX ? 0 : DistanceBucket(last - i);
      if (tokens[i].kind == TokenKind::kQuote) last = i;
    }
  }
  // Sentence-relative values.
  for (size_t s = 0; s < seg.sentences.size(); ++s) {
    const auto& sent = seg.sentences[s];
    const size_t b = sent.first_token, e = std::min(sent.end_token, n);
    if (b >= e) continue;
    const uint8_t para_start = s == 0 || seg.sentences[s - 1].paragraph != sent.paragraph ? 1 : 0;
    const size_t len = e - b;
    uint8_t quotes = 0, cues = 0;
    for (size_t i = b; i < e; ++i) {
      quotes |= tokens[i].kind == TokenKind::kQuote ? 1 : 0;
      if (info[i].cue >= 2 && cues < 2) ++cues;
    }
    size_t cue_pos = SIZE_MAX;
    uint64_t punct = 0;
    for (size_t i = b; i < e; ++i) {
      TokenInfo& x = info[i];
      x.sentence_position = i == b ? 0 : (i == b + 1 ? 1 : (i + 1 == e ? 2 : 3));
      x.paragraph_start = para_start;
      x.relative = static_cast<uint8_t>((i - b) * 5 / len);
      x.from_start = DistanceBucket(i - b);
      x.to_end = DistanceBucket(e - 1 - i);
      x.sentence_quotes = quotes;
      x.sentence_cues = cues;
      if (cue_pos != SIZE_MAX) {
        x.left_cue_distance = DistanceBucket(i - cue_pos);
        x.left_cue_word = info[cue_pos].word;
      }
      x.prev_punct = punct;
      if (x.cue >= 2) cue_pos = i;
      if (tokens[i].kind != TokenKind::kWord) punct = x.word;
    }
    cue_pos = SIZE_MAX;
    punct = 0;
    for (size_t i = e; i-- > b;) {
      TokenInfo& x = info[i];
      if (cue_pos != SIZE_MAX) {
        x.right_cue_distance = DistanceBucket(cue_pos - i);
        x.right_cue_word = info[cue_pos].word;
      }
      x.next_punct = punct;
      if (x.cue >= 2) cue_pos = i;
      if (tokens[i].kind != TokenKind::kWord) punct = x.word;
    }
  }
}

void PrepareStack(const std::vector<uint8_t>& tags, Document* doc) {
  doc->stage1 = &tags;
  const auto& tokens = doc->seg->tokens;
  const size_t n = std::min(tokens.size(), tags.size());
  doc->stack.assign(n, StackInfo{});
  auto& stack = doc->stack;
  const auto& sentences = doc->seg->sentences;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const size_t b = sentences[s].first_token, e = std::min(sentences[s].end_token, n);
    if (b >= e) continue;
    uint8_t components = 0;
    for (size_t i = b; i < e; ++i) {
      const int c = ComponentOf(tags[i]);
      if (c != 0) components |= static_cast<uint8_t>(1 << (c - 1));
    }
    uint8_t previous_end = 4, next_start = 4;
    if (s > 0 && b > 0) previous_end = static_cast<uint8_t>(ComponentOf(tags[b - 1]));
    if (e < n) next_start = static_cast<uint8_t>(ComponentOf(tags[e]));
    // Nearest earlier / later token of each component (1 cue, 2 source, 3 content).
    size_t last[4] = {SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX};
    for (size_t i = b; i < e; ++i) {
      StackInfo& x = stack[i];
      x.sentence_components = components;
      x.previous_sentence_end = previous_end;
      x.next_sentence_start = next_start;
      x.left_cue = last[1] == SIZE_MAX ? 0 : DistanceBucket(i - last[1]);
      x.left_source = last[2] == SIZE_MAX ? 0 : DistanceBucket(i - last[2]);
      x.left_content = last[3] == SIZE_MAX ? 0 : DistanceBucket(i - last[3]);
      const int c = ComponentOf(tags[i]);
      if (c != 0) last[c] = i;
    }
    for (size_t& l : last) l = SIZE_MAX;
    for (size_t i = e; i-- > b;) {
      StackInfo& x = stack[i];
      x.right_cue = last[1] == SIZE_MAX ? 0 : DistanceBucket(last[1] - i);
      x.right_source = last[2] == SIZE_MAX ? 0 : DistanceBucket(last[2] - i);
      x.right_content = last[3] == SIZE_MAX ? 0 : DistanceBucket(last[3] - i);
      const int c = ComponentOf(tags[i]);
      if (c != 0) last[c] = i;
    }
  }
  // Run lengths: maximal runs of one component.
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    const int c = ComponentOf(tags[i]);
    while (j < n && ComponentOf(tags[j]) == c && !IsBegin(tags[j])) ++j;
    const uint8_t len = c == 0 ? 0 : DistanceBucket(j - i);
    for (size_t k = i; k < j; ++k) stack[k].run_length = len;
    i = j;
  }
}

namespace {

// Where ExtractKeys puts the keys: Wide(key) and Small(key) for the two kinds of template.
struct SplitSink {
  TokenKeys* out;
  void Wide(uint64_t key) { out->wide[out->wide_count++] = key; }
  void Small(uint64_t key) { out->small[out->small_count++] = key; }
};
// Both kinds into one array, in template order (the order the trainer has always seen).
struct ArraySink {
  uint64_t* keys;
  int n = 0;
  void Wide(uint64_t key) { keys[n++] = key; }
  void Small(uint64_t key) { keys[n++] = key; }
};

template <typename Sink>
void ExtractKeys(const Document& doc, size_t i, Sink* sink) {
  const auto& info = doc.info;
  const auto& tokens = doc.seg->tokens;
  const TokenInfo& x = info[i];
  const uint32_t sentence = tokens[i].sentence;
  auto word_at = [&](ptrdiff_t j) -> uint64_t {
    if (j < 0 || static_cast<size_t>(j) >= info.size() || tokens[j].sentence != sentence) return kBoundaryWord;
    return info[j].word;
  };
  auto shape_at = [&](ptrdiff_t j) -> uint64_t {
    if (j < 0 || static_cast<size_t>(j) >= info.size() || tokens[j].sentence != sentence) return kNoShape;
    return info[j].shape;
  };
  auto cue_at = [&](ptrdiff_t j) -> uint64_t {
    if (j < 0 || static_cast<size_t>(j) >= info.size() || tokens[j].sentence != sentence) return kNoCue;
    return info[j].cue;
  };
  const ptrdiff_t k = static_cast<ptrdiff_t>(i);
  const uint64_t w0 = x.word, wm1 = word_at(k - 1), wp1 = word_at(k + 1);
  // The second pass keeps only the strongest of the first pass's templates (its cost is in
  // the table lookups, one per key) and adds the stacking features. Bit t of `wanted`:
  // template t (in the order below) is computed. Templates added with `small` must be
  // listed in SmallDomainKeys with every value they can take.
  const bool second_pass = doc.stage1 != nullptr && i < doc.stack.size();
  const uint64_t wanted = second_pass ? kSecondPassBase : ~uint64_t{0};
  int templ = 0;
  auto wide = [&](auto&& make_key) {
    if ((wanted >> templ++) & 1) sink->Wide(make_key());
  };
  auto small = [&](auto&& make_key) {
    if ((wanted >> templ++) & 1) sink->Small(make_key());
  };
  small([&] { return Key(kBias, 0); });
  wide([&] { return Key(kW0, w0); });
  wide([&] { return Key(kWm1, wm1); });
  wide([&] { return Key(kWp1, wp1); });
  wide([&] { return Key(kWm2, word_at(k - 2)); });
  wide([&] { return Key(kWp2, word_at(k + 2)); });
  wide([&] { return Key(kWm1W0, wm1, w0); });
  wide([&] { return Key(kW0Wp1, w0, wp1); });
  wide([&] { return Key(kPrefix, x.prefix); });
  wide([&] { return Key(kSuffix3, x.suffix3); });
  wide([&] { return Key(kSuffix2, x.suffix2); });
  small([&] { return Key(kShape, x.shape); });
  small([&] { return Key(kShape3, shape_at(k - 1), x.shape, shape_at(k + 1)); });
  small([&] { return Key(kShapeW0Cap, x.shape, x.sentence_position); });
  small([&] { return Key(kQuoteState, x.in_quote, x.shape >= 5 ? x.shape : 0); });
  small([&] { return Key(kLeftQuote, x.in_quote, x.left_quote); });
  small([&] { return Key(kRightQuote, x.in_quote, x.right_quote); });
  small([&] { return Key(kQuoteBoth, x.left_quote, x.right_quote); });
  small([&] { return Key(kSentencePos, x.sentence_position, x.in_quote); });
  small([&] { return Key(kParagraphStart, x.paragraph_start, x.sentence_position); });
  small([&] { return Key(kRelative, x.relative, x.in_quote); });
  small([&] { return Key(kCue0, x.cue); });
  small([&] { return Key(kCueNeighbours, cue_at(k - 1), x.cue, cue_at(k + 1)); });
  small([&] { return Key(kLeftCue, x.left_cue_distance, x.in_quote); });
  small([&] { return Key(kRightCue, x.right_cue_distance, x.in_quote); });
  wide([&] { return Key(kLeftCueWord, x.left_cue_word, x.left_cue_distance); });
  wide([&] { return Key(kRightCueWord, x.right_cue_word, x.right_cue_distance); });
  small([&] { return Key(kCueContext, x.left_cue_distance != 0, x.right_cue_distance != 0, x.shape); });
  wide([&] { return Key(kW0LeftCue, w0, x.left_cue_distance != 0); });
  wide([&] { return Key(kW0RightCue, w0, x.right_cue_distance != 0); });
  wide([&] { return Key(kPrevPunct, x.prev_punct, x.right_cue_distance != 0); });
  wide([&] { return Key(kNextPunct, x.next_punct, x.left_cue_distance != 0); });
  wide([&] { return Key(kPunctPair, x.prev_punct, x.next_punct); });
  wide([&] { return Key(kQuoteW0, x.in_quote, w0); });
  wide([&] { return Key(kWm1Cue, wm1, x.cue); });
  wide([&] { return Key(kWm3, word_at(k - 3)); });
  wide([&] { return Key(kWp3, word_at(k + 3)); });
  wide([&] { return Key(kWm2Wm1, word_at(k - 2), wm1); });
  wide([&] { return Key(kWp1Wp2, wp1, word_at(k + 2)); });
  const bool has_prev = k > 0 && tokens[k - 1].sentence == sentence;
  const bool has_next = static_cast<size_t>(k + 1) < info.size() && tokens[k + 1].sentence == sentence;
  wide([&] { return Key(kSuffixM1, has_prev ? info[k - 1].suffix3 : kBoundaryWord); });
  wide([&] { return Key(kSuffixP1, has_next ? info[k + 1].suffix3 : kBoundaryWord); });
  small([&] { return Key(kSentenceShape, x.sentence_quotes, x.sentence_cues, x.in_quote); });
  small([&] { return Key(kEdges, x.from_start, x.to_end); });
  const bool cap_run = x.shape == 1 && ((has_prev && info[k - 1].shape == 1) || (has_next && info[k + 1].shape == 1));
  small([&] { return Key(kCapRun, cap_run, x.left_cue_distance, x.right_cue_distance); });
  wide([&] { return Key(kW0Edge, w0, x.from_start); });
  if (!second_pass) return;
  // Stacking: the first pass's tags around the token (beyond the sentence: kNoTag).
  const std::vector<uint8_t>& t = *doc.stage1;
  auto tag_at = [&](ptrdiff_t j) -> uint64_t {
    if (j < 0 || static_cast<size_t>(j) >= doc.stack.size() || tokens[j].sentence != sentence) return kNoTag;
    return t[j];
  };
  auto component_at = [&](ptrdiff_t j) -> uint64_t {
    if (j < 0 || static_cast<size_t>(j) >= doc.stack.size() || tokens[j].sentence != sentence) return kNoTag;
    return ComponentOf(t[j]);
  };
  const StackInfo& st = doc.stack[i];
  const uint64_t s0 = t[i];
  sink->Small(Key(kS0, s0));
  sink->Small(Key(kSm1S0, tag_at(k - 1), s0));
  sink->Small(Key(kS0Sp1, s0, tag_at(k + 1)));
  sink->Small(Key(kSWindow, component_at(k - 2) * 100 + component_at(k - 1) * 10 + component_at(k + 1),
                  component_at(k + 2), s0));
  sink->Wide(Key(kSW0, s0, w0));
  sink->Small(Key(kSSentence, st.sentence_components, s0));
  sink->Small(Key(kSLeftCue, st.left_cue, s0, x.in_quote));
  sink->Small(Key(kSRightCue, st.right_cue, s0, x.in_quote));
  sink->Small(Key(kSContent, st.left_content * 16 + st.right_content, s0));
  sink->Small(Key(kSSource, st.left_source * 16 + st.right_source, s0));
  sink->Small(Key(kSNeighbourSentences, st.previous_sentence_end * 8 + st.next_sentence_start, s0,
                  x.sentence_position));
  sink->Small(Key(kSRun, st.run_length, s0));
  sink->Wide(Key(kSCueWord, x.left_cue_word, st.left_cue != 0, ComponentOf(t[i])));
  sink->Small(Key(kSQuote, x.in_quote, st.sentence_components, ComponentOf(t[i])));
}

}  // namespace

void ExtractFeatures(const Document& doc, size_t i, TokenKeys* keys) {
  keys->wide_count = 0;
  keys->small_count = 0;
  SplitSink sink{keys};
  ExtractKeys(doc, i, &sink);
}

int ExtractFeatures(const Document& doc, size_t i, uint64_t* keys) {
  ArraySink sink{keys};
  ExtractKeys(doc, i, &sink);
  return sink.n;
}

const std::vector<uint64_t>& SmallDomainKeys() {
  static const std::vector<uint64_t>* const keys = [] {
    auto* out = new std::vector<uint64_t>;
    // Every value each argument of a small template can take (ExtractFeatures, TokenInfo,
    // StackInfo): DistanceBucket gives 0..8, CueBucket 0..4, Shape 0..7, tags 0..6,
    // components 0..3, sentence positions 0..3, relative positions 0..4.
    auto range = [](uint64_t n) {
      std::vector<uint64_t> v(n);
      for (uint64_t i = 0; i < n; ++i) v[i] = i;
      return v;
    };
    auto with = [](std::vector<uint64_t> v, uint64_t extra) {
      v.push_back(extra);
      return v;
    };
    const auto flag = range(2), distance = range(9), cue = range(5), shape = range(8), tag = range(kNumTags),
               component = range(4), position = range(4), sentence_components = range(8);
    const auto shape_near = with(shape, kNoShape), cue_near = with(cue, kNoCue), tag_near = with(tag, kNoTag),
               component_near = with(component, kNoTag);
    auto one = [&](uint64_t templ, const std::vector<uint64_t>& a) {
      for (uint64_t x : a) out->push_back(Key(templ, x));
    };
    auto two = [&](uint64_t templ, const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
      for (uint64_t x : a) {
        for (uint64_t y : b) out->push_back(Key(templ, x, y));
      }
    };
    auto three = [&](uint64_t templ, const std::vector<uint64_t>& a, const std::vector<uint64_t>& b,
                     const std::vector<uint64_t>& c) {
      for (uint64_t x : a) {
        for (uint64_t y : b) {
          for (uint64_t z : c) out->push_back(Key(templ, x, y, z));
        }
      }
    };
    one(kBias, {0});
    one(kShape, shape);
    three(kShape3, shape_near, shape, shape_near);
    two(kShapeW0Cap, shape, position);
    two(kQuoteState, flag, {0, 5, 6, 7});
    two(kLeftQuote, flag, distance);
    two(kRightQuote, flag, distance);
    two(kQuoteBoth, distance, distance);
    two(kSentencePos, position, flag);
    two(kParagraphStart, flag, position);
    two(kRelative, range(5), flag);
    one(kCue0, cue);
    three(kCueNeighbours, cue_near, cue, cue_near);
    two(kLeftCue, distance, flag);
    two(kRightCue, distance, flag);
    three(kCueContext, flag, flag, shape);
    three(kSentenceShape, flag, range(3), flag);
    two(kEdges, distance, distance);
    three(kCapRun, flag, distance, distance);
    one(kS0, tag);
    two(kSm1S0, tag_near, tag);
    two(kS0Sp1, tag, tag_near);
    std::vector<uint64_t> window;
    for (uint64_t a : component_near) {
      for (uint64_t b : component_near) {
        for (uint64_t c : component_near) window.push_back(a * 100 + b * 10 + c);
      }
    }
    three(kSWindow, window, component_near, tag);
    two(kSSentence, sentence_components, tag);
    three(kSLeftCue, distance, tag, flag);
    three(kSRightCue, distance, tag, flag);
    std::vector<uint64_t> sides;
    for (uint64_t a : distance) {
      for (uint64_t b : distance) sides.push_back(a * 16 + b);
    }
    two(kSContent, sides, tag);
    two(kSSource, sides, tag);
    std::vector<uint64_t> neighbours;
    for (uint64_t a : range(5)) {
      for (uint64_t b : range(5)) neighbours.push_back(a * 8 + b);
    }
    three(kSNeighbourSentences, neighbours, tag, position);
    two(kSRun, distance, tag);
    three(kSQuote, flag, sentence_components, component);
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
    return out;
  }();
  return *keys;
}

}  // namespace claims::tagger
