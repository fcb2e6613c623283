// Who and what an article names: its organisations (with within-article aliases and
// acronyms) and the resolution of a speaker phrase to a canonical speaker.
//
// Decisions (see also ingest-service/extract/README.md):
// - "a spokesperson for NHS England" / "an NHS England spokesperson": the speaker is the
//   organisation itself (kind ORGANISATION, name and id of the organisation, role
//   "spokesperson"): an unnamed spokesperson has no identity of their own, and querying
//   "who speaks for NHS England" should find these claims under the organisation.
// - An organisation speaking for itself ("NHS England said") has itself as affiliation.
// - "campaigners said" (bare plural) is a GROUP named by the words ("campaigners"), affiliated
//   to the most recent campaign organisation of the article when there is one; "the
//   campaigners" / "the group" resolve to that organisation (kind GROUP / ORGANISATION).
// - Pronouns resolve to the most recent compatible speaker or person named outside quotes;
//   unresolved pronouns give kind UNKNOWN with an empty name and id.
// - Gender is known from titles (Mr, Ms, Mrs, Sir, Dame...), gendered role nouns
//   (spokeswoman), earlier resolved pronouns and a short list of common first names that
//   are nearly always one gender (MaleFirstNames/FemaleFirstNames in mentions.cc; names
//   used for both, such as Alex, Jordan, Sam, Kim, are not in it).
#ifndef CLAIMS_INGEST_SERVICE_EXTRACT_MENTIONS_H_
#define CLAIMS_INGEST_SERVICE_EXTRACT_MENTIONS_H_

#include <cstddef>
#include <optional>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "ingest-service/extract/attribution.h"
#include "ingest-service/extract/organisations.h"
#include "ingest-service/extract/segmenter.h"

namespace claims::extract {

// One place where an organisation is named.
struct OrgOccurrence {
  size_t begin = 0, end = 0;  // bytes of the surface form
  std::string id;             // canonical id (catalogue id, or CanonicalOrganisationId)
  std::string name;           // canonical display name
};

// The organisations named in one article, in text order and non-overlapping. Recognises
// catalogue names and aliases, capitalised names that LooksLikeOrganisation, acronyms defined
// in parentheses ("Federated Data Platform (FDP)" then "FDP"), and short forms of a name
// seen earlier ("Acme Technologies" then "Acme").
// Immutable after construction; thread-safe. Keeps no reference to its inputs.
class ArticleOrganisations {
 public:
  ArticleOrganisations(absl::string_view text, const Segmentation& seg,
                       const OrganisationCatalog& catalog);

  const std::vector<OrgOccurrence>& occurrences() const { return occurrences_; }
  // Occurrences lying entirely within bytes [begin, end), in order.
  std::vector<const OrgOccurrence*> Within(size_t begin, size_t end) const;
  // The most recent occurrence ending at or before `pos` whose name fits the common noun
  // `noun` ("group" -> a Coalition/Campaign/Group..., "council", "trust", "company"), or
  // any occurrence when `noun` is empty. nullptr when none.
  const OrgOccurrence* MostRecent(size_t pos, absl::string_view noun) const;
  // The first such occurrence in [pos, limit).
  const OrgOccurrence* Next(size_t pos, size_t limit, absl::string_view noun) const;

 private:
  // "the Government" (the capitalised noun alone, which the catalogue gives the UK
  // Government) is the UK government named last before it ("the Scottish Government", "the
  // UK Government"; not a foreign one), or the one answerable to a devolved legislature
  // named since in the headline or the first paragraph ("Holyrood", "the Senedd"); with
  // neither before it, it stays as the catalogue has it.
  void ResolveBareGovernment(absl::string_view text, const Segmentation& seg, const OrganisationCatalog& catalog);

