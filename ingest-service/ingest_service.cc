#include "ingest-service/ingest_service.h"

#include <algorithm>
#include <deque>
#include <memory>
#include <functional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "common/error_info.h"
#include "common/grpc_status.h"

namespace claims::ingest {

// A fixed set of threads running queued tasks in FIFO order. Thread-safe.
class WorkerPool {
 public:
  explicit WorkerPool(int threads) {
    for (int i = 0; i < std::max(1, threads); ++i) threads_.emplace_back([this] { Run(); });
  }
  // Runs the tasks already queued, then joins.
  ~WorkerPool() {
    {
      absl::MutexLock lock(&mu_);
      stopping_ = true;
    }
    for (auto& t : threads_) t.join();
  }

  void Submit(std::function<void()> task) {
    absl::MutexLock lock(&mu_);
    tasks_.push_back(std::move(task));
  }

 private:
  void Run() {
    for (;;) {
      std::function<void()> task;
      {
        absl::MutexLock lock(&mu_);
        mu_.Await(absl::Condition(
            +[](WorkerPool* p) {
              p->mu_.AssertHeld();
              return p->stopping_ || !p->tasks_.empty();
            },
            this));
        if (tasks_.empty()) return;  // stopping, and nothing left
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }

  absl::Mutex mu_;
  std::deque<std::function<void()>> tasks_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

namespace {

using claims::v1::IngestArticleRequest;
using claims::v1::IngestArticlesResponse;

// One request of a stream, from the moment it is read until its response is written.
struct Slot {
  size_t bytes = 0;
  bool done = false;  // guarded by StreamState::mu
  IngestArticlesResponse response;
};

// Shared by the reader thread, the workers and the writing handler of one stream.
struct StreamState {
  StreamState(size_t n, size_t b) : max_in_flight(n), max_bytes(b) {}
  const size_t max_in_flight;
  const size_t max_bytes;
  absl::Mutex mu;
  std::deque<std::shared_ptr<Slot>> slots ABSL_GUARDED_BY(mu);  // in request order
  size_t bytes ABSL_GUARDED_BY(mu) = 0;    // of the slots
  int running ABSL_GUARDED_BY(mu) = 0;     // tasks submitted and not finished
  bool reader_done ABSL_GUARDED_BY(mu) = false;
  bool stop ABSL_GUARDED_BY(mu) = false;   // the writer gave up (client gone)
};

}  // namespace

IngestServiceImpl::IngestServiceImpl(Ingester* ingester, StreamOptions options)
    : ingester_(ingester),
      options_(options),
      pool_(std::make_unique<WorkerPool>(options.worker_threads)) {}

IngestServiceImpl::~IngestServiceImpl() = default;

grpc::Status IngestServiceImpl::IngestArticle(grpc::ServerContext* context,
                                              const claims::v1::IngestArticleRequest* request,
                                              claims::v1::IngestArticleResponse* response) {
  auto result = ingester_->Ingest(*request);
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = std::move(*result);
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::IngestArticles(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<IngestArticlesResponse, IngestArticleRequest>* stream) {
  auto state = std::make_shared<StreamState>(
      static_cast<size_t>(std::max(1, options_.max_in_flight)), options_.max_in_flight_bytes);
  Ingester* const ingester = ingester_;
  WorkerPool* const pool = pool_.get();

  // gRPC allows one Read and one Write in progress at a time, from different threads.
  std::thread reader([state, stream, ingester, pool] {
    for (int64_t index = 0;; ++index) {
      {
        absl::MutexLock lock(&state->mu);
        state->mu.Await(absl::Condition(
            +[](StreamState* s) {
              s->mu.AssertHeld();
              return s->stop || s->slots.empty() ||
                     (s->slots.size() < s->max_in_flight && s->bytes < s->max_bytes);
            },
            state.get()));
        if (state->stop) break;
      }
      auto request = std::make_shared<IngestArticleRequest>();
      if (!stream->Read(request.get())) break;
      auto slot = std::make_shared<Slot>();
      slot->bytes = request->ByteSizeLong();
      slot->response.set_index(index);
      {
        absl::MutexLock lock(&state->mu);
        state->slots.push_back(slot);
        state->bytes += slot->bytes;
        ++state->running;
      }
      pool->Submit([state, slot, request, ingester]() mutable {
        auto result = ingester->Ingest(*request);
        request.reset();  // the text now lives in the result
        if (result.ok()) {
          *slot->response.mutable_result() = std::move(*result);
        } else {
          slot->response.set_code(static_cast<int>(result.status().code()));
          slot->response.set_message(std::string(result.status().message()));
          *slot->response.mutable_error_info() = ErrorInfoOrDefault(result.status());
        }
        absl::MutexLock lock(&state->mu);
        slot->done = true;
        --state->running;
      });
    }
    absl::MutexLock lock(&state->mu);
    state->reader_done = true;
  });

  for (;;) {
    std::shared_ptr<Slot> slot;
    {
      absl::MutexLock lock(&state->mu);
      state->mu.Await(absl::Condition(
          +[](StreamState* s) {
            s->mu.AssertHeld();
            return (!s->slots.empty() && s->slots.front()->done) ||
                   (s->reader_done && s->slots.empty());
          },
          state.get()));
      if (state->slots.empty()) break;  // the reader is done and every response written
      slot = state->slots.front();
    }
    const bool written = stream->Write(slot->response);
    absl::MutexLock lock(&state->mu);
    state->slots.pop_front();  // only now: the window counts responses not yet written
    state->bytes -= slot->bytes;
    if (!written) {  // the client went away: stop reading, let the reader's Read fail
      state->stop = true;
      context->TryCancel();
      break;
    }
  }
  reader.join();
  // Articles already read are still committed (the client may have seen the commit of some
  // through a query); wait for them so that nothing outlives the call.
  absl::MutexLock lock(&state->mu);
  state->mu.Await(absl::Condition(
      +[](StreamState* s) {
        s->mu.AssertHeld();
        return s->running == 0;
      },
      state.get()));
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::DeleteArticle(grpc::ServerContext* context,
                                              const claims::v1::DeleteArticleRequest* request,
                                              claims::v1::DeleteArticleResponse* response) {
  auto result = ingester_->Delete(*request);
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = std::move(*result);
  return grpc::Status::OK;
}

}  // namespace claims::ingest
