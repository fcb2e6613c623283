// claims-ingest: extracts claims from articles and is the sole writer of the database.
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "common/server_runner.h"
#include "ingest-service/extract/extractor.h"
#include "ingest-service/ingest_service.h"
#include "ingest-service/ingester.h"
#include "store/claim_store.h"

ABSL_FLAG(std::string, listen, claims::EnvOr("CLAIMS_LISTEN", "127.0.0.1:50051"),
          "address to serve on (env CLAIMS_LISTEN); port 0 picks a free port");
ABSL_FLAG(std::string, db, claims::EnvOr("CLAIMS_DB", "./data/claims"),
          "database directory, created if missing (env CLAIMS_DB)");
ABSL_FLAG(std::string, taxonomy, claims::EnvOr("CLAIMS_TAXONOMY", ""),
          "topic taxonomy file (env CLAIMS_TAXONOMY; default: the shipped one)");
ABSL_FLAG(std::string, organisations, claims::EnvOr("CLAIMS_ORGANISATIONS", ""),
          "organisation alias file (env CLAIMS_ORGANISATIONS; default: the shipped one)");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("claims-ingest --listen ADDR --db DIR");
  claims::BlockShutdownSignals();
  absl::ParseCommandLine(argc, argv);
  claims::extract::ExtractorOptions options = claims::extract::DefaultExtractorOptions();
  if (!absl::GetFlag(FLAGS_taxonomy).empty()) options.taxonomy_path = absl::GetFlag(FLAGS_taxonomy);
  if (!absl::GetFlag(FLAGS_organisations).empty()) {
    options.organisations_path = absl::GetFlag(FLAGS_organisations);
  }
  auto extractor = claims::extract::Extractor::Create(options);
  if (!extractor.ok()) {
    std::cerr << "claims-ingest: " << extractor.status().message() << std::endl;
    return 1;
  }
  auto store = claims::store::ClaimStore::OpenPrimary(absl::GetFlag(FLAGS_db));
  if (!store.ok()) {
    std::cerr << "claims-ingest: " << store.status().message() << std::endl;
    return 1;
  }
  claims::ingest::Ingester ingester(extractor->get(), store->get());
  if (auto s = ingester.RegisterCatalogues(); !s.ok()) {
    std::cerr << "claims-ingest: " << s.message() << std::endl;
    return 1;
  }
  claims::ingest::IngestServiceImpl service(&ingester);
  const absl::Status status = claims::RunServerUntilSignalled(
      {absl::GetFlag(FLAGS_listen), "claims-ingest", {"claims.v1.IngestService"}}, {&service});
  if (!status.ok()) {
    std::cerr << "claims-ingest: " << status.message() << std::endl;
    return 1;
  }
  return 0;
}