  std::vector<OrgOccurrence> occurrences_;
};

// True when an organisation's display name fits a common noun used to refer back to it.
bool OrganisationFitsNoun(absl::string_view name, absl::string_view noun);
// True when the name fits one of `nouns` (a kind of body: "council", "party", ...).
bool OrganisationFitsAnyNoun(absl::string_view name, std::initializer_list<absl::string_view> nouns);

enum class SpeakerKind { kPerson, kOrganisation, kGroup, kUnknown };

struct ResolvedSpeaker {
  std::string name;  // canonical; empty when unresolved
  std::string id;    // Slugify(name), or the organisation id
  SpeakerKind kind = SpeakerKind::kUnknown;
  ByteSpan mention;  // the words that stand for the speaker here
  std::string role;  // as written ("Labour MP", "spokesperson")
  std::string affiliation;     // canonical organisation name
  std::string affiliation_id;  // its id
  // A joint speaker ("The BMA and the RCN", kind GROUP): each of them, resolved as if named
  // alone. Empty otherwise; members have no members.
  std::vector<ResolvedSpeaker> members;
};

// Resolves speaker phrases of one article to canonical speakers, remembering what it has
// seen (full names, gender, roles, affiliations) so that later mentions ("Ms Macalpine",
// "she", "the spokesperson", "the group") resolve to them.
// Call Resolve in text order. Not thread-safe (one resolver per article); keeps references
// to `text`, `seg`, `orgs` and `quotes`, which must outlive it.
class SpeakerResolver {
 public:
  SpeakerResolver(absl::string_view text, const Segmentation& seg,
                  const ArticleOrganisations& orgs, const std::vector<Quote>& quotes);

  // `says_it`: what the speaker said starts with "it" or "its" ("Ofwat said it would ..."),
  // so that a name the article has not introduced, one word with no title or role, is an
  // organisation rather than a person.
  ResolvedSpeaker Resolve(const SpeakerPhrase& phrase, bool says_it = false);

 private:
  ResolvedSpeaker ResolvePhrase(const SpeakerPhrase& phrase, bool says_it);
  // `phrase` with its head running on over its apposition when the comma between them is
  // inside an organisation's name; else `phrase` as it is.
  SpeakerPhrase WithOrganisationsWhole(const SpeakerPhrase& phrase) const;

 public:

  // The article's sole author, as the request or the page's metadata names them: the speaker
  // of "I" outside quotation marks ("I believe the contract is a mistake" in an opinion
  // piece), a PERSON with the role "author". Without it such an "I" stays UNKNOWN.
  void SetAuthor(std::string name) { author_ = std::move(name); }

 private:
  enum class Gender { kUnknown, kMale, kFemale };
  struct Entity {
    SpeakerKind kind = SpeakerKind::kUnknown;
    Gender gender = Gender::kUnknown;
    std::string role;
    std::string affiliation, affiliation_id;
    std::string id;
    bool says_it = false;  // an organisation that called itself "it" ("Rheinmetall said it would")
  };
  // A person named in the text (outside quotes), a possible antecedent of a pronoun.
  struct PersonMention {
    size_t begin = 0, end = 0;
    std::string name;  // as written, without title
    Gender gender = Gender::kUnknown;
    bool full = false;  // two or more words
    bool knighted = false;  // a first name after "Sir" or "Dame" ("Sir Nicholas")
    bool possessive = false;  // "Kai Havertz's opener": a modifier, not a subject
    // Role words before the name, as written ("Former president", "Labour MP", "Sen."):
    // bytes [role_begin, role_end) of the text; empty when none.
    size_t role_begin = 0, role_end = 0;
  };
  struct Seen {
    size_t pos = 0;
    std::string name;  // key into entities_
  };

