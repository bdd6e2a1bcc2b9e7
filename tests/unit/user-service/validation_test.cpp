#include "models/validation.hpp"

#include <gtest/gtest.h>

namespace shop::user::models {
namespace {

std::vector<std::string> fields(const std::vector<common::FieldError>& errors) {
  std::vector<std::string> names;
  for (const auto& error : errors) names.push_back(error.field);
  return names;
}

TEST(RegistrationValidationTest, AcceptsAndNormalizesAValidRegistration) {
  Registration registration{"  Ann.Lee@Example.COM ", "correct horse", "  Ann Lee "};
  EXPECT_TRUE(validate_registration(registration).empty());
  EXPECT_EQ(registration.email, "ann.lee@example.com");
  EXPECT_EQ(registration.name, "Ann Lee");
}

TEST(RegistrationValidationTest, ListsEveryInvalidField) {
  Registration registration{"not-an-email", "short", "   "};
  EXPECT_EQ(fields(validate_registration(registration)),
            (std::vector<std::string>{"email", "password", "name"}));
}

TEST(RegistrationValidationTest, RejectsMalformedEmails) {
  for (const char* email :
       {"@example.com", "ann@", "ann@example", "ann@@example.com", "ann@exa mple.com",
        "ann@.example.com", "ann@example..com", "an<n@example.com"}) {
    Registration registration{email, "long enough", "Ann"};
    EXPECT_EQ(fields(validate_registration(registration)), std::vector<std::string>{"email"})
        << email;
  }
}

TEST(RegistrationValidationTest, PasswordLengthBounds) {
  Registration seven{"a@b.co", std::string(7, 'p'), "Ann"};
  Registration eight{"a@b.co", std::string(8, 'p'), "Ann"};
  Registration too_long{"a@b.co", std::string(129, 'p'), "Ann"};
  EXPECT_FALSE(validate_registration(seven).empty());
  EXPECT_TRUE(validate_registration(eight).empty());
  EXPECT_FALSE(validate_registration(too_long).empty());
}

TEST(ProfileValidationTest, EmptyChangeIsValid) {
  ProfileChange change;
  EXPECT_TRUE(validate_profile_change(change).empty());
}

TEST(ProfileValidationTest, AddressNeedsRequiredPartsAndAnAlpha2Country) {
  ProfileChange change;
  change.shipping_address = Address{"Ann", "", "", "Berlin", "10115", "DEU"};
  EXPECT_EQ(fields(validate_profile_change(change)),
            (std::vector<std::string>{"shipping_address.line1", "shipping_address.country"}));
  change.shipping_address = Address{"Ann", "Main St 1", "", "Berlin", "10115", "de"};
  EXPECT_EQ(fields(validate_profile_change(change)),
            std::vector<std::string>{"shipping_address.country"});
  change.shipping_address = Address{"Ann", "Main St 1", "", "Berlin", "10115", "DE"};
  EXPECT_TRUE(validate_profile_change(change).empty());
}

TEST(ProfileValidationTest, NameIsTrimmedAndMustNotBeEmpty) {
  ProfileChange change;
  change.name = "  ";
  EXPECT_EQ(fields(validate_profile_change(change)), std::vector<std::string>{"name"});
  change.name = " Bob ";
  EXPECT_TRUE(validate_profile_change(change).empty());
  EXPECT_EQ(change.name, "Bob");
}

}  // namespace
}  // namespace shop::user::models
