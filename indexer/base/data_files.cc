#include "indexer/base/data_files.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace secxref {

std::string_view EmbeddedDataFile(std::string_view name);  // generated: data/CMakeLists.txt

std::string DataFile(std::string_view name) {
  if (const char* dir = std::getenv("SECXREF_DATA"); dir && *dir) {
    std::string path = std::string(dir) + "/" + std::string(name);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("SECXREF_DATA: cannot read " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }
  std::string_view embedded = EmbeddedDataFile(name);
  if (embedded.empty()) throw std::runtime_error("no data file named " + std::string(name));
  return std::string(embedded);
}

}  // namespace secxref
