#include "store/sorted_batch.h"

#include <algorithm>
#include <queue>

#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"
#include "store/key_codec.h"

namespace claims::store {

uint32_t SortedBatch::Append(absl::string_view s) {
  const auto pos = static_cast<uint32_t>(bytes_.size());
  bytes_.append(s.data(), s.size());
  return pos;
}

void SortedBatch::Put(int family, absl::string_view key, absl::string_view value) {
  Op op{};
  op.key_pos = Append(key);
  op.key_size = static_cast<uint32_t>(key.size());
  op.value_pos = Append(value);
  op.value_size = static_cast<uint32_t>(value.size());
  op.family = static_cast<uint8_t>(family);
  op.kind = Kind::kPut;
  ops_.push_back(op);
}

void SortedBatch::Put(int family, absl::string_view key_head, absl::string_view key_tail,
                      absl::string_view value) {
  Op op{};
  op.key_pos = Append(key_head);
  bytes_.append(key_tail.data(), key_tail.size());
  op.key_size = static_cast<uint32_t>(key_head.size() + key_tail.size());
  op.value_pos = Append(value);
  op.value_size = static_cast<uint32_t>(value.size());
  op.family = static_cast<uint8_t>(family);
  op.kind = Kind::kPut;
  ops_.push_back(op);
}

void SortedBatch::Reserve(size_t ops, size_t bytes) {
  ops_.reserve(ops);
  bytes_.reserve(bytes);
}

void SortedBatch::Delete(int family, absl::string_view key) {
  Op op{};
  op.key_pos = Append(key);
  op.key_size = static_cast<uint32_t>(key.size());
  op.family = static_cast<uint8_t>(family);
  op.kind = Kind::kDelete;
  ops_.push_back(op);
}

void SortedBatch::AddToCounter(int family, absl::string_view key, int64_t delta) {
  Op op{};
  op.key_pos = Append(key);
  op.key_size = static_cast<uint32_t>(key.size());
  op.delta = delta;
  op.family = static_cast<uint8_t>(family);
  op.kind = Kind::kAdd;
  ops_.push_back(op);
}

void SortedBatch::Sort() {
  std::stable_sort(ops_.begin(), ops_.end(), [this](const Op& a, const Op& b) {
    if (a.family != b.family) return a.family < b.family;
    return Key(a) < Key(b);
  });
}

size_t SortedBatch::Merge(const std::vector<const SortedBatch*>& batches,
                          const std::vector<rocksdb::ColumnFamilyHandle*>& families,
                          rocksdb::WriteBatch* out, MergeFilter* filter, uint64_t shared_families) {
  struct Cursor {
    size_t batch;
    size_t pos;
  };
  auto op_of = [&](const Cursor& c) -> const Op& { return batches[c.batch]->ops_[c.pos]; };
  size_t written = 0;
  // The operations on one (family, key), whether of one batch or of several: `take` each in
  // order, then `emit` appends what they come to, the last Put or Delete and then the deltas
  // after it summed, and starts the next key afresh.
  const SortedBatch* write_batch = nullptr;  // owner of `write`
  const Op* write = nullptr;                  // the last Put or Delete
  int64_t sum = 0;                            // deltas after it
  auto take = [&](const SortedBatch* owner, const Op& op) {
    if (op.kind == Kind::kAdd) {
      sum += op.delta;
    } else {
      write = &op;
      write_batch = owner;
      sum = 0;
    }
  };
  auto emit = [&](int family, absl::string_view key) {
    rocksdb::ColumnFamilyHandle* const cf = families[family];
    const rocksdb::Slice k(key.data(), key.size());
    if (write != nullptr) {
      if (write->kind == Kind::kPut) {
        const absl::string_view v = write_batch->Value(*write);
        if (filter == nullptr || filter->KeepPut(family, key, v)) {
          out->Put(cf, k, rocksdb::Slice(v.data(), v.size()));
          ++written;
        }
      } else {
        if (filter != nullptr) filter->SawDelete(family, key);
        out->Delete(cf, k);
        ++written;
      }
    }
    if (sum != 0) {
      out->Merge(cf, k, EncodeInt64(sum));
      ++written;
    }
    write = nullptr;
    write_batch = nullptr;
    sum = 0;
  };

  // Each batch's operations are sorted by family first: one range of them per family,
  // [pos[b], end[b]) for batch b.
  std::vector<size_t> pos(batches.size(), 0);
  std::vector<size_t> end(batches.size(), 0);
  for (int family = 0; family < static_cast<int>(families.size()); ++family) {
    size_t holding = 0;  // batches with operations of this family
    for (size_t b = 0; b < batches.size(); ++b) {
      const auto& ops = batches[b]->ops_;
      while (end[b] < ops.size() && ops[end[b]].family == family) ++end[b];
      if (end[b] > pos[b]) ++holding;
    }
    if (holding == 0) continue;
    if (!((shared_families >> family) & 1) || holding == 1) {
      // A family no two batches share a key of: each batch's operations as they come.
      for (size_t b = 0; b < batches.size(); ++b) {
        const SortedBatch* owner = batches[b];
        for (size_t i = pos[b]; i < end[b];) {
          const absl::string_view key = owner->Key(owner->ops_[i]);
          for (; i < end[b] && owner->Key(owner->ops_[i]) == key; ++i) take(owner, owner->ops_[i]);
          emit(family, key);
        }
      }
    } else {
      // std::priority_queue pops the greatest: "a after b" puts the smallest key on top, and
      // among equal keys the earlier batch (each batch holds one cursor, so order within a
      // batch is kept).
      auto after = [&](const Cursor& a, const Cursor& b) {
        const int c = batches[a.batch]->Key(op_of(a)).compare(batches[b.batch]->Key(op_of(b)));
        if (c != 0) return c > 0;
        return a.batch > b.batch;
      };
      std::priority_queue<Cursor, std::vector<Cursor>, decltype(after)> heap(after);
      for (size_t b = 0; b < batches.size(); ++b) {
        if (end[b] > pos[b]) heap.push({b, pos[b]});
      }
      while (!heap.empty()) {
        // One run: every operation on one key, in the order they were added.
        const Cursor first = heap.top();
        const absl::string_view key = batches[first.batch]->Key(op_of(first));
        while (!heap.empty()) {
          const Cursor c = heap.top();
          const SortedBatch* owner = batches[c.batch];
          const Op& op = op_of(c);
          if (owner->Key(op) != key) break;
          heap.pop();
          take(owner, op);
          if (c.pos + 1 < end[c.batch]) heap.push({c.batch, c.pos + 1});
        }
        emit(family, key);
      }
    }
    pos = end;
  }
  return written;
}

}  // namespace claims::store
