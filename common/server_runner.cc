#include "common/server_runner.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

#include <chrono>
#include <iostream>
#include <thread>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"

namespace claims {

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* value = getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

namespace {

sigset_t ShutdownSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  return signals;
}

void BlockShutdownSignals() {
  const sigset_t signals = ShutdownSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

}  // namespace

void StartServerProcess() {
  BlockShutdownSignals();
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
}

absl::Status RunServerUntilSignalled(const ServerConfig& config,
                                     const std::vector<grpc::Service*>& services,
                                     const std::function<void(grpc::Server*)>& on_started) {
  BlockShutdownSignals();
  const sigset_t signals = ShutdownSignals();

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(config.listen_address, grpc::InsecureServerCredentials(), &port);
  builder.SetMaxReceiveMessageSize(config.max_message_bytes);
  builder.SetMaxSendMessageSize(config.max_message_bytes);
  for (grpc::Service* service : services) builder.RegisterService(service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", config.listen_address, " (address in use or invalid)"));
  }
  grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
  if (health != nullptr) {
    health->SetServingStatus(true);
    for (const auto& name : config.health_services) health->SetServingStatus(name, true);
  }
  if (on_started) on_started(server.get());
  const std::string host = config.listen_address.substr(0, config.listen_address.rfind(':'));
  std::cout << config.name << " listening on " << host << ":" << port << std::endl;

  std::thread waiter([&server, &signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    std::cerr << "received signal " << signal << ", shutting down" << std::endl;
    server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(10));
  });
  server->Wait();
  waiter.join();
  return absl::OkStatus();
}

}  // namespace claims
