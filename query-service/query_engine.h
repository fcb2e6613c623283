// The query use cases without the RPC layer: request validation, paging (AIP-158), name
// resolution, and execution on the store.
#ifndef CLAIMS_QUERY_SERVICE_QUERY_ENGINE_H_
#define CLAIMS_QUERY_SERVICE_QUERY_ENGINE_H_

#include <functional>
#include <memory>

#include "absl/status/statusor.h"
#include "claims/v1/query.pb.h"
#include "store/claim_store.h"

namespace claims::query {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 1000;
// At most this many values in one repeated filter field.
inline constexpr int kMaxFilterValues = 100;
// WatchClaims: how often the store is polled for new commits.
inline constexpr int kWatchPollMillis = 100;

// Thread-safe (stateless apart from the store provider).
class QueryEngine {
 public:
  // Returns the store, or nullptr with a reason while it is not ready. Called per request;
  // the request keeps the store it got alive.
  using StoreProvider = std::function<std::shared_ptr<const store::ClaimStore>(std::string* why_not)>;
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
  absl::StatusOr<claims::v1::ListSpeakersResponse> ListSpeakers(
      const claims::v1::ListSpeakersRequest& request) const;
  // INVALID_ARGUMENT for a missing group_by, besides the filter errors of ListClaims.
  absl::StatusOr<claims::v1::CountClaimsResponse> CountClaims(
      const claims::v1::CountClaimsRequest& request) const;

  // Calls `emit` for every matching claim in order until it returns false (the client went
  // away). Validation errors come before the first claim.
  absl::Status StreamClaims(const claims::v1::StreamClaimsRequest& request,
                            const std::function<bool(const claims::v1::Claim&)>& emit) const;
  // Calls `emit` with each matching claim committed after the resume token (or after the
  // call began), polling every kWatchPollMillis, until `emit` returns false or `cancelled`
  // returns true. INVALID_ARGUMENT for a malformed resume_token.
  absl::Status WatchClaims(const claims::v1::WatchClaimsRequest& request,
                           const std::function<bool(const claims::v1::WatchClaimsResponse&)>& emit,
                           const std::function<bool()>& cancelled) const;

 private:
  absl::StatusOr<std::shared_ptr<const store::ClaimStore>> Store() const;
  // The typed filter ANDed with the parsed filter_expression, names resolved to ids.
  absl::StatusOr<store::FilterExpr> Filter(const store::ClaimStore& store,
                                           const claims::v1::ClaimFilter& filter,
                                           absl::string_view expression) const;
  StoreProvider provider_;
};

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_QUERY_ENGINE_H_
