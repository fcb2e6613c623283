// A small HTTP/1.1 server on 127.0.0.1 (port 0) for tests that fetch feeds and pages over
// real sockets: fixed responses per path, redirects, slow and huge responses, conditional
// requests. One thread accepts; one thread per connection; every response closes its
// connection. Thread-safe.
#ifndef CLAIMS_TESTS_TESTING_HTTP_SERVER_H_
#define CLAIMS_TESTS_TESTING_HTTP_SERVER_H_

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace claims::testing {

struct HttpRequest {
  std::string method;
  std::string path;                            // with the query string
  std::map<std::string, std::string> headers;  // names lower-cased
};

struct HttpResponse {
  HttpResponse() = default;
  HttpResponse(int status, std::string content_type, std::string body,
               std::vector<std::pair<std::string, std::string>> headers = {})
      : status(status),
        content_type(std::move(content_type)),
        body(std::move(body)),
        headers(std::move(headers)) {}

  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, e.g. Location
  int delay_ms = 0;       // wait this long before sending anything
  bool chunked = false;   // send the body chunked, without Content-Length
};

class HttpServer {
 public:
  using Handler = std::function<HttpResponse(const HttpRequest&)>;

  // Listens on 127.0.0.1 with a free port; aborts when it cannot.
  HttpServer();
  // Stops accepting, interrupts delayed responses and joins every thread.
  ~HttpServer();

  // Serves `response` (or the handler's) for GET `path` (exact, without the query string).
  // Unknown paths get 404.
  void Route(const std::string& path, HttpResponse response);
  void Route(const std::string& path, Handler handler);

  // "http://127.0.0.1:PORT" + path.
  std::string Url(const std::string& path) const;
  int port() const { return port_; }

  // Requests received so far for `path` (without the query string), in order.
  std::vector<HttpRequest> RequestsFor(const std::string& path) const;

 private:
  void AcceptLoop();
  void Serve(int fd);

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mu_;
  std::map<std::string, Handler> routes_;     // guarded by mu_
  std::vector<HttpRequest> requests_;         // guarded by mu_
  std::vector<std::thread> connections_;      // guarded by mu_
  std::thread acceptor_;
};

}  // namespace claims::testing

#endif  // CLAIMS_TESTS_TESTING_HTTP_SERVER_H_
