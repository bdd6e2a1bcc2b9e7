#pragma once
// The RFC 5322 / MIME text of an OutgoingMail: 7-bit clean, CRLF line endings, ready to
// hand to an SMTP relay as it is.

#include <string>
#include <string_view>

#include "common/errors.hpp"
#include "email/outgoing_mail.hpp"

namespace shop::notification::email {

// Headers Date, From, To, Subject, Message-ID, MIME-Version, the caller's extra headers,
// then a text/plain body, or multipart/alternative (text/plain, then text/html) when the
// mail has an HTML body; every body part UTF-8 in quoted-printable.
//
// A kValidation error names the field when an address is malformed, a header value holds
// a line break (which would inject headers), or an extra header is not allowed. The
// multipart boundary is random unless `boundary` (1 to 70 characters of
// [A-Za-z0-9'()+_,-./:=?]) is given, e.g. for reproducible tests.
common::Result<std::string> build_mime_message(const OutgoingMail& mail,
                                               std::string_view boundary = {});

}  // namespace shop::notification::email
