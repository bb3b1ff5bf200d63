// Files of data/ (catalog.xml, lexicon.xml). They are compiled into the binary; setting
// SECXREF_DATA=DIR reads DIR/<name> instead, so the catalog can be edited without a rebuild.
#ifndef SECXREF_BASE_DATA_FILES_H_
#define SECXREF_BASE_DATA_FILES_H_

#include <string>
#include <string_view>

namespace secxref {

// The contents of data/<name>. Throws std::runtime_error if there is no such file.
std::string DataFile(std::string_view name);

}  // namespace secxref

#endif  // SECXREF_BASE_DATA_FILES_H_
