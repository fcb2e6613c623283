#include "ingest-service/extract/mentions.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/text_keys.h"
#include "ingest-service/extract/word_filter.h"

namespace claims::extract {
namespace {

using Set = WordSet;

// Capitalised words that are not parts of names.
const Set& NonNameWords() {
  static const auto* s = new Set{
      "the", "a", "an", "in", "on", "at", "but", "and", "or", "if", "as", "so", "yet", "this",
      "that", "these", "those", "there", "it", "its", "he", "she", "they", "we", "i", "his",
      "her", "their", "our", "my", "you", "however", "meanwhile", "last", "next", "when",
      "while", "after", "before", "asked", "speaking", "according", "for", "from", "with",
      "by", "to", "of", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "today", "yesterday", "earlier",
      "later", "now", "then", "also", "what", "why", "how", "who", "where", "which", "one",
      "some", "many", "all", "both", "no", "not", "under", "over", "since", "until",
      "during", "despite", "although", "because", "though", "once", "every", "each", "any",
      "other", "another", "such", "more", "most", "only", "just", "even", "still", "again",
      "separately", "elsewhere", "instead", "indeed", "further", "first", "second", "third",
      "previously", "recently", "currently", "yes", "thanks", "dear", "read", "more",
      "about", "into", "up", "out", "new", "old", "chief", "executive", "data", "platform",
      "federated", "health", "service", "government", "council", "trust", "group",
      "party", "minister", "secretary", "mp", "councillor", "cllr", "spokesperson",
      "spokesman", "spokeswoman", "campaigners", "critics", "officials", "residents",
      "patients", "mps", "street", "road", "avenue", "lane", "square", "park", "hall",
      "house", "centre", "center", "bridge", "station", "town", "city", "ward", "court"};
  return *s;
}

// A party tag in brackets after a name: "(D-Mass.)", "(R-Ohio)" in US copy (a prefix),
// "(Lab)", "(Con)", "(LD)" in Hansard (the whole tag). Ids and names as in the shipped
// organisations.tsv.
struct PartyTag {
  absl::string_view tag;
  bool prefix;
  absl::string_view id, name;
  bool in_brackets = true;      // a tag: "(Lab)", "(D-Mass.)"
  bool before_office = false;   // an adjective: "Conservative MP", "Republican Senator"
};
constexpr PartyTag kPartyTags[] = {
    {"D-", true, "democratic-party", "Democratic Party"},
    {"R-", true, "republican-party", "Republican Party"},
    {"Lab", false, "labour-party", "Labour Party"},
    {"Lab/Co-op", false, "labour-party", "Labour Party"},
    {"Con", false, "conservative-party", "Conservative Party"},
    {"LD", false, "liberal-democrats", "Liberal Democrats"},
    {"SNP", false, "snp", "Scottish National Party", true, true},
    {"Green", false, "green-party", "Green Party", true, true},
    {"Reform", false, "reform-uk", "Reform UK", true, true},
    {"Liberal Democrat", false, "liberal-democrats", "Liberal Democrats", true, true},
    {"Lib Dem", false, "liberal-democrats", "Liberal Democrats", true, true},
    {"Conservative", false, "conservative-party", "Conservative Party", true, true},
    {"Labour", false, "labour-party", "Labour Party", true, true},
    {"Tory", false, "conservative-party", "Conservative Party", false, true},
    {"Republican", false, "republican-party", "Republican Party", false, true},
    {"Democratic", false, "democratic-party", "Democratic Party", false, true},
    {"Democrat", false, "democratic-party", "Democratic Party", false, true}};

// The party of a tag in brackets after a name, as written ("Lab", "D-Mass.").
const PartyTag* PartyTagFor(absl::string_view inside) {
  for (const PartyTag& t : kPartyTags) {
    if (t.in_brackets && (t.prefix ? absl::StartsWith(inside, t.tag) : inside == t.tag)) return &t;
  }
  return nullptr;
}

// The party of an adjective before an office, in any case ("Conservative", "lib dem").
const PartyTag* PartyAdjective(absl::string_view words) {
  for (const PartyTag& t : kPartyTags) {
    if (t.before_office && absl::EqualsIgnoreCase(words, t.tag)) return &t;
  }
  return nullptr;
}

const Set& MaleTitles() {
  static const auto* s = new Set{"mr", "sir", "lord", "mister", "master"};
  return *s;
}
const Set& FemaleTitles() {
  static const auto* s = new Set{"ms", "mrs", "miss", "dame", "lady", "baroness", "madam"};
  return *s;
}
const Set& NeutralTitles() {
  // (Police ranks too: "Det Con Lisa Grant", "Det Supt", "PC", "DCI".)
  // (Not "Con", "DI", "DS": first names and particles too, "Con Coughlin", "Di Matteo".)
  static const auto* s = new Set{"dr", "prof", "mx", "rev", "det", "supt", "insp", "sgt", "pc", "dci", "dsupt"};
  return *s;
}
bool IsTitle(absl::string_view w) {
  static const auto* const kTitles =
      new Set(Set::Union({&MaleTitles(), &FemaleTitles(), &NeutralTitles()}));
  return kTitles->contains(w);
}

// Prepositions and determiners before a capitalised sequence that make it a place or a
// thing rather than a person ("in Hackney Central", "the Federated Data Platform").
const Set& NotBeforePerson() {
  static const auto* s = new Set{"in", "at", "from", "to", "for", "of", "near", "across",
                                 "around", "the", "a", "an", "into", "on", "via", "by",
                                 "under", "within", "outside", "inside", "through"};
  return *s;
}

// Acronyms of things, not organisations, that an organisation's initials may spell ("MRI
// scans" is no Medical Research Institute, "the ICS" no Intensive Care Society).
bool CommonAcronym(absl::string_view upper) {
  static const auto* const kThings = new absl::flat_hash_set<std::string>{
      "MRI", "ICS", "ICU", "ICB", "GDP", "CEO", "CFO", "CTO", "COO", "CPI", "VAT", "PDF", "DNA", "RNA", "HIV",
      "NHS", "AGM", "IPO", "ESG", "API", "GPS", "ATM", "SUV", "EV", "LED", "FAQ", "PPE", "ADHD", "PTSD", "COPD",
      "ITU", "A&E", "SEN", "SEND", "GCSE", "MBA", "PHD", "USA", "UAE", "AWOL", "ASAP", "ETA", "MPH", "BMI",
      "CCTV", "PFI", "QE", "IVF", "STD", "STI", "UTI", "ECG", "CPR", "OBE", "MBE", "CBE", "KC", "QC"};
  return kThings->contains(std::string(upper));
}

// Prepositions after which a first name and a surname are a person ("a speech by Rupert
// Lowe", "a letter from Jane Hall"). Lower case.
bool PersonAfter(absl::string_view lower) {
  return lower == "by" || lower == "from" || lower == "to" || lower == "for" || lower == "with" || lower == "of";
}

const Set& LeadingNoise() {
  static const auto* s = new Set{
      "but", "and", "however", "meanwhile", "yet", "so", "still", "separately", "elsewhere",
      "instead", "now", "also", "earlier", "later", "previously", "indeed", "then", "on",
      "in", "last", "this", "yesterday", "today", "tonight", "week", "month", "year",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "january", "february", "march", "april", "june", "july", "august", "september",
      "october", "november", "december", "while", "when", "as", "because", "although"};
  return *s;
}

bool IsSpokes(absl::string_view w) { return absl::StartsWith(w, "spokes"); }

// The first word of a participle clause after a name ("dedicating the museum", "asked
// about the budget"), as against a role that starts with an -ing word ("acting director",
// "managing partner").
bool IsParticipleClauseStart(absl::string_view w) {
  static const auto* const kRoles = new Set{
      "acting", "managing", "leading", "founding", "presiding", "outgoing", "incoming",
      "ranking", "sitting", "visiting", "governing", "commanding", "consulting", "reigning",
      "standing", "serving", "retiring", "campaigning", "whistling", "polling", "nursing",
      "organising", "organizing", "marketing", "engineering", "accounting", "banking",
      "publishing", "training", "planning", "housing", "fundraising", "working", "striking",
      "practising", "practicing", "ruling", "opposing", "representing"};
  static const auto* const kParticiples = new Set{
      "asked", "pressed", "questioned", "quizzed", "challenged", "interviewed", "reached",
      "contacted", "quoted", "approached", "told", "shown", "confronted", "speaking",
      "writing", "responding", "replying", "answering", "addressing", "according",
      // What others did with a document: "A letter from 120 Labour MPs, seen by the BBC,"
      // is no part of the BBC ("published by", "sent by" name its authors, so are not here).
      "seen", "obtained", "leaked"};
  if (kParticiples->contains(w)) return true;
  return w.size() > 5 && absl::EndsWith(w, "ing") && !kRoles->contains(w);
}


// Organisation-like common nouns that point back to an organisation named earlier.
const Set& OrgNouns() {
  static const auto* s = new Set{
      "group", "coalition", "campaign", "council", "trust", "company", "firm", "department",
      "ministry", "government", "party", "union", "hospital", "charity", "organisation",
      "organization", "board", "committee", "authority", "agency", "regulator", "watchdog",
      "body", "service", "administration", "network", "alliance", "association", "society",
      "commission", "office", "foundation", "institute", "university", "bank", "newspaper",
      "broadcaster", "magazine", "publication", "outlet", "channel"};
  return *s;
}

// Plural nouns for groups of people ("campaigners said").
const Set& GroupNouns() {
  static const auto* s = new Set{
      "campaigners", "activists", "critics", "residents", "patients", "officials",
      "protesters", "experts", "doctors", "nurses", "clinicians", "councillors", "mps",
      "unions", "workers", "staff", "parents", "teachers", "students", "lawmakers",
      "legislators", "democrats", "republicans", "analysts", "researchers", "sources",
      "insiders", "people", "users", "customers", "observers", "opponents", "supporters",
      "members", "campaign", "volunteers", "employees", "tenants", "organisers",
      "spokespeople", "aides", "gps", "commentators", "advocates", "groups", "delegates",
      "voters", "senators", "citizens", "economists", "scientists", "investors", "traders",
      "executives", "judges", "prosecutors", "officers", "farmers", "donors", "conservatives",
      "liberals", "progressives", "americans", "britons", "leaders", "ministers", "diplomats",
      "regulators", "economists", "academics", "pollsters", "strategists", "consultants", "police",
      "witnesses", "fans", "others", "several", "diplomats", "negotiators", "firefighters", "troops",
      "brokers", "dealers", "bankers", "insurers", "underwriters", "forecasters", "shippers",
      "watchers", "onlookers", "commuters", "passengers", "shoppers", "viewers", "readers", "listeners",
      "motorists", "landlords", "homeowners", "renters", "businesses", "retailers", "charities"};
  return *s;
}


// A role ("health secretary", "Senator", "Representative") fits a noun that refers back to
// its holder: by containing it ("the secretary"), or as the same office in other words ("the
// minister" of a secretary of state, "the congressman" of a Representative, "the lawmaker"
// of any legislator).
bool RoleFitsNoun(absl::string_view role_lower, absl::string_view noun, absl::string_view premods) {
  // A shadow office is another office: "the Chancellor" is not the shadow chancellor.
  const bool shadow_role = absl::StrContains(role_lower, "shadow");
  if (shadow_role != absl::StrContains(premods, "shadow")) return false;
  // So is the first of a kind: "the prime minister" is not the health minister.
  for (absl::string_view w : absl::StrSplit(premods, ' ', absl::SkipEmpty())) {
    if ((w == "prime" || w == "first" || w == "deputy" || w == "vice") && !absl::StrContains(role_lower, w)) {
      return false;
    }
  }
  // And a former holder is not the holder: "The First Minister said" is not "Former First
  // Minister Nicola Sturgeon" (but "the former president" is "Former president Barack Obama").
  for (absl::string_view w : absl::StrSplit(role_lower, absl::ByAnyChar(" -,"), absl::SkipEmpty())) {
    if ((w == "former" || w == "ex" || w == "late") && !absl::StrContains(premods, w)) return false;
  }
  // The noun is the head of one of the role's parts, the word before its remit ("director"
  // of "director of research"; never "research"), or a word of a part with no remit ("the
  // secretary" of "health secretary").
  for (absl::string_view part : absl::StrSplit(role_lower, ',', absl::SkipEmpty())) {
    std::vector<absl::string_view> words = absl::StrSplit(part, absl::ByAnyChar(" .;()"), absl::SkipEmpty());
    absl::string_view head;
    for (size_t i = 0; i < words.size(); ++i) {
      const absl::string_view w = words[i];
      if (w == "of" || w == "for" || w == "at" || w == "to" || w == "on" || w == "in") break;
      head = w;
    }
    if (head == noun) return true;
  }
  // Secretaries who are no ministers, and a university's vice-chancellor.
  for (absl::string_view not_minister : {"general secretary", "press secretary", "permanent secretary",
                                         "vice-chancellor", "company secretary", "party secretary"}) {
    if (noun == "minister" && absl::StrContains(role_lower, not_minister)) return false;
  }
  static const auto* const kSame = new absl::flat_hash_map<std::string, std::vector<std::string>>{
      {"minister", {"secretary", "chancellor"}},
      {"congressman", {"representative", "rep"}},
      {"congresswoman", {"representative", "rep"}},
      {"lawmaker", {"senator", "representative", "congressman", "congresswoman", "mp", "rep", "legislator", "sen"}},
      {"legislator", {"senator", "representative", "congressman", "congresswoman", "mp", "rep", "lawmaker", "sen"}},
      {"politician", {"senator", "representative", "congressman", "congresswoman", "mp", "minister",
                      "secretary", "councillor", "mayor", "governor", "chancellor"}}};
  const auto same = kSame->find(noun);
  if (same == kSame->end()) return false;
  for (absl::string_view w : absl::StrSplit(role_lower, absl::ByAnyChar(" ,.;()"), absl::SkipEmpty())) {
    for (const std::string& alt : same->second) {
      if (w == alt) return true;
    }
  }
  return false;
}

// A role with its abbreviated titles written out: "Sen" (of "Sen. Elizabeth Warren") is
// "Senator", "Rep" "Representative", "Gov" "Governor", "Lt Gov" "Lieutenant Governor".
std::string ExpandedTitles(absl::string_view role) {
  static const auto* const kTitles = new absl::flat_hash_map<std::string, std::string>{
      {"Sen", "Senator"},   {"Rep", "Representative"}, {"Gov", "Governor"},     {"Lt", "Lieutenant"},
      {"Gen", "General"},   {"Col", "Colonel"},        {"Capt", "Captain"},     {"Sgt", "Sergeant"},
      {"Supt", "Superintendent"}, {"Det", "Detective"}, {"Insp", "Inspector"},  {"Atty", "Attorney"},
      {"Sec", "Secretary"}, {"Cmdr", "Commander"},     {"Adm", "Admiral"},      {"Maj", "Major"},
      {"Rev", "Reverend"},  {"Prof", "Professor"},     {"Con", "Constable"},   {"Cllr", "Councillor"}};
  std::string out;
  size_t i = 0;
  while (i < role.size()) {
    size_t j = i;
    while (j < role.size() && absl::ascii_isalpha(static_cast<unsigned char>(role[j]))) ++j;
    if (j > i) {
      const auto t = kTitles->find(role.substr(i, j - i));
      if (t != kTitles->end()) {
        out += t->second;
        if (j < role.size() && role[j] == '.') ++j;  // "Sen." -> "Senator"
      } else {
        out.append(role.data() + i, j - i);
      }
      i = j;
    } else {
      out.push_back(role[i++]);
    }
  }
  return out;
}

// "irish", "american", "british", "chinese", "pakistani", "democratic": adjectives of a
// nation or a party, by their endings.
// A nation's adjective: "German", "Japanese", "Welsh", "American".
bool IsNationAdjective(absl::string_view w) {
  for (absl::string_view end : {"ish", "ese", "ian"}) {
    if (w.size() > end.size() + 2 && absl::EndsWith(w, end)) return true;
  }
  static const auto* const kNations = new Set{
      "american", "african", "european", "german", "mexican", "korean", "french", "dutch", "czech",
      "greek", "swiss", "welsh", "scots", "thai", "arab", "israeli", "pakistani", "iraqi", "saudi",
      "kuwaiti", "qatari", "emirati", "yemeni", "bangladeshi", "nepali", "somali"};
  return kNations->contains(w);
}

// A party's or a creed's adjective: "Labour", "Republican", "Catholic".
bool IsPartyOrCreedAdjective(absl::string_view w) {
  static const auto* const kParties = new Set{
      "democratic", "republican", "catholic", "islamic", "tory", "labour", "conservative", "liberal", "green",
      "independent", "reform", "gop", "dem", "lib", "snp", "plaid"};
  return kParties->contains(w);
}

// An adjective of a nation, a party or creed, or a place ("federal", "local", "northern").
bool LooksLikeDemonym(absl::string_view w) {
  static const auto* const kPlaces = new Set{"federal", "state", "national", "regional", "local", "city", "county",
                                             "northern", "southern", "eastern", "western"};
  return IsNationAdjective(w) || IsPartyOrCreedAdjective(w) || kPlaces->contains(w);
}

// Common first names that are nearly always one gender in English-language news, so that
// "she" after "Jeff Merkley" does not land on him. Names used for both (Alex, Jordan, Sam,
// Chris, Kim, Taylor...) are left out: their gender stays unknown.
const Set& MaleFirstNames() {
  static const auto* s = new Set{
      "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
      "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
      "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "jeff", "ryan",
      "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon",
      "benjamin", "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis", "jerry",
      "tyler", "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle", "walter",
      "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl", "sean",
      "austin", "arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "billy", "bruce", "albert",
      "willie", "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent",
      "russell", "elijah", "louis", "bobby", "philip", "johnny", "mike", "bill", "bob", "tom", "jim", "dan",
      "ben", "tim", "nick", "steve", "tony", "ted", "ed", "rob", "greg", "ken", "doug", "hans", "boris",
      "keir", "rishi", "nigel", "ian", "neil", "graham", "martin", "simon", "nathaniel", "barack", "joe",
      "mitch", "chuck", "bernie", "marco", "rand", "ron", "newt", "rudy", "kevin", "liam", "oliver",
      "harry", "jake", "callum", "owen", "rhys", "dafydd", "angus", "hamish", "seamus", "declan", "ciaran",
      "emmanuel", "olaf", "friedrich", "vladimir", "xi", "narendra", "recep", "benjamin", "volodymyr",
      "sergei", "dmitry", "mohammed", "muhammad", "ahmed", "ali", "omar", "hassan", "ibrahim", "wes", "ed",
      "jeremy", "wes", "demis", "elon", "sundar", "satya", "tim", "jensen"};
  return *s;
}
const Set& FemaleFirstNames() {
  static const auto* s = new Set{
      "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
      "nancy", "lisa", "betty", "margaret", "sandra", "kimberly", "emily", "donna", "michelle",
      "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia",
      "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha",
      "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria", "heather",
      "diane", "virginia", "julie", "joyce", "victoria", "olivia", "christina", "lauren", "joan",
      "judith", "megan", "cheryl", "hannah", "martha", "jacqueline", "frances", "gloria",
      "ann", "teresa", "kathryn", "sara", "janice", "alice", "madison", "doris", "abigail", "julia",
      "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie",
      "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "kayla", "hillary", "kamala",
      "nancy", "elizabeth", "liz", "kate", "katie", "jane", "sue", "meg", "theresa", "priti", "suella",
      "yvette", "bridget", "rachel", "angela", "nicola", "kemi", "zoe", "zoë", "amelia", "ursula",
      "kristi", "marjorie", "lauren", "tulsi", "ilhan", "alexandria", "ayanna", "rashida", "elise", "kirsten",
      "tammy", "mazie", "dianne", "susan", "lisa", "shelley", "jacinda", "giorgia", "marine", "annalena",
      "femke", "fiona", "siobhan", "aoife", "niamh", "caroline", "jenny", "sonya", "kamila", "yvonne",
      "annette", "tracey", "melanie", "gemma", "claire", "louise", "lucy", "sophie", "chloe", "ellie",
      "harriet", "imogen", "rosie", "naomi", "esther", "miriam", "leila", "fatima", "aisha", "priya", "anita"};
  return *s;
}

// A first name of either gender (lower case), or one given to both.
bool IsFirstName(absl::string_view lower) {
  static const auto* const kEither = new Set{
      "sam", "alex", "chris", "jamie", "charlie", "jo", "jordan", "taylor", "morgan", "robin",
      "ashley", "casey", "jess", "kim", "lee", "leslie", "max", "nicky", "pat", "billie", "frankie"};
  return MaleFirstNames().contains(lower) || FemaleFirstNames().contains(lower) || kEither->contains(lower);
}

// A word that says what a person is, before their name at a sentence's start ("Reader Sam
// Okonjo", "Commuter Jane Hall"; not "Ana" of "Ana Maria Lopez"). Lower case.
bool DescribesAPerson(absl::string_view w) {
  static const auto* const kWords = new Set{
      "reader", "commuter", "passenger", "resident", "shopper", "voter", "parent", "mother", "father",
      "grandmother", "grandfather", "neighbour", "neighbor", "customer", "pensioner", "driver", "fan",
      "supporter", "volunteer", "viewer", "listener", "student", "pupil", "worker", "mum", "dad",
      "nurse", "teacher", "farmer", "shopkeeper", "businessman", "businesswoman", "motorist", "cyclist"};
  return kWords->contains(w) || IsRoleWord(w) || IsPersonEpithet(w);
}

// A capitalised word alone that names no organisation: "Everyone", "Mum", plural people
// ("Christians", "Detectives", "Democrats"). Lower case.
bool NoOrganisationWord(absl::string_view w) {
  static const auto* const kWords = new Set{
      "everyone", "everybody", "nobody", "someone", "somebody", "anyone", "anybody", "mum", "dad",
      "mother", "father", "grandma", "grandad", "granny", "nan", "auntie", "uncle", "son", "daughter",
      "wife", "husband", "god", "sir", "madam", "officers", "police", "others", "many", "most", "some"};
  if (kWords->contains(w)) return true;
  for (absl::string_view ending : {"ians", "ans", "ists", "ives", "ers", "ims", "ents", "ors", "ats"}) {
    if (absl::EndsWith(w, ending)) return true;
  }
  return false;
}

// "Head of Energy Transition", "Director of Policy": a person's role and its remit,
// capitalised as job titles are, which the organisation scan may take for a name (not
// "Ministry of Defence", "Council of Europe": a body's noun).
bool JobTitle(absl::string_view name) {
  const size_t space = name.find(' ');
  if (space == absl::string_view::npos) return false;
  const std::string head = absl::AsciiStrToLower(name.substr(0, space));
  return IsRoleWord(head) && !OrgNouns().contains(head) && !IsOrgHeadNoun(head) &&
         absl::StartsWith(name.substr(space), " of ");
}

// A region or nationality after an organisation's possessive ("Palantir's UK business",
// "Google's European arm"), lower case.
bool IsRegionWord(absl::string_view lower) {
  static const auto* const kRegions = new Set{
      "uk", "us", "british", "american", "european", "europe", "global", "scottish", "irish",
      "welsh", "english", "asian", "chinese", "indian", "australian", "canadian", "german", "french"};
  return kRegions->contains(lower);
}

// The gender a first name gives, kUnknown for names used for both and names not listed.
bool FirstNameGender(absl::string_view lower, bool* male) {  // `lower`: the name in lower case
  const bool m = MaleFirstNames().contains(lower), f = FemaleFirstNames().contains(lower);
  if (m == f) return false;  // neither, or listed as both
  *male = m;
  return true;
}

bool CampaignNoun(absl::string_view w) {
  return w == "campaigners" || w == "activists" || w == "protesters" || w == "organisers" ||
         w == "supporters" || w == "volunteers" || w == "opponents";
}

}  // namespace

bool OrganisationFitsNoun(absl::string_view name, absl::string_view noun) {
  if (noun.empty()) return true;
  // Called for many occurrences per reference: no allocation, case-insensitive compares
  // (the lengths first, inline: most words differ in length from most heads, and a call
  // into the library per pair was a tenth of the extractor's time).
  auto has = [&](std::initializer_list<absl::string_view> heads) {
    for (absl::string_view w : absl::StrSplit(name, ' ', absl::SkipEmpty())) {
      for (absl::string_view h : heads) {
        if (w.size() == h.size() && absl::EqualsIgnoreCase(w, h)) return true;
      }
    }
    return false;
  };
  if (noun == "group" || noun == "coalition" || noun == "campaign" || noun == "alliance" ||
      noun == "network" || CampaignNoun(noun)) {
    return has({"coalition", "campaign", "group", "alliance", "network", "action",
                "collective", "movement", "association", "society", "against", "friends",
                "save", "stop", "defend", "keep", "watch", "medconfidential", "foxglove",
                "coalition's", "campaigners", "residents"});
  }
  if (noun == "company" || noun == "firm") {
    return has({"technologies", "technology", "ltd", "limited", "inc", "plc", "corp",
                "corporation", "company", "co", "llc", "holdings", "systems", "software",
                "group", "labs", "solutions", "palantir", "microsoft", "google", "amazon",
                "meta", "apple", "oracle", "ibm", "accenture", "deloitte", "kpmg", "pwc"});
  }
  if (noun == "department" || noun == "ministry") {
    return has({"department", "ministry", "dhsc", "office", "treasury"});
  }
  if (noun == "hospital") return has({"hospital", "hospitals", "healthcare", "trust"});
  if (noun == "charity") {
    // (Not the charities' regulator: "Charity Commission".)
    return !has({"commission"}) &&
           has({"charity", "foundation", "trust", "fund", "nspcc", "rspca", "oxfam", "barnardo's",
                "mencap", "macmillan", "samaritans", "shelter", "mind", "cpre", "unicef", "crisis",
                "society", "appeal", "aid", "rescue"});
  }
  if (noun == "newspaper" || noun == "broadcaster" || noun == "magazine" ||
      noun == "publication" || noun == "outlet" || noun == "channel") {
    return has({"times", "post", "journal", "herald", "telegraph", "tribune", "gazette", "chronicle",
                "inquirer", "examiner", "mirror", "observer", "mail", "express", "guardian", "independent",
                "economist", "news", "bbc", "itv", "cnn", "sky", "reuters", "politico", "bloomberg", "press",
                "magazine", "pulse", "hsj", "standard", "sun", "mailonline", "channel", "radio", "tv"});
  }
  if (noun == "union") {
    return has({"union", "unison", "unite", "gmb", "rmt", "aslef", "usdaw", "bma", "rcn", "nursing",
                "ucu", "neu", "pcs", "fbu", "cwu", "nasuwt", "tuc", "federation", "association",
                "midwives", "congress"});
  }
  if (noun == "regulator" || noun == "watchdog") {
    return has({"commissioner's", "commission", "authority", "ico", "ofcom", "ofwat", "ofgem",
                "ofsted", "ofqual", "fca", "cma", "cqc", "mhra", "regulator", "office", "agency"});
  }
  if (noun == "organisation" || noun == "organization" || noun == "body") return true;
  if (noun == "administration") return has({"administration", "house", "government"});
  return has({noun});
}

bool OrganisationFitsAnyNoun(absl::string_view name, std::initializer_list<absl::string_view> nouns) {
  for (absl::string_view noun : nouns) {
    if (OrganisationFitsNoun(name, noun)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// ArticleOrganisations

namespace {

const Set& CorporateTail() {
  static const auto* s = new Set{"technologies", "technology", "systems", "group", "holdings",
                                 "ltd", "limited", "inc", "corp", "corporation", "labs",
                                 "software", "solutions", "company", "co", "plc", "partners",
                                 "international", "uk", "global", "llc"};
  return *s;
}

// Capitalised words that end a run of organisation words: roles and titles belong to the
// person after them ("NHS England chief executive", "Labour MP Karin Smyth").
bool BreaksOrganisationRun(absl::string_view lower) {
  static const auto* const kRoles = new Set{
      "mp", "mps", "minister", "secretary", "councillor", "cllr", "spokesperson", "spokesman",
      "spokeswoman", "chief", "executive", "chair", "chairman", "chairwoman", "director",
      "leader", "mayor", "president", "senator", "governor", "professor", "majority", "minority"};
  return IsTitle(lower) || kRoles->contains(lower);
}


// Whether the one-word name at token `k` is the last word of an office's title rather than
// an organisation: "The trust's Freedom to Speak Up Guardian, Maria Lopez," and "the
// Caldicott Guardian" hold an office, while "The Guardian reported" and "told the Guardian"
// name the newspaper. True when the word is also a noun for an office holder (guardian,
// ombudsman, examiner...) and comes right after a capitalised word of its sentence that is
// no determiner, no nation's adjective ("Scottish", "Welsh": a branch of the same body) and
// no sentence-opening modifier ("Former Guardian editor").
bool TailOfOfficeTitle(const Segmentation& seg, size_t k) {
  static const auto* const kOfficeNouns = new Set{"guardian", "ombudsman", "commissioner", "advocate",
                                                  "examiner", "observer", "registrar", "inspector", "monitor"};
  const std::vector<Token>& tokens = seg.tokens;
  if (k == 0 || k >= tokens.size() || !kOfficeNouns->contains(LowerTokenText(seg, tokens[k]))) return false;
  const Token& before = tokens[k - 1];
  if (before.kind != TokenKind::kWord || !before.capitalised || before.sentence != tokens[k].sentence) return false;
  const absl::string_view w = LowerTokenText(seg, before);
  if (w == "the" || w == "a" || w == "an" || IsNationAdjective(w)) return false;
  const bool opens_sentence = k - 1 == seg.sentences[before.sentence].first_token;
  return !(opens_sentence && (NonNameWords().contains(w) || IsRoleModifier(w)));
}

struct Candidate {
  OrgOccurrence occ;
  int priority = 0;  // higher wins among equally long candidates
};

}  // namespace

ArticleOrganisations::ArticleOrganisations(absl::string_view text, const Segmentation& seg,
                                           const OrganisationCatalog& catalog) {
  std::vector<Candidate> candidates;
  auto add = [&](size_t b, size_t e, std::string id, std::string name, int priority) {
    if (e <= b || id.empty()) return;
    candidates.push_back({OrgOccurrence{b, e, std::move(id), std::move(name)}, priority});
  };
  // Resolve a name that is not (by itself) a catalogue match: the catalogue may know it by
  // its canonical id ("Palantir Technologies UK Ltd" -> "palantir").
  auto resolve_unknown = [&](absl::string_view name, std::string* id, std::string* display) {
    if (const KnownOrganisation* k = catalog.Find(name)) {
      *id = k->id;
      *display = k->name;
      return;
    }
    *id = CanonicalOrganisationId(name);
    if (const KnownOrganisation* k = catalog.Find(*id)) {
      *id = k->id;
      *display = k->name;
      return;
    }
    *display = std::string(name);
  };

  // 1. Catalogue names and aliases.
  for (const OrganisationCatalog::Match& m : catalog.FindAll(text)) {
    if (m.organisation == nullptr) continue;
    const size_t first = FirstTokenFrom(seg, m.begin);
    if (first < seg.tokens.size() && seg.tokens[first].end == m.end && TailOfOfficeTitle(seg, first)) continue;
    add(m.begin, m.end, m.organisation->id, m.organisation->name, 2);
  }

  // Bytes the catalogue matched, in order and disjoint: a run of capitalised words that is
  // only known names side by side ("Palantir NHS data platform" in a headline) is no new one.
  std::vector<ByteSpan> catalogued;
  for (const Candidate& c : candidates) catalogued.push_back({c.occ.begin, c.occ.end});
  std::sort(catalogued.begin(), catalogued.end(), [](const ByteSpan& x, const ByteSpan& y) { return x.begin < y.begin; });
  auto catalogued_at = [&](const Token& t) {
    auto it = std::upper_bound(catalogued.begin(), catalogued.end(), t.begin,
                               [](size_t pos, const ByteSpan& x) { return pos < x.begin; });
    return it != catalogued.begin() && (it - 1)->begin <= t.begin && (it - 1)->end >= t.end;
  };

  // 2. Runs of capitalised words ("Hackney Coalition Against Palantir", "Department of
  //    Health and Social Care") that look like organisations.
  const std::vector<Token>& tokens = seg.tokens;
  absl::flat_hash_map<std::string, std::pair<std::string, std::string>> short_forms;
  for (size_t i = 0; i < tokens.size();) {
    if (tokens[i].kind != TokenKind::kWord || !tokens[i].capitalised) {
      ++i;
      continue;
    }
    size_t b = i;
    // A sentence-initial "The" or other function word is not part of the name.
    // "New" is a place's first word before one of these ("New York Council said").
    static const auto* const kAfterNew = new Set{"york", "jersey", "zealand", "hampshire", "mexico",
                                                 "orleans", "delhi", "england", "south", "haven",
                                                 "brunswick", "forest", "scotland", "democrats"};
    // "Senior Home Office officials": a word that describes the people after the name.
    static const auto* const kDescribingPeople = new Set{"senior", "junior", "former", "top", "leading",
                                                         "some", "many", "several", "two", "three"};
    while (b < tokens.size() && tokens[b].kind == TokenKind::kWord && tokens[b].capitalised &&
           (LowerTokenText(seg, tokens[b]) == "the" ||
            (b == seg.sentences[tokens[b].sentence].first_token && kDescribingPeople->contains(LowerTokenText(seg, tokens[b]))) ||
            (b == seg.sentences[tokens[b].sentence].first_token &&
             NonNameWords().contains(LowerTokenText(seg, tokens[b])) &&
             !(LowerTokenText(seg, tokens[b]) == "new" && b + 1 < tokens.size() &&
               kAfterNew->contains(LowerTokenText(seg, tokens[b + 1])))))) {
      ++b;
    }
    size_t e = b;
    bool saw_of = false;
    size_t last_cap = b;
    while (e < tokens.size() && tokens[e].paragraph == tokens[b].paragraph && e - b < 12) {
      // "Guy's and St Thomas' NHS Foundation Trust": a plural's possessive apostrophe.
      if (e > b && IsPossessiveApostrophe(text, seg, e) && tokens[e + 1].capitalised) {
        ++e;
        continue;
      }
      if (tokens[e].kind != TokenKind::kWord) break;
      const absl::string_view w = LowerTokenText(seg, tokens[e]);
      if (tokens[e].capitalised) {
        if ((BreaksOrganisationRun(w) || IsDayOrMonth(w)) && e > b) break;
        last_cap = e;
        ++e;
        // "Palantir's UK business", "Google's European arm": a possessor before a region is
        // the organisation ("Children's Society", "Guy's and St Thomas'" go on).
        if (IsPossessive(w) && e < tokens.size() && tokens[e].kind == TokenKind::kWord &&
            IsRegionWord(LowerTokenText(seg, tokens[e]))) {
          break;
        }
        continue;
      }
      // "Capita plc", "Acme ltd": a legal suffix in lower case ends the name.
      if (e > b && (w == "plc" || w == "ltd" || w == "llc" || w == "inc")) {
        last_cap = e;
        ++e;
        break;
      }
      // Lower-case connectors inside a name. "and" also joins two places before the
      // organisation's noun ("Eastbrook and Vale NHS Foundation Trust", "Guy's and St
      // Thomas' NHS Foundation Trust"), but not two organisations ("NHS England and NHS
      // Improvement": the words before it already name one).
      bool joins_places = false;
      if (w == "and" && !saw_of && e > b &&
          !LooksLikeOrganisation(text.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin))) {
        size_t k = e + 1;
        while (k < tokens.size() && k - e <= 8 && tokens[k].paragraph == tokens[b].paragraph &&
               ((tokens[k].kind == TokenKind::kWord && tokens[k].capitalised) ||
                IsPossessiveApostrophe(text, seg, k))) {  // "St Thomas'"
          ++k;
        }
        joins_places = k > e + 1 && LooksLikeOrganisation(text.substr(tokens[e + 1].begin, tokens[k - 1].end - tokens[e + 1].begin));
      }
      const bool connector = w == "of" || w == "for" || (w == "the" && saw_of) ||
                             (w == "and" && (saw_of || joins_places));
      if (!connector || e + 1 >= tokens.size() || !tokens[e + 1].capitalised ||
          tokens[e + 1].kind != TokenKind::kWord) {
        break;
      }
      // "Marion Macalpine of Hackney Coalition Against Palantir": a person's name before
      // "of" is not the first half of an organisation's ("Department of Health", "Royal
      // College of Nursing" have an organisation word before it).
      if ((w == "of" || w == "for") && !saw_of && e - b >= 2 &&
          !LooksLikeOrganisation(text.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin))) {
        break;
      }
      if (w == "of" || w == "for") saw_of = true;
      ++e;
    }
    if (e == b || b >= tokens.size() || !tokens[b].capitalised) {
      i = std::max(i + 1, e);
      continue;
    }
    e = last_cap + 1;
    // "Accenture (UK) Limited": a country in brackets before a legal suffix is in the name.
    if (e + 3 < tokens.size() && IsPunct(text, tokens[e], "(") && tokens[e + 1].kind == TokenKind::kWord &&
        tokens[e + 1].capitalised && tokens[e + 1].end - tokens[e + 1].begin <= 4 && IsPunct(text, tokens[e + 2], ")")) {
      const absl::string_view suffix = LowerTokenText(seg, tokens[e + 3]);
      if (suffix == "limited" || suffix == "ltd" || suffix == "plc" || suffix == "inc" || suffix == "llp" ||
          suffix == "llc") {
        e += 4;
      }
    }
    // Roles only people hold: RoleWords also has the organisation nouns a speaker phrase may
    // end with ("House", "Council", "Committee"), which belong to the name here.
    static const auto* const kPersonRoles = new absl::flat_hash_set<std::string>{
        "chief", "executive", "director", "officer", "secretary", "minister", "chair",
        "chairman", "chairwoman", "chairperson", "president", "spokesperson", "spokesman",
        "spokeswoman", "leader", "mayor", "governor", "senator", "councillor", "cllr",
        "professor", "manager", "founder", "ceo", "cfo", "cto", "coo", "analyst",
        "correspondent", "editor", "deputy", "sen", "rep", "vice"};
    auto person_role = [&](size_t k) { return kPersonRoles->contains(LowerTokenText(seg, tokens[k])); };
    // "Chief Executive of Northbridge Hospitals NHS Foundation Trust": the role and its "of"
    // are no part of the name.
    {
      size_t k = b;
      while (k < e && person_role(k)) ++k;
      const absl::string_view w = k < e ? LowerTokenText(seg, tokens[k]) : "";
      if (k > b && k + 1 < e && (w == "of" || w == "for" || w == "at")) {
        b = k + 1;
        if (b + 1 < e && LowerTokenText(seg, tokens[b]) == "the") ++b;
      }
    }
    // "the 4 Day Week Foundation": a number that starts the name; "the Environment, Food and
    // Rural Affairs Committee": a list of capitalised words before "and" does too.
    if (b >= 2 && LowerTokenText(seg, tokens[b - 2]) == "the" && tokens[b - 1].kind == TokenKind::kWord &&
        absl::ascii_isdigit(static_cast<unsigned char>(text[tokens[b - 1].begin])) &&
        LooksLikeOrganisation(text.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin))) {
      --b;
    }
    if (b >= 3 && IsPunct(text, tokens[b - 1], ",") && tokens[b - 2].kind == TokenKind::kWord && tokens[b - 2].capitalised &&
        LowerTokenText(seg, tokens[b - 3]) == "the") {
      bool has_and = false;
      for (size_t k = b; k < e; ++k) has_and = has_and || LowerTokenText(seg, tokens[k]) == "and";
      if (has_and && LooksLikeOrganisation(text.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin))) b -= 2;
    }
    // "NHS England Chief Executive Amanda Pritchard", "Chief Executive Alex Karp": role words
    // and a person's name (one to three words, no organisation word) end the run; what comes
    // before the role, if anything, is the organisation.
    {
      size_t r = e;
      while (r > b && !person_role(r - 1)) --r;
      if (r > b && r < e && e - r <= 3 &&
          !LooksLikeOrganisation(text.substr(tokens[r].begin, tokens[e - 1].end - tokens[r].begin))) {
        size_t role_begin = r - 1;
        while (role_begin > b && person_role(role_begin - 1)) --role_begin;
        if (role_begin == b) {
          i = e;
          continue;
        }
        e = role_begin;
      }
    }
    // "the Washington Post Trump said": a newspaper's name ends with its paper word unless
    // an organisation word follows ("Post Office", "Times Group").
    // Only when the words after it are a name used elsewhere in the article ("Trump"), not
    // the rest of another name ("Herald Sun", "Express Scripts").
    for (size_t k = b; k + 1 < e; ++k) {
      if (!IsNewspaperWord(LowerTokenText(seg, tokens[k]))) continue;
      // (Looked for within 4 KB either side, so that the scan stays linear in the text.)
      const absl::string_view tail = TokenText(text, tokens[e - 1]);
      constexpr size_t kNear = 4096;
      const size_t from = tokens[k + 1].begin > kNear ? tokens[k + 1].begin - kNear : 0;
      const size_t elsewhere = text.substr(tokens[e - 1].end, kNear).find(tail);
      const size_t before = text.substr(from, tokens[k + 1].begin - from).find(tail);
      if (!LooksLikeOrganisation(text.substr(tokens[k + 1].begin, tokens[e - 1].end - tokens[k + 1].begin)) &&
          (elsewhere != absl::string_view::npos || before != absl::string_view::npos)) {
        e = k + 1;
      }
      break;
    }
    // "The Times has reported", "the Guardian said": a paper's one word after "the" (unless
    // the article has named a longer paper ending with it: "The New York Times" then "the
    // Times", a short form below, which wins).
    if (e - b == 1 && b > 0 && LowerTokenText(seg, tokens[b - 1]) == "the" &&
        IsNewspaperWord(LowerTokenText(seg, tokens[b]))) {
      const std::string display = absl::StrCat("The ", TokenText(text, tokens[b]));
      std::string id, shown;
      resolve_unknown(display, &id, &shown);
      add(tokens[b].begin, tokens[b].end, id, shown, -1);
      i = e;
      continue;
    }
    const absl::string_view name = text.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin);
    // One word that is only an organisation noun ("Council", "Trust" starting a sentence or
    // a headline) names no particular organisation.
    bool only_known = e - b >= 2 && catalog.Find(name) == nullptr;
    for (size_t k = b; k < e && only_known; ++k) {
      only_known = tokens[k].kind != TokenKind::kWord || catalogued_at(tokens[k]);
    }
    if (only_known) {  // (the known names stay, from step 1)
      i = e;
      continue;
    }
    const bool looks_like_one = LooksLikeOrganisation(name) && (e - b >= 2 || catalog.Find(name) != nullptr);
    if (!looks_like_one && e - b <= 3 && e + 3 < tokens.size() && IsPunct(text, tokens[e], ",") &&
               tokens[e + 1].kind == TokenKind::kWord &&
               (LowerTokenText(seg, tokens[e + 1]) == "the" || LowerTokenText(seg, tokens[e + 1]) == "a" ||
                LowerTokenText(seg, tokens[e + 1]) == "an")) {
      // "Apex Digital, the software company that supplied the system,": an apposition whose
      // head is a company noun says the name is a company's (not a person's: no common
      // first name).
      static const auto* const kCompanyNouns = new Set{
          "company", "firm", "maker", "supplier", "provider", "retailer", "bank", "lender",
          "insurer", "manufacturer", "start-up", "startup", "chain", "giant", "carrier",
          "airline", "conglomerate", "consultancy", "housebuilder", "broadcaster", "publisher"};
      size_t k = e + 2;
      while (k < tokens.size() && k - e < 8 && tokens[k].kind == TokenKind::kWord &&
             tokens[k].sentence == tokens[e].sentence) {
        const absl::string_view w = LowerTokenText(seg, tokens[k]);
        if (w == "that" || w == "which" || w == "who" || w == "whose" || w == "at" || w == "of" || w == "for" ||
            w == "in" || w == "on" || w == "with" || w == "to") {
          break;  // "an analyst at the bank": the head is before the preposition
        }
        ++k;
      }
      bool male = false;
      if (k > e + 2 && kCompanyNouns->contains(LowerTokenText(seg, tokens[k - 1])) &&
          !FirstNameGender(LowerTokenText(seg, tokens[b]), &male) && !IsTitle(LowerTokenText(seg, tokens[b]))) {
        std::string id, display;
        resolve_unknown(name, &id, &display);
        add(tokens[b].begin, tokens[e - 1].end, id, display, 1);
      }
    }
    if (looks_like_one) {
      std::string id, display;
      resolve_unknown(name, &id, &display);
      add(tokens[b].begin, tokens[e - 1].end, id, display, 1);
      // "Acme Technologies" can later be called "Acme".
      if (e - b >= 2) {
        bool tail = true;
        for (size_t k = b + 1; k < e; ++k) {
          tail = tail && CorporateTail().contains(LowerTokenText(seg, tokens[k]));
        }
        // A company with a legal suffix is called by its first word later on.
        const absl::string_view last_word = LowerTokenText(seg, tokens[e - 1]);
        tail = tail || last_word == "ltd" || last_word == "limited" || last_word == "inc" ||
               last_word == "plc" || last_word == "llc" || last_word == "corp" ||
               last_word == "corporation" || last_word == "technologies";
        const absl::string_view first_word = LowerTokenText(seg, tokens[b]);
        if (tail && !NonNameWords().contains(first_word) && first_word != "national" &&
            first_word != "british" && first_word != "american" && first_word != "global") {
          short_forms[std::string(TokenText(text, tokens[b]))] = {id, display};
        }
        // A newspaper is called by its last word later on: "The New York Post" then "The
        // Post", "the Journal".
        if (IsNewspaperWord(last_word)) short_forms[std::string(TokenText(text, tokens[e - 1]))] = {id, display};
      }
    }
    i = e;
  }

  // 2b. A nation's institutions: "the German government", "the Chinese foreign ministry",
  //     "the French embassy" (a demonym and an institution noun, or two with "foreign").
  static const auto* const kInstitutions = new Set{"government", "embassy", "ministry", "military",
                                                   "army", "navy", "parliament", "cabinet"};
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    // (A nation's: not a party's or a place's, "Labour government", "local government".)
    if (tokens[i].kind != TokenKind::kWord || !tokens[i].capitalised ||
        !IsNationAdjective(LowerTokenText(seg, tokens[i])) || IsAcronym(TokenText(text, tokens[i]))) {
      continue;
    }
    size_t k = i + 1;
    if (k + 1 < tokens.size() && LowerTokenText(seg, tokens[k]) == "foreign") ++k;
    if (tokens[k].kind != TokenKind::kWord || tokens[k].capitalised ||
        !kInstitutions->contains(LowerTokenText(seg, tokens[k])) || tokens[k].sentence != tokens[i].sentence) {
      continue;
    }
    const std::string name(text.substr(tokens[i].begin, tokens[k].end - tokens[i].begin));
    add(tokens[i].begin, tokens[k].end, Slugify(name), name, 0);
    i = k;
  }

  // 3. Acronyms defined in parentheses, then every later use of them.
  absl::flat_hash_map<std::string, std::pair<std::string, std::string>> acronyms;
  for (const AcronymDefinition& d : FindAcronymDefinitions(text)) {
    if (d.expansion_end > text.size() || d.acronym_end > text.size() ||
        d.expansion_begin >= d.expansion_end || d.acronym_begin >= d.acronym_end) {
      continue;
    }
    // An expansion that is (or ends with) a known organisation takes its id.
    std::string id, display;
    for (const Candidate& c : candidates) {
      if (c.occ.begin <= d.expansion_begin && c.occ.end >= d.expansion_end) {
        id = c.occ.id;
        display = c.occ.name;
      }
    }
    if (id.empty()) {
      resolve_unknown(text.substr(d.expansion_begin, d.expansion_end - d.expansion_begin), &id,
                      &display);
      add(d.expansion_begin, d.expansion_end, id, display, 3);
    }
    acronyms[std::string(text.substr(d.acronym_begin, d.acronym_end - d.acronym_begin))] = {
        id, display};
  }
  // An acronym the article never defines that spells the initials of an
  // organisation it names ("the Government Accountability Office" ... "a GAO spokesperson")
  // is that organisation, unless the catalogue knows the acronym or two of them share it
  // (three letters or more: "HO" or "LP" could be anything).
  {
    absl::flat_hash_map<std::string, std::pair<std::string, std::string>> initialisms;
    absl::flat_hash_set<std::string> shared;
    for (const Candidate& c : candidates) {
      const std::string initials = OrganisationInitials(c.occ.name);
      if (initials.size() < 3 || acronyms.contains(initials) || catalog.Find(initials) != nullptr ||
          CommonAcronym(initials)) {
        continue;
      }
      auto [it, inserted] = initialisms.emplace(initials, std::make_pair(c.occ.id, c.occ.name));
      if (!inserted && it->second.first != c.occ.id) shared.insert(initials);
    }
    for (auto& [initials, org] : initialisms) {
      if (!shared.contains(initials)) acronyms.emplace(initials, std::move(org));
    }
  }
  if (!acronyms.empty() || !short_forms.empty()) {
    for (const Token& t : tokens) {
      if (t.kind != TokenKind::kWord || !t.capitalised) continue;
      const absl::string_view w = TokenText(text, t);
      auto a = acronyms.find(w);
      if (a != acronyms.end()) {
        add(t.begin, t.end, a->second.first, a->second.second, 0);
        continue;
      }
      auto s = short_forms.find(w);
      if (s != short_forms.end()) add(t.begin, t.end, s->second.first, s->second.second, 0);
    }
  }

  // Longest first, then priority; keep the non-overlapping ones.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    const size_t la = a.occ.end - a.occ.begin, lb = b.occ.end - b.occ.begin;
    if (la != lb) return la > lb;
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.occ.begin < b.occ.begin;
  });
  std::vector<OrgOccurrence> kept;
  std::vector<std::pair<size_t, size_t>> taken;  // sorted by begin
  for (Candidate& c : candidates) {
    auto it = std::lower_bound(taken.begin(), taken.end(), std::make_pair(c.occ.begin, size_t{0}));
    bool overlaps = false;
    if (it != taken.end() && it->first < c.occ.end) overlaps = true;
    if (it != taken.begin() && std::prev(it)->second > c.occ.begin) overlaps = true;
    if (overlaps) continue;
    taken.insert(it, {c.occ.begin, c.occ.end});
    kept.push_back(std::move(c.occ));
  }
  std::sort(kept.begin(), kept.end(),
            [](const OrgOccurrence& a, const OrgOccurrence& b) { return a.begin < b.begin; });
  occurrences_ = std::move(kept);
  ResolveBareGovernment(text, seg, catalog);
}

