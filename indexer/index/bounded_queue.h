// A blocking queue bounded by item count and by a cost (bytes) budget: the readers ahead of
// the single index writer can only get so far ahead, which is what keeps the indexer's memory
// flat however large the archive. An item costlier than the whole budget is still admitted
// when the queue is empty, so nothing deadlocks.
#ifndef SECXREF_INDEX_BOUNDED_QUEUE_H_
#define SECXREF_INDEX_BOUNDED_QUEUE_H_

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace secxref {

template <typename T>
class BoundedQueue {
 public:
  BoundedQueue(size_t max_items, size_t max_cost) : max_items_(max_items), max_cost_(max_cost) {}

  // Blocks while full. Returns false (and drops the item) once the queue is closed.
  bool Push(T item, size_t cost) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] {
      return closed_ || items_.empty() ||
             (items_.size() < max_items_ && cost_ + cost <= max_cost_);
    });
    if (closed_) return false;
    cost_ += cost;
    items_.emplace_back(std::move(item), cost);
    not_empty_.notify_one();
    return true;
  }

  // Waits up to `timeout` for an item. nullopt on timeout, or when closed and drained
  // (check Done()).
  std::optional<T> PopFor(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!not_empty_.wait_for(lock, timeout, [&] { return !items_.empty() || finished_; }))
      return std::nullopt;
    if (items_.empty()) return std::nullopt;
    auto [item, cost] = std::move(items_.front());
    items_.pop_front();
    cost_ -= cost;
    not_full_.notify_all();
    return std::move(item);
  }

  // No more items will be pushed; Pop drains what is queued.
  void Finish() {
    std::lock_guard<std::mutex> lock(mu_);
    finished_ = true;
    not_empty_.notify_all();
  }
  // Abandons the queue: pending and future pushes fail, queued items are dropped.
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = finished_ = true;
    items_.clear();
    cost_ = 0;
    not_full_.notify_all();
    not_empty_.notify_all();
  }
  bool Done() {
    std::lock_guard<std::mutex> lock(mu_);
    return finished_ && items_.empty();
  }

 private:
  const size_t max_items_;
  const size_t max_cost_;
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<std::pair<T, size_t>> items_;
  size_t cost_ = 0;
  bool finished_ = false;
  bool closed_ = false;
};

// Counts bytes of input held in memory by all readers together. A reader takes the size of
// the file it loads (at most the whole budget) and gives it back when done.
class ByteBudget {
 public:
  explicit ByteBudget(size_t total) : total_(total), free_(total) {}
  size_t Acquire(size_t want) {
    if (want > total_) want = total_;
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return free_ >= want; });
    free_ -= want;
    return want;
  }
  void Release(size_t n) {
    std::lock_guard<std::mutex> lock(mu_);
    free_ += n;
    cv_.notify_all();
  }

 private:
  const size_t total_;
  size_t free_;
  std::mutex mu_;
  std::condition_variable cv_;
};

}  // namespace secxref

#endif  // SECXREF_INDEX_BOUNDED_QUEUE_H_
