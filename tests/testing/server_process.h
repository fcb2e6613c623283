// Runs one of our server binaries as a real child process on a free port, for integration
// tests. Not thread-safe; one owner.
#ifndef CLAIMS_TESTS_TESTING_SERVER_PROCESS_H_
#define CLAIMS_TESTS_TESTING_SERVER_PROCESS_H_

#include <string>
#include <vector>

namespace claims::testing {

class ServerProcess {
 public:
  // Starts `binary` with `args` (which should include "--listen=127.0.0.1:0"), waits up to
  // `timeout_ms` for its "... listening on HOST:PORT" line and records the address.
  // On failure, address() is empty and exited() tells whether the process died.
  ServerProcess(const std::string& binary, const std::vector<std::string>& args,
                int timeout_ms = 20000);
  // Sends SIGTERM and waits for exit (SIGKILL after 15 s).
  ~ServerProcess();

  const std::string& address() const { return address_; }
  int pid() const { return pid_; }

  // Sends SIGTERM and waits; returns the exit status as from waitpid (or -1 on timeout).
  int Terminate(int timeout_ms = 15000);
  // Waits for the process to exit on its own; returns waitpid status, or -1 on timeout.
  int WaitForExit(int timeout_ms);
  // All stderr the process wrote (read after it exited).
  std::string ReadStderr() const;

 private:
  int pid_ = -1;
  int stdout_fd_ = -1;
  std::string stderr_path_;
  std::string address_;
  bool reaped_ = false;
  int status_ = 0;
};

}  // namespace claims::testing

#endif  // CLAIMS_TESTS_TESTING_SERVER_PROCESS_H_