void ArticleOrganisations::ResolveBareGovernment(absl::string_view text, const Segmentation& seg,
                                                 const OrganisationCatalog& catalog) {
  // A devolved legislature named in the headline or the first paragraph, where the story is
  // set, names the government answerable to it (ids of the shipped organisations.tsv; a
  // catalogue without them leaves the rule to named governments). Named in passing later
  // ("A similar bill is being considered by the Scottish Parliament"), it does not: the
  // story may be Westminster's.
  auto in_lede = [&](const OrgOccurrence& o) {
    const size_t t = FirstTokenFrom(seg, o.begin);
    return t < seg.tokens.size() && seg.tokens[t].paragraph < 2;
  };
  static constexpr std::pair<absl::string_view, absl::string_view> kGovernmentOf[] = {
      {"scottish-parliament", "scottish-government"}, {"senedd", "welsh-government"}};
  auto bare = [&](const OrgOccurrence& o) { return text.substr(o.begin, o.end - o.begin) == "Government"; };
  // A government of the UK named as such ("the Scottish Government", "the UK Government",
  // "Downing Street"); not a foreign one: in a British story "The German government said ...
  // The Government said" is still the UK's.
  auto named_government = [](absl::string_view id) {
    return id == "uk-government" || id == "scottish-government" || id == "welsh-government";
  };
  std::string context_id, context_name;  // the latest named government or legislature's
  for (OrgOccurrence& o : occurrences_) {
    if (bare(o)) {
      if (!context_id.empty()) {
        o.id = context_id;
        o.name = context_name;
      }
      continue;
    }
    if (named_government(o.id)) {
      context_id = o.id;
      context_name = o.name;
      continue;
    }
    for (const auto& [legislature, government] : kGovernmentOf) {
      if (o.id != legislature || !in_lede(o)) continue;
      if (const KnownOrganisation* k = catalog.Find(government); k != nullptr && k->id == government) {
        context_id = k->id;
        context_name = k->name;
      }
    }
  }
}

