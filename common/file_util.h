// Reading whole files, with the error every data-file loader reports the same way.
#ifndef CLAIMS_COMMON_FILE_UTIL_H_
#define CLAIMS_COMMON_FILE_UTIL_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claims {

// The bytes of the file at `path`. NOT_FOUND "cannot read <what> <path>" when it cannot be
// opened (`what` names the file's role, e.g. "taxonomy file").
absl::StatusOr<std::string> ReadFileToString(const std::string& path, absl::string_view what = "file");

}  // namespace claims

#endif  // CLAIMS_COMMON_FILE_UTIL_H_
