// The query use cases without the RPC layer: request validation, paging (AIP-158), name
// resolution, and execution on the store.
#ifndef CLAIMS_QUERY_SERVICE_QUERY_ENGINE_H_
#define CLAIMS_QUERY_SERVICE_QUERY_ENGINE_H_

#include <functional>

#include "absl/status/statusor.h"
#include "claims/v1/query.pb.h"
#include "store/claim_store.h"

namespace claims::query {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 1000;
// At most this many values in one repeated filter field.
inline constexpr int kMaxFilterValues = 100;

// Thread-safe (stateless apart from the store provider).
class QueryEngine {
 public:
  // Returns the store, or nullptr with a reason while it is not ready. Called per request.
  using StoreProvider = std::function<const store::ClaimStore*(std::string* why_not)>;
  explicit QueryEngine(StoreProvider provider) : provider_(std::move(provider)) {}

  // Errors: INVALID_ARGUMENT with the field named (page_size < 0; page_token malformed or
  // issued for another filter/order; filter.end_time not after filter.start_time; a bad
  // timestamp; an empty or too many filter values; unknown kind; unsupported order_by);
  // UNAVAILABLE while the database is not ready.
  absl::StatusOr<claims::v1::ListClaimsResponse> ListClaims(
      const claims::v1::ListClaimsRequest& request) const;
  // NOT_FOUND for an unknown id; INVALID_ARGUMENT for an empty one.
  absl::StatusOr<claims::v1::Claim> GetClaim(const claims::v1::GetClaimRequest& request) const;
  absl::StatusOr<claims::v1::Article> GetArticle(const claims::v1::GetArticleRequest& request) const;
  absl::StatusOr<claims::v1::ListOrganisationsResponse> ListOrganisations(
      const claims::v1::ListOrganisationsRequest& request) const;
  absl::StatusOr<claims::v1::ListTopicsResponse> ListTopics(
      const claims::v1::ListTopicsRequest& request) const;

 private:
  absl::StatusOr<const store::ClaimStore*> Store() const;
  StoreProvider provider_;
};

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_QUERY_ENGINE_H_
