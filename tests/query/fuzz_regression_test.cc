// Regressions found by fuzzing the query-argument readers (fuzz/fuzz_query_arg.cc), and a
// replay of every input the fuzzer saved (tests/fixtures/fuzz-regressions/query_arg/).
//
// A field value the search language refuses (cite:xyzzy, kind:xx, date:2015-13) was thrown
// as Xapian::QueryParserError from inside the FieldProcessor; the exception unwound Xapian's
// parser, which leaked the query pieces on its stack (LeakSanitizer: 72 bytes per refusal).
// The processors now record the message and SearchParser::Parse throws it after parsing: the
// same error for the user, no leak. Under the sanitizer build a leak fails the test.
#include <gtest/gtest.h>

#include <string>

#include <xapian.h>

#include "fuzz/replay.h"
#include "query/search_parser.h"

#define LLVMFuzzerTestOneInput FuzzQueryArgOneInput
#include "fuzz/fuzz_query_arg.cc"
#undef LLVMFuzzerTestOneInput

namespace secxref::query {
namespace {

struct Refusal {
  const char* query;
  const char* message;  // substring of the QueryParserError
};

void PrintTo(const Refusal& r, std::ostream* os) { *os << r.query; }

class RefusedField : public ::testing::TestWithParam<Refusal> {};

TEST_P(RefusedField, ThrowsTheFieldsMessageAndTheNextParseIsClean) {
  Xapian::Database empty;  // wildcards expand over nothing
  SearchParser parser(empty);
  try {
    parser.Parse(GetParam().query);
    ADD_FAILURE() << "no error for " << GetParam().query;
  } catch (const Xapian::QueryParserError& e) {
    EXPECT_NE(e.get_msg().find(GetParam().message), std::string::npos) << e.get_msg();
  }
  // The refusal does not stick to the parser.
  ParsedSearch ok = parser.Parse("goodwill AND date:2015..2020");
  EXPECT_NE(ok.description.find("goodwil"), std::string::npos) << ok.description;
}

const Refusal kRefusals[] = {
    {"cite:xyzzy", "cite:'xyzzy' cannot be read as one citation"},
    {"goodwill AND cite:\"nothing here\"", "cannot be read as one citation"},
    {"exact:\"ASC 810 and Item 303 of Regulation S-K\"", "reads as several citations"},
    {"kind:xx", "kind is staff, response or unknown"},
    {"family:nope OR goodwill", "not a citation family"},
    {"date:2015-13", "a date is YYYY, YYYY-MM or YYYY-MM-DD"},
    {"date:yesterday goodwill", "date:yesterday"},
    {"cite:xyzzy kind:xx", "cite:'xyzzy'"},  // the first refusal is the one reported
};
INSTANTIATE_TEST_SUITE_P(Fields, RefusedField, ::testing::ValuesIn(kRefusals));

class QueryArgFuzzReplay : public ::testing::TestWithParam<std::string> {};

TEST_P(QueryArgFuzzReplay, HarnessHolds) {
  const std::string bytes = fuzz::FileBytes(GetParam());
  ASSERT_FALSE(bytes.empty()) << GetParam();
  FuzzQueryArgOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

INSTANTIATE_TEST_SUITE_P(Saved, QueryArgFuzzReplay,
                         ::testing::ValuesIn(fuzz::RegressionInputs("query_arg")),
                         [](const auto& info) { return fuzz::InputName(info.param); });

TEST(QueryArgFuzzReplay, InputsArePresent) {
  EXPECT_FALSE(fuzz::RegressionInputs("query_arg").empty());
}

}  // namespace
}  // namespace secxref::query