  void ScanPersons();
  std::vector<Seen>::const_reverse_iterator RecentEnd() const;
  std::string FullNameFor(absl::string_view surname, size_t pos) const;
  // The full name, seen before byte `pos`, of which `first` is the first name ("Dame Angela"
  // of "Angela Eagle", the British second reference to a knight or dame); "" when none.
  std::string FullNameForFirstName(absl::string_view first, size_t pos) const;
  // The full name of a person mention: its own when it has two words or more, else the one
  // its surname (or a knight's first name) refers back to; "" when none.
  std::string FullNameOf(const PersonMention& p) const;
  // The person named at byte `begin` follows a lower-case word of its sentence that starts no
  // clause: an object or the tail of a noun phrase, not a subject.
  bool ObjectPosition(size_t begin) const;
  // The text at byte `later` is in the paragraph of byte `earlier` or one of the `n` after it.
  bool WithinParagraphs(size_t earlier, size_t later, size_t n) const;
  // The latest sentence before byte `before` (in its paragraph or the two before) that opens
  // with one capitalised word and a company's verb ("Barclays reported", "Unilever cut"):
  // that word as an organisation's name, with its position; empty when the word is a
  // person's (a first name, a surname or titled name seen, a pronoun) or the latest such
  // sentence has none.
  Seen LoneSubjectOrganisation(size_t before) const;
  // "The retailer said", "the company said": the latest of `named` (an organisation the scan
  // found, or null), the last organisation that spoke and LoneSubjectOrganisation, in the
  // mention's paragraph or the two before, adopted into `s`; false when there is none.
  bool LatestCompany(ByteSpan mention, const OrgOccurrence* named, ResolvedSpeaker* s) const;
  // The latest speaker before byte `before` that is an organisation (among the last 100
  // speakers, at any distance); null when there is none.
  const Seen* LatestOrganisationSpeaker(size_t before) const;
  // The organisation in focus at byte `before`, for an office that the article holds at some
  // organisation without naming it ("The chief executive, Dr Amira Khan,", "the medical
  // director said"): the last organisation that spoke, when it spoke in that paragraph;
  // else the organisation the article is about, the one that opens a sentence ("Barts
  // Health NHS Trust has cut ...", "The RCN said") in its first two paragraphs; else the
  // last organisation that spoke in the paragraph before. Never a
  // government, a department, a party, a legislature or a news organisation (which hold
  // offices of their own, or report on others'). Sets `name` and `id`; false when none.
  bool OrganisationInFocus(size_t before, std::string* name, std::string* id) const;
  // The latest organisation named before `mention` (in its paragraph or the two before) whose
  // name does not say it is something other than a company (a council, a union, a
  // regulator, an authority...); null when there is none.
  const OrgOccurrence* LatestCommercialOrg(ByteSpan mention) const;
  // The person named at byte `begin` is, in the sentence of the pronoun at token
  // `pronoun_token`, a passive agent ("by X", within eight words: the one asking) or what a
  // question was about ("Asked whether X ..., he said"): not who the pronoun is.
  bool AskerOrTopicInSentence(size_t begin, size_t pronoun_token) const;
  // The speaker is the earlier-seen entity `name`: everything known about it is copied.
  static void Adopt(const std::string& name, const Entity& e, ResolvedSpeaker* s);
  // The speaker is the person `name` (kind PERSON, id from the name), with what the article
  // said of them before when it did.
  void AsPerson(const std::string& name, ResolvedSpeaker* s) const;
  struct Person {
    std::string name;  // "" when none
    size_t pos = 0;    // where they were named or spoke
    const PersonMention* named = nullptr;  // the mention, when not a speaker seen before
  };
  // The role and affiliation written before the person's name at `m` ("Labour MP Rachel
  // Blake"), for a reference to them when the article gave them no other.
  void AdoptWrittenRole(const PersonMention& m, ResolvedSpeaker* s) const;
  // The person a reference at `mention` most likely means: the latest earlier speaker that
  // is a person whose gender fits `wanted` (any when unknown), or a person named outside
  // quotation marks since then (not one AskerOrTopicInSentence excludes, and not one in
  // object position unless their gender is known to fit).
  Person MostRecentPerson(Gender wanted, ByteSpan mention) const;
  ResolvedSpeaker ResolvePronoun(absl::string_view pronoun, ByteSpan mention);
  // An interview's answer: the person named last (with a full name, outside quotes) before
  // byte `before`, as resolved there; UNKNOWN with no name when there is none.
  ResolvedSpeaker ResolveInterviewee(size_t before, ByteSpan mention);
  // The noun phrase `head` that a relative pronoun or "they" refers back to, resolved as a
  // speaker phrase; pronouns inside it are not followed back again (resolving_antecedent_).
  ResolvedSpeaker ResolveAntecedent(TokenRange head);
  ResolvedSpeaker ResolveNominal(absl::string_view noun, const std::string& premods,
                                 ByteSpan mention);
  // The organisation named by the capitalised words of tokens [b, e): the words up to a
  // possessive before a region, without it ("Palantir's UK" -> "Palantir"; "Domino's Pizza"
  // stays; "McDonald's UK" -> "McDonald's", a PossessiveBrand).
  std::string OrganisationNameIn(size_t b, size_t e) const;
  // Whether the possessive word at token k is part of a brand's name ("McDonald's",
  // "Sainsbury's") rather than an organisation's possessive ("Palantir's").
  bool PossessiveBrand(size_t k) const;
  // Whether token k, a word that is usually no name ("Ward", "Hall", "Park"), is the surname
  // of a name that began at token b = k - 1 with a first name ("Helen Ward", "Jane Hall").
  bool PlaceWordSurname(size_t b, size_t k) const;
  void ApplyApposition(TokenRange apposition, ResolvedSpeaker* s, Gender* gender) const;
  // "The BMA and the RCN", "Unison, the GMB and Unite", "Ms Hart and Mr Patel": tokens
  // [b, e) join two to six speakers with "and", "&" and commas, each an organisation the
  // article names or a person's name (a title and a name, or two or more capitalised words:
  // "Marks and Spencer" is no pair of people). Sets `s` to the GROUP of them, each resolved
  // as a member, and returns true; false (and `s` untouched) when the words are not so.
  // The phrase may name only the last of them ("the RCN" of "The BMA and the RCN said"):
  // the parts before it in its sentence are then taken too, and the mention covers them.
  bool ResolveJoint(size_t b, size_t e, TokenRange apposition, ResolvedSpeaker* s);
  // Tokens [b, e) name one speaker of a joint statement (see ResolveJoint).
  bool IsJointPart(size_t b, size_t e) const;
  // "The Secretary of State for Health and Social Care (Wes Streeting)": tokens [b, open)
  // name an office and the brackets at [open, close] the person holding it. Sets `s` to
  // that person with the office as role and returns true; false when it is not so.
  bool OfficeHolderInBrackets(size_t b, size_t open, size_t close, ResolvedSpeaker* s) const;
  void Remember(const ResolvedSpeaker& s, Gender gender);
  bool Compatible(const std::string& name, SpeakerKind kind, Gender wanted) const;

