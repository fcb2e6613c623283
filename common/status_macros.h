// Small helpers for absl::Status that Debian's Abseil 20220623 lacks.
#ifndef CLAIMS_COMMON_STATUS_MACROS_H_
#define CLAIMS_COMMON_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define CLAIMS_CONCAT_INNER_(a, b) a##b
#define CLAIMS_CONCAT_(a, b) CLAIMS_CONCAT_INNER_(a, b)

// Returns from the enclosing function with the status of `expr` when it is not OK.
#define CLAIMS_RETURN_IF_ERROR(expr)                \
  do {                                              \
    ::absl::Status claims_status_ = (expr);         \
    if (!claims_status_.ok()) return claims_status_; \
  } while (0)

// `CLAIMS_ASSIGN_OR_RETURN(auto x, F());` assigns the value of a StatusOr or returns its error.
#define CLAIMS_ASSIGN_OR_RETURN(lhs, expr) \
  CLAIMS_ASSIGN_OR_RETURN_IMPL_(CLAIMS_CONCAT_(claims_statusor_, __LINE__), lhs, expr)
#define CLAIMS_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                  \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = std::move(statusor).value()

#endif  // CLAIMS_COMMON_STATUS_MACROS_H_