std::vector<const OrgOccurrence*> ArticleOrganisations::Within(size_t begin, size_t end) const {
  std::vector<const OrgOccurrence*> out;
  auto it = std::lower_bound(
      occurrences_.begin(), occurrences_.end(), begin,
      [](const OrgOccurrence& o, size_t pos) { return o.begin < pos; });
  for (; it != occurrences_.end() && it->begin < end; ++it) {
    if (it->end <= end) out.push_back(&*it);
  }
  return out;
}

const OrgOccurrence* ArticleOrganisations::MostRecent(size_t pos, absl::string_view noun) const {
  auto it = std::upper_bound(occurrences_.begin(), occurrences_.end(), pos,
                             [](size_t p, const OrgOccurrence& o) { return p < o.begin; });
  for (int steps = 0; it != occurrences_.begin() && steps < 200; ++steps) {
    --it;
    if (it->end <= pos && OrganisationFitsNoun(it->name, noun)) return &*it;
  }
  return nullptr;
}

const OrgOccurrence* ArticleOrganisations::Next(size_t pos, size_t limit,
                                                absl::string_view noun) const {
  auto it = std::lower_bound(occurrences_.begin(), occurrences_.end(), pos,
                             [](const OrgOccurrence& o, size_t p) { return o.begin < p; });
  for (int steps = 0; it != occurrences_.end() && it->begin < limit && steps < 400;
       ++it, ++steps) {
    if (OrganisationFitsNoun(it->name, noun)) return &*it;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------
// SpeakerResolver

namespace {

// The speaker is the organisation `o` itself (it speaks for itself).
void AdoptOrganisation(const OrgOccurrence& o, SpeakerKind kind, ResolvedSpeaker* s) {
  s->name = o.name;
  s->id = o.id;
  s->kind = kind;
  s->affiliation = o.name;
  s->affiliation_id = o.id;
}

}  // namespace

void SpeakerResolver::Adopt(const std::string& name, const Entity& e, ResolvedSpeaker* s) {
  s->name = name;
  s->kind = e.kind;
  s->id = e.id;
  s->role = e.role;
  s->affiliation = e.affiliation;
  s->affiliation_id = e.affiliation_id;
}

SpeakerResolver::SpeakerResolver(absl::string_view text, const Segmentation& seg,
                                 const ArticleOrganisations& orgs,
                                 const std::vector<Quote>& quotes)
    : text_(text), seg_(seg), orgs_(orgs), in_quote_(seg.tokens.size(), false) {
  for (const Quote& q : quotes) {
    size_t last = q.close_token;
    if (last == Quote::kNoToken) {
      last = seg.paragraphs[seg.tokens[q.open_token].paragraph].end_token - 1;
    }
    for (size_t i = q.open_token; i <= last && i < in_quote_.size(); ++i) in_quote_[i] = true;
  }
  for (const OrgOccurrence& o : orgs.occurrences()) occurrence_ids_.insert(o.id);
  ScanPersons();
}

// Finds "Marion Macalpine", "Ms Macalpine", "Dr Jane Doe": candidates for pronouns, and
// the full names that surnames resolve to.
void SpeakerResolver::ScanPersons() {
  const std::vector<Token>& tokens = seg_.tokens;
  const std::vector<OrgOccurrence>& occ = orgs_.occurrences();
  size_t next_org = 0;
  // The first word of a several-word organisation name ("Hackney" of "Hackney Council") is
  // usually a place: a capitalised run containing it is not a person ("Hackney Central").
  absl::flat_hash_set<std::string> place_words;
  for (const OrgOccurrence& o : occ) {
    const absl::string_view m = text_.substr(o.begin, o.end - o.begin);
    const size_t space = m.find(' ');
    if (space != absl::string_view::npos && !m.empty() &&
        absl::ascii_isupper(static_cast<unsigned char>(m[0]))) {
      place_words.insert(std::string(m.substr(0, space)));
    }
  }
  for (size_t i = 0; i < tokens.size();) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::kWord || !t.capitalised || in_quote_[i]) {
      ++i;
      continue;
    }
    while (next_org < occ.size() && occ[next_org].end <= t.begin) ++next_org;
    if (next_org < occ.size() && occ[next_org].begin <= t.begin) {
      ++i;  // inside an organisation's name
      continue;
    }
    // "Scotland's Scott McTominay", "Labour's Angela Rayner": the possessor is no part of
    // the name after it.
    if (IsPossessive(TokenText(text_, t)) && i + 1 < tokens.size() &&
        tokens[i + 1].kind == TokenKind::kWord && tokens[i + 1].capitalised && tokens[i + 1].sentence == t.sentence) {
      ++i;
      continue;
    }
    Gender gender = Gender::kUnknown;
    bool titled = false;
    size_t b = i;
    const absl::string_view w = LowerTokenText(seg_, t);
    if (IsTitle(w)) {
      titled = true;
      if (MaleTitles().contains(w)) gender = Gender::kMale;
      if (FemaleTitles().contains(w)) gender = Gender::kFemale;
      ++b;
      if (b < tokens.size() && IsPunct(text_, tokens[b], ".")) ++b;
      // "Det Con Lisa Grant": a detective constable.
      if (w == "det" && b + 1 < tokens.size() && LowerTokenText(seg_, tokens[b]) == "con") ++b;
    } else if (i > 0 && tokens[i - 1].kind == TokenKind::kWord &&
               tokens[i - 1].sentence == t.sentence &&
               NotBeforePerson().contains(LowerTokenText(seg_, tokens[i - 1])) &&
               // ("a speech by Rupert Lowe", "a letter from Jane Hall": a first name and a
               // surname after "by", "from", "to", "for", "with" are a person; not after a
               // preposition of place, "in Charlotte Street".)
               (!PersonAfter(LowerTokenText(seg_, tokens[i - 1])) || !IsFirstName(w) ||
                i + 1 >= tokens.size() || tokens[i + 1].kind != TokenKind::kWord || !tokens[i + 1].capitalised ||
                tokens[i + 1].sentence != t.sentence)) {
      // "in Hackney Central", "the Federated Data Platform": skip the whole run.
      size_t e = i;
      while (e < tokens.size() && tokens[e].kind == TokenKind::kWord && tokens[e].capitalised) ++e;
      i = e;
      continue;
    }
    size_t e = b;
    while (e < tokens.size() && e - b < 4 && tokens[e].kind == TokenKind::kWord &&
           tokens[e].capitalised && tokens[e].sentence == t.sentence && !in_quote_[e]) {
      const absl::string_view lw = LowerTokenText(seg_, tokens[e]);
      if ((NonNameWords().contains(lw) && !PlaceWordSurname(b, e)) || IsTitle(lw) || IsRoleWord(lw)) break;
      if (place_words.contains(TokenText(text_, tokens[e]))) {
        e = b;  // the whole run is a place or an organisation
        break;
      }
      // All-capital words are acronyms, not names.
      const absl::string_view s = TokenText(text_, tokens[e]);
      if (s.size() >= 2 && absl::ascii_isupper(static_cast<unsigned char>(s[1]))) break;
      if (next_org < occ.size() && tokens[e].begin >= occ[next_org].begin) break;
      ++e;
      // "Bill de Blasio", "Ursula von der Leyen": particles before a capitalised word.
      size_t p = e;
      while (p < tokens.size() && tokens[p].kind == TokenKind::kWord && !tokens[p].capitalised &&
             tokens[p].sentence == t.sentence && IsNameParticle(TokenText(text_, tokens[p])) && p - e < 2) {
        ++p;
      }
      if (p > e && p < tokens.size() && tokens[p].kind == TokenKind::kWord && tokens[p].capitalised &&
          tokens[p].sentence == t.sentence && !in_quote_[p] &&
          !NonNameWords().contains(LowerTokenText(seg_, tokens[p])) && !IsTitle(LowerTokenText(seg_, tokens[p])) &&
          !IsRoleWord(LowerTokenText(seg_, tokens[p])) && !IsAcronym(TokenText(text_, tokens[p])) &&
          !(next_org < occ.size() && tokens[p].begin >= occ[next_org].begin)) {
        e = p;  // the word after the particle is one the loop accepts: no name ends with "de"
      }
    }
    const size_t words = e - b;
    // "President Obama", "Mr Trump", "striker Haaland": a word after a title or a role is a
    // person's name wherever it stands alone.
    const absl::string_view before_name = b > 0 ? LowerTokenText(seg_, tokens[b - 1]) : "";
    if (words == 1 && b > 0 &&
        (titled || (tokens[b - 1].kind == TokenKind::kWord && tokens[b - 1].sentence == t.sentence &&
                    IsRoleWord(before_name) && !OrgNouns().contains(before_name) && !IsOrgHeadNoun(before_name) &&
                    !IsDocumentNoun(before_name)))) {
      titled_names_.insert(std::string(WithoutPossessive(TokenText(text_, tokens[b]))));
    }
    // A surname alone, once the full name has been seen ("Rahman was not invited").
    const bool known_surname = words == 1 && by_surname_.contains(WithoutPossessive(TokenText(text_, tokens[b])));
    if (words >= 2 || (titled && words == 1) || known_surname) {
      PersonMention p;
      p.begin = t.begin;
      p.end = tokens[e - 1].end;
      // "Hillary Clinton's spokesman": the name without the possessive.
      const absl::string_view tail = TokenText(text_, tokens[e - 1]);
      p.end -= tail.size() - WithoutPossessive(tail).size();
      p.possessive = IsPossessive(tail);
      p.name = std::string(text_.substr(tokens[b].begin, p.end - tokens[b].begin));
      bool male = false;
      if (gender == Gender::kUnknown && words >= 2 && FirstNameGender(LowerTokenText(seg_, tokens[b]), &male)) {
        gender = male ? Gender::kMale : Gender::kFemale;
      }
      p.gender = gender;
      p.full = words >= 2;
      p.knighted = titled && !p.full && (w == "sir" || w == "dame");
      // "Former president Barack Obama", "Labour MP Rachel Blake", "Sen. Elizabeth Warren":
      // the role words before the name, for "the former president" and "she" later.
      size_t rb = i;
      while (rb > 0 && i - rb < 4 && tokens[rb - 1].kind == TokenKind::kWord && tokens[rb - 1].sentence == t.sentence &&
             !in_quote_[rb - 1]) {
        const absl::string_view lw = LowerTokenText(seg_, tokens[rb - 1]);
        if ((!IsRoleWord(lw) && !IsRoleModifier(lw) && !tokens[rb - 1].capitalised) || IsPossessive(lw)) break;
        --rb;
      }
      const size_t role_e = titled && IsRoleWord(w) ? b : i;  // a title that is an office ("Sen.")
      if (rb < role_e) {
        p.role_begin = tokens[rb].begin;
        p.role_end = tokens[role_e - 1].end;
      }
      if (p.full) {
        by_surname_[std::string(text_.substr(tokens[e - 1].begin, p.end - tokens[e - 1].begin))].push_back(persons_.size());
      }
      persons_.push_back(std::move(p));
    }
    i = std::max(e, i + 1);
    // Skip the rest of a rejected run, but not the name after a role ("Mayor Joanne Clarke",
    // "Health Secretary Wes Streeting").
    // ("Health Secretary Wes Streeting": the skip stops at the role word.)
    const bool role_first = e == b && b < tokens.size() && IsRoleWord(LowerTokenText(seg_, tokens[b]));
    while (i < tokens.size() && tokens[i].kind == TokenKind::kWord && tokens[i].capitalised &&
           tokens[i].sentence == t.sentence && e == b && !role_first && !IsRoleWord(LowerTokenText(seg_, tokens[i]))) {
      ++i;
    }
  }
}

// Look-backs over earlier speakers stop after kLookBack of them, so that resolution stays
// linear in long texts; references further back than that are rare in news copy.
std::vector<SpeakerResolver::Seen>::const_reverse_iterator SpeakerResolver::RecentEnd() const {
  constexpr size_t kLookBack = 100;
  return seen_.size() > kLookBack ? seen_.crbegin() + kLookBack : seen_.crend();
}

void SpeakerResolver::AdoptWrittenRole(const PersonMention& m, ResolvedSpeaker* s) const {
  if (m.role_end <= m.role_begin) return;
  s->role = ExpandedTitles(text_.substr(m.role_begin, m.role_end - m.role_begin));
  const auto orgs = orgs_.Within(m.role_begin, m.role_end);
  if (!orgs.empty()) {
    s->affiliation = orgs.front()->name;
    s->affiliation_id = orgs.front()->id;
  }
}

namespace {
// An organisation whose name says it is something other than a company ("Hackney Council",
// "Competition and Markets Authority", "Unite the Union").
bool NamedAsNoCompany(absl::string_view name) {
  // ("Halloway Group", "Lloyds Banking Group" are companies.)
  return OrganisationFitsAnyNoun(name, {"council", "union", "department", "hospital", "charity", "newspaper",
                                        "regulator", "administration", "party", "government", "university",
                                        "committee", "authority", "commission", "agency", "police", "court"});
}
}  // namespace

const OrgOccurrence* SpeakerResolver::LatestCommercialOrg(ByteSpan mention) const {
  int steps = 0;  // bounded, as every look-back: linear on long paragraphs
  for (const OrgOccurrence* c = orgs_.MostRecent(mention.begin, "");
       c != nullptr && steps < 8 && WithinParagraphs(c->begin, mention.begin, 2);
       c = orgs_.MostRecent(c->begin, ""), ++steps) {
    if (!NamedAsNoCompany(c->name)) return c;
  }
  return nullptr;
}

bool SpeakerResolver::LatestCompany(ByteSpan mention, const OrgOccurrence* named, ResolvedSpeaker* s) const {
  size_t latest = named == nullptr ? 0 : named->end;
  const Seen* spoke = nullptr;
  // (An organisation that spoke counts when it called itself "it" or the scan knows its name:
  // not "Russia warned", "Shelter said" before "The company said", "The landlord said".)
  auto company_like = [&](const std::string& name, const Entity& e) {
    if (NamedAsNoCompany(name)) return false;
    return e.says_it || occurrence_ids_.contains(e.id);
  };
  // The last organisation that spoke, company or not: what came before it is no longer in
  // focus ("Tesco raised ... Barclays said ... The bank said" is not Tesco).
  size_t focus = 0;
  if (const Seen* it = LatestOrganisationSpeaker(mention.begin)) {
    if (WithinParagraphs(it->pos, mention.begin, 2)) focus = it->pos;
    if (it->pos >= latest && WithinParagraphs(it->pos, mention.begin, 2) &&
        company_like(it->name, entities_.at(it->name))) {
      spoke = it;
      latest = it->pos;
    }
  }
  if (named != nullptr && named->end < focus && (spoke == nullptr || named->id != entities_.at(spoke->name).id)) {
    named = nullptr;
  }
  const Seen subject = LoneSubjectOrganisation(mention.begin);
  if (!subject.name.empty() && subject.pos >= latest && subject.pos >= focus) {
    s->name = subject.name;
    s->id = CanonicalOrganisationId(subject.name);
    s->kind = SpeakerKind::kOrganisation;
    s->affiliation = s->name;
    s->affiliation_id = s->id;
    return true;
  }
  if (spoke != nullptr) {
    Adopt(spoke->name, entities_.at(spoke->name), s);
    return true;
  }
  if (named == nullptr) return false;
  AdoptOrganisation(*named, SpeakerKind::kOrganisation, s);
  return true;
}

const SpeakerResolver::Seen* SpeakerResolver::LatestOrganisationSpeaker(size_t before) const {
  for (auto it = seen_.crbegin(); it != RecentEnd(); ++it) {
    if (it->pos >= before) continue;
    if (auto e = entities_.find(it->name); e != entities_.end() && e->second.kind == SpeakerKind::kOrganisation) {
      return &*it;
    }
  }
  return nullptr;
}

namespace {

// An organisation that holds offices of its own or reports on others' (a government, a
// department, a party, a legislature, a newspaper or broadcaster): no office that an article
// leaves unattached ("the chief executive") is held there.
bool HoldsNoUnattachedOffice(absl::string_view name) {
  return OrganisationFitsAnyNoun(name, {"government", "department", "party", "parliament", "congress", "senate",
                                        "assembly", "administration", "newspaper"});
}

// A role held at an organisation whose name it does not give (lower case): "chief
// executive", "chief nurse", "medical director", "chair", "founder"; not a bare "director"
// (of a film, too), a former holder's ("former chief executive"), nor a public office
// ("minister", "health secretary").
bool HeldAtAnOrganisation(absl::string_view role) {
  const std::vector<absl::string_view> words = absl::StrSplit(role, ' ', absl::SkipEmpty());
  bool held = false;
  for (const absl::string_view w : words) {
    if (w == "former" || w == "ex" || w == "shadow" || absl::StartsWith(w, "ex-")) return false;
    held = held || w == "chief" || w == "executive" || w == "chair" || w == "chairman" || w == "chairwoman" ||
           w == "chairperson" || w == "founder" || w == "co-founder" || w == "boss" ||
           (w == "director" && words.size() > 1);
  }
  return held;
}

}  // namespace

bool SpeakerResolver::OrganisationInFocus(size_t before, std::string* name, std::string* id) const {
  const Seen* spoke = LatestOrganisationSpeaker(before);
  if (spoke != nullptr && (!WithinParagraphs(spoke->pos, before, 1) || HoldsNoUnattachedOffice(spoke->name))) {
    spoke = nullptr;
  }
  auto adopt_spoke = [&] {
    *name = spoke->name;
    *id = entities_.at(spoke->name).id;
    return true;
  };
  if (spoke != nullptr && WithinParagraphs(spoke->pos, before, 0)) return adopt_spoke();
  // The organisation the article is about: one that opens a sentence of its first two
  // paragraphs (after "The" or not), outside quotation marks. (It comes before an
  // organisation that spoke in the paragraph before: "Barts Health NHS Trust has cut ... ||
  // NHS England has asked every trust ... || The chief executive said" is the trust's.)
  // (Among the article's first 12 sentences: a megabyte first paragraph stays linear.)
  const std::vector<Token>& tokens = seg_.tokens;
  for (size_t si = 0; si < seg_.sentences.size() && si < 12; ++si) {
    const Sentence& sentence = seg_.sentences[si];
    if (sentence.first_token >= sentence.end_token) continue;
    if (sentence.paragraph > seg_.sentences.front().paragraph + 1 || tokens[sentence.first_token].begin >= before) break;
    size_t k = sentence.first_token;
    if (in_quote_[k]) continue;
    if (LowerTokenText(seg_, tokens[k]) == "the" && k + 1 < sentence.end_token) ++k;
    for (const OrgOccurrence* o : orgs_.Within(tokens[sentence.first_token].begin, tokens[sentence.end_token - 1].end)) {
      if (o->begin != tokens[k].begin && o->begin != tokens[sentence.first_token].begin) break;
      if (o->end > before || HoldsNoUnattachedOffice(o->name)) break;
      *name = o->name;
      *id = o->id;
      return true;
    }
  }
  return spoke != nullptr && adopt_spoke();
}

SpeakerResolver::Seen SpeakerResolver::LoneSubjectOrganisation(size_t before) const {
  const std::vector<Token>& tokens = seg_.tokens;
  // (Verbs a company does rather than a figure: not "cut", "closed", "beat", "rose": "Shares
  // closed higher", "Inflation cut real incomes", "Revenue beat forecasts".)
  // (Nor what a government or a capital does: "Washington announced", "Russia warned"; a
  // company that spoke counts through LatestCompany.)
  static const auto* const kVerbs = new Set{
      "reported", "posted", "unveiled", "launched", "sold", "bought", "axed", "recalled", "reports",
      "employs", "owns", "operates", "sells", "raised"};
  // Nouns of the business pages that start sentences: figures and people, no company.
  static const auto* const kFigures = new Set{
      "shares", "profits", "profit", "sales", "revenue", "revenues", "inflation", "prices", "costs", "earnings",
      "markets", "stocks", "investors", "analysts", "unemployment", "growth", "demand", "output", "exports",
      "imports", "wages", "rates", "borrowing", "spending", "trading", "turnover", "margins", "sterling",
      "bonds", "yields", "oil", "gold", "customers", "staff", "workers", "shoppers", "consumers", "banks"};
  const size_t here = FirstTokenFrom(seg_, before);
  if (here == 0 || here > tokens.size()) return {};
  // Sentences back from the one before `before`'s, within its paragraph and the two before
  // (at most eight sentences: bounded on long paragraphs).
  size_t k = here;
  for (int sentences = 0; sentences < 8 && k > 0; ++sentences) {
    const size_t sentence = tokens[k - 1].sentence;
    size_t first = k - 1;
    while (first > 0 && tokens[first - 1].sentence == sentence) --first;
    k = first;
    if (!WithinParagraphs(tokens[first].begin, before, 2)) break;
    if (first + 1 >= tokens.size() || tokens[first].kind != TokenKind::kWord || !tokens[first].capitalised ||
        tokens[first + 1].kind != TokenKind::kWord || tokens[first + 1].capitalised ||
        tokens[first + 1].begin >= before || !kVerbs->contains(LowerTokenText(seg_, tokens[first + 1]))) {
      continue;
    }
    const std::string lone(WithoutPossessive(TokenText(text_, tokens[first])));
    const std::string lower = absl::AsciiStrToLower(lone);
    if (entities_.contains(lone) && entities_.at(lone).kind != SpeakerKind::kOrganisation) return {};
    if (by_surname_.contains(lone) || titled_names_.contains(lone) || IsFirstName(lower) || IsPronoun(lower) ||
        kFigures->contains(lower) ||
        LooksLikeDemonym(lower) || IsNationAdjective(lower) || NoOrganisationWord(lower) || IsRoleWord(lower) ||
        GroupNouns().contains(lower) || IsOrgHeadNoun(lower) || OrgNouns().contains(lower) ||
        NotBeforePerson().contains(lower) || LeadingNoise().contains(lower)) {
      return {};
    }
    return {tokens[first].begin, lone};
  }
  return {};
}

bool SpeakerResolver::WithinParagraphs(size_t earlier, size_t later, size_t n) const {
  const size_t here = FirstTokenFrom(seg_, later);
  const size_t there = FirstTokenFrom(seg_, earlier);
  return here < seg_.tokens.size() && there < seg_.tokens.size() &&
         seg_.tokens[here].paragraph <= seg_.tokens[there].paragraph + n;
}

