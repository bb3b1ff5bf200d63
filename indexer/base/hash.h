// Content hashes (XXH3-128, from libxxhash) as 32 lower-case hex digits. Used to recognise
// unchanged inputs and to name letters that have no accession number.
#ifndef SECXREF_BASE_HASH_H_
#define SECXREF_BASE_HASH_H_

#include <string>
#include <string_view>

namespace secxref {

std::string ContentHash(std::string_view bytes);

// The same hash fed in pieces (a file too large to hold in memory):
// ContentHasher h; h.Update(a); h.Update(b); h.Final() == ContentHash(a + b).
class ContentHasher {
 public:
  ContentHasher();
  ~ContentHasher();
  ContentHasher(const ContentHasher&) = delete;
  ContentHasher& operator=(const ContentHasher&) = delete;
  void Update(std::string_view bytes);
  std::string Final() const;

 private:
  void* state_;  // XXH3_state_t
};

}  // namespace secxref

#endif  // SECXREF_BASE_HASH_H_