  absl::string_view text_;
  const Segmentation& seg_;
  const ArticleOrganisations& orgs_;
  std::vector<bool> in_quote_;  // per token
  absl::flat_hash_set<std::string> occurrence_ids_;  // ids of the organisations the scan found
  std::vector<PersonMention> persons_;
  // last word of a full name -> indices into persons_ (in text order)
  absl::flat_hash_map<std::string, std::vector<size_t>> by_surname_;
  // Single words the article gives a person's title or role ("President Obama", "Mr Trump").
  absl::flat_hash_set<std::string> titled_names_;
  absl::flat_hash_map<std::string, Entity> entities_;
  std::vector<Seen> seen_;  // resolved speakers in order
  bool resolving_member_ = false;  // within ResolveJoint: no joint speaker inside another
  absl::flat_hash_map<std::string, ResolvedSpeaker> joint_;  // joint speakers by name
  bool resolving_antecedent_ = false;  // within ResolveAntecedent ("residents, who"; "They")
  // The last speaker that is a person the article does not name ("a senior aide", "a
  // spokesman for the ministry"), until a named person speaks.
  struct Unnamed {
    size_t pos;
    Gender gender;
    ResolvedSpeaker speaker;
  };
  std::optional<Unnamed> last_unnamed_;
  // The last speaker that is one holder of an office the article does not name ("The
  // minister said", "the chief executive told MPs": a PERSON with no name), until anyone
  // else speaks. See OfficeHolderMeant.
  std::optional<Unnamed> last_office_;
  // Whether "he"/"she" at `mention` (of gender `wanted`) is last_office_: the office holder
  // is the latest speaker, in the pronoun's paragraph or the one before, no person has been
  // named (outside quotation marks) since, its gender is not known to differ, and the
  // pronoun opens its sentence (or follows the quotation that opens it: '"...," she
  // added'). Deliberately narrow: a pronoun anywhere else still looks back to the last
  // person named ("Former minister Jane Smith ... The minister said ... She said" links to
  // Jane Smith through the role, and an unlinked office holder three sentences back is not
  // meant). ResolvePronoun asks besides that the person the pronoun would otherwise be was
  // given another role (a person named with none may hold the office).
  bool OfficeHolderMeant(Gender wanted, ByteSpan mention) const;
  // Singular "they": the unnamed speaker of a word that gives no gender ("a spokesperson",
  // "a representative") whom the pronoun at `mention` opening its sentence most likely
  // means, or nullopt. Either the last such speaker (last_unnamed_), when no one has spoken
  // since, in the pronoun's paragraph or the one before ("A spokesperson said ... They
  // added"); or one introduced without a claim by the sentence right before the pronoun's,
  // after the last speaker ("A Palantir spokesperson has been in touch. They said"), which
  // is then remembered as last_unnamed_. Called only when "they" is no group that is the
  // subject of the sentence before.
  std::optional<ResolvedSpeaker> SingularThey(ByteSpan mention);
  std::string author_;
};

}  // namespace claims::extract

#endif  // CLAIMS_INGEST_SERVICE_EXTRACT_MENTIONS_H_
