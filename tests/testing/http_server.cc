#include "tests/testing/http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace claims::testing {
namespace {

bool SendAll(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;  // the client gave up (e.g. a timeout or a size limit)
    sent += static_cast<size_t>(n);
  }
  return true;
}

const char* Reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 404: return "Not Found";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

HttpServer::HttpServer() {
  listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      listen(listen_fd_, 64) != 0) {
    perror("HttpServer");
    abort();
  }
  socklen_t len = sizeof(addr);
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { AcceptLoop(); });
}

HttpServer::~HttpServer() {
  stop_ = true;
  acceptor_.join();
  close(listen_fd_);
  std::vector<std::thread> connections;
  {
    std::lock_guard<std::mutex> lock(mu_);
    connections.swap(connections_);
  }
  for (auto& t : connections) t.join();
}

void HttpServer::Route(const std::string& path, HttpResponse response) {
  Route(path, [response](const HttpRequest&) { return response; });
}

void HttpServer::Route(const std::string& path, Handler handler) {
  std::lock_guard<std::mutex> lock(mu_);
  routes_[path] = std::move(handler);
}

std::string HttpServer::Url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<HttpRequest> HttpServer::RequestsFor(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<HttpRequest> out;
  for (const auto& r : requests_) {
    if (r.path.substr(0, r.path.find('?')) == path) out.push_back(r);
  }
  return out;
}

void HttpServer::AcceptLoop() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    const int fd = accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    std::lock_guard<std::mutex> lock(mu_);
    connections_.emplace_back([this, fd] { Serve(fd); });
  }
}

void HttpServer::Serve(int fd) {
  std::string data;
  char buffer[4096];
  while (data.find("\r\n\r\n") == std::string::npos && !stop_) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    const ssize_t n = recv(fd, buffer, sizeof(buffer), 0);
    if (n <= 0) break;
    data.append(buffer, static_cast<size_t>(n));
  }
  const size_t end = data.find("\r\n\r\n");
  if (end == std::string::npos) {
    close(fd);
    return;
  }
  HttpRequest request;
  std::istringstream lines(data.substr(0, end));
  std::string line;
  std::getline(lines, line);
  std::istringstream first(line);
  first >> request.method >> request.path;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    request.headers[Lower(line.substr(0, colon))] = value;
  }
  Handler handler;
  {
    std::lock_guard<std::mutex> lock(mu_);
    requests_.push_back(request);
    auto it = routes_.find(request.path.substr(0, request.path.find('?')));
    if (it != routes_.end()) handler = it->second;
  }
  HttpResponse response;
  if (handler) {
    response = handler(request);
  } else {
    response.status = 404;
    response.body = "<html><body><p>Not found</p></body></html>";
  }
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(response.delay_ms);
  while (!stop_ && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::string head = "HTTP/1.1 " + std::to_string(response.status) + " " + Reason(response.status) + "\r\n";
  if (!response.content_type.empty() && response.status != 304) {
    head += "Content-Type: " + response.content_type + "\r\n";
  }
  for (const auto& [name, value] : response.headers) head += name + ": " + value + "\r\n";
  head += "Connection: close\r\n";
  const bool body_allowed = response.status != 304 && request.method != "HEAD";
  if (response.chunked && body_allowed) {
    head += "Transfer-Encoding: chunked\r\n\r\n";
    bool ok = SendAll(fd, head);
    constexpr size_t kChunk = 64 << 10;
    for (size_t at = 0; ok && at < response.body.size() && !stop_; at += kChunk) {
      const std::string part = response.body.substr(at, kChunk);
      char size[32];
      snprintf(size, sizeof(size), "%zx\r\n", part.size());
      ok = SendAll(fd, size + part + "\r\n");
    }
    if (ok) SendAll(fd, "0\r\n\r\n");
  } else {
    head += "Content-Length: " + std::to_string(body_allowed ? response.body.size() : 0) + "\r\n\r\n";
    if (SendAll(fd, head) && body_allowed) SendAll(fd, response.body);
  }
  shutdown(fd, SHUT_WR);
  close(fd);
}

}  // namespace claims::testing