bool SpeakerResolver::AskerOrTopicInSentence(size_t begin, size_t pronoun_token) const {
  const std::vector<Token>& tokens = seg_.tokens;
  if (pronoun_token >= tokens.size()) return false;
  const size_t t = FirstTokenFrom(seg_, begin);
  if (t >= tokens.size() || tokens[t].sentence != tokens[pronoun_token].sentence) return false;
  // (Only after a question's verb: "a speech by Rupert Lowe, in which he said" is his.)
  const size_t first = seg_.sentences[tokens[t].sentence].first_token;
  const absl::string_view opener = first < tokens.size() ? LowerTokenText(seg_, tokens[first]) : "";
  auto asking = [](absl::string_view w) {
    return w == "asked" || w == "pressed" || w == "questioned" || w == "quizzed" || w == "challenged" ||
           w == "interviewed";
  };
  for (size_t k = t; k > 0 && t - k < 8 && tokens[k - 1].sentence == tokens[t].sentence; --k) {
    if (tokens[k - 1].kind == TokenKind::kWord && LowerTokenText(seg_, tokens[k - 1]) == "by" &&
        (asking(opener) || (k >= 2 && asking(LowerTokenText(seg_, tokens[k - 2]))))) {
      return true;
    }
  }
  // "Asked whether Havertz should have been sent off, he said": whom the question is about.
  return t < pronoun_token && (opener == "asked" || opener == "pressed" || opener == "questioned");
}

std::string SpeakerResolver::FullNameOf(const PersonMention& p) const {
  if (p.full) return p.name;
  return p.knighted ? FullNameForFirstName(p.name, p.begin) : FullNameFor(p.name, p.begin);
}

std::string SpeakerResolver::FullNameForFirstName(absl::string_view first, size_t pos) const {
  auto fits = [&](const std::string& name) {
    return name.size() > first.size() + 1 && absl::StartsWith(name, first) && name[first.size()] == ' ' &&
           !joint_.contains(name);
  };
  for (auto it = seen_.crbegin(); it != RecentEnd(); ++it) {
    if (it->pos < pos && fits(it->name)) return it->name;
  }
  for (auto p = persons_.crbegin(); p != persons_.crend(); ++p) {
    if (p->begin < pos && p->full && fits(p->name)) return p->name;
  }
  return "";
}

bool SpeakerResolver::ObjectPosition(size_t begin) const {
  const size_t t = FirstTokenFrom(seg_, begin);
  if (t == 0 || t >= seg_.tokens.size()) return false;
  // Among its sentence's first four words ("Head coach Brendon McCullum was bullish"): a subject.
  if (t - seg_.sentences[seg_.tokens[t].sentence].first_token < 4) return false;
  const Token& before = seg_.tokens[t - 1];
  if (before.sentence != seg_.tokens[t].sentence || before.kind != TokenKind::kWord || before.capitalised) return false;
  // Over the role words before the name: "echoed by Dutch minister Femke Wiersma".
  size_t t0 = t;
  while (t0 > 0 && t - t0 < 6 && seg_.tokens[t0 - 1].sentence == seg_.tokens[t].sentence &&
         seg_.tokens[t0 - 1].kind == TokenKind::kWord &&
         (seg_.tokens[t0 - 1].capitalised || IsRoleWord(LowerTokenText(seg_, seg_.tokens[t0 - 1])) ||
          IsRoleModifier(LowerTokenText(seg_, seg_.tokens[t0 - 1])))) {
    --t0;
  }
  if (t0 == 0) return false;
  const Token& before_np = seg_.tokens[t0 - 1];
  if (before_np.sentence != seg_.tokens[t].sentence || before_np.kind != TokenKind::kWord) return false;
  // ("said Jane Smith" names the speaker; "told Sky Sports" names whom she told: an object.)
  static const auto* const kClauseStarts = new Set{"and", "but", "while", "as", "when", "because", "then", "so", "by",
                                                   "or", "said", "says", "after", "before", "since",
                                                   "although", "though", "if", "that", "where", "whereas",
                                                   "how", "why", "what", "whether", "who", "which", "once", "until"};
  return !kClauseStarts->contains(LowerTokenText(seg_, before_np));
}

std::string SpeakerResolver::FullNameFor(absl::string_view surname, size_t pos) const {
  // The speakers resolved so far come first: they are what the article talks about.
  for (auto it = seen_.crbegin(); it != RecentEnd(); ++it) {
    if (joint_.contains(it->name)) continue;  // "Dr Nieuwoudt" is not "Melissa Ryan and Ross Nieuwoudt"
    // Case aside: "De Blasio" at a sentence's start is "Bill de Blasio".
    if (it->name.size() > surname.size() && absl::EndsWithIgnoreCase(it->name, surname) &&
        it->name[it->name.size() - surname.size() - 1] == ' ') {
      return it->name;
    }
  }
  // Persons are indexed by their last word; "de Blasio" is looked up as "Blasio".
  const size_t space = surname.rfind(' ');
  auto it = by_surname_.find(space == absl::string_view::npos ? surname : surname.substr(space + 1));
  if (it == by_surname_.end()) return "";
  std::string best;
  for (size_t idx : it->second) {
    if (persons_[idx].begin >= pos) break;
    const std::string& name = persons_[idx].name;
    if (name.size() > surname.size() && absl::EndsWithIgnoreCase(name, surname) &&
        name[name.size() - surname.size() - 1] == ' ') {
      best = name;
    }
  }
  return best;
}

bool SpeakerResolver::Compatible(const std::string& name, SpeakerKind kind, Gender wanted) const {
  if (name.empty()) return false;
  if (kind != SpeakerKind::kPerson) return false;
  auto e = entities_.find(name);
  if (e == entities_.end()) return true;
  if (e->second.kind != SpeakerKind::kPerson && e->second.kind != SpeakerKind::kUnknown) {
    return false;
  }
  return e->second.gender == Gender::kUnknown || e->second.gender == wanted ||
         wanted == Gender::kUnknown;
}

SpeakerResolver::Person SpeakerResolver::MostRecentPerson(Gender wanted, ByteSpan mention) const {
  // The most recent compatible speaker...
  size_t best_pos = 0;
  std::string best;
  for (auto it = seen_.crbegin(); it != RecentEnd(); ++it) {
    if (it->pos >= mention.begin) continue;
    auto e = entities_.find(it->name);
    if (e == entities_.end()) continue;
    if (Compatible(it->name, e->second.kind, wanted)) {
      best_pos = it->pos;
      best = it->name;
      break;
    }
  }
  // ...or person named since then.
  Person fallback;
  const PersonMention* named = nullptr;
  auto p = std::lower_bound(persons_.begin(), persons_.end(), mention.begin,
                            [](const PersonMention& m, size_t pos) { return m.begin < pos; });
  const size_t pronoun_token = FirstTokenFrom(seg_, mention.begin);
  for (int steps = 0; p != persons_.begin() && steps < 50; ++steps) {
    --p;
    if (!best.empty() && p->begin <= best_pos) break;
    if (p->end > mention.begin) continue;
    // "Asked by the spokesperson, Helen Morgan, how many, she said": the agent after "by"
    // in the pronoun's own sentence is the one asking, not the one speaking; nor is the one
    // a question was about ("Asked whether Havertz should have been sent off, he said").
    if (AskerOrTopicInSentence(p->begin, pronoun_token)) continue;
    std::string name = FullNameOf(*p);
    if (name.empty()) name = p->name;
    if (wanted != Gender::kUnknown && p->gender != Gender::kUnknown && p->gender != wanted) continue;
    if (!Compatible(name, SpeakerKind::kPerson, wanted)) continue;
    // A person named since the last speaker, as the object of a verb, the tail of a noun
    // phrase ("the raid that killed 9/11 plotter Osama bin Laden") or a possessor, is less likely meant
    // than that speaker, unless their gender is known to fit.
    const bool object = p->possessive || ObjectPosition(p->begin);
    if (!best.empty() && p->gender == Gender::kUnknown && object) continue;
    // With no speaker before, such a person is meant only when no subject is named before
    // them in the paragraph: "Villa boss Unai Emery was frustrated after Kai Havertz's
    // opener. ... he said" is Emery.
    if (best.empty() && p->gender == Gender::kUnknown && object) {
      if (fallback.name.empty()) fallback = {name, p->begin, &*p};
      continue;
    }
    if (!fallback.name.empty() && !WithinParagraphs(p->begin, fallback.pos, 0)) break;
    best = name;
    best_pos = p->begin;
    named = &*p;
    break;
  }
  if (best.empty()) return fallback;
  return {best, best_pos, named};
}

ResolvedSpeaker SpeakerResolver::ResolvePronoun(absl::string_view pronoun, ByteSpan mention) {
  ResolvedSpeaker s;
  s.mention = mention;
  s.kind = SpeakerKind::kUnknown;
  if (pronoun == "he" || pronoun == "she") {
    const Gender wanted = pronoun == "he" ? Gender::kMale : Gender::kFemale;
    const auto [best, best_pos, named] = MostRecentPerson(wanted, mention);
    // "Dr Sarah Patel, a consultant, said ... The minister said ... She added": the unnamed
    // office holder who just spoke, not the woman named before them, when the article gave
    // her another role. ("John Kasich said ... The Ohio governor said ... He added": a person
    // named with no role may be that office holder, under another name; the pronoun keeps
    // his name.)
    if (OfficeHolderMeant(wanted, mention)) {
      bool someone_else = best.empty();
      if (!best.empty()) {
        auto e = entities_.find(best);
        someone_else = (e != entities_.end() && !e->second.role.empty()) ||
                       (named != nullptr && named->role_end > named->role_begin);
      }
      if (someone_else) {
        last_office_->gender = wanted;
        ResolvedSpeaker u = last_office_->speaker;
        u.mention = mention;
        return u;
      }
    }
    last_office_.reset();  // the pronoun is someone else, who spoke after the office holder
    // "A spokesman for Romania's health ministry said ... He declined to give figures": an
    // unnamed speaker since then is meant, of a gender that fits (by the role's words).
    if (last_unnamed_.has_value() && last_unnamed_->pos < mention.begin && (best.empty() || last_unnamed_->pos > best_pos) &&
        (last_unnamed_->gender == Gender::kUnknown || last_unnamed_->gender == wanted)) {
      if (WithinParagraphs(last_unnamed_->pos, mention.begin, 1)) {
        ResolvedSpeaker u = last_unnamed_->speaker;
        u.mention = mention;
        return u;
      }
    }
    if (best.empty()) return s;
    s.name = best;
    s.kind = SpeakerKind::kPerson;
    Entity& e = entities_[best];
    if (e.gender == Gender::kUnknown) e.gender = wanted;
    // "Labour MP Rachel Blake pressed officials ... She asked": what was written before her
    // name, when she has not spoken before.
    if (e.role.empty() && e.affiliation.empty() && named != nullptr) {
      ResolvedSpeaker written;
      AdoptWrittenRole(*named, &written);
      e.role = written.role;
      e.affiliation = written.affiliation;
      e.affiliation_id = written.affiliation_id;
    }
    s.role = e.role;
    s.affiliation = e.affiliation;
    s.affiliation_id = e.affiliation_id;
    s.id = Slugify(best);
    return s;
  }
  if (pronoun == "who" || pronoun == "which") {
    // "... from Senator Elizabeth Warren, who said ...": the name just before the comma.
    const size_t t = FirstTokenFrom(seg_, mention.begin);
    // "objections from residents who said ...": a group noun right before "who" (no comma).
    if (t >= 1 && t < seg_.tokens.size() && seg_.tokens[t - 1].kind == TokenKind::kWord &&
        !seg_.tokens[t - 1].capitalised && GroupNouns().contains(LowerTokenText(seg_, seg_.tokens[t - 1])) &&
        !resolving_antecedent_) {
      size_t b = t - 1;
      while (b > 0 && t - 1 - b < 3 && seg_.tokens[b - 1].kind == TokenKind::kWord &&
             seg_.tokens[b - 1].sentence == seg_.tokens[t].sentence &&
             !NotBeforePerson().contains(LowerTokenText(seg_, seg_.tokens[b - 1])) &&
             !IsCueWord(LowerTokenText(seg_, seg_.tokens[b - 1]))) {
        --b;
      }
      ResolvedSpeaker r = ResolveAntecedent({b, t});
      if (r.kind == SpeakerKind::kGroup) {
        r.mention = mention;
        return r;
      }
    }
    if (t >= 2 && t < seg_.tokens.size() && IsPunct(text_, seg_.tokens[t - 1], ",")) {
      const size_t end = seg_.tokens[t - 2].end;
      // Persons are in text order: the one ending there is among the last few starting before.
      auto p = std::lower_bound(persons_.begin(), persons_.end(), end,
                                [](const PersonMention& m, size_t pos) { return m.begin < pos; });
      for (int steps = 0; p != persons_.begin() && steps < 4; ++steps) {
        --p;
        if (p->end != end) continue;
        std::string name = FullNameOf(*p);
        AsPerson(name.empty() ? p->name : name, &s);
        return s;
      }
      const std::vector<OrgOccurrence>& occ = orgs_.occurrences();  // in order, disjoint
      auto o = std::lower_bound(occ.begin(), occ.end(), end, [](const OrgOccurrence& x, size_t pos) { return x.end < pos; });
      if (o != occ.end() && o->end == end) {
        AdoptOrganisation(*o, SpeakerKind::kOrganisation, &s);
        return s;
      }
      // "opposition from residents, who say ...", "A senior Republican aide, who spoke on
      // condition of anonymity, said": the noun phrase before the comma, resolved as a speaker.
      if (seg_.tokens[t - 2].kind == TokenKind::kWord && !seg_.tokens[t - 2].capitalised && !resolving_antecedent_) {
        size_t b = t - 2;
        while (b > 0 && t - 2 - b < 6 && seg_.tokens[b - 1].kind == TokenKind::kWord &&
               seg_.tokens[b - 1].sentence == seg_.tokens[t].sentence) {
          const absl::string_view w = LowerTokenText(seg_, seg_.tokens[b - 1]);
          if (NotBeforePerson().contains(w) && w != "the" && w != "a" && w != "an") break;
          --b;
          if (w == "the" || w == "a" || w == "an") break;
        }
        ResolvedSpeaker r = ResolveAntecedent({b, t - 1});
        if (r.kind != SpeakerKind::kUnknown || !r.role.empty()) {
          // Unresolved, the words name them for display (no id: not indexed as a speaker).
          if (r.kind == SpeakerKind::kUnknown && r.name.empty()) {
            r.name = std::string(text_.substr(seg_.tokens[b].begin, seg_.tokens[t - 2].end - seg_.tokens[b].begin));
          }
          r.mention = mention;
          return r;
        }
      }
      // A name the person scan passed over ("from Senator Elizabeth Warren"): two to four
      // capitalised words that are no title or role.
      size_t b = t - 1;
      while (b > 0 && t - 1 - b < 4 && seg_.tokens[b - 1].kind == TokenKind::kWord && seg_.tokens[b - 1].capitalised) {
        const absl::string_view w = LowerTokenText(seg_, seg_.tokens[b - 1]);
        if (IsTitle(w) || IsRoleWord(w) || NonNameWords().contains(w)) break;
        --b;
      }
      if (t - 1 - b >= 2 && orgs_.Within(seg_.tokens[b].begin, end).empty()) {
        AsPerson(std::string(text_.substr(seg_.tokens[b].begin, end - seg_.tokens[b].begin)), &s);
      }
    }
    return s;
  }
  if (pronoun == "i" && !author_.empty()) {
    const size_t t = FirstTokenFrom(seg_, mention.begin);
    if (t < in_quote_.size() && !in_quote_[t]) {
      AsPerson(author_, &s);
      s.role = "author";
      return s;
    }
  }
  // "Palantir said ... Campaigners at Foxglove disagreed. They said": a group that is the
  // subject of the sentence before, in the same paragraph and after the last speaker, is
  // who "they" are.
  if (pronoun == "they" && !resolving_antecedent_) {
    const std::vector<Token>& tokens = seg_.tokens;
    size_t latest = 0;  // where the last speaker before the pronoun was named
    for (auto it = seen_.crbegin(); it != RecentEnd(); ++it) {
      if (it->pos < mention.begin) {
        latest = it->pos + 1;
        break;
      }
    }
    const size_t t = FirstTokenFrom(seg_, mention.begin);
    const size_t si = t < tokens.size() ? tokens[t].sentence : 0;
    if (si > 0 && seg_.sentences[si - 1].paragraph == seg_.sentences[si].paragraph &&
        tokens[seg_.sentences[si - 1].first_token].begin >= latest) {
      const Sentence& prev = seg_.sentences[si - 1];
      size_t g = prev.first_token;
      while (g < prev.end_token && g - prev.first_token < 3 && tokens[g].kind == TokenKind::kWord &&
             !GroupNouns().contains(LowerTokenText(seg_, tokens[g]))) {
        ++g;
      }
      if (g < prev.end_token && g - prev.first_token < 3 && tokens[g].kind == TokenKind::kWord &&
          GroupNouns().contains(LowerTokenText(seg_, tokens[g]))) {
        size_t e = g + 1;
        // "Campaigners at Foxglove", "Residents of Hackney Wick".
        if (e + 1 < prev.end_token && tokens[e].kind == TokenKind::kWord && tokens[e + 1].capitalised) {
          const absl::string_view p = LowerTokenText(seg_, tokens[e]);
          if (p == "at" || p == "from" || p == "of" || p == "in") {
            e += 1;
            while (e < prev.end_token && tokens[e].kind == TokenKind::kWord && tokens[e].capitalised) ++e;
          }
        }
        ResolvedSpeaker r = ResolveAntecedent({prev.first_token, e});
        if (r.kind == SpeakerKind::kGroup || r.kind == SpeakerKind::kOrganisation) {
          r.mention = mention;
          return r;
        }
      }
    }
  }
  if (pronoun == "they" && !resolving_antecedent_) {
    if (std::optional<ResolvedSpeaker> u = SingularThey(mention)) return *u;
  }
  if (pronoun == "they" || pronoun == "it") {
    for (auto it = seen_.crbegin(); it != RecentEnd(); ++it) {
      if (it->pos >= mention.begin) continue;
      // "The BMA and the RCN said ... They added": the joint speakers, members and all.
      if (pronoun == "they") {
        if (auto g = joint_.find(it->name); g != joint_.end()) {
          s = g->second;
          s.mention = mention;
          return s;
        }
      }
      auto e = entities_.find(it->name);
      if (e == entities_.end()) continue;
      if (e->second.kind == SpeakerKind::kOrganisation ||
          (pronoun == "they" && e->second.kind == SpeakerKind::kGroup)) {
        Adopt(it->name, e->second, &s);
        return s;
      }
      break;  // only the latest speaker: "they" rarely skips over a person
    }
    if (pronoun == "it") {
      if (const OrgOccurrence* o = orgs_.MostRecent(mention.begin, "")) {
        AdoptOrganisation(*o, SpeakerKind::kOrganisation, &s);
      }
    }
  }
  return s;
}

namespace {

// A singular noun for a person that gives no gender and that news writes "they" of: a
// spokesperson (not a spokesman or spokeswoman) or a representative.
bool GenderlessSpokesNoun(absl::string_view lower) {
  return (IsSpokes(lower) && !absl::EndsWith(lower, "man") && !absl::EndsWith(lower, "men") &&
          !absl::EndsWith(lower, "s")) ||
         lower == "representative" || lower == "rep";
}

}  // namespace

std::optional<ResolvedSpeaker> SpeakerResolver::SingularThey(ByteSpan mention) {
  const std::vector<Token>& tokens = seg_.tokens;
  const size_t t = FirstTokenFrom(seg_, mention.begin);
  if (t >= tokens.size()) return std::nullopt;
  // The pronoun opens its sentence, or only a quotation comes before it ('"...," they added').
  const size_t si = tokens[t].sentence;
  for (size_t k = seg_.sentences[si].first_token; k < t; ++k) {
    if (tokens[k].kind == TokenKind::kWord && !in_quote_[k]) return std::nullopt;
  }
  size_t latest = 0;  // where the last speaker before the pronoun was named, plus one
  for (auto it = seen_.crbegin(); it != RecentEnd(); ++it) {
    if (it->pos < mention.begin) {
      latest = it->pos + 1;
      break;
    }
  }
  // "A spokesperson said ... They added": the unnamed speaker, when no one spoke since.
  if (last_unnamed_.has_value() && last_unnamed_->pos < mention.begin && last_unnamed_->pos + 1 >= latest &&
      WithinParagraphs(last_unnamed_->pos, mention.begin, 1)) {
    // (Any word of the role: "spokesperson for the trust".)
    bool genderless = false;
    for (absl::string_view w : absl::StrSplit(absl::AsciiStrToLower(last_unnamed_->speaker.role), ' ')) {
      genderless = genderless || GenderlessSpokesNoun(w);
    }
    if (genderless) {
      ResolvedSpeaker u = last_unnamed_->speaker;
      u.mention = mention;
      return u;
    }
  }
  // "A Palantir spokesperson has been in touch. They said": the sentence before (in this
  // paragraph or ending the one before), after the last speaker, opens with "a"/"an", up to
  // three words and such a noun, and "for"/"at"/"from" an organisation after it.
  if (si == 0 || si - 1 >= seg_.sentences.size()) return std::nullopt;
  const Sentence& prev = seg_.sentences[si - 1];
  if (prev.paragraph + 1 < seg_.sentences[si].paragraph) return std::nullopt;
  if (prev.first_token >= prev.end_token || tokens[prev.first_token].begin < latest) return std::nullopt;
  const absl::string_view det = LowerTokenText(seg_, tokens[prev.first_token]);
  if (det != "a" && det != "an") return std::nullopt;
  size_t g = prev.first_token + 1;
  while (g < prev.end_token && g - prev.first_token <= 4 && tokens[g].kind == TokenKind::kWord &&
         !GenderlessSpokesNoun(LowerTokenText(seg_, tokens[g]))) {
    ++g;
  }
  if (g >= prev.end_token || g - prev.first_token > 4 || tokens[g].kind != TokenKind::kWord ||
      in_quote_[g]) {
    return std::nullopt;
  }
  size_t e = g + 1;
  if (e + 1 < prev.end_token && tokens[e].kind == TokenKind::kWord) {
    const absl::string_view p = LowerTokenText(seg_, tokens[e]);
    if (p == "for" || p == "at" || p == "from") {
      size_t o = e + 1;
      if (LowerTokenText(seg_, tokens[o]) == "the" && o + 1 < prev.end_token) ++o;
      const std::vector<const OrgOccurrence*> named = orgs_.Within(tokens[o].begin, tokens[prev.end_token - 1].end);
      if (!named.empty() && named.front()->begin == tokens[o].begin) {
        e = FirstTokenFrom(seg_, named.front()->end);
      } else if (o > e + 1 && tokens[o].kind == TokenKind::kWord) {
        e = o + 1;  // "a spokesperson for the trust"
      }
    }
  }
  ResolvedSpeaker r = ResolveAntecedent({prev.first_token, e});
  const bool fits = (r.kind == SpeakerKind::kOrganisation && IsSpokes(absl::AsciiStrToLower(r.role))) ||
                    (r.kind == SpeakerKind::kUnknown && r.name.empty() && !r.role.empty());
  if (!fits) return std::nullopt;
  // For the pronouns after this one ("They said ... they added").
  last_unnamed_ = Unnamed{r.mention.begin, Gender::kUnknown, r};
  r.mention = mention;
  return r;
}

bool SpeakerResolver::OfficeHolderMeant(Gender wanted, ByteSpan mention) const {
  if (!last_office_.has_value() || last_office_->pos >= mention.begin) return false;
  if (last_office_->gender != Gender::kUnknown && last_office_->gender != wanted) return false;
  if (!WithinParagraphs(last_office_->pos, mention.begin, 1)) return false;
  // No person named since the office holder (persons_ are in text order).
  auto p = std::upper_bound(persons_.begin(), persons_.end(), last_office_->pos,
                            [](size_t pos, const PersonMention& m) { return pos < m.begin; });
  if (p != persons_.end() && p->begin < mention.begin) return false;
  // The pronoun opens its sentence, or only a quotation and its punctuation come before it.
  const std::vector<Token>& tokens = seg_.tokens;
  const size_t t = FirstTokenFrom(seg_, mention.begin);
  if (t >= tokens.size()) return false;
  for (size_t k = seg_.sentences[tokens[t].sentence].first_token; k < t; ++k) {
    if (tokens[k].kind == TokenKind::kWord && !in_quote_[k]) return false;
  }
  return true;
}

ResolvedSpeaker SpeakerResolver::ResolveAntecedent(TokenRange head) {
  SpeakerPhrase antecedent;
  antecedent.head = head;
  resolving_antecedent_ = true;
  ResolvedSpeaker r = Resolve(antecedent);
  resolving_antecedent_ = false;
  return r;
}

