#include "indexer/base/hash.h"

#include <xxhash.h>

#include <cstdio>

namespace secxref {
namespace {

std::string Hex(XXH128_hash_t h) {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return std::string(buf, 32);
}

}  // namespace

std::string ContentHash(std::string_view bytes) { return Hex(XXH3_128bits(bytes.data(), bytes.size())); }

ContentHasher::ContentHasher() : state_(XXH3_createState()) {
  XXH3_128bits_reset(static_cast<XXH3_state_t*>(state_));
}

ContentHasher::~ContentHasher() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }

void ContentHasher::Update(std::string_view bytes) {
  XXH3_128bits_update(static_cast<XXH3_state_t*>(state_), bytes.data(), bytes.size());
}

std::string ContentHasher::Final() const {
  return Hex(XXH3_128bits_digest(static_cast<const XXH3_state_t*>(state_)));
}

}  // namespace secxref
