// Organisation names: canonical ids stable across articles, the shipped alias catalogue,
// and heuristics for telling an organisation's name from a person's.
#ifndef CLAIMS_INGEST_SERVICE_EXTRACT_ORGANISATIONS_H_
#define CLAIMS_INGEST_SERVICE_EXTRACT_ORGANISATIONS_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claims::extract {

struct KnownOrganisation {
  std::string id;    // canonical id ("palantir")
  std::string name;  // display name ("Palantir Technologies")
  std::vector<std::string> aliases;  // as written in the file ("Palantir", "PLTR")
};

// Canonical id of an organisation name: corporate suffixes (Technologies, Ltd, Limited, plc,
// Inc, LLC, Corp, Corporation, Co, UK) and a leading
// "The" dropped, then slugified. "Palantir Technologies UK Ltd" -> "palantir";
// "The Guardian" -> "guardian"; "NHS England" -> "nhs-england".
std::string CanonicalOrganisationId(absl::string_view name);

// True when a capitalised name looks like an organisation: it contains a head word such as
// Council, Party, Trust, NHS, Coalition, Ministry, Department, University, Hospital, Ltd,
// Technologies, Union, Association, Committee, Agency, Foundation, Institute, Commission,
// Authority, Service, Bank, Company, Group, Campaign, Network, Society, Board, Office...
bool LooksLikeOrganisation(absl::string_view name);

// "Federated Data Platform (FDP)": an expansion immediately followed by its acronym.
struct AcronymDefinition {
  size_t expansion_begin = 0, expansion_end = 0;  // byte offsets
  size_t acronym_begin = 0, acronym_end = 0;
};
// Finds "Long Name (LN)" definitions whose acronym letters match the initials of the
// capitalised words of the expansion (small words like "of", "and", "for" may be skipped).
std::vector<AcronymDefinition> FindAcronymDefinitions(absl::string_view text);

// The alias catalogue shipped with the service and extendable by the user.
// Immutable after construction; thread-safe.
class OrganisationCatalog {
 public:
  OrganisationCatalog() = default;
  // Errors: NOT_FOUND when the file cannot be read; INVALID_ARGUMENT naming the line.
  static absl::StatusOr<OrganisationCatalog> LoadFile(const std::string& path);
  static absl::StatusOr<OrganisationCatalog> Parse(absl::string_view content);

  // The known organisation with this id, name or alias (NormaliseName-equal), or nullptr.
  const KnownOrganisation* Find(absl::string_view name_or_alias) const;

  struct Match {
    size_t begin = 0, end = 0;  // byte offsets into the searched text
    const KnownOrganisation* organisation = nullptr;
  };
  // Every occurrence in `text` of a known name or alias, at word boundaries, longest match
  // first, case-sensitive for all-caps aliases ("NHS") and case-insensitive otherwise.
  std::vector<Match> FindAll(absl::string_view text) const;

  const std::vector<KnownOrganisation>& organisations() const { return organisations_; }

 private:
  std::vector<KnownOrganisation> organisations_;
  std::unordered_map<std::string, size_t> by_key_;  // NormaliseName(alias) -> index
};

}  // namespace claims::extract

#endif  // CLAIMS_INGEST_SERVICE_EXTRACT_ORGANISATIONS_H_
