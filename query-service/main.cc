// claims-query: answers filtered lookups from a RocksDB secondary instance of the database.
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include <grpcpp/health_check_service_interface.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "common/server_runner.h"
#include "query-service/query_engine.h"
#include "query-service/query_service.h"
#include "query-service/secondary_store.h"

ABSL_FLAG(std::string, listen, claims::EnvOr("CLAIMS_QUERY_LISTEN", "127.0.0.1:50052"),
          "address to serve on (env CLAIMS_QUERY_LISTEN); port 0 picks a free port");
ABSL_FLAG(std::string, db, claims::EnvOr("CLAIMS_DB", "./data/claims"),
          "database directory written by claims-ingest (env CLAIMS_DB)");
ABSL_FLAG(std::string, secondary_dir, claims::EnvOr("CLAIMS_SECONDARY_DIR", ""),
          "private directory for this replica's RocksDB info log (env CLAIMS_SECONDARY_DIR; "
          "default: a per-process directory under the system temp directory)");
ABSL_FLAG(int, catch_up_ms, 100, "how often to catch up with the writer, in milliseconds");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("claims-query --listen ADDR --db DIR");
  claims::StartServerProcess();
  absl::ParseCommandLine(argc, argv);
  std::string secondary_dir = absl::GetFlag(FLAGS_secondary_dir);
  if (secondary_dir.empty()) {
    secondary_dir = (std::filesystem::temp_directory_path() /
                     absl::StrCat("claims-query-", getpid())).string();
  }
  const int interval_ms = absl::GetFlag(FLAGS_catch_up_ms);
  if (interval_ms <= 0 || interval_ms > 60000) {
    std::cerr << "claims-query: --catch_up_ms must be between 1 and 60000" << std::endl;
    return 1;
  }
  claims::query::SecondaryStore store(absl::GetFlag(FLAGS_db), secondary_dir,
                                      absl::Milliseconds(interval_ms));
  claims::query::QueryEngine engine([&store](std::string* why_not) { return store.Get(why_not); });
  claims::query::QueryServiceImpl service(&engine);
  // The query service reports NOT_SERVING to health checks until the database is open.
  const absl::Status status = claims::RunServerUntilSignalled(
      {absl::GetFlag(FLAGS_listen), "claims-query", {"claims.v1.QueryService"}}, {&service},
      [&store](grpc::Server* server) {
        grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
        if (health == nullptr) return;
        health->SetServingStatus("claims.v1.QueryService", false);
        store.SetOnReady([health] { health->SetServingStatus("claims.v1.QueryService", true); });
      });
  store.SetOnReady(nullptr);
  if (!status.ok()) {
    std::cerr << "claims-query: " << status.message() << std::endl;
    return 1;
  }
  return 0;
}
