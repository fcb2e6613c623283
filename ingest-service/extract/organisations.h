// Organisation names: canonical ids stable across articles, the shipped alias catalogue,
// and heuristics for telling an organisation's name from a person's.
#ifndef CLAIMS_INGEST_SERVICE_EXTRACT_ORGANISATIONS_H_
#define CLAIMS_INGEST_SERVICE_EXTRACT_ORGANISATIONS_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ingest-service/extract/word_filter.h"

namespace claims::extract {

struct KnownOrganisation {
  std::string id;    // canonical id ("palantir")
  std::string name;  // display name ("Palantir Technologies")
  std::vector<std::string> aliases;  // as written in the file ("Palantir", "PLTR")
};

// Canonical id of an organisation name not in the catalogue (a catalogue entry's own id
// always wins): a leading "The", a trailing possessive "'s" and trailing corporate suffixes
// (Technologies, Technology, Ltd, Limited, plc, Inc, Incorporated, LLC, LLP, Corp,
// Corporation, Co, Company, Group, Holdings; "UK" only next to one of those, so "Reform UK"
// keeps it) are dropped, "&" becomes "and", then slugified. A name made only of such words
// keeps them. "Palantir Technologies UK Ltd" -> "palantir"; "The Guardian" -> "guardian";
// "NHS England" -> "nhs-england". Empty for a name without letters or digits.
std::string CanonicalOrganisationId(absl::string_view name);

// True when a capitalised name looks like an organisation: one of its capitalised words is
// a head word such as Council, Party, Trust, NHS, Coalition, Ministry, Department,
// University, Hospital, Ltd, Technologies, Union, Association, Committee, Agency,
// Foundation, Institute, Commission, Authority, Service, Bank, Company, Group, Campaign,
// Network, Society, Board, Office, Government, Police, College, Alliance, Federation...
// (matched case-insensitively except that the word must not be all lower-case).
bool LooksLikeOrganisation(absl::string_view name);

// The last word of a newspaper's name, in lower case: "times", "post", "journal", "gazette"...
bool IsNewspaperWord(absl::string_view lower);

// "Federated Data Platform (FDP)": an expansion immediately followed by its acronym.
struct AcronymDefinition {
  size_t expansion_begin = 0, expansion_end = 0;  // byte offsets
  size_t acronym_begin = 0, acronym_end = 0;
};
// Finds "Long Name (LN)" definitions whose acronym letters match the initials of the
// capitalised words of the expansion (small words "of", "and", "for", "the", "on", "in",
// "&", "against" inside it may be skipped; an all-caps word such as "NHS" supplies all its
// letters). The acronym is 2-10 characters, starts with a capital, has at least two
// capitals; only its capitals are matched ("DfE" -> D, E). In order of the text.
std::vector<AcronymDefinition> FindAcronymDefinitions(absl::string_view text);

// The acronym an organisation's name would have: the first letter of each capitalised word
// and every letter of an all-capitals word, the small words of FindAcronymDefinitions
// skipped when in lower case ("of", "&"; a leading "The" too): "Government Accountability
// Office" -> "GAO", "NHS Business Services Authority" -> "NHSBSA", "Hackney Coalition
// Against Palantir" -> "HCAP". Empty unless the name has two or more such words and nothing else (a
// lower-case word that is no small word, a digit).
std::string OrganisationInitials(absl::string_view name);

// The alias catalogue shipped with the service and extendable by the user.
// Immutable after construction; thread-safe. Matches point into this object: keep it alive
// (and unmoved) while using them.
//
// File format (ingest-service/data/organisations.tsv documents it too): UTF-8, one
// organisation per line, tab-separated `id  name  aliases`, aliases separated by '|' (the
// third column may be absent). The id is lower-case a-z 0-9 '-'. Blank lines and lines
// starting with '#' are ignored.
class OrganisationCatalog {
 public:
  OrganisationCatalog() = default;
  // Errors: NOT_FOUND when the file cannot be read; INVALID_ARGUMENT naming the line.
  static absl::StatusOr<OrganisationCatalog> LoadFile(const std::string& path);
  // Errors: INVALID_ARGUMENT "line N: ..." for a wrong number of columns, a malformed or
  // duplicate id, a missing name, or a name/alias already used by another organisation
  // (NormaliseName-equal), so that every alias resolves to exactly one organisation.
  static absl::StatusOr<OrganisationCatalog> Parse(absl::string_view content);

  // The known organisation with this id, name or alias (NormaliseName-equal, "&" between
  // words equal to "and"), or nullptr.
  const KnownOrganisation* Find(absl::string_view name_or_alias) const;

  struct Match {
    size_t begin = 0, end = 0;  // byte offsets into the searched text
    const KnownOrganisation* organisation = nullptr;
  };
  // Every occurrence in `text` of a known name or alias, at word boundaries, leftmost
  // longest first and never overlapping ("NHS England" is one match, not "NHS" too).
  // Case: a word written in all capitals in the file ("NHS", "UK" of "Reform UK") must
  // appear exactly so; a word written with a capital initial ("Labour", "Liberty") must
  // start with a capital in the text (so "labour market" and "civil liberty" are not
  // matches, "LABOUR" is); a word written in lower case ("the government") matches any
  // case. Curly and straight apostrophes are equal, and so are "&" and "and" inside a name
  // ("Department of Health & Social Care"); a possessive "'s" after the last word
  // is allowed and left outside the match. An alias written with a leading lower-case
  // "the" ("the Government") needs it in the text, but the match starts after it.
  // One pass over the words of `text`.
  std::vector<Match> FindAll(absl::string_view text) const;

  const std::vector<KnownOrganisation>& organisations() const { return organisations_; }

 private:
  std::vector<KnownOrganisation> organisations_;
  std::unordered_map<std::string, size_t> by_key_;  // NormaliseName(alias) -> index

  // One name or alias, split into words, indexed by its first (lower-cased) word.
  enum class WordCase : unsigned char { kAny, kInitialCapital, kExact };
  struct AliasPattern {
    size_t organisation = 0;
    std::vector<std::string> words;  // lower-cased, straight apostrophes
    std::vector<std::string> exact;  // as written in the file
    std::vector<WordCase> cases;
    bool leading_the = false;  // words[0] is "the", left out of the reported match
  };
  // Patterns under each first word, longest (most words) first.
  absl::flat_hash_map<std::string, std::vector<AliasPattern>> by_first_word_;
  WordFilter first_words_;  // the keys of by_first_word_
};

}  // namespace claims::extract

#endif  // CLAIMS_INGEST_SERVICE_EXTRACT_ORGANISATIONS_H_
