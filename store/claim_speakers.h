// The speakers a claim is found under. Header-only; thread-safe (pure functions).
#ifndef CLAIMS_STORE_CLAIM_SPEAKERS_H_
#define CLAIMS_STORE_CLAIM_SPEAKERS_H_

#include <algorithm>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
#include "claims/v1/claims.pb.h"

namespace claims::store {

// The speaker ids a claim is indexed, counted and filtered under: its speaker's id, then
// the id of each member of a joint statement ("The BMA and the RCN said" is found under the
// group, "bma" and "rcn"), each once and never empty. The views point into `claim`.
inline absl::InlinedVector<absl::string_view, 4> SpeakerIdsOf(const claims::v1::Claim& claim) {
  absl::InlinedVector<absl::string_view, 4> ids;
  auto add = [&](absl::string_view id) {
    if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  add(claim.speaker().id());
  for (const auto& m : claim.speaker().members()) add(m.id());
  return ids;
}

}  // namespace claims::store

#endif  // CLAIMS_STORE_CLAIM_SPEAKERS_H_