ResolvedSpeaker SpeakerResolver::ResolveNominal(absl::string_view noun,
                                                const std::string& premods, ByteSpan mention) {
  ResolvedSpeaker s;
  s.mention = mention;
  s.kind = SpeakerKind::kUnknown;
  const bool definite = absl::StartsWith(premods, "the ") || premods == "the";
  // "the two bodies", "the three unions", "both organisations": the joint speakers named
  // last (among the last few speakers), when a plural noun refers back to them.
  static const auto* const kJointNouns = new absl::flat_hash_set<std::string>{
      "bodies", "organisations", "organizations", "unions", "groups", "colleges", "charities",
      "trusts", "councils", "companies", "firms", "parties", "associations", "campaigns", "pair",
      "leaders", "men", "women", "ministers", "mps", "doctors", "nurses", "campaigners", "signatories"};
  bool counted = false;
  bool first_person = false;  // "our chief executive": the writer's, no one the article named
  for (absl::string_view w : absl::StrSplit(premods, ' ', absl::SkipEmpty())) {
    counted = counted || w == "two" || w == "three" || w == "four" || w == "both";
    first_person = first_person || w == "our" || w == "my";
  }
  if (first_person) {
    s.role = std::string(noun);
    return s;
  }
  if ((definite || counted) && (kJointNouns->contains(noun) || (counted && absl::EndsWith(noun, "s")))) {
    int steps = 0;
    for (auto it = seen_.crbegin(); it != RecentEnd() && steps < 8; ++it, ++steps) {
      if (it->pos >= mention.begin) continue;
      if (auto g = joint_.find(it->name); g != joint_.end()) {
        s = g->second;
        s.mention = mention;
        return s;
      }
    }
  }
  if (IsSpokes(noun)) {
    // "a government spokesperson", "a council spokeswoman": of that kind of body only ("a
    // company spokesperson" of any company).
    std::string body;
    for (absl::string_view w : absl::StrSplit(premods, ' ', absl::SkipEmpty())) {
      if ((OrgNouns().contains(w) || w == "police" || w == "army") && w != "company" && w != "firm" &&
          w != "group" && w != "organisation" && w != "organization" && w != "body") {
        body = std::string(w);
      }
    }
    // "the spokesperson": whoever spoke in that role last, unless an organisation spoke
    // after them ("A Palantir spokesperson added ... NHS England says ... A spokesperson
    // said": NHS England's).
    // ("The spokeswoman added" is the spokeswoman before, whoever spoke between.)
    for (auto it = seen_.crbegin(); it != RecentEnd() && body.empty(); ++it) {
      auto e = entities_.find(it->name);
      if (e == entities_.end()) continue;
      if (absl::StrContains(e->second.role, "spokes")) {
        Adopt(it->name, e->second, &s);
        return s;
      }
      if (!definite && e->second.kind == SpeakerKind::kOrganisation && it->pos < mention.begin &&
          WithinParagraphs(it->pos, mention.begin, 1)) {
        break;
      }
    }
    // "'We know we need to do better,' a spokesperson said": of the organisation that spoke
    // last, in this paragraph or the one before.
    for (auto it = seen_.crbegin(); it != RecentEnd(); ++it) {
      if (it->pos >= mention.begin) continue;
      auto e = entities_.find(it->name);
      if (e == entities_.end() || e->second.kind != SpeakerKind::kOrganisation) continue;
      // (A department or a ministry speaks for the government.)
      if (!OrganisationFitsNoun(it->name, body) &&
          !(body == "government" &&
            (OrganisationFitsNoun(it->name, "department") || OrganisationFitsNoun(it->name, "ministry")))) {
        break;
      }
      if (WithinParagraphs(it->pos, mention.begin, 1)) {
        Adopt(it->name, e->second, &s);
        s.role = std::string(noun);
        return s;
      }
      break;
    }
    s.role = std::string(noun);
    return s;
  }
  // "Senior Labour figures", "leading figures in the party": people, not statistics.
  bool people_figures = false;
  if (noun == "figures") {
    for (absl::string_view w : absl::StrSplit(premods, ' ', absl::SkipEmpty())) {
      people_figures = people_figures || w == "senior" || w == "leading" || w == "prominent" ||
                       w == "top" || w == "key" || w == "party" || w == "public" || w == "political";
    }
  }
  if (GroupNouns().contains(noun) || people_figures) {
    const bool campaign = CampaignNoun(noun);
    const OrgOccurrence* o = campaign ? orgs_.MostRecent(mention.begin, "group") : nullptr;
    if (definite && o != nullptr) {
      AdoptOrganisation(*o, SpeakerKind::kGroup, &s);
      return s;
    }
    // The words themselves name the group ("campaigners", "local residents").
    std::string words = premods.empty() ? std::string(noun) : absl::StrCat(premods, " ", noun);
    // Without the clause's words before them ("while his advisers", "after campaign aides").
    for (bool stripped = true; stripped;) {
      stripped = false;
      for (const char* det : {"the ", "a ", "an ", "some ", "many ", "other ", "while ", "after ", "before ",
                              "his ", "her ", "their ", "its ", "our ", "as ", "when ", "and ", "but ", "if "}) {
        if (absl::StartsWith(words, det) && words.size() > strlen(det)) {
          words = words.substr(strlen(det));
          stripped = true;
        }
      }
    }
    s.name = words;
    s.id = Slugify(words);
    s.kind = SpeakerKind::kGroup;
    if (o != nullptr) {
      s.affiliation = o->name;
      s.affiliation_id = o->id;
    }
    return s;
  }
  if (OrgNouns().contains(noun)) {
    // Not one named inside a quotation ("'... competition from Microsoft remained the biggest
    // risk' ... The company also announced"), unless no other fits.
    const OrgOccurrence* o = orgs_.MostRecent(mention.begin, noun);
    // "The Labour government" is of no other nation's or party's government named before.
    if (noun == "government" || noun == "ministry") {
      for (absl::string_view w : absl::StrSplit(premods, ' ', absl::SkipEmpty())) {
        if (o != nullptr && (IsNationAdjective(w) || IsPartyOrCreedAdjective(w)) &&
            !absl::StrContains(absl::AsciiStrToLower(o->name), w)) {
          o = nullptr;
        }
      }
    }
    const OrgOccurrence* first = o;
    for (int steps = 0; o != nullptr && steps < 8; ++steps) {
      const size_t t = FirstTokenFrom(seg_, o->begin);
      if (t >= in_quote_.size() || !in_quote_[t]) break;
      o = orgs_.MostRecent(o->begin, noun);
    }
    if (o == nullptr) o = first;
    // "Apex Digital, the software company that supplied the system, ... The company said":
    // a company whose name says nothing of what it is. The latest organisation named in this
    // paragraph or the two before whose name says it is something else (a council, a union,
    // a department, a newspaper...) is not meant.
    if (o == nullptr && (noun == "company" || noun == "firm" || noun == "business")) o = LatestCommercialOrg(mention);
    if (noun == "company" || noun == "firm" || noun == "business" || noun == "bank") {
      LatestCompany(mention, o, &s);
    } else if (o != nullptr) {
      AdoptOrganisation(*o, SpeakerKind::kOrganisation, &s);
    }
    return s;
  }
  // "Tesco raised its forecast. The UK's biggest supermarket said": a company's kind of
  // business with "the" is the organisation named last, in this paragraph or the two before
  // ("the retailer", "the airline", "the lender"), or the one that spoke last, or a
  // sentence's one-word subject (LatestCompany).
  // (Not "the landlord", "the builder": often a person.)
  if (definite && IsOrgHeadNoun(noun) && !OrgNouns().contains(noun) && !GroupNouns().contains(noun) &&
      noun != "landlord" && noun != "builder") {
    if (LatestCompany(mention, LatestCommercialOrg(mention), &s)) {
      s.role = std::string(noun);
      return s;
    }
  }
  // "the minister", "the councillor": the last speaker with that role.
  for (auto it = seen_.crbegin(); it != RecentEnd(); ++it) {
    auto e = entities_.find(it->name);
    if (e != entities_.end() && e->second.kind == SpeakerKind::kPerson &&
        RoleFitsNoun(absl::AsciiStrToLower(e->second.role), noun, premods)) {
      Adopt(it->name, e->second, &s);
      return s;
    }
  }
  // ...or the last person named with that role before their name ("Former president Barack
  // Obama weighed in ... The former president told donors"), in this paragraph or the two
  // before; anywhere before it for an office of one holder ("First Minister John Swinney
  // visited ... The First Minister said": "first" or "prime", which RoleFitsNoun requires
  // of the role too), among the last 100 persons named.
  {
    bool one_holder = false;
    for (absl::string_view w : absl::StrSplit(premods, ' ', absl::SkipEmpty())) {
      one_holder = one_holder || w == "first" || w == "prime";
    }
    auto p = std::lower_bound(persons_.begin(), persons_.end(), mention.begin,
                              [](const PersonMention& m, size_t pos) { return m.begin < pos; });
    for (int steps = 0; p != persons_.begin() && steps < (one_holder ? 100 : 30); ++steps) {
      --p;
      if (!one_holder && !WithinParagraphs(p->begin, mention.begin, 2)) break;
      if (p->role_end == p->role_begin) continue;
      const std::string role = absl::AsciiStrToLower(text_.substr(p->role_begin, p->role_end - p->role_begin));
      if (!RoleFitsNoun(role, noun, premods)) continue;
      // Far back, another nation's office is not this one ("Welsh First Minister Eluned
      // Morgan" beside "First Minister John Swinney": "The First Minister said" is his).
      if (one_holder && !WithinParagraphs(p->begin, mention.begin, 2)) {
        bool other_nation = false;
        for (absl::string_view w : absl::StrSplit(role, ' ', absl::SkipEmpty())) {
          other_nation = other_nation || (IsNationAdjective(w) && !absl::StrContains(premods, w));
        }
        if (other_nation) continue;
      }
      std::string name = FullNameOf(*p);
      AsPerson(name.empty() ? p->name : name, &s);
      if (s.role.empty()) AdoptWrittenRole(*p, &s);
      return s;
    }
  }
  // "Scott McTominay scored twice. The Scotland midfielder said": the person in focus, named
  // in this paragraph or the two before.
  if (definite && (IsPersonEpithet(noun) || LooksLikeDemonym(noun))) {
    const Gender gender = absl::EndsWith(noun, "woman") ? Gender::kFemale
                          : absl::EndsWith(noun, "man") ? Gender::kMale
                                                        : Gender::kUnknown;
    const Person p = MostRecentPerson(gender, mention);
    if (!p.name.empty() && WithinParagraphs(p.pos, mention.begin, 2)) {
      AsPerson(p.name, &s);
      if (s.role.empty() && s.affiliation.empty() && p.named != nullptr) AdoptWrittenRole(*p.named, &s);
      return s;
    }
  }
  s.role = std::string(noun);
  // "The Chancellor said", "the health secretary told MPs": one holder of an office the
  // article does not name is still a person (with no name), not an unknown speaker.
  if (definite && IsRoleWord(noun) && !OrgNouns().contains(noun) && !GroupNouns().contains(noun) &&
      (!absl::EndsWith(noun, "s") || absl::EndsWith(noun, "ss")) && !IsRecordNoun(noun) &&
      !IsDocumentNoun(noun) && !IsOrgHeadNoun(noun) && noun != "source" && noun != "staff" && noun != "people" &&
      noun != "white" && noun != "house" && noun != "cabinet" && noun != "developer" && noun != "investor" &&
      noun != "partner") {
    s.kind = SpeakerKind::kPerson;
    // The office as written, up to its noun: "The First Minister" holds "First Minister",
    // "the chief executive" "chief executive" (not "minister", "executive").
    absl::string_view written = text_.substr(mention.begin, mention.end - mention.begin);
    for (absl::string_view det : {"the ", "The ", "THE "}) {
      if (absl::StartsWith(written, det)) written.remove_prefix(det.size());
    }
    // Without a judgement or an age before the office ("embattled chancellor", "71-year-old
    // former minister"): from the first word that is capitalised, an office's word or one
    // that qualifies an office ("former", "shadow", "deputy").
    while (!written.empty()) {
      const size_t space = written.find(' ');
      if (space == absl::string_view::npos) break;
      const absl::string_view first = written.substr(0, space);
      const std::string lower = absl::AsciiStrToLower(first);
      if (absl::ascii_isupper(static_cast<unsigned char>(first[0])) || IsRoleWord(lower) || IsRoleModifier(lower)) {
        break;
      }
      written.remove_prefix(space + 1);
    }
    const size_t at = absl::AsciiStrToLower(written).find(std::string(noun));
    if (at != std::string::npos && written.size() - at == noun.size() && written.size() <= 40 &&
        written.find(',') == absl::string_view::npos && written.find('\'') == absl::string_view::npos) {
      s.role = std::string(written);
    }
    // "The chief executive said" in a story about one trust: the organisation in focus.
    if (HeldAtAnOrganisation(absl::AsciiStrToLower(s.role))) {
      OrganisationInFocus(mention.begin, &s.affiliation, &s.affiliation_id);
    }
  }
  return s;
}

bool SpeakerResolver::OfficeHolderInBrackets(size_t b, size_t open, size_t close, ResolvedSpeaker* s) const {
  const std::vector<Token>& tokens = seg_.tokens;
  const size_t words = close - open - 1;
  if (words < 2 || words > 4) return false;
  for (size_t k = open + 1; k < close; ++k) {
    if (tokens[k].kind != TokenKind::kWord || !tokens[k].capitalised) return false;
  }
  // "Opposition leader Cllr Tom Bright (Liberal Democrat)": a party, not the office holder.
  if (PartyTagFor(text_.substr(tokens[open + 1].begin, tokens[close - 1].end - tokens[open + 1].begin)) != nullptr) {
    return false;
  }
  bool office = false;
  for (size_t k = b; k < open; ++k) {
    const absl::string_view w = LowerTokenText(seg_, tokens[k]);
    office = office || w == "secretary" || w == "minister" || w == "speaker" || w == "chancellor" ||
             w == "leader" || w == "solicitor" || w == "attorney" || w == "whip";
  }
  if (!office) return false;
  size_t rb = b;
  if (LowerTokenText(seg_, tokens[rb]) == "the") ++rb;
  s->name = std::string(text_.substr(tokens[open + 1].begin, tokens[close - 1].end - tokens[open + 1].begin));
  s->id = Slugify(s->name);
  s->kind = SpeakerKind::kPerson;
  if (rb < open) s->role = std::string(text_.substr(tokens[rb].begin, tokens[open - 1].end - tokens[rb].begin));
  return true;
}

bool SpeakerResolver::PlaceWordSurname(size_t b, size_t k) const {
  const std::vector<Token>& tokens = seg_.tokens;
  if (k != b + 1 || k >= tokens.size() || tokens[b].kind != TokenKind::kWord || !tokens[b].capitalised) return false;
  const absl::string_view w = LowerTokenText(seg_, tokens[k]);
  // ("Charlotte Street", "Victoria Station" are places whatever the first word.)
  if (w == "street" || w == "road" || w == "avenue" || w == "lane" || w == "square" || w == "station" ||
      w == "bridge" || w == "centre" || w == "center") {
    return false;
  }
  return !IsRoleWord(w) && !IsTitle(w) && IsFirstName(LowerTokenText(seg_, tokens[b]));
}

bool SpeakerResolver::PossessiveBrand(size_t k) const {
  const Token& t = seg_.tokens[k];
  const absl::string_view w = TokenText(text_, t);
  if ((absl::StartsWith(w, "Mc") && w.size() > 4 && absl::ascii_isupper(static_cast<unsigned char>(w[2]))) ||
      (absl::StartsWith(w, "Mac") && w.size() > 5 && absl::ascii_isupper(static_cast<unsigned char>(w[3])))) {
    return true;
  }
  static const auto* const kBrands =
      new Set{"sainsbury", "domino", "moody", "kellogg", "macy", "lloyd", "sotheby", "christie", "wendy",
              "nando", "lowe", "kohl", "dillard", "denny", "arby", "applebee", "claire", "hellmann", "levi"};
  return kBrands->contains(absl::AsciiStrToLower(WithoutPossessive(w)));
}

std::string SpeakerResolver::OrganisationNameIn(size_t b, size_t e) const {
  const std::vector<Token>& tokens = seg_.tokens;
  for (size_t k = b; k + 1 < e; ++k) {
    const absl::string_view w = TokenText(text_, tokens[k]);
    // ("Domino's Pizza", "McDonald's" keep theirs; so does a brand named with its possessive
    // before a region: "McDonald's UK boss" is McDonald's, PossessiveBrand.)
    if (tokens[k].kind == TokenKind::kWord && IsPossessive(w) && tokens[k + 1].kind == TokenKind::kWord &&
        IsRegionWord(LowerTokenText(seg_, tokens[k + 1]))) {
      const size_t end = PossessiveBrand(k) ? tokens[k].end : tokens[k].begin + WithoutPossessive(w).size();
      return std::string(text_.substr(tokens[b].begin, end - tokens[b].begin));
    }
  }
  return std::string(text_.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin));
}

void SpeakerResolver::ApplyApposition(TokenRange app, ResolvedSpeaker* s, Gender* gender) const {
  const std::vector<Token>& tokens = seg_.tokens;
  // ", chief executive of X," after a name in the apposition: from its first word.
  while (!app.empty() && app.begin < tokens.size() && IsPunct(text_, tokens[app.begin], ",")) ++app.begin;
  if (app.empty()) return;
  // "Sen. Maria Delgado, D-N.M.,", "Rep. James Whitford, R-Texas, chairman of ...": a US
  // party and state tag is the party (the affiliation unless the rest names an
  // organisation), no role.
  if (app.end <= tokens.size()) {
    size_t comma = app.begin;
    while (comma < app.end && comma - app.begin < 8 && !IsPunct(text_, tokens[comma], ",")) ++comma;
    const absl::string_view tag = text_.substr(tokens[app.begin].begin, tokens[comma - 1].end - tokens[app.begin].begin);
    const PartyTag* party = comma > app.begin ? PartyTagFor(tag) : nullptr;
    if (party != nullptr && party->prefix && tag.size() <= 12) {
      if (comma + 1 < app.end) ApplyApposition({comma + 1, app.end}, s, gender);
      if (s->affiliation.empty()) {
        s->affiliation = std::string(party->name);
        s->affiliation_id = std::string(party->id);
      }
      return;
    }
  }
  size_t b = app.begin;
  // "Priya Shah, 67, a retired teacher": an age is not a role.
  if (absl::ascii_isdigit(static_cast<unsigned char>(text_[tokens[b].begin]))) {
    ++b;
    if (b < app.end && IsPunct(text_, tokens[b], ",")) ++b;
    if (b >= app.end) return;
    app.begin = b;
  }
  const absl::string_view first = IsAcronym(TokenText(text_, tokens[b])) ? "" : LowerTokenText(seg_, tokens[b]);
  if (first == "who" || first == "which" || first == "whose" || first == "where") return;
  // "President Obama, dedicating the museum on Saturday, said", "Jay Inslee, asked about
  // the budget, said": a participle clause says what the speaker was doing, not who they are.
  if (!tokens[b].capitalised && IsParticipleClauseStart(first)) return;
  // Affiliation: the first organisation named in the apposition (not a job's title that
  // looked like one: "Head of Energy Transition").
  for (const OrgOccurrence* o : orgs_.Within(tokens[app.begin].begin, tokens[app.end - 1].end)) {
    if (!s->affiliation.empty()) break;
    if (JobTitle(o->name)) continue;
    s->affiliation = o->name;
    s->affiliation_id = o->id;
  }
  // "an analyst at UBS", "head of U.S. economic research at Fitch Ratings": the capitalised
  // words after "at" (or two or more after "of") are where they work, named or not.
  if (s->affiliation.empty()) {
    for (size_t k = app.begin + 1; k + 1 < app.end; ++k) {
      const absl::string_view w = LowerTokenText(seg_, tokens[k]);
      if (tokens[k].kind != TokenKind::kWord || (w != "at" && w != "of")) continue;
      // After a role only ("an analyst at", "chair of", "head of U.S. economic research at";
      // not "a parent of a junior at").
      static const auto* const kNotJobs = new Set{"parent", "parents", "resident", "residents", "patient",
                                                  "patients", "student", "students", "pupil", "customer",
                                                  "customers", "user", "users", "tenant", "tenants", "people"};
      bool after_role = false;
      for (size_t j = app.begin; j < k && !after_role; ++j) {
        const absl::string_view r = LowerTokenText(seg_, tokens[j]);
        after_role = tokens[j].kind == TokenKind::kWord && IsRoleWord(r) && !kNotJobs->contains(r);
      }
      if (!after_role || (w == "of" && !IsRoleWord(LowerTokenText(seg_, tokens[k - 1])))) continue;
      size_t nb = k + 1;
      if (nb < app.end && LowerTokenText(seg_, tokens[nb]) == "the") ++nb;
      size_t ne = nb;
      // "Friends of Islington Libraries": connectors inside the name.
      while (ne < app.end && tokens[ne].kind == TokenKind::kWord &&
             (tokens[ne].capitalised || ((LowerTokenText(seg_, tokens[ne]) == "of" || LowerTokenText(seg_, tokens[ne]) == "for" ||
                                          LowerTokenText(seg_, tokens[ne]) == "and") &&
                                         ne + 1 < app.end && tokens[ne + 1].capitalised))) {
        ++ne;
      }
      if (ne == nb || (w == "of" && ne - nb < 2) || (ne < app.end && !IsPunct(text_, tokens[ne], ","))) continue;
      const std::string org = OrganisationNameIn(nb, ne);
      s->affiliation = org;
      s->affiliation_id = CanonicalOrganisationId(org);
      break;
    }
  }
  if (first == "of" || first == "from" || first == "at" || first == "for") return;
  if (first == "a" || first == "an" || first == "the") ++b;
  // "the council's executive member": the possessive names the affiliation.
  if (b < app.end && IsPossessive(LowerTokenText(seg_, tokens[b])) && b + 1 < app.end) {
    absl::string_view noun = LowerTokenText(seg_, tokens[b]);
    noun.remove_suffix(2);
    if (s->affiliation.empty() && OrgNouns().contains(noun)) {
      if (const OrgOccurrence* o = orgs_.MostRecent(tokens[b].begin, noun)) {
        s->affiliation = o->name;
        s->affiliation_id = o->id;
      }
    }
    ++b;
  }
  // Role: up to a preposition that introduces an organisation ("a spokeswoman for X" ->
  // "spokeswoman"; "executive member for finance" stays whole).
  size_t e = b;
  bool portfolio = false;  // "member for", "secretary of": what follows is its remit
  while (e < app.end) {
    // "head of U.S. economic research": the full stop of an abbreviation goes on.
    if (IsPunct(text_, tokens[e], ".") && e > b && e + 1 < app.end && tokens[e - 1].end == tokens[e].begin &&
        absl::StrContains(TokenText(text_, tokens[e - 1]), ".") && tokens[e + 1].kind == TokenKind::kWord) {
      ++e;
      continue;
    }
    if (tokens[e].kind != TokenKind::kWord) {
      // "cabinet member for health, adult social care and wellbeing": a remit that is a list
      // runs to the apposition's end when all that is left is words, commas and one "and".
      if (!portfolio || !IsPunct(text_, tokens[e], ",")) break;
      size_t end = app.end;
      while (end > e && tokens[end - 1].kind != TokenKind::kWord) --end;
      bool list = end > e + 1;
      bool has_and = false;
      for (size_t k = e + 1; k < end && list; ++k) {
        const absl::string_view w = LowerTokenText(seg_, tokens[k]);
        has_and = has_and || w == "and" || IsPunct(text_, tokens[k], "&");
        list = (tokens[k].kind == TokenKind::kWord || IsPunct(text_, tokens[k], ",") ||
                IsPunct(text_, tokens[k], "&")) &&
               w != "who" && w != "which" && w != "whose" && w != "since" && w != "said";
      }
      if (list && has_and) e = end;
      break;
    }
    const absl::string_view w = LowerTokenText(seg_, tokens[e]);
    if ((w == "who" || w == "which" || w == "since" || w == "whose") && !IsAcronym(TokenText(text_, tokens[e]))) break;
    // "member for health and wellbeing" goes on; "a nurse and a mother" does not; nor does
    // "chief data and analytics officer" stop (a role noun one or two words on).
    bool shared_head = false;
    if (w == "and") {
      for (size_t k = e + 1; k < app.end && k <= e + 2 && tokens[k].kind == TokenKind::kWord && !tokens[k].capitalised; ++k) {
        shared_head = shared_head || (IsRoleWord(LowerTokenText(seg_, tokens[k])) && k > e + 1);
      }
    }
    if (w == "and" && !shared_head && (!portfolio || e + 1 >= app.end || tokens[e + 1].kind != TokenKind::kWord ||
                       tokens[e + 1].capitalised || NotBeforePerson().contains(LowerTokenText(seg_, tokens[e + 1])) ||
                       IsPronoun(LowerTokenText(seg_, tokens[e + 1])))) {
      break;
    }
    if (w == "for" || w == "of" || w == "at" || w == "from" || w == "with" || w == "in") {
      // Up to the next "at" or comma: "Head of Energy Transition at Lloyds Banking Group" has
      // a remit, then the organisation.
      size_t extent = w == "at" ? app.end : e + 1;
      while (extent < app.end && tokens[extent].kind == TokenKind::kWord && LowerTokenText(seg_, tokens[extent]) != "at") {
        ++extent;
      }
      bool org_inside = false;
      for (const OrgOccurrence* o : orgs_.Within(tokens[e].end, tokens[extent - 1].end)) {
        org_inside = org_inside || !JobTitle(o->name);
      }
      if (org_inside) break;
      // An organisation's noun ends the role ("spokesperson for the trust": the trust is the
      // affiliation), unless it is the article's no organisation and only lower-case words
      // qualify it: "chair of the planning committee" is a remit.
      bool has_org_noun = false;
      bool qualified = false;  // a lower-case word other than "the" before the noun
      bool capitalised = false;
      for (size_t k = e + 1; k < extent && tokens[k].kind == TokenKind::kWord; ++k) {
        const absl::string_view lw = LowerTokenText(seg_, tokens[k]);
        capitalised = capitalised || tokens[k].capitalised;
        if (OrgNouns().contains(lw)) {
          has_org_noun = !qualified || capitalised || orgs_.MostRecent(tokens[k].begin, lw) != nullptr;
          break;
        }
        qualified = qualified || (lw != "the" && lw != "a" && lw != "an" && lw != "its" && lw != "their");
      }
      if (has_org_noun) break;
      portfolio = true;
    }
    ++e;
  }
  if (e > b) {
    // "Cllr Ruth Okafor, the council's executive member for finance": the words before the
    // name and the apposition are both the role ("Cllr, executive member for finance").
    absl::string_view described = text_.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin);
    // "NHS England's chief data officer": the organisation is the affiliation, not the role.
    if (!s->affiliation.empty() && absl::StartsWith(described, s->affiliation)) {
      absl::string_view rest = described.substr(s->affiliation.size());
      if (absl::ConsumePrefix(&rest, "'s ") || absl::ConsumePrefix(&rest, "\xE2\x80\x99s ")) described = rest;
    }
    s->role = s->role.empty() ? std::string(described) : absl::StrCat(s->role, ", ", described);
    // A role that is just the organisation's name ("Palantir's") adds nothing.
    for (size_t k = b; k < e; ++k) {
      const absl::string_view w = LowerTokenText(seg_, tokens[k]);
      if (absl::StrContains(w, "woman")) *gender = Gender::kFemale;
      if (absl::EndsWith(w, "man") && !absl::StrContains(w, "woman")) *gender = Gender::kMale;
    }
  }
}

