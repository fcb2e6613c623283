#include "store/posting_cursor.h"

#include <utility>

namespace claims::store {
namespace {

class PrefixCursor final : public PostingCursor {
 public:
  PrefixCursor(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, std::string prefix,
               const SuffixRange& range, bool reverse, ScanStats* stats)
      : prefix_(std::move(prefix)), reverse_(reverse), stats_(stats) {
    lower_ = prefix_ + range.lower;
    upper_ = range.upper.empty() ? PrefixSuccessor(prefix_) : prefix_ + range.upper;
    lower_slice_ = rocksdb::Slice(lower_);
    upper_slice_ = rocksdb::Slice(upper_);
    rocksdb::ReadOptions options;
    options.iterate_lower_bound = &lower_slice_;
    options.iterate_upper_bound = &upper_slice_;
    options.fill_cache = true;
    it_.reset(db->NewIterator(options, cf));
    ++stats_->seeks;
    if (reverse_) {
      it_->SeekToLast();
    } else {
      it_->SeekToFirst();
    }
    Count();
  }

  bool Valid() const override { return it_->Valid(); }

  absl::string_view suffix() const override {
    const rocksdb::Slice key = it_->key();
    return absl::string_view(key.data() + prefix_.size(), key.size() - prefix_.size());
  }

  void Next() override {
    if (reverse_) {
      it_->Prev();
    } else {
      it_->Next();
    }
    Count();
  }

  void Seek(absl::string_view target) override {
    if (!Valid() || !Before(suffix(), target, reverse_)) return;
    ++stats_->seeks;
    seek_key_.assign(prefix_);
    seek_key_.append(target.data(), target.size());
    if (reverse_) {
      it_->SeekForPrev(seek_key_);
    } else {
      it_->Seek(seek_key_);
    }
    Count();
  }

 private:
  void Count() {
    if (it_->Valid()) ++stats_->entries_read;
  }

  const std::string prefix_;
  const bool reverse_;
  ScanStats* const stats_;
  // The bounds must outlive the iterator that points at them.
  std::string lower_, upper_;
  rocksdb::Slice lower_slice_, upper_slice_;
  std::string seek_key_;
  std::unique_ptr<rocksdb::Iterator> it_;
};

class UnionCursor final : public PostingCursor {
 public:
  UnionCursor(std::vector<std::unique_ptr<PostingCursor>> children, bool reverse)
      : children_(std::move(children)), reverse_(reverse) {
    Pick();
  }

  bool Valid() const override { return current_ != nullptr; }
  absl::string_view suffix() const override { return current_->suffix(); }

  void Next() override {
    const std::string at(current_->suffix());
    // Advance every child standing on this suffix, so a claim under two values shows once.
    for (auto& child : children_) {
      if (child->Valid() && child->suffix() == at) child->Next();
    }
    Pick();
  }

  void Seek(absl::string_view target) override {
    const std::string t(target);
    for (auto& child : children_) {
      if (child->Valid()) child->Seek(t);
    }
    Pick();
  }

 private:
  void Pick() {
    current_ = nullptr;
    for (auto& child : children_) {
      if (!child->Valid()) continue;
      if (current_ == nullptr || Before(child->suffix(), current_->suffix(), reverse_)) {
        current_ = child.get();
      }
    }
  }

  std::vector<std::unique_ptr<PostingCursor>> children_;
  const bool reverse_;
  PostingCursor* current_ = nullptr;
};

class IntersectionCursor final : public PostingCursor {
 public:
  IntersectionCursor(std::vector<std::unique_ptr<PostingCursor>> children, bool reverse)
      : children_(std::move(children)), reverse_(reverse) {
    Align();
  }

  bool Valid() const override { return valid_; }
  absl::string_view suffix() const override { return children_[0]->suffix(); }

  void Next() override {
    children_[0]->Next();
    Align();
  }

  void Seek(absl::string_view target) override {
    children_[0]->Seek(target);
    Align();
  }

 private:
  // Leapfrog: seek every cursor to the furthest current suffix until all agree.
  void Align() {
    valid_ = false;
    if (children_.empty()) return;
    std::string target;
    while (true) {
      for (auto& child : children_) {
        if (!child->Valid()) return;
      }
      target.assign(children_[0]->suffix().data(), children_[0]->suffix().size());
      for (auto& child : children_) {
        if (Before(target, child->suffix(), reverse_)) target.assign(child->suffix().data(), child->suffix().size());
      }
      bool all_equal = true;
      for (auto& child : children_) {
        child->Seek(target);
        if (!child->Valid()) return;
        if (child->suffix() != target) all_equal = false;
      }
      if (all_equal) {
        valid_ = true;
        return;
      }
    }
  }

  std::vector<std::unique_ptr<PostingCursor>> children_;
  const bool reverse_;
  bool valid_ = false;
};

class DifferenceCursor final : public PostingCursor {
 public:
  DifferenceCursor(std::unique_ptr<PostingCursor> positive, std::unique_ptr<PostingCursor> negative)
      : positive_(std::move(positive)), negative_(std::move(negative)) {
    Skip();
  }

  bool Valid() const override { return positive_->Valid(); }
  absl::string_view suffix() const override { return positive_->suffix(); }
  void Next() override {
    positive_->Next();
    Skip();
  }
  void Seek(absl::string_view target) override {
    positive_->Seek(target);
    Skip();
  }

 private:
  // Moves past every posting the negative side also has.
  void Skip() {
    while (positive_->Valid()) {
      negative_->Seek(positive_->suffix());
      if (!negative_->Valid() || negative_->suffix() != positive_->suffix()) return;
      positive_->Next();
    }
  }

  std::unique_ptr<PostingCursor> positive_;
  std::unique_ptr<PostingCursor> negative_;
};

class EmptyCursor final : public PostingCursor {
 public:
  bool Valid() const override { return false; }
  absl::string_view suffix() const override { return {}; }
  void Next() override {}
  void Seek(absl::string_view) override {}
};

}  // namespace

std::unique_ptr<PostingCursor> NewPrefixCursor(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf,
                                               std::string prefix, const SuffixRange& range,
                                               bool reverse, ScanStats* stats) {
  return std::make_unique<PrefixCursor>(db, cf, std::move(prefix), range, reverse, stats);
}

std::unique_ptr<PostingCursor> NewUnionCursor(std::vector<std::unique_ptr<PostingCursor>> children,
                                              bool reverse) {
  if (children.empty()) return NewEmptyCursor();
  if (children.size() == 1) return std::move(children[0]);
  return std::make_unique<UnionCursor>(std::move(children), reverse);
}

std::unique_ptr<PostingCursor> NewIntersectionCursor(
    std::vector<std::unique_ptr<PostingCursor>> children, bool reverse) {
  if (children.empty()) return NewEmptyCursor();
  if (children.size() == 1) return std::move(children[0]);
  return std::make_unique<IntersectionCursor>(std::move(children), reverse);
}

std::unique_ptr<PostingCursor> NewDifferenceCursor(std::unique_ptr<PostingCursor> positive,
                                                   std::unique_ptr<PostingCursor> negative) {
  return std::make_unique<DifferenceCursor>(std::move(positive), std::move(negative));
}

std::unique_ptr<PostingCursor> NewEmptyCursor() { return std::make_unique<EmptyCursor>(); }

}  // namespace claims::store
