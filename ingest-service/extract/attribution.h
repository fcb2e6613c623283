// Candidate attributions: where an article reports that somebody said something.
//
// This stage is purely syntactic (quotation marks, reporting verbs, the noun phrase next to
// them); it does not decide who the speaker is. It hands the speaker's words to the speaker
// resolver (mentions.h), so that a learned model can later replace either stage alone.
//
// Pure functions; thread-safe. Linear in the number of tokens: every look-around is bounded.
#ifndef CLAIMS_INGEST_SERVICE_EXTRACT_ATTRIBUTION_H_
#define CLAIMS_INGEST_SERVICE_EXTRACT_ATTRIBUTION_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "ingest-service/extract/segmenter.h"

namespace claims::extract {

// [begin, end) byte offsets into the article text.
struct ByteSpan {
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return end <= begin; }
};

// [begin, end) indices into Segmentation::tokens.
struct TokenRange {
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return end <= begin; }
};

// A quotation: its content excludes the marks, surrounding space and a trailing comma
// ("We object," -> We object).
struct Quote {
  size_t open_token = 0;
  // Index of the closing mark; kNoToken when the quote runs to the end of its paragraph.
  size_t close_token = 0;
  ByteSpan content;
  // Unterminated, and the next paragraph opens with a quotation mark: the same quote goes on
  // (the newspaper convention for a quote of several paragraphs).
  bool continues_in_next_paragraph = false;
  size_t word_count = 0;
  static constexpr size_t kNoToken = static_cast<size_t>(-1);
};

// Finds the quotations of every paragraph, in order. Double quotes (straight, curly, «»)
// pair across nested single quotes; single quotes (‘’) count only outside double quotes.
std::vector<Quote> FindQuotes(absl::string_view text, const Segmentation& seg);

enum class AttributionKind { kDirectQuote, kIndirect, kMixed };

// The words that stand for the speaker, as two token ranges:
//   head:       determiners, pre-modifiers and the name ("health minister Karin Smyth",
//               "a spokesperson for NHS England", "she", "campaigners")
//   apposition: the phrase between commas after it, without the commas ("of the Hackney
//               Coalition Against Palantir", "a spokeswoman for Homerton ..."); may be empty.
struct SpeakerPhrase {
  TokenRange head;
  TokenRange apposition;
  // An interview's answer (`A: ...` after `Q: ...`): `head` is the label "A", and the speaker
  // is the interviewee, the person named last before this byte offset (the interview's first
  // question). 0 for any other phrase.
  size_t interviewee_before = 0;
};

struct Attribution {
  AttributionKind kind = AttributionKind::kDirectQuote;
  // In text order. Direct quotes: the quotes' contents; a split quote or a quote continued
  // over paragraphs has several spans. Indirect: the reported content without the final
  // full stop (and without "that").
  std::vector<ByteSpan> content;
  // The reporting words: "said", "told", "according to", "pointed out".
  ByteSpan cue;
  SpeakerPhrase speaker;
  // When not empty: a longer phrase around `speaker` that says more of who spoke ("Its chief
  // executive, Jason Elsom," where the source is "Jason Elsom"); resolved instead of
  // `speaker`, whose words stay the source as written.
  SpeakerPhrase described_by;
  // The sentences that carry the attribution, [first_sentence, end_sentence): where the time
  // of saying and the organisations mentioned with it are looked for.
  size_t first_sentence = 0;
  size_t end_sentence = 0;
  // Found by the learned model rather than the rules: kept even when its speaker cannot be
  // named (the tagger's recall on indirect speech is the point of it).
  bool learned = false;
  // Found by a rule whose pattern leaves little doubt: a quote split by its cue or continued
  // over paragraphs, a quote signed with a dash (`"..." ― Jane Doe`), a headline
  // `Speaker: words`. Where it overlaps an attribution of the learned model, it wins.
  bool strong = false;
  // Said by a record rather than a speaker: a hearing ("The court heard that ...") or a
  // document ("The study, published in the BMJ, found that ..."). Kept with the record's
  // words as the speaker's name (kind UNKNOWN, no id: not indexed as a speaker).
  bool of_record = false;
};