void SpeakerResolver::Remember(const ResolvedSpeaker& s, Gender gender) {
  if (s.name.empty()) return;
  Entity& e = entities_[s.name];
  if (e.kind == SpeakerKind::kUnknown) e.kind = s.kind;
  if (gender != Gender::kUnknown) e.gender = gender;
  // A person named in full whose gender no title or pronoun gave: their first name's
  // ("The Labour Party's chair, Ellie Reeves, said ... He has said": not her).
  if (e.gender == Gender::kUnknown && s.kind == SpeakerKind::kPerson) {
    const size_t space = s.name.find(' ');
    bool male = false;
    if (space != std::string::npos && FirstNameGender(absl::AsciiStrToLower(s.name.substr(0, space)), &male)) {
      e.gender = male ? Gender::kMale : Gender::kFemale;
    }
  }
  if (!s.role.empty()) e.role = s.role;
  if (!s.affiliation.empty()) {
    e.affiliation = s.affiliation;
    e.affiliation_id = s.affiliation_id;
  }
  e.id = s.id;
  seen_.push_back({s.mention.begin, s.name});
}

namespace {

// True when `t` lies within one of `orgs`.
bool WithinAny(const std::vector<const OrgOccurrence*>& orgs, const Token& t) {
  for (const OrgOccurrence* o : orgs) {
    if (t.begin >= o->begin && t.end <= o->end) return true;
  }
  return false;
}

}  // namespace

bool SpeakerResolver::IsJointPart(size_t b, size_t e) const {
  const std::vector<Token>& tokens = seg_.tokens;
  if (b >= e) return false;
  const auto orgs = orgs_.Within(tokens[b].begin, tokens[e - 1].end);
  // An organisation, named whole (with or without "the").
  for (const OrgOccurrence* o : orgs) {
    if (o->end != tokens[e - 1].end) continue;
    if (o->begin == tokens[b].begin) return true;
    if (b + 1 < e && LowerTokenText(seg_, tokens[b]) == "the" && o->begin == tokens[b + 1].begin) return true;
  }
  // A person: a title and a name, or a name of two to four words; before it, an organisation
  // and lower-case role words may say who they are ("Unite general secretary Sharon Graham").
  size_t k = b;
  for (const OrgOccurrence* o : orgs) {
    if (o->begin == tokens[k].begin) {
      while (k < e && tokens[k].end <= o->end) ++k;
      break;
    }
  }
  while (k < e && tokens[k].kind == TokenKind::kWord && !tokens[k].capitalised &&
         (IsRoleWord(LowerTokenText(seg_, tokens[k])) || k > b)) {
    const absl::string_view w = LowerTokenText(seg_, tokens[k]);
    if (w == "and" || NotBeforePerson().contains(w) || IsPronoun(w)) return false;
    ++k;
  }
  if (k >= e) return false;
  const bool described = k > b;
  bool title = false;
  if (IsTitle(LowerTokenText(seg_, tokens[k]))) {
    title = true;
    ++k;
    if (k < e && IsPunct(text_, tokens[k], ".")) ++k;  // "Mr."
  } else if (NotBeforePerson().contains(LowerTokenText(seg_, tokens[k]))) {
    return false;  // "In London, the GMB and Unite said"
  }
  size_t words = 0;
  for (; k < e; ++k, ++words) {
    const absl::string_view w = LowerTokenText(seg_, tokens[k]);
    if (tokens[k].kind != TokenKind::kWord || !tokens[k].capitalised || IsRoleWord(w) || IsTitle(w) ||
        NonNameWords().contains(w) || LeadingNoise().contains(w)) {
      return false;
    }
    if (WithinAny(orgs, tokens[k])) return false;
  }
  return words >= 1 && words <= 4 && (title || words >= 2 || (described && words >= 1));
}

bool SpeakerResolver::ResolveJoint(size_t b, size_t e, TokenRange apposition, ResolvedSpeaker* s) {
  const std::vector<Token>& tokens = seg_.tokens;
  const auto orgs = orgs_.Within(tokens[b].begin, tokens[e - 1].end);
  auto is_and = [&](size_t k) {
    return (tokens[k].kind == TokenKind::kWord && LowerTokenText(seg_, tokens[k]) == "and") ||
           IsPunct(text_, tokens[k], "&");
  };
  // The parts between the joining words; "and" within a name ("Department of Health and
  // Social Care") joins nothing.
  std::vector<TokenRange> parts;
  bool joined = false;
  size_t start = b;
  for (size_t k = b; k < e; ++k) {
    if (!(is_and(k) || IsPunct(text_, tokens[k], ",")) || WithinAny(orgs, tokens[k])) continue;
    joined = joined || is_and(k);
    if (k > start) parts.push_back({start, k});  // ", and": no part between
    start = k + 1;
  }
  if (e > start) parts.push_back({start, e});
  for (const TokenRange& p : parts) {
    if (!IsJointPart(p.begin, p.end)) return false;
  }
  // The phrase found may hold only the last of them ("the RCN" of "The BMA and the RCN
  // said"): the parts before it, joined by "and" or commas in its sentence, are taken too.
  while (!parts.empty() && parts.front().begin >= 2) {
    const size_t first = parts.front().begin;
    size_t j = first - 1;
    if (!(is_and(j) || IsPunct(text_, tokens[j], ",")) || tokens[j].sentence != tokens[first].sentence) break;
    const bool by_and = is_and(j);
    if (by_and && j > 0 && IsPunct(text_, tokens[j - 1], ",")) --j;  // "A, B, and C"
    // The longest run of words before the joiner that is a part.
    size_t found = j;
    for (size_t pb = j; pb > 0 && j - pb < 6;) {
      --pb;
      if (tokens[pb].sentence != tokens[j].sentence || tokens[pb].kind == TokenKind::kQuote) break;
      if (IsJointPart(pb, j)) found = pb;
    }
    if (found == j) break;
    joined = joined || by_and;
    parts.insert(parts.begin(), TokenRange{found, j});
    b = found;
  }
  if (!joined || parts.size() < 2 || parts.size() > 6) return false;
  ResolvedSpeaker group;
  std::vector<std::string> names;
  // Members are resolved (and remembered) one by one; if the whole is no joint speaker after
  // all, what they left in `seen_` goes, so that pronouns do not find a reading not taken.
  const size_t seen_before = seen_.size();
  auto fail = [&]() {
    seen_.resize(seen_before);
    return false;
  };
  for (const TokenRange& p : parts) {
    resolving_member_ = true;  // a member is resolved as if named alone
    ResolvedSpeaker member = Resolve({p, TokenRange{}});
    resolving_member_ = false;
    if (member.name.empty()) return fail();
    bool repeated = false;
    for (const ResolvedSpeaker& m : group.members) repeated = repeated || m.id == member.id;
    if (repeated) continue;
    names.push_back(member.name);
    group.members.push_back(std::move(member));
  }
  if (group.members.size() < 2) return fail();
  const std::string last = names.back();
  names.pop_back();
  group.name = absl::StrCat(absl::StrJoin(names, ", "), " and ", last);
  group.id = Slugify(group.name);
  group.kind = SpeakerKind::kGroup;
  group.mention = {tokens[b].begin, tokens[e - 1].end};
  Gender gender = Gender::kUnknown;
  ApplyApposition(apposition, &group, &gender);  // "Unison and the GMB, the two largest unions,"
  Remember(group, gender);
  joint_[group.name] = group;
  *s = std::move(group);
  return true;
}

void SpeakerResolver::AsPerson(const std::string& name, ResolvedSpeaker* s) const {
  s->name = name;
  s->id = Slugify(name);
  s->kind = SpeakerKind::kPerson;
  // As the article named them before: an earlier resolution knows role and affiliation.
  if (auto known = entities_.find(name); known != entities_.end()) Adopt(name, known->second, s);
}

ResolvedSpeaker SpeakerResolver::ResolveInterviewee(size_t before, ByteSpan mention) {
  ResolvedSpeaker s;
  s.mention = mention;
  // The person named last before `before`: the full-named person starting latest before it.
  const PersonMention* last = nullptr;
  auto p = std::lower_bound(persons_.begin(), persons_.end(), before,
                            [](const PersonMention& m, size_t pos) { return m.begin < pos; });
  while (p != persons_.begin() && last == nullptr) {
    --p;
    if (p->full && p->end <= before) last = &*p;
  }
  if (last == nullptr) return s;
  AsPerson(last->name, &s);
  Remember(s, last->gender);
  return s;
}

SpeakerPhrase SpeakerResolver::WithOrganisationsWhole(const SpeakerPhrase& phrase) const {
  const std::vector<Token>& tokens = seg_.tokens;
  const TokenRange head = phrase.head;
  const TokenRange app = phrase.apposition;
  if (head.empty() || head.end > tokens.size()) return phrase;
  // "... for the Department for Environment, Food and Rural Affairs (Defra) said": a head
  // that starts inside a name starts with it, and with the noun phrase before it.
  if (app.empty() && head.begin > 0) {
    const std::vector<OrgOccurrence>& occ = orgs_.occurrences();  // in order, disjoint
    const size_t start = tokens[head.begin].begin;
    auto o = std::upper_bound(occ.begin(), occ.end(), start, [](size_t pos, const OrgOccurrence& x) { return pos < x.begin; });
    if (o != occ.begin() && (o - 1)->begin < start && (o - 1)->end > start) {
      size_t b = FirstTokenFrom(seg_, (o - 1)->begin);
      for (size_t steps = 0; b > 0 && steps < 6 && tokens[b - 1].kind == TokenKind::kWord &&
                             tokens[b - 1].sentence == tokens[head.begin].sentence;
           ++steps) {
        const absl::string_view w = LowerTokenText(seg_, tokens[b - 1]);
        if (!(w == "the" || w == "a" || w == "an" || w == "for" || w == "of" || w == "at" || w == "from" ||
              IsRoleWord(w) || IsSpokes(w) || IsRoleModifier(w))) {
          break;
        }
        --b;
      }
      SpeakerPhrase whole = phrase;
      whole.head.begin = b;
      return whole;
    }
    return phrase;
  }
  if (app.empty() || app.begin != head.end + 1 || app.end > tokens.size()) return phrase;
  for (const OrgOccurrence* o : orgs_.Within(tokens[head.begin].begin, tokens[app.end - 1].end)) {
    if (o->begin < tokens[head.end].begin && o->end > tokens[head.end].end) {
      SpeakerPhrase whole = phrase;
      whole.head.end = app.end;
      whole.apposition = {};
      return whole;
    }
  }
  return phrase;
}

ResolvedSpeaker SpeakerResolver::Resolve(const SpeakerPhrase& given, bool says_it) {
  // "A spokesperson for the Department for Environment, Food and Rural Affairs": a comma in
  // an organisation's name opens no apposition.
  const SpeakerPhrase phrase = WithOrganisationsWhole(given);
  ResolvedSpeaker s = ResolvePhrase(phrase, says_it);
  if (says_it && s.kind == SpeakerKind::kOrganisation && !s.name.empty()) {
    if (auto e = entities_.find(s.name); e != entities_.end()) e->second.says_it = true;
  }
  // An unnamed person ("a senior aide", "a spokesman for the ministry"), for the pronouns
  // after it; a named speaker after it replaces it.
  const std::string role = absl::AsciiStrToLower(s.role);
  const bool singular = !role.empty() && !absl::EndsWith(role, "s");
  const bool pronoun = phrase.head.end == phrase.head.begin + 1 && phrase.head.begin < seg_.tokens.size() &&
                       IsPronoun(LowerTokenText(seg_, seg_.tokens[phrase.head.begin]));
  // Only an indefinite description introduces someone new ("a spokesman for the ministry",
  // "one aide"); "the nominee" mostly refers back to a person named before.
  bool indefinite = false;
  if (!phrase.head.empty() && phrase.head.begin < seg_.tokens.size() && seg_.tokens[phrase.head.begin].kind == TokenKind::kWord) {
    const absl::string_view d = LowerTokenText(seg_, seg_.tokens[phrase.head.begin]);
    indefinite = d == "a" || d == "an" || d == "one" || d == "another";
    // "The bar's owner": someone known by another's possession is someone new too.
    for (size_t k = phrase.head.begin + 1; d == "the" && k < phrase.head.end && k < seg_.tokens.size(); ++k) {
      const absl::string_view w = LowerTokenText(seg_, seg_.tokens[k]);
      indefinite = indefinite || IsPossessive(w);
    }
  }
  // Its role names a person: "aide", "senior official", "spokesman for the ministry".
  const absl::string_view first_word = absl::string_view(role).substr(0, role.find(' '));
  const absl::string_view last_word = absl::string_view(role).substr(role.rfind(' ') == std::string::npos ? 0 : role.rfind(' ') + 1);
  const bool person_noun = IsRoleWord(last_word) || IsSpokes(last_word) || IsSpokes(first_word) || IsRelationNoun(first_word);
  const bool unnamed = !resolving_antecedent_ && !s.mention.empty() && singular && indefinite &&
                       ((s.kind == SpeakerKind::kUnknown && s.name.empty() && person_noun) ||
                        (s.kind == SpeakerKind::kOrganisation &&
                         (IsSpokes(role) || role == "representative" || role == "official" || role == "source")));
  if (unnamed) {
    Gender g = Gender::kUnknown;
    if (absl::StrContains(role, "woman")) g = Gender::kFemale;
    else if (absl::EndsWith(role, "man")) g = Gender::kMale;
    last_unnamed_ = Unnamed{s.mention.begin, g, s};
  } else if (!resolving_antecedent_ && !pronoun) {
    last_unnamed_.reset();  // someone else spoke since (a pronoun is no one new)
  }
  // "The minister said", "the chief executive told MPs": one holder of an office the article
  // does not name (ResolveNominal makes them a PERSON with a role and no name), for a
  // pronoun opening the next sentence (OfficeHolderMeant).
  const bool definite = !phrase.head.empty() && phrase.head.begin < seg_.tokens.size() &&
                        LowerTokenText(seg_, seg_.tokens[phrase.head.begin]) == "the";
  if (!resolving_antecedent_ && definite && singular && s.kind == SpeakerKind::kPerson && s.name.empty() &&
      !s.mention.empty()) {
    Gender g = Gender::kUnknown;
    if (absl::StrContains(role, "woman")) g = Gender::kFemale;
    else if (absl::EndsWith(role, "man")) g = Gender::kMale;
    last_office_ = Unnamed{s.mention.begin, g, s};
  } else if (!resolving_antecedent_ && !pronoun) {
    last_office_.reset();  // someone else spoke since
  }
  return s;
}

