// Helpers shared by the integration tests that drive the real servers.
#ifndef CLAIMS_TESTS_TESTING_RPC_WAIT_H_
#define CLAIMS_TESTS_TESTING_RPC_WAIT_H_

#include <chrono>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <thread>

#include <grpcpp/grpcpp.h>

namespace claims::testing {

// A client context whose call fails after `seconds`.
inline std::unique_ptr<grpc::ClientContext> Deadline(int seconds = 10) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(seconds));
  return context;
}

// Retries `call` every 50 ms until it returns true or `seconds` pass (the query side
// catches up with the writer every 100 ms). Returns the last answer.
inline bool Eventually(const std::function<bool()>& call, int seconds = 10) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (call()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

// The whole file, or "" when it cannot be read.
inline std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

}  // namespace claims::testing

#endif  // CLAIMS_TESTS_TESTING_RPC_WAIT_H_
