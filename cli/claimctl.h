// claimctl: the command-line client. Subcommands ingest, claims, get, article, orgs, topics,
// delete, extract (offline, no services) and health.
#ifndef CLAIMS_CLI_CLAIMCTL_H_
#define CLAIMS_CLI_CLAIMCTL_H_

#include <iosfwd>

namespace claims::cli {

// Runs claimctl with the given arguments; returns the process exit code (0 success, 1 a
// request or input failed, 2 bad usage). Output goes to `out`, diagnostics to `err`.
int RunClaimctl(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace claims::cli

#endif  // CLAIMS_CLI_CLAIMCTL_H_