ResolvedSpeaker SpeakerResolver::ResolvePhrase(const SpeakerPhrase& phrase, bool says_it) {
  const std::vector<Token>& tokens = seg_.tokens;
  if (phrase.interviewee_before > 0 && phrase.head.end <= tokens.size() && !phrase.head.empty()) {
    return ResolveInterviewee(phrase.interviewee_before,
                              {tokens[phrase.head.begin].begin, tokens[phrase.head.end - 1].end});
  }
  size_t b = phrase.head.begin;
  size_t e = std::min(phrase.head.end, tokens.size());
  // Leading adverbials and time words belong to the clause, not to the speaker.
  // A number that starts an organisation's name ("38 Degrees") stays.
  auto starts_org = [&](size_t k) {
    const auto within = orgs_.Within(tokens[k].begin, tokens[e - 1].end);
    return !within.empty() && within.front()->begin == tokens[k].begin;
  };
  while (b + 1 < e && (tokens[b].kind != TokenKind::kWord ||
                       LeadingNoise().contains(LowerTokenText(seg_, tokens[b])) ||
                       (absl::ascii_isdigit(static_cast<unsigned char>(text_[tokens[b].begin])) &&
                        !starts_org(b)))) {
    ++b;
  }
  // "Both Unite and Unison": the members are named after it.
  if (b + 1 < e && tokens[b].kind == TokenKind::kWord && LowerTokenText(seg_, tokens[b]) == "both" &&
      tokens[b + 1].capitalised) {
    ++b;
  }
  // A dateline before the name: "WASHINGTON — Sen. Maria Delgado".
  for (size_t k = b; k + 1 < e && k - b < 3; ++k) {
    if (tokens[k].kind != TokenKind::kWord) break;
    bool capitals = tokens[k].end - tokens[k].begin >= 2;
    for (size_t p = tokens[k].begin; p < tokens[k].end && capitals; ++p) {
      capitals = !absl::ascii_islower(static_cast<unsigned char>(text_[p]));
    }
    if (!capitals) break;
    auto dash = [&](size_t j) {
      const absl::string_view d = TokenText(text_, tokens[j]);
      return d == "-" || d == "\xE2\x80\x94" || d == "\xE2\x80\x93" || d == "--";
    };
    if (dash(k + 1)) {
      size_t after = k + 2;  // "WASHINGTON -- President Obama": "--" may be two tokens
      while (after < e && dash(after)) ++after;
      if (after < e) b = after;
      break;
    }
  }
  ResolvedSpeaker s;
  if (b >= e) return s;
  s.mention = {tokens[b].begin, tokens[e - 1].end};
  Gender gender = Gender::kUnknown;
  // Closing parentheticals (up to two) are not part of the name: "Sen. Bernie Sanders
  // (I-Vt.)", "Wes Streeting (Ilford North) (Lab)", "Priya Shah (67)". A party tag gives the
  // party as affiliation: D-/R- (US), Lab, Con, LD, SNP, Green, Reform (Hansard).
  std::string party_name, party_id;  // from a party tag in brackets
  for (int round = 0; round < 2 && e - b >= 3 && IsPunct(text_, tokens[e - 1], ")"); ++round) {
    size_t open = e - 1;
    while (open > b && !IsPunct(text_, tokens[open], "(") && e - open <= 10) --open;
    if (open <= b || !IsPunct(text_, tokens[open], "(")) break;
    const absl::string_view bracketed = absl::StripAsciiWhitespace(
        text_.substr(tokens[open].end, tokens[e - 1].begin - tokens[open].end));
    if (const auto inside = orgs_.Within(tokens[open].begin, tokens[e - 1].end);
        !inside.empty() && PartyTagFor(bracketed.substr(0, bracketed.find(','))) == nullptr) {
      // "Keep Our NHS Public (KONP)" is the name twice; "a spokesperson for the Department
      // for Environment, Food and Rural Affairs (Defra)" an affiliation with its acronym.
      const auto before = orgs_.Within(tokens[b].begin, tokens[open - 1].end);
      if (before.empty() || before.back()->id != inside.front()->id || before.back()->end != tokens[open - 1].end ||
          before.back()->begin <= tokens[b + (LowerTokenText(seg_, tokens[b]) == "the" ? 1 : 0)].begin) {
        break;
      }
      e = open;
      s.mention = {tokens[b].begin, tokens[e - 1].end};
      continue;
    }
    if (round == 0 && OfficeHolderInBrackets(b, open, e - 1, &s)) {
      Remember(s, Gender::kUnknown);
      return s;
    }
    // "(Lab, Hackney Wick)": a councillor's party, then their ward.
    // ("(Liberal Democrat)" is a party too, though the catalogue knows it as an organisation.)
    if (const PartyTag* party = PartyTagFor(absl::StripAsciiWhitespace(bracketed.substr(0, bracketed.find(','))));
        party != nullptr && party_id.empty()) {
      party_name = std::string(party->name);
      party_id = std::string(party->id);
    }
    e = open;
    s.mention = {tokens[b].begin, tokens[e - 1].end};
  }

  if (e - b == 1) {
    const absl::string_view w = LowerTokenText(seg_, tokens[b]);
    if (IsPronoun(w) && !IsAcronym(TokenText(text_, tokens[b]))) {  // "WHO" is no "who"
      s = ResolvePronoun(w, s.mention);
      if (!s.name.empty()) seen_.push_back({s.mention.begin, s.name});
      return s;
    }
  }

  // "The RMT, Aslef and the TSSA": a list, not a name and its apposition.
  if (!resolving_member_ && !phrase.apposition.empty() && phrase.apposition.begin == e + 1 &&
      phrase.apposition.end <= tokens.size() && IsPunct(text_, tokens[e], ",")) {
    bool has_and = false;
    for (size_t k = phrase.apposition.begin; k < phrase.apposition.end; ++k) {
      has_and = has_and || LowerTokenText(seg_, tokens[k]) == "and" || IsPunct(text_, tokens[k], "&");
    }
    if (has_and && ResolveJoint(b, phrase.apposition.end, TokenRange{}, &s)) return s;
  }
  if (!resolving_member_ && ResolveJoint(b, e, phrase.apposition, &s)) return s;

  // Determiners and possessives.
  size_t db = b;
  std::string determiner;
  if (tokens[db].kind == TokenKind::kWord) {
    const absl::string_view w = LowerTokenText(seg_, tokens[db]);
    if (w == "the" || w == "a" || w == "an") {
      determiner = std::string(w);
      ++db;
    }
  }
  if (db >= e) return s;

  // The organisations named in the phrase.
  // From the determiner: a catalogue name may start with it ("The King's Fund").
  const auto orgs = orgs_.Within(tokens[b].begin, tokens[e - 1].end);
  // "a spokesperson for NHS England", "Zoe Garbett of the Green Party": the organisation
  // after the preposition is the affiliation; the words before it are the core.
  const OrgOccurrence* prep_org = nullptr;
  size_t core_e = e;
  if (!orgs.empty() && orgs.back()->end >= tokens[e - 1].end) {
    size_t k = db;
    while (k < e && tokens[k].begin < orgs.back()->begin) ++k;
    if (k > db && LowerTokenText(seg_, tokens[k - 1]) == "the") --k;
    if (k > db + 1) {
      const absl::string_view prep = LowerTokenText(seg_, tokens[k - 1]);
      if (prep == "for" || prep == "of" || prep == "at" || prep == "from") {
        prep_org = orgs.back();
        core_e = k - 1;
      }
    }
  }
  // "analysts at Morgan Stanley", "a researcher at Northwick Analytics", "Richard Lyle at
  // Shore Capital": capitalised words after a role word or a name of two words or more and
  // "at", to the end of the phrase, name the organisation they work at even when the article
  // names it nowhere else.
  OrgOccurrence named_after_at;
  if (prep_org == nullptr) {
    for (size_t k = db + 1; k + 1 < e; ++k) {
      if (tokens[k].kind != TokenKind::kWord || LowerTokenText(seg_, tokens[k]) != "at") continue;
      bool name_before = k >= db + 2;
      for (size_t j = db; j < k && name_before; ++j) {
        name_before = tokens[j].kind == TokenKind::kWord && tokens[j].capitalised &&
                      !IsRoleWord(LowerTokenText(seg_, tokens[j]));
      }
      if (!IsRoleWord(LowerTokenText(seg_, tokens[k - 1])) && !name_before) continue;
      size_t nb = k + 1;
      if (LowerTokenText(seg_, tokens[nb]) == "the") ++nb;
      bool capitalised = nb < e;
      for (size_t j = nb; j < e && capitalised; ++j) {
        capitalised = tokens[j].kind == TokenKind::kWord && tokens[j].capitalised;
      }
      if (!capitalised || !orgs_.Within(tokens[nb].begin, tokens[e - 1].end).empty()) break;
      const absl::string_view name = text_.substr(tokens[nb].begin, tokens[e - 1].end - tokens[nb].begin);
      named_after_at = {tokens[nb].begin, tokens[e - 1].end, CanonicalOrganisationId(name), std::string(name)};
      if (named_after_at.id.empty()) break;
      prep_org = &named_after_at;
      core_e = k;
      break;
    }
  }
  size_t last = core_e - 1;
  while (last > db && tokens[last].kind != TokenKind::kWord) --last;
  // Letters after a name are no part of it: "Amelia O'Neill KC", "Sir Ian Smith OBE".
  std::string postnominal;
  {
    // Only after a name of two words or more, with no determiner before it: "The Hackney
    // North MP said" names no one.
    static const auto* const kPostnominals = new Set{"kc", "qc", "mp", "msp", "mla", "mep", "obe", "mbe",
                                                     "cbe", "kbe", "dbe", "frs", "phd", "jr", "sr"};
    // ("MS", a Member of the Senedd, in capitals only: "Ms" is a title; "Mabon ap Gwynfor MS".)
    while (determiner.empty() && last >= db + 2 && tokens[last].kind == TokenKind::kWord && tokens[last].capitalised &&
           (kPostnominals->contains(LowerTokenText(seg_, tokens[last])) || TokenText(text_, tokens[last]) == "MS") &&
           tokens[last - 1].kind == TokenKind::kWord && tokens[last - 1].capitalised &&
           tokens[last - 2].kind == TokenKind::kWord &&
           (tokens[last - 2].capitalised || IsNameParticle(LowerTokenText(seg_, tokens[last - 2])))) {
      if (postnominal.empty()) postnominal = std::string(TokenText(text_, tokens[last]));
      --last;
    }
  }
  absl::string_view last_word = LowerTokenText(seg_, tokens[last]);

  // The organisation itself: "NHS England", "The Department of Health", "Keep Our NHS Public
  // (KONP)" (one organisation, named twice), "the health union Unison" (lower-case words
  // before the name describe it: they are its role here).
  bool one_org = !orgs.empty();
  for (const OrgOccurrence* o : orgs) one_org = one_org && o->id == orgs.front()->id;
  if (prep_org == nullptr && one_org && orgs.back()->end >= tokens[last].end) {
    size_t described = db;
    // "Campaign group Foxglove": a common noun capitalised only at a sentence's start describes.
    static const auto* const kDescribing = new Set{
        "campaign", "pressure", "lobby", "think", "patient", "patients", "privacy", "legal", "rights",
        "health", "tech", "technology", "trade", "industry", "housing", "consumer", "civil", "charity",
        "union", "watchdog", "regulator", "research", "advocacy", "software", "data", "defence",
        "security", "energy", "water", "rail", "transport", "retail", "broadcaster", "newspaper",
        "healthcare", "tenants", "parents", "parents'", "campaigners'", "residents'", "anti-poverty",
        "environmental", "green", "human", "the", "local", "national", "british", "us", "uk"};
    // "Passenger group Campaign for Better Transport", "Bus operator Stagecoach": so does any
    // first word before an organisation noun in lower case.
    auto describing = [&](size_t k) {
      // ("council papers seen by the Islington Tribune": the papers, not the paper; "figures
      // released by the Metropolitan Police" are the Met's.)
      if (!tokens[k].capitalised) {
        const absl::string_view before = k > db ? LowerTokenText(seg_, tokens[k - 1]) : "";
        return !(LowerTokenText(seg_, tokens[k]) == "by" &&
                 (before == "seen" || before == "obtained" || before == "reviewed" || before == "read"));
      }
      if (k != seg_.sentences[tokens[k].sentence].first_token) return false;
      const absl::string_view w = LowerTokenText(seg_, tokens[k]);
      const bool before_org_noun = k + 1 < e && tokens[k + 1].kind == TokenKind::kWord && !tokens[k + 1].capitalised &&
                                   IsOrgHeadNoun(LowerTokenText(seg_, tokens[k + 1]));
      return kDescribing->contains(w) || OrgNouns().contains(w) || before_org_noun;
    };
    while (described < e && tokens[described].end <= orgs.front()->begin &&
           tokens[described].kind == TokenKind::kWord && describing(described)) {
      ++described;
    }
    if (orgs.front()->begin <= tokens[described < e ? described : db].begin) {
      const OrgOccurrence* o = orgs.front();
      AdoptOrganisation(*o, SpeakerKind::kOrganisation, &s);
      if (described > db) {
        s.role = std::string(text_.substr(tokens[db].begin, tokens[described - 1].end - tokens[db].begin));
      }
      ApplyApposition(phrase.apposition, &s, &gender);
      Remember(s, gender);
      return s;
    }
  }

  // The name: the trailing run of capitalised words that are not roles or titles.
  size_t name_b = last + 1;
  while (name_b > db) {
    const Token& t = tokens[name_b - 1];
    // A middle initial: "James T. Whitford".
    if (IsPunct(text_, t, ".") && name_b - 1 > db && name_b <= last && tokens[name_b - 2].kind == TokenKind::kWord &&
        tokens[name_b - 2].end == t.begin && tokens[name_b - 2].end - tokens[name_b - 2].begin == 1 &&
        tokens[name_b - 2].capitalised) {
      name_b -= 2;
      continue;
    }
    // A particle between the name's words, or before a surname ("de Blasio said").
    if (t.kind == TokenKind::kWord && !t.capitalised && name_b <= last &&
        IsNameParticle(TokenText(text_, t)) &&
        (name_b - 1 == db || (tokens[name_b - 2].kind == TokenKind::kWord &&
                              (tokens[name_b - 2].capitalised || IsNameParticle(TokenText(text_, tokens[name_b - 2])))))) {
      --name_b;
      continue;
    }
    if (t.kind != TokenKind::kWord || !t.capitalised) break;
    const absl::string_view w = LowerTokenText(seg_, t);
    // "Jane Hall", "Emma Lane": a place's word after a first name is a surname.
    const bool surname = name_b - 1 == last && name_b >= db + 2 && tokens[name_b - 2].kind == TokenKind::kWord &&
                         tokens[name_b - 2].capitalised && !IsRoleWord(w) && !IsTitle(w) &&
                         IsFirstName(LowerTokenText(seg_, tokens[name_b - 2]));
    if ((IsRoleWord(w) || IsTitle(w) || NonNameWords().contains(w)) && !surname) break;
    // "Det Con Lisa Grant": "Con" after "Det" is a rank (a name elsewhere: "Con Coughlin").
    if (w == "con" && name_b >= db + 2 && LowerTokenText(seg_, tokens[name_b - 2]) == "det") break;
    // "Detective Constable Mark Ellison", "Chief Constable Jo Farrell": a rank ("John
    // Constable" is a name).
    if (w == "constable" && name_b >= db + 2 &&
        (LowerTokenText(seg_, tokens[name_b - 2]) == "detective" || LowerTokenText(seg_, tokens[name_b - 2]) == "chief" ||
         LowerTokenText(seg_, tokens[name_b - 2]) == "police")) {
      break;
    }
    if (WithinAny(orgs, t)) break;
    // "Labour's Angela Rayner": a possessor before the name is no part of it.
    if (name_b <= last && IsPossessive(w)) break;
    --name_b;
  }
  // "Governor Gavin Newsom of California", "Chuck Schumer of New York": capitalised words
  // after "of" or "from" that the article does not know as an organisation say where the
  // person named before them is from; the name is the run before the preposition.
  size_t place_b = name_b;  // "New York": the place may hold words no name has
  while (place_b > db && place_b <= last && tokens[place_b - 1].kind == TokenKind::kWord &&
         tokens[place_b - 1].capitalised && !WithinAny(orgs, tokens[place_b - 1])) {
    --place_b;
  }
  if (name_b <= last && place_b >= db + 3 && tokens[place_b - 1].kind == TokenKind::kWord &&
      (LowerTokenText(seg_, tokens[place_b - 1]) == "of" || LowerTokenText(seg_, tokens[place_b - 1]) == "from")) {
    const size_t prep = place_b - 1;
    size_t nb = prep;
    while (nb > db && tokens[nb - 1].kind == TokenKind::kWord && tokens[nb - 1].capitalised &&
           !IsRoleWord(LowerTokenText(seg_, tokens[nb - 1])) && !IsTitle(LowerTokenText(seg_, tokens[nb - 1])) &&
           !NonNameWords().contains(LowerTokenText(seg_, tokens[nb - 1])) && !WithinAny(orgs, tokens[nb - 1])) {
      --nb;
    }
    if (prep - nb >= 2 || (prep - nb == 1 && nb > db && IsTitle(LowerTokenText(seg_, tokens[nb - 1])))) {
      last = prep - 1;
      last_word = LowerTokenText(seg_, tokens[last]);
      name_b = nb;
    }
  }
  // "Reader Sam Okonjo", "Commuter Jane Hall": a sentence's first word that is no first name,
  // before a first name and a surname, describes the person.
  if (name_b + 2 <= last && name_b == seg_.sentences[tokens[name_b].sentence].first_token &&
      tokens[name_b + 1].kind == TokenKind::kWord && IsFirstName(LowerTokenText(seg_, tokens[name_b + 1])) &&
      !IsFirstName(LowerTokenText(seg_, tokens[name_b])) && !IsAcronym(TokenText(text_, tokens[name_b])) &&
      DescribesAPerson(LowerTokenText(seg_, tokens[name_b]))) {
    ++name_b;
  }
  // "Unions warn over ...", "Campaigners said": a group noun alone is capitalised by its place
  // (a headline, a sentence's start), not because it is a name.
  if (name_b == last && GroupNouns().contains(LowerTokenText(seg_, tokens[last]))) name_b = last + 1;
  // "the Spaniard said", "the Kentucky Republican said": a description, not a name.
  if (name_b == last && !determiner.empty() && (IsPersonEpithet(last_word) || LooksLikeDemonym(last_word))) {
    name_b = last + 1;
  }
  // "Passenger group Campaign for Better Transport", "The group Conservatives for Human
  // Rights": after an organisation noun, capitalised runs joined by "for", "of" or "against"
  // are one name (the organisation's, below), whatever names the runs hold.
  for (size_t nb = name_b; nb <= last && nb >= db + 3;) {
    const absl::string_view joint = LowerTokenText(seg_, tokens[nb - 1]);
    if (tokens[nb - 1].kind != TokenKind::kWord || (joint != "for" && joint != "of" && joint != "against")) break;
    size_t run = nb - 1;
    while (run > db && tokens[run - 1].kind == TokenKind::kWord && tokens[run - 1].capitalised) --run;
    if (run == nb - 1 || run == db) break;
    const absl::string_view head = LowerTokenText(seg_, tokens[run - 1]);
    if (tokens[run - 1].kind == TokenKind::kWord && !tokens[run - 1].capitalised && IsOrgHeadNoun(head)) {
      name_b = run;
      break;
    }
    nb = run;
  }
  // "The Republican senator from Texas, Ted Cruz": capitalised words after a preposition
  // name a place or body, not the person; the name is then the apposition's (when it starts
  // with a capital: not "..., who ...").
  // "The Labour MP for Hackney South and Shoreditch, Meg Hillier": the place may be several
  // capitalised runs joined by "and" or "&".
  if (name_b <= last && name_b > db && !phrase.apposition.empty() && tokens[name_b - 1].kind == TokenKind::kWord &&
      tokens[phrase.apposition.begin].capitalised) {
    size_t k = name_b - 1;  // the token before the name's run
    while (k > db && (LowerTokenText(seg_, tokens[k]) == "and" || IsPunct(text_, tokens[k], "&")) &&
           tokens[k - 1].kind == TokenKind::kWord && tokens[k - 1].capitalised) {
      size_t run = k - 1;  // over "and", to the first word of the capitalised run before it
      while (run > db && tokens[run - 1].kind == TokenKind::kWord && tokens[run - 1].capitalised) --run;
      if (run == db) {
        k = run;  // nothing before the run in the phrase: no preposition
        break;
      }
      k = run - 1;
    }
    if (k > db && LowerTokenText(seg_, tokens[k]) == "the") --k;  // "director for the Midlands"
    const absl::string_view before = LowerTokenText(seg_, tokens[k]);
    if (before == "from" || before == "for" || before == "of" || before == "at" || before == "in") {
      name_b = last + 1;
    }
  }
  // "officials in Manila", "Diplomats in the region", "residents of Hackney": a group noun and
  // a preposition: the group, named by the words (not a person called "Manila").
  for (size_t k = db; k + 1 <= last; ++k) {
    if (tokens[k].kind != TokenKind::kWord || !GroupNouns().contains(LowerTokenText(seg_, tokens[k]))) continue;
    const absl::string_view prep = LowerTokenText(seg_, tokens[k + 1]);
    if (prep != "in" && prep != "from" && prep != "of" && prep != "at" && prep != "across" && prep != "around") break;
    if (!orgs.empty() && orgs.back()->end >= tokens[last].end) break;  // "officials at NHS England": below
    std::string words(text_.substr(tokens[k].begin, tokens[last].end - tokens[k].begin));
    words[0] = absl::ascii_tolower(static_cast<unsigned char>(words[0]));
    s.name = words;
    s.id = Slugify(words);
    s.kind = SpeakerKind::kGroup;
    return s;
  }
  // "A friend of Hillary Clinton", "an aide to Sen. Warren": a relation noun and a
  // preposition before the name make the speaker the friend or aide, whom the phrase does
  // not name (kind UNKNOWN, the phrase as role). A spokesperson or representative "for" a
  // person speaks for them, as for an organisation: the speaker is the person named.
  size_t spokes_for = 0;  // the preposition after "spokeswoman" when there is one
  if (name_b <= last) {
    for (size_t k = db + 1; k < name_b; ++k) {
      const absl::string_view prep = LowerTokenText(seg_, tokens[k]);
      if (prep != "of" && prep != "for" && prep != "to") continue;
      const absl::string_view rel = LowerTokenText(seg_, tokens[k - 1]);
      if (IsSpokes(rel) || rel == "representative") {
        spokes_for = k;
        break;
      }
      if (!IsRelationNoun(rel)) break;
      s.kind = SpeakerKind::kUnknown;
      s.role = std::string(text_.substr(tokens[db].begin, tokens[last].end - tokens[db].begin));
      // "Supporters of Donald Trump said": a group, named by the words.
      if (absl::EndsWith(rel, "s") && !absl::EndsWith(rel, "ss")) {
        s.kind = SpeakerKind::kGroup;
        s.name = absl::AsciiStrToLower(s.role.substr(0, rel.size())) + s.role.substr(rel.size());
        s.id = Slugify(s.name);
        s.role.clear();
      }
      return s;
    }
  }
  // "Keir Starmer's spokesman", "Mr Trump's spokeswoman", "Ms Clarke's office": a
  // spokesperson or an office speaks for the person named before the possessive, as "a
  // spokeswoman for X" does.
  if (name_b == last + 1 && last >= db + 1 &&
      (IsSpokes(last_word) || last_word == "representative" || last_word == "office" || last_word == "team") &&
      orgs.empty()) {
    const absl::string_view poss = TokenText(text_, tokens[last - 1]);
    const absl::string_view possessor = WithoutPossessive(poss);
    const size_t cut = poss.size() - possessor.size();
    size_t pb = last - 1;
    while (cut > 0 && pb > db && tokens[pb - 1].kind == TokenKind::kWord && tokens[pb - 1].capitalised &&
           !IsRoleWord(LowerTokenText(seg_, tokens[pb - 1])) && !IsTitle(LowerTokenText(seg_, tokens[pb - 1])) &&
           !NonNameWords().contains(LowerTokenText(seg_, tokens[pb - 1]))) {
      --pb;
    }
    std::string name;
    const std::string possessor_lower = absl::AsciiStrToLower(possessor);
    if (IsRoleWord(possessor_lower) || IsTitle(possessor_lower)) {  // "The Prime Minister's office"
    } else if (cut > 0 && tokens[last - 1].capitalised && pb < last - 1) {  // "Keir Starmer's"
      name = std::string(text_.substr(tokens[pb].begin, tokens[last - 1].end - cut - tokens[pb].begin));
    } else if (cut > 0 && tokens[last - 1].capitalised) {  // "Mr Starmer's", "Starmer's"
      name = FullNameFor(possessor, tokens[pb].begin);
      if (name.empty() && pb > db && IsTitle(LowerTokenText(seg_, tokens[pb - 1]))) name = std::string(possessor);
    }
    if (!name.empty()) {
      AsPerson(name, &s);
      s.mention = {tokens[b].begin, tokens[e - 1].end};
      Remember(s, Gender::kUnknown);  // the principal, without the spokesperson's role
      s.role = std::string(TokenText(text_, tokens[last]));
      return s;
    }
  }
  // Premodifiers: between the determiner and the name.
  size_t pre_e = name_b;
  if (pre_e > db && IsPunct(text_, tokens[pre_e - 1], ".")) --pre_e;  // "Mr."
  bool knighted = false;  // "Sir Keir", "Dame Angela": a first name after the title
  if (pre_e > db && IsTitle(LowerTokenText(seg_, tokens[pre_e - 1]))) {
    const absl::string_view t = LowerTokenText(seg_, tokens[pre_e - 1]);
    knighted = t == "sir" || t == "dame";
    if (MaleTitles().contains(t)) gender = Gender::kMale;
    if (FemaleTitles().contains(t)) gender = Gender::kFemale;
    --pre_e;
  }
  if (spokes_for > 0) pre_e = spokes_for;
  // Role: the premodifiers as written, minus a generic organisation noun before
  // "spokesperson" ("group spokesperson" -> "spokesperson"), which names the affiliation.
  size_t role_b = db;
  std::string org_noun;
  for (size_t k = db; k < pre_e; ++k) {
    const absl::string_view w = LowerTokenText(seg_, tokens[k]);
    if (OrgNouns().contains(w) && !WithinAny(orgs, tokens[k])) {
      org_noun = std::string(w);
      if (k + 1 < pre_e && IsSpokes(LowerTokenText(seg_, tokens[k + 1]))) role_b = k + 1;
    }
  }
  // An organisation in the premodifiers or after "for"/"of" is the affiliation.
  const OrgOccurrence* affiliation = prep_org;
  if (affiliation == nullptr && !orgs.empty()) affiliation = orgs.front();
  for (size_t k = role_b; k < pre_e && spokes_for == 0; ++k) {
    const absl::string_view w = LowerTokenText(seg_, tokens[k]);
    if (absl::StrContains(w, "woman")) gender = Gender::kFemale;
    if (absl::EndsWith(w, "man") && !absl::StrContains(w, "woman")) gender = Gender::kMale;
  }

  if (name_b > last && !phrase.apposition.empty()) {
    // "Another councillor, Zoe Garbett of the Green Party, said": the name is in the
    // apposition and the head is the role.
    const TokenRange app = phrase.apposition;
    size_t ab = app.begin;
    // An age before the name: "One victim, 71-year-old Keith Barlow, told".
    if (ab + 1 < app.end && tokens[ab].kind == TokenKind::kWord && absl::EndsWith(LowerTokenText(seg_, tokens[ab]), "-year-old")) ++ab;
    // Titles before the name: "Its chair, Professor Kamila Hawthorne", "Sir Demis Hassabis".
    while (ab + 1 < app.end && tokens[ab].kind == TokenKind::kWord && tokens[ab].capitalised) {
      const absl::string_view w = LowerTokenText(seg_, tokens[ab]);
      if (!IsTitle(w) && w != "professor" && w != "cllr" && w != "councillor") break;
      if (MaleTitles().contains(w)) gender = Gender::kMale;
      if (FemaleTitles().contains(w)) gender = Gender::kFemale;
      ++ab;
      if (ab + 1 < app.end && IsPunct(text_, tokens[ab], ".")) ++ab;
    }
    size_t ae = ab;
    while (ae < app.end && tokens[ae].kind == TokenKind::kWord && ae - ab < 5) {
      // "Peter van der Berg": particles between the name's words.
      if (!tokens[ae].capitalised) {
        size_t k = ae;
        while (k < app.end && k - ae < 2 && tokens[k].kind == TokenKind::kWord && !tokens[k].capitalised &&
               IsNameParticle(LowerTokenText(seg_, tokens[k]))) {
          ++k;
        }
        if (k == ae || ae == ab || k >= app.end || tokens[k].kind != TokenKind::kWord || !tokens[k].capitalised) break;
        ae = k;
        continue;
      }
      const absl::string_view w = LowerTokenText(seg_, tokens[ae]);
      if (IsRoleWord(w) || IsTitle(w) || (NonNameWords().contains(w) && !PlaceWordSurname(ab, ae))) break;
      bool in_org = false;
      for (const OrgOccurrence* o : orgs_.Within(tokens[ae].begin, tokens[ae].end)) in_org = o != nullptr;
      if (in_org) break;
      ++ae;
    }
    if (ae > ab) {
      std::string name(text_.substr(tokens[ab].begin, tokens[ae - 1].end - tokens[ab].begin));
      if (ae - ab == 1) {
        const std::string full = FullNameFor(name, tokens[ab].begin);
        if (!full.empty()) name = full;
      }
      s.name = name;
      s.id = Slugify(name);
      s.kind = SpeakerKind::kPerson;
      s.mention = {tokens[ab].begin, tokens[ae - 1].end};
      size_t rb = db;
      // "Its chair, ...": the organisation named last before the phrase. "The BMA's GP
      // committee chair": the organisation is the affiliation, the rest the role.
      OrgOccurrence owner;
      if (rb < last && (LowerTokenText(seg_, tokens[rb]) == "its" || LowerTokenText(seg_, tokens[rb]) == "their")) {
        if (affiliation == nullptr) {
          const OrgOccurrence* o = orgs_.MostRecent(tokens[rb].begin, "");
          if (o != nullptr) owner = *o;
          // An organisation that spoke since ("Parents' group Parentkind said ... Its chief
          // executive"), though the catalogue and the name's words did not know it, or in the
          // sentence that named the other ("Medconfidential said the ICO had waited too long.
          // Its coordinator": Medconfidential's).
          auto sentence_of = [&](size_t pos) {
            const size_t k = FirstTokenFrom(seg_, pos);
            return k < tokens.size() ? tokens[k].sentence : UINT32_MAX;
          };
          for (auto it = seen_.crbegin(); it != RecentEnd(); ++it) {
            if (it->pos >= tokens[rb].begin ||
                (o != nullptr && it->pos < o->begin && sentence_of(it->pos) != sentence_of(o->begin))) {
              continue;
            }
            auto e = entities_.find(it->name);
            if (e != entities_.end() && e->second.kind == SpeakerKind::kOrganisation) {
              owner = {it->pos, it->pos, e->second.id, it->name};
              o = &owner;
              break;
            }
          }
          if (o != nullptr) affiliation = &owner;
        }
        ++rb;
      } else if (affiliation == nullptr && rb < last && IsPossessive(LowerTokenText(seg_, tokens[rb])) &&
                 OrgNouns().contains(WithoutPossessive(LowerTokenText(seg_, tokens[rb])))) {
        // "The group's chair, Sarah Lind", "The party's chair": the organisation of that
        // kind that spoke last in this paragraph or the one before ("Labour said the
        // Conservatives were ... The party's chair" is Labour's), else the one named last.
        const absl::string_view noun = WithoutPossessive(LowerTokenText(seg_, tokens[rb]));
        for (auto it = seen_.crbegin(); it != RecentEnd(); ++it) {
          if (it->pos >= tokens[rb].begin) continue;
          if (!WithinParagraphs(it->pos, tokens[rb].begin, 1)) break;
          auto e = entities_.find(it->name);
          // (Any organisation that just spoke is a "group", a "charity" or a "company"; a
          // "party" or "council" must be one.)
          if (e == entities_.end() || e->second.kind != SpeakerKind::kOrganisation ||
              (noun != "group" && noun != "organisation" && noun != "body" && noun != "charity" &&
               noun != "company" && noun != "firm" && noun != "campaign" && !OrganisationFitsNoun(it->name, noun))) {
            continue;
          }
          owner = {it->pos, it->pos, e->second.id, it->name};
          affiliation = &owner;
          break;
        }
        if (affiliation == nullptr) {
          if (const OrgOccurrence* o = orgs_.MostRecent(tokens[rb].begin, noun)) {
            owner = *o;
            affiliation = &owner;
          }
        }
        if (affiliation != nullptr) ++rb;
      } else if (affiliation != nullptr && affiliation->begin == tokens[rb].begin) {
        size_t k = rb;
        while (k < last && tokens[k].begin < affiliation->end) ++k;
        if (k > rb && tokens[k - 1].end >= affiliation->end) {
          const absl::string_view possessive = text_.substr(affiliation->end, tokens[k - 1].end - affiliation->end);
          if (possessive == "'s" || possessive == "\xE2\x80\x99s") rb = k;
        }
      }
      while (rb < last && tokens[rb].kind == TokenKind::kWord &&
             (LowerTokenText(seg_, tokens[rb]) == "another" ||
              LowerTokenText(seg_, tokens[rb]) == "one" ||
              LowerTokenText(seg_, tokens[rb]) == "fellow")) {
        ++rb;
      }
      // "One of the family's attorneys, Justin Bamberg": the role is "family's attorneys".
      if (rb > db && rb + 1 < last && LowerTokenText(seg_, tokens[rb]) == "of") {
        ++rb;
        if (LowerTokenText(seg_, tokens[rb]) == "the") ++rb;
      }
      // "Outside court, Sonya Sceats, chief executive of ...": words with no role noun before
      // the name set the scene; they are no role.
      bool role_like = false;
      for (size_t k = rb; k <= last && !role_like; ++k) {
        if (tokens[k].kind != TokenKind::kWord) continue;
        const absl::string_view w = LowerTokenText(seg_, tokens[k]);
        role_like = IsRoleWord(w) || IsRelationNoun(w) || OrgNouns().contains(w) || IsPossessive(w) ||
                    absl::EndsWith(w, "ist") || absl::EndsWith(w, "man") ||
                    absl::EndsWith(w, "woman") || absl::EndsWith(w, "person");
      }
      if (role_like) s.role = std::string(text_.substr(tokens[rb].begin, tokens[last].end - tokens[rb].begin));
      if (affiliation != nullptr) {
        s.affiliation = affiliation->name;
        s.affiliation_id = affiliation->id;
      }
      ApplyApposition({ae, app.end}, &s, &gender);
      // "The chief executive, Dr Amira Khan," in a story about one trust: the organisation
      // in focus.
      if (s.affiliation.empty() && determiner == "the" && HeldAtAnOrganisation(absl::AsciiStrToLower(s.role))) {
        OrganisationInFocus(tokens[b].begin, &s.affiliation, &s.affiliation_id);
      }
      Remember(s, gender);
      return s;
    }
  }

  if (name_b > last) {
    // "The regulator, Ofwat, said": an organisation's noun whose apposition is its name.
    if (OrgNouns().contains(last_word) && !phrase.apposition.empty() && phrase.apposition.end <= tokens.size()) {
      size_t ab = phrase.apposition.begin;
      while (ab < phrase.apposition.end && IsPunct(text_, tokens[ab], ",")) ++ab;
      size_t ae = phrase.apposition.end;
      while (ae > ab && tokens[ae - 1].kind != TokenKind::kWord) --ae;
      const auto named = ab < ae ? orgs_.Within(tokens[ab].begin, tokens[ae - 1].end) : std::vector<const OrgOccurrence*>{};
      if (named.size() == 1 && named.front()->begin == tokens[ab].begin && named.front()->end == tokens[ae - 1].end) {
        AdoptOrganisation(*named.front(), SpeakerKind::kOrganisation, &s);
        s.role = std::string(last_word);
        Remember(s, gender);
        return s;
      }
    }
    // No name: an organisation's spokesperson, a nominal, or a group.
    if (affiliation != nullptr && (IsSpokes(last_word) || last_word == "representative" ||
                                   last_word == "representatives" || last_word == "source" ||
                                   last_word == "sources" || last_word == "official" ||
                                   last_word == "officials" || last_word == "statement" ||
                                   // "an analyst at Morgan Stanley": one unnamed person
                                   // speaking from an organisation, as a spokesperson does.
                                   (prep_org != nullptr && IsRoleWord(last_word) &&
                                    (!absl::EndsWith(last_word, "s") ||
                                     absl::EndsWith(last_word, "ss"))))) {
      s.name = affiliation->name;
      s.id = affiliation->id;
      s.kind = SpeakerKind::kOrganisation;
      s.role = std::string(TokenText(text_, tokens[last]));
      s.affiliation = affiliation->name;
      s.affiliation_id = affiliation->id;
      Remember(s, gender);
      return s;
    }
    // "An EPA spokesperson", "A district spokesperson": the words before "spokesperson" say
    // whose; capitalised, they name the organisation ("EPA"); a common noun picks the last
    // organisation it fits ("district" -> "Fairview Unified School District").
    if (IsSpokes(last_word) || last_word == "representative" || last_word == "official") {
      size_t cb = db;
      while (cb < last && tokens[cb].kind == TokenKind::kWord && !tokens[cb].capitalised) ++cb;
      size_t ce = cb;
      while (ce < last && tokens[ce].kind == TokenKind::kWord && tokens[ce].capitalised &&
             !IsRoleWord(LowerTokenText(seg_, tokens[ce])) && !IsTitle(LowerTokenText(seg_, tokens[ce])) &&
             !(ce == seg_.sentences[tokens[ce].sentence].first_token && !IsAcronym(TokenText(text_, tokens[ce])))) {
        ++ce;
      }
      const OrgOccurrence* o = nullptr;
      OrgOccurrence named;
      if (ce > cb && ce == last) {
        const std::string org(text_.substr(tokens[cb].begin, tokens[ce - 1].end - tokens[cb].begin));
        named = {tokens[cb].begin, tokens[ce - 1].end, CanonicalOrganisationId(org), org};
        if (!named.id.empty()) o = &named;
      }
      // (Not when a capitalised word names some other body: "A Japanese foreign ministry
      // official" is of no ministry the article named.)
      bool other_body = false;
      for (size_t k = db; k < last; ++k) other_body = other_body || (tokens[k].capitalised && k >= ce);
      for (size_t k = db; k < last && o == nullptr && !other_body; ++k) {
        const absl::string_view w = LowerTokenText(seg_, tokens[k]);
        if (tokens[k].kind == TokenKind::kWord && !tokens[k].capitalised && w.size() > 3) {
          o = orgs_.MostRecent(s.mention.begin, w);
          // The organisation's own name has the word ("district": "... School District").
          bool named_so = false;
          for (absl::string_view part : absl::StrSplit(o != nullptr ? absl::string_view(o->name) : "", ' ')) {
            named_so = named_so || absl::EqualsIgnoreCase(part, w);
          }
          if (!named_so) o = nullptr;
        }
      }
      if (o != nullptr) {
        AdoptOrganisation(*o, SpeakerKind::kOrganisation, &s);
        s.role = std::string(TokenText(text_, tokens[last]));
        Remember(s, gender);
        return s;
      }
    }
    // "The director of finance", "A source familiar with the matter", "two people briefed on
    // the talks": the noun is before the remit, not its last word.
    size_t noun_at = last;
    auto speaker_noun = [&](size_t k) {
      const absl::string_view w = LowerTokenText(seg_, tokens[k]);
      return tokens[k].kind == TokenKind::kWord && !tokens[k].capitalised &&
             (IsRoleWord(w) || GroupNouns().contains(w) || IsOrgHeadNoun(w) || IsPersonEpithet(w));
    };
    if (!speaker_noun(last)) {
      for (size_t k = b + 1; k < last; ++k) {
        const absl::string_view w = LowerTokenText(seg_, tokens[k]);
        if (w != "of" && w != "with" && w != "for" && w != "on" && w != "at" && w != "from" && w != "in") continue;
        if (speaker_noun(k - 1)) {
          noun_at = k - 1;
        } else if (k >= b + 2 && speaker_noun(k - 2)) {
          noun_at = k - 2;
        }
        break;
      }
    }
    std::string premods;
    for (size_t k = b; k < noun_at; ++k) {
      if (tokens[k].kind != TokenKind::kWord) continue;
      if (!premods.empty()) premods += ' ';
      absl::StrAppend(&premods, LowerTokenText(seg_, tokens[k]));
    }
    s = ResolveNominal(noun_at == last ? last_word : LowerTokenText(seg_, tokens[noun_at]), premods, s.mention);
    // The noun with its remit: the role "director of finance", the group "two people
    // familiar with the matter".
    const absl::string_view remit =
        noun_at == last ? absl::string_view() : text_.substr(tokens[noun_at].end, tokens[last].end - tokens[noun_at].end);
    if (!remit.empty() && s.kind != SpeakerKind::kGroup && s.role == LowerTokenText(seg_, tokens[noun_at])) {
      s.role = absl::StrCat(s.role, remit);
    } else if (!remit.empty() && s.kind == SpeakerKind::kGroup && s.affiliation.empty() &&
               absl::EndsWith(s.name, LowerTokenText(seg_, tokens[noun_at]))) {
      s.name = absl::StrCat(s.name, remit);
      s.id = Slugify(s.name);
    }
    if (s.role.empty() && pre_e > role_b && s.kind == SpeakerKind::kUnknown) {
      s.role = std::string(text_.substr(tokens[role_b].begin, tokens[last].end - tokens[role_b].begin));
    }
    // "analysts at Palantir": the group works there; "Senior Labour MPs": it belongs to the
    // organisation its words name.
    if (affiliation != nullptr && s.affiliation.empty() &&
        (s.kind == SpeakerKind::kGroup || (prep_org != nullptr && s.kind != SpeakerKind::kUnknown))) {
      s.affiliation = affiliation->name;
      s.affiliation_id = affiliation->id;
    }
    // A group named by its own words keeps them as written ("Senior Labour MPs", not
    // "senior labour mps"); its id is the same either way.
    if (s.kind == SpeakerKind::kGroup && s.id == Slugify(s.name)) {
      const absl::string_view written = text_.substr(tokens[b].begin, tokens[last].end - tokens[b].begin);
      if (written.size() >= s.name.size() &&
          absl::EqualsIgnoreCase(written.substr(written.size() - s.name.size()), s.name)) {
        std::string name(written.substr(written.size() - s.name.size()));
        // A capital the sentence's start explains goes ("Campaigners" -> "campaigners",
        // "Privacy advocates" -> "privacy advocates"); one before another capital may be a
        // name's or a title's and stays ("Senior Labour MPs", "Mr Stanton's campaign", "NHS
        // staff").
        const size_t first = FirstTokenFrom(seg_, tokens[b].begin + (written.size() - name.size()));
        const size_t word_end = name.find(' ');
        const absl::string_view word = absl::string_view(name).substr(0, word_end);
        bool lower = word.size() > 1;
        for (char c : word.substr(std::min<size_t>(1, word.size()))) {
          lower = lower && !absl::ascii_isupper(static_cast<unsigned char>(c));
        }
        if (word_end != std::string::npos && word_end + 1 < name.size()) {
          lower = lower && !absl::ascii_isupper(static_cast<unsigned char>(name[word_end + 1]));
        }
        if (first < tokens.size() && first == seg_.sentences[tokens[first].sentence].first_token && lower) {
          name[0] = absl::ascii_tolower(static_cast<unsigned char>(name[0]));
        }
        s.name = std::move(name);
      }
    }
    ApplyApposition(phrase.apposition, &s, &gender);
    // "The trust said ... It added": an organisation or group reached through a nominal is
    // remembered as a speaker, for the pronouns after it.
    if (s.kind == SpeakerKind::kGroup || s.kind == SpeakerKind::kOrganisation) {
      Remember(s, gender);
    } else if (!s.name.empty()) {
      seen_.push_back({s.mention.begin, s.name});
    }
    return s;
  }

  // "Parents' group Parentkind", "think tank Demos", "charity Mind": a name right after an
  // organisation noun is an organisation's.
  if (pre_e > role_b && pre_e == name_b && name_b <= last) {
    const absl::string_view head_noun = LowerTokenText(seg_, tokens[pre_e - 1]);
    const std::string org_name(text_.substr(tokens[name_b].begin, tokens[last].end - tokens[name_b].begin));
    if (IsOrgHeadNoun(head_noun) && !entities_.contains(org_name)) {
      s.name = org_name;
      s.id = CanonicalOrganisationId(org_name);
      s.kind = SpeakerKind::kOrganisation;
      s.affiliation = org_name;
      s.affiliation_id = s.id;
      s.role = std::string(text_.substr(tokens[role_b].begin, tokens[pre_e - 1].end - tokens[role_b].begin));
      Remember(s, gender);
      return s;
    }
  }
  // "LM: We would honour ..." in a transcript: initials of a person who spoke before.
  if (name_b == last && pre_e == db && determiner.empty() && IsAcronym(TokenText(text_, tokens[name_b])) &&
      tokens[name_b].end - tokens[name_b].begin <= 3 && name_b + 1 < tokens.size() &&
      IsPunct(text_, tokens[name_b + 1], ":") &&
      name_b == seg_.paragraphs[tokens[name_b].paragraph].first_token) {
    const absl::string_view initials = TokenText(text_, tokens[name_b]);
    for (auto it = seen_.crbegin(); it != RecentEnd(); ++it) {
      auto e = entities_.find(it->name);
      if (e == entities_.end() || e->second.kind != SpeakerKind::kPerson) continue;
      std::string of_name;
      for (absl::string_view part : absl::StrSplit(it->name, ' ', absl::SkipEmpty())) {
        if (absl::ascii_isupper(static_cast<unsigned char>(part.front()))) of_name += part.front();
      }
      if (of_name == initials) {
        Adopt(it->name, e->second, &s);
        return s;
      }
    }
  }
  // A person. ("Streeting's final words: ...": the possessor is the person, without "'s";
  // not a name whose "'s" is its own: "Sainsbury's", "McDonald's", an organisation the
  // article names so.)
  std::string name(text_.substr(tokens[name_b].begin, tokens[last].end - tokens[name_b].begin));
  if (IsPossessive(last_word) && !PossessiveBrand(last)) {
    const auto e = entities_.find(name);
    if (e == entities_.end() || e->second.kind != SpeakerKind::kOrganisation) {
      name.resize(name.size() - (last_word.size() - WithoutPossessive(last_word).size()));
    }
  }
  size_t capital_words = 0;  // "De Blasio" at a sentence's start has one
  for (size_t k = name_b; k <= last; ++k) {
    capital_words += tokens[k].capitalised && !IsNameParticle(LowerTokenText(seg_, tokens[k])) ? 1 : 0;
  }
  bool introduced = false;  // the article named this person in full before
  if (capital_words == 1) {  // a surname, perhaps with its particle ("de Blasio")
    std::string full = knighted ? FullNameForFirstName(name, tokens[name_b].begin) : "";
    if (full.empty()) full = FullNameFor(name, tokens[name_b].begin);
    if (!full.empty()) {
      name = full;
      introduced = true;
    }
  }
  // "Ofwat said it would scrutinise the plans", "BAE Systems said it welcomed": one
  // unintroduced word, or a name that starts with an acronym of three letters or more ("JD
  // Vance said it was a mistake" is a person), calling itself "it".
  // "Tesco said like-for-like sales rose", "Sainsbury's, which reported last week, said": so
  // is one word the article never gives a first name or a title (news names a person in
  // full, or with a title, before a surname alone), with no "who" clause after it.
  // "The Army said ... An Army spokesperson told ... But the Army says": an organisation that
  // spoke before is that organisation again, without its spokesperson's role.
  if (name_b == last && pre_e == db && !introduced) {
    if (auto e = entities_.find(name); e != entities_.end() && e->second.kind == SpeakerKind::kOrganisation) {
      s.name = name;
      s.id = e->second.id;
      s.kind = SpeakerKind::kOrganisation;
      s.affiliation = e->second.affiliation.empty() ? name : e->second.affiliation;
      s.affiliation_id = e->second.affiliation_id.empty() ? s.id : e->second.affiliation_id;
      Remember(s, Gender::kUnknown);
      return s;
    }
  }
  const absl::string_view lone = WithoutPossessive(TokenText(text_, tokens[name_b]));
  const absl::string_view app_first = phrase.apposition.empty() || phrase.apposition.begin >= tokens.size()
                                           ? ""
                                           : LowerTokenText(seg_, tokens[phrase.apposition.begin]);
  const bool unintroduced_word =
      name_b == last && !introduced && pre_e == db && !entities_.contains(name) && !by_surname_.contains(lone) &&
      !titled_names_.contains(lone) && !IsFirstName(absl::AsciiStrToLower(lone)) && !knighted &&
      !LooksLikeDemonym(absl::AsciiStrToLower(lone)) && !IsNationAdjective(absl::AsciiStrToLower(lone)) &&
      !NoOrganisationWord(absl::AsciiStrToLower(lone)) &&
      (phrase.apposition.empty() || app_first == "which");
  if ((unintroduced_word && !IsAcronym(lone)) ||
      (says_it && !introduced && pre_e == db && phrase.apposition.empty() && !entities_.contains(name) &&
       // (nor one the article names in full anywhere: "Trump says it ..." in a headline)
       ((name_b == last && !by_surname_.contains(TokenText(text_, tokens[name_b]))) ||
        (IsAcronym(TokenText(text_, tokens[name_b])) && tokens[name_b].end - tokens[name_b].begin >= 3)))) {
    s.name = name;
    s.id = CanonicalOrganisationId(name);
    s.kind = SpeakerKind::kOrganisation;
    s.affiliation = name;
    s.affiliation_id = s.id;
    Remember(s, gender);
    return s;
  }
  s.name = name;
  s.id = Slugify(name);
  s.kind = SpeakerKind::kPerson;
  // (A possessor alone is no role: "Labour's Angela Rayner", "Scotland's Scott McTominay";
  // capitalised words that end with one name where the person works: "Shore Capital's Clive
  // Black".)
  bool possessor_only = pre_e > role_b && IsPossessive(TokenText(text_, tokens[pre_e - 1]));
  for (size_t k = role_b; k < pre_e && possessor_only; ++k) {
    possessor_only = tokens[k].kind == TokenKind::kWord && tokens[k].capitalised &&
                     !IsRoleWord(LowerTokenText(seg_, tokens[k]));
  }
  if (pre_e > role_b && !possessor_only) {
    // "Council leader Cllr Amir Khan": the office is the role, the title only says how he
    // is addressed ("Cllr Jane Smith" alone is a councillor).
    size_t role_e = pre_e;
    if (role_e - role_b >= 2 && LowerTokenText(seg_, tokens[role_e - 1]) == "cllr") --role_e;
    s.role = ExpandedTitles(text_.substr(tokens[role_b].begin, tokens[role_e - 1].end - tokens[role_b].begin));
  }
  if (possessor_only && pre_e > role_b + 1 && affiliation == nullptr && party_id.empty()) {
    const absl::string_view possessor = WithoutPossessive(TokenText(text_, tokens[pre_e - 1]));
    const std::string org(text_.substr(tokens[role_b].begin, tokens[pre_e - 1].begin + possessor.size() - tokens[role_b].begin));
    s.affiliation = org;
    s.affiliation_id = CanonicalOrganisationId(org);
  }
  // "Vodafone chief executive Margherita Della Valle": capitalised words before a person's
  // role name the organisation they hold it in (not a nationality or a party: "Irish
  // Taoiseach", "Republican senator").
  if (affiliation == nullptr && pre_e > role_b + 1) {
    size_t k = role_b;
    while (k < pre_e && k - role_b < 3 && tokens[k].kind == TokenKind::kWord && tokens[k].capitalised) {
      const absl::string_view w = LowerTokenText(seg_, tokens[k]);
      if (IsRoleWord(w) || IsTitle(w) || IsRoleModifier(w) || NonNameWords().contains(w) || LooksLikeDemonym(w)) break;
      ++k;
    }
    // Roles held at an organisation, not in a portfolio ("Energy Secretary", "Budget Director").
    static const auto* const kHeldRoles = new Set{
        "chief", "ceo", "boss", "chair", "chairman", "chairwoman", "founder", "co-founder",
        "president", "spokesperson", "spokesman", "spokeswoman", "owner", "captain", "manager", "coach"};
    // ...and a profession practised at one ("Jefferies analyst"), whose capitalised word before
    // it may be its field instead: "Immigration lawyer", "Climate scientist", "Political editor"
    // (a firm's name ends otherwise).
    static const auto* const kFieldRoles = new Set{"analyst", "economist", "strategist", "researcher", "lawyer",
                                                   "editor", "correspondent", "reporter", "engineer", "scientist"};
    const absl::string_view held = k < pre_e ? LowerTokenText(seg_, tokens[k]) : "";
    bool field = false;
    if (k == role_b + 1 && k < pre_e && kFieldRoles->contains(held)) {
      const absl::string_view f = LowerTokenText(seg_, tokens[role_b]);
      for (absl::string_view end : {"ion", "al", "ic", "ics", "ate", "ry", "ty", "ism", "ing", "ce", "gy", "th"}) {
        field = field || absl::EndsWith(f, end);
      }
      field = field && orgs_.Within(tokens[role_b].begin, tokens[role_b].end).empty();
    }
    if (k > role_b && k < pre_e && !field && tokens[k].kind == TokenKind::kWord &&
        (kHeldRoles->contains(held) || kFieldRoles->contains(held))) {
      const std::string org = OrganisationNameIn(role_b, k);
      s.affiliation = org;
      s.affiliation_id = CanonicalOrganisationId(org);
    }
  }
  if (!postnominal.empty() && (postnominal == "KC" || postnominal == "QC" || postnominal == "MP" ||
                               postnominal == "MSP" || postnominal == "MS" || postnominal == "MLA" ||
                               postnominal == "MEP")) {
    s.role = s.role.empty() ? postnominal : absl::StrCat(s.role, ", ", postnominal);
  }
  if (affiliation != nullptr) {
    s.affiliation = affiliation->name;
    s.affiliation_id = affiliation->id;
  }
  ApplyApposition(phrase.apposition, &s, &gender);
  // "Orsted, the world's largest offshore wind developer, said": one unintroduced word whose
  // apposition calls it a company is that company.
  if (name_b == last && pre_e == db && !introduced && !phrase.apposition.empty() && !s.role.empty() &&
      !entities_.contains(s.name)) {
    static const auto* const kCompanyNouns = new Set{
        "developer", "company", "firm", "operator", "provider", "maker", "producer", "manufacturer",
        "supplier", "retailer", "bank", "insurer", "lender", "airline", "carrier", "charity", "union",
        "broadcaster", "network", "regulator", "watchdog", "agency", "organisation", "organization",
        "association", "giant", "startup", "start-up", "conglomerate", "chain", "group", "body", "platform"};
    const size_t space = s.role.rfind(' ');
    const std::string head_noun = absl::AsciiStrToLower(space == std::string::npos ? s.role : s.role.substr(space + 1));
    if (kCompanyNouns->contains(head_noun)) {
      s.kind = SpeakerKind::kOrganisation;
      s.id = CanonicalOrganisationId(s.name);
      s.affiliation = s.name;
      s.affiliation_id = s.id;
      Remember(s, Gender::kUnknown);
      return s;
    }
  }
  // "Conservative MP Caroline Johnson", "Republican Senator Ted Cruz": a party's adjective
  // before a political office.
  if (s.affiliation.empty() && party_id.empty() && !s.role.empty()) {
    static const auto* const kOffices = new Set{
        "mp", "mep", "msp", "ms", "mla", "peer", "councillor", "cllr", "candidate", "senator", "sen",
        "congressman", "congresswoman", "representative", "rep", "lawmaker", "governor", "gov", "mayor", "leader"};
    std::vector<std::string> words = absl::StrSplit(absl::AsciiStrToLower(s.role), ' ', absl::SkipEmpty());
    if (words.size() >= 2 && kOffices->contains(absl::StripSuffix(words.back(), "."))) {
      // Two words first ("Liberal Democrat councillor", "Lib Dem MP"), then one.
      const PartyTag* party =
          words.size() >= 3 ? PartyAdjective(absl::StrCat(words[words.size() - 3], " ", words[words.size() - 2])) : nullptr;
      if (party == nullptr) party = PartyAdjective(words[words.size() - 2]);
      if (party != nullptr) {
        party_id = std::string(party->id);
        party_name = std::string(party->name);
      }
    }
  }
  if (s.affiliation.empty() && !party_id.empty()) {
    s.affiliation = party_name;
    s.affiliation_id = party_id;
  }
  if (s.affiliation.empty() && !org_noun.empty()) {
    // "group spokesperson Marion Macalpine": the group named nearby, before or just after.
    const OrgOccurrence* o = orgs_.MostRecent(s.mention.begin, org_noun);
    if (o == nullptr) {
      const Paragraph& p = seg_.paragraphs[tokens[b].paragraph];
      const size_t limit = p.end_token < tokens.size() || p.end_token == tokens.size()
                               ? seg_.paragraphs[tokens[b].paragraph].end
                               : text_.size();
      o = orgs_.Next(s.mention.end, limit, org_noun);
    }
    if (o != nullptr) {
      s.affiliation = o->name;
      s.affiliation_id = o->id;
    }
  }
  // What the article said about this person before fills what this mention leaves out.
  auto known = entities_.find(s.name);
  if (known != entities_.end()) {
    if (s.role.empty()) s.role = known->second.role;
    if (s.affiliation.empty()) {
      s.affiliation = known->second.affiliation;
      s.affiliation_id = known->second.affiliation_id;
    }
  }
  if (gender == Gender::kUnknown && spokes_for == 0) {
    const size_t space = s.name.find(' ');
    bool male = false;
    if (space != std::string::npos && FirstNameGender(absl::AsciiStrToLower(s.name.substr(0, space)), &male)) {
      gender = male ? Gender::kMale : Gender::kFemale;
    }
  }
  if (spokes_for > 0) {
    // "A spokeswoman for Mr Johnson": the role and gender are the spokeswoman's, not his.
    ResolvedSpeaker principal = s;
    principal.role.clear();
    Remember(principal, Gender::kUnknown);
    return s;
  }
  Remember(s, gender);
  return s;
}

}  // namespace claims::extract