// Finds direct quotes with their cue (before: `X said: "..."`, `According to X, "..."`;
// after: `"...," X said.`, `"...," said X, ROLE.`, `"...?" X asked.` in the next sentence;
// split: `"A," she said, "B."`; continued over paragraphs), then indirect speech in the
// remaining sentences (`X said (that) C`, `X, ROLE, said C`, `C, X said.`, `C, said X.`,
// `According to X, C`, `C, according to X.`, `X told Y (that) C`, and other reporting
// verbs), MIXED when the reported content contains a quotation. Two patterns without a
// reporting verb: a quote signed with a dash after it (`"..." ― Sonya Herridge`, `"..." —
// Tom Baker, Hackney resident.`: the dash is the cue), and a headline-like paragraph of one
// sentence `Speaker: words` (`Palantir: NHS data never leaves the platform`: the colon is
// the cue; the speaker is a capitalised name of at most six tokens). In text order.
std::vector<Attribution> FindAttributions(absl::string_view text, const Segmentation& seg);

// The kind that content spans make: DIRECT_QUOTE when every span is a whole quotation with
// its marks (“We object,”), MIXED when any span holds a double quotation mark, else INDIRECT.
AttributionKind ContentKind(absl::string_view text, const std::vector<ByteSpan>& content);

// Lexicon lookups shared with the speaker resolver (lower-case input).
// Role nouns and their usual pre-modifiers ("minister", "spokesperson", "health").
bool IsRoleWord(absl::string_view lower);
bool IsRoleModifier(absl::string_view lower);
// The head noun of a description before an organisation's name ("the health union Unison",
// "Bus operator Stagecoach", "Passenger group Campaign for Better Transport").
bool IsOrgHeadNoun(absl::string_view lower);
// What a text is published in, which speaks for no one by itself: "report", "statement",
// "letter", "website" (lower case).
bool IsDocumentNoun(absl::string_view lower);
bool IsPronoun(absl::string_view lower);
// Lower-case particles inside a person's name ("Bill de Blasio", "Ursula von der Leyen").
bool IsNameParticle(absl::string_view lower);
// People known by their relation to someone named after them ("a friend of X", "an aide
// to X", "the daughter of X").
bool IsRelationNoun(absl::string_view lower);
// A noun that describes a person rather than an office they hold: "the Kentucky Republican",
// "the Scotland midfielder", "the 42-year-old", "the businesswoman". Definite, it refers
// back to the person the article is about.
bool IsPersonEpithet(absl::string_view lower);
// A record that says things: a hearing ("court", "inquest", "committee") or a document
// ("report", "study", "figures", "poll").
bool IsRecordNoun(absl::string_view lower);
// `w` without a possessive ending ("Clinton's", "Clinton’s" -> "Clinton"); other words as
// they are. IsPossessive: `w` has one.
absl::string_view WithoutPossessive(absl::string_view w);
bool IsPossessive(absl::string_view w);
// A possessive determiner, lower case: "my", "your", "his", "her", "its", "our", "their".
bool IsPossessiveDeterminer(absl::string_view lower);
// Token `i` is the apostrophe of a plural's possessive ("St Thomas' NHS Foundation Trust",
// "The School Teachers' Review Body"): a closing single mark glued to a word ending in "s",
// with a space and a word after it. Not a quotation mark.
bool IsPossessiveApostrophe(absl::string_view text, const Segmentation& seg, size_t i);
// A word of two or more letters, all capitals ("WHO", "IT", "CK"): an acronym, not the
// pronoun or common word it spells.
bool IsAcronym(absl::string_view word);
// The name of a day of the week or of a month ("monday", "may").
bool IsDayOrMonth(absl::string_view lower);
// A word that reports speech or thought on its own ("said", "warned", "saying"), lower case:
// the rules' cue lexicon.
bool IsCueWord(absl::string_view lower);

// A source's words as a speaker phrase, as the rules make them: "Marion Macalpine, a
// spokesperson for X" has the words before the first comma as head and the rest as
// apposition; a comma inside brackets splits nothing ("Cllr Sade Etti (Lab, Hackney Wick)").
SpeakerPhrase SpeakerPhraseOf(absl::string_view text, const Segmentation& seg, TokenRange words);

// The question paragraphs of an interview printed as questions and answers (a paragraph
// opening with "Q:", "Question:" or "Interviewer:", or with the label of a transcript's
// speaker whose every turn is a question while another's is not: "Guardian: Will you
// bid?"), as byte spans from the label to the paragraph's end, in text order: the
// interviewer's words, which are nobody's claims.
std::vector<ByteSpan> InterviewQuestions(absl::string_view text, const Segmentation& seg);

}  // namespace claims::extract

#endif  // CLAIMS_INGEST_SERVICE_EXTRACT_ATTRIBUTION_H_
