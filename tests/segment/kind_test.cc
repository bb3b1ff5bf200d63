#include "indexer/segment/kind.h"

#include <gtest/gtest.h>

#include "indexer/segment/segmenter.h"
#include "tests/segment/segment_test_util.h"

namespace secxref {
namespace {

struct KindCase {
  const char* fixture;
  LetterKind kind;
};

class KindFixtureTest : public ::testing::TestWithParam<KindCase> {};

TEST_P(KindFixtureTest, ContentDecides) {
  // The form type says the opposite: content must win.
  Document doc = testing::FixtureDocument(GetParam().fixture);
  doc.submission.form_type = GetParam().kind == LetterKind::kStaff ? "CORRESP" : "UPLOAD";
  Letter letter = SegmentLetter(std::move(doc));
  EXPECT_EQ(letter.kind, GetParam().kind) << GetParam().fixture;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, KindFixtureTest,
                         ::testing::Values(KindCase{"staff_letter.txt", LetterKind::kStaff},
                                           KindCase{"followup_letter.txt", LetterKind::kStaff},
                                           KindCase{"review_complete.txt", LetterKind::kStaff},
                                           KindCase{"response_letter.txt", LetterKind::kResponse},
                                           KindCase{"response_worded.txt", LetterKind::kResponse}));

TEST(Kind, FormTypeBreaksTies) {
  KindEvidence even;
  SubmissionInfo upload, corresp, none;
  upload.form_type = "UPLOAD";
  corresp.form_type = "CORRESP";
  EXPECT_EQ(DecideKind(even, upload), LetterKind::kStaff);
  EXPECT_EQ(DecideKind(even, corresp), LetterKind::kResponse);
  EXPECT_EQ(DecideKind(even, none), LetterKind::kUnknown);
}

TEST(Kind, LetterheadAboveTheDateIsTheStaffs) {
  // The same words below the date address the staff.
  Document staff = testing::DocumentFromText(
      "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n\nMay 1, 2019\n\nMr. A. Roe\nAcme Inc."
      "\n\nDear Mr. Roe:\n\nText.\n");
  Document response = testing::DocumentFromText(
      "Acme Inc.\n\nMay 1, 2019\n\nSecurities and Exchange Commission\n100 F Street, N.E.\n"
      "Washington, D.C. 20549\n\nDear Mr. Roe:\n\nText.\n");
  EXPECT_EQ(SegmentLetter(std::move(staff)).kind, LetterKind::kStaff);
  EXPECT_EQ(SegmentLetter(std::move(response)).kind, LetterKind::kResponse);
}

TEST(Kind, TextWithoutLineStructure) {
  // Image letters carry their text as one run per page.
  Document doc = testing::DocumentFromText(
      "333 Central Avenue Phoenix, Arizona 85004 April 27, 2022 Via EDGAR Securities and "
      "Exchange Commission Division of Corporation Finance 100 F. Street, N.E. Washington, D.C. "
      "20549 Re: Acme Inc. Form 10-K for Fiscal Year Ended December 31, 2021 Dear Mr. Roe: "
      "Acme Inc. is in receipt of the letter from the staff dated April 25, 2022. We are "
      "respectfully requesting an extension. Sincerely, Jane Doe Chief Financial Officer");
  Letter letter = SegmentLetter(std::move(doc));
  EXPECT_EQ(letter.kind, LetterKind::kResponse);
  EXPECT_EQ(letter.date.value_or(""), "2022-04-27");
}

}  // namespace
}  // namespace secxref
