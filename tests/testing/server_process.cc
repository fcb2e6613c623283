#include "tests/testing/server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <thread>

extern char** environ;

namespace claims::testing {

ServerProcess::ServerProcess(const std::string& binary, const std::vector<std::string>& args,
                             int timeout_ms) {
  int out_pipe[2];
  if (pipe(out_pipe) != 0) return;
  char stderr_template[] = "/tmp/claims-server-stderr-XXXXXX";
  const int err_fd = mkstemp(stderr_template);
  stderr_path_ = stderr_template;

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(binary.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_fd);
  if (rc != 0) {
    close(out_pipe[0]);
    return;
  }
  pid_ = pid;
  stdout_fd_ = out_pipe[0];

  // Read stdout until the "listening on" line or the deadline.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  std::string buffer;
  const std::string marker = " listening on ";
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{stdout_fd_, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char chunk[512];
    const ssize_t n = read(stdout_fd_, chunk, sizeof(chunk));
    if (n <= 0) break;  // the process closed stdout (died)
    buffer.append(chunk, n);
    const size_t at = buffer.find(marker);
    const size_t eol = at == std::string::npos ? std::string::npos : buffer.find('\n', at);
    if (eol != std::string::npos) {
      address_ = buffer.substr(at + marker.size(), eol - at - marker.size());
      return;
    }
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0 && !reaped_) Terminate();
  if (stdout_fd_ >= 0) close(stdout_fd_);
  if (!stderr_path_.empty()) unlink(stderr_path_.c_str());
}

int ServerProcess::WaitForExit(int timeout_ms) {
  if (reaped_) return status_;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    const pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      reaped_ = true;
      status_ = status;
      return status;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

int ServerProcess::Terminate(int timeout_ms) {
  if (pid_ <= 0) return -1;
  if (reaped_) return status_;
  kill(pid_, SIGTERM);
  const int status = WaitForExit(timeout_ms);
  if (status == -1) {
    kill(pid_, SIGKILL);
    WaitForExit(5000);
    return -1;
  }
  return status;
}

std::string ServerProcess::ReadStderr() const {
  std::ifstream in(stderr_path_);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace claims::testing
