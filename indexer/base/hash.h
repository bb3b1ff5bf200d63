// Content hashes (XXH3-128, from libxxhash) as 32 lower-case hex digits. Used to recognise
// unchanged inputs and to name letters that have no accession number.
#ifndef SECXREF_BASE_HASH_H_
#define SECXREF_BASE_HASH_H_

#include <string>
#include <string_view>

namespace secxref {

std::string ContentHash(std::string_view bytes);

}  // namespace secxref

#endif  // SECXREF_BASE_HASH_H_
