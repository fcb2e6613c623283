// Shared start-up for both servers: listen, health checking, reflection, clean shutdown on
// SIGTERM/SIGINT (in-flight RPCs finish, then the caller's objects are destroyed).
#ifndef CLAIMS_COMMON_SERVER_RUNNER_H_
#define CLAIMS_COMMON_SERVER_RUNNER_H_

#include <functional>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"

namespace claims {

struct ServerConfig {
  std::string listen_address;  // "host:port"; port 0 picks a free port
  std::string name;            // "claims-ingest", printed in the start-up line
  // Fully qualified service names reported SERVING by the health service.
  std::vector<std::string> health_services;
  int max_message_bytes = 16 << 20;
};

// What both servers' main() calls first, before anything (RocksDB, gRPC) starts threads:
// blocks SIGTERM and SIGINT in the calling thread and every thread it creates afterwards, so
// that RunServerUntilSignalled can take them with sigwait (a thread started earlier would
// receive the signal and die of it), and turns off Abseil's Mutex deadlock detection, which
// otherwise updates a lock graph on every Lock (in claims-ingest ~600 an article, mostly
// memtable inserts: 3.4% of its instructions).
void StartServerProcess();

// Builds and starts a server with `services` (not owned; must outlive the call), prints
// "<name> listening on <host:port>" to stdout once it accepts calls, and blocks until
// SIGTERM or SIGINT, then shuts down gracefully (up to 10 s for in-flight calls).
// `on_started` (optional) runs once the server is up with it, e.g. to flip health states.
// Errors: UNAVAILABLE when the address cannot be bound.
absl::Status RunServerUntilSignalled(const ServerConfig& config,
                                     const std::vector<grpc::Service*>& services,
                                     const std::function<void(grpc::Server*)>& on_started = {});

// Value of environment variable `name`, or `fallback` when unset or empty.
std::string EnvOr(const char* name, const std::string& fallback);

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_RUNNER_H_
