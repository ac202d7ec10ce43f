//! Authing's business error codes, by name.
//!
//! Authing answers a refused call with a numeric code (`2004`: no such user). These constants
//! give the codes names, so a caller matches on [`USER_NOT_FOUND`] rather than on `2004`;
//! the SDK, its docs, the fake Authing and the tests all use them.
//!
//! ```
//! # fn check(error: authing_core::Error) {
//! use authing_core::codes;
//!
//! if error.is(codes::USER_NOT_FOUND) {
//!     println!("no such user");
//! }
//! # }
//! ```
//!
//! The list follows Authing's published error-code table (meanings paraphrased).

/// The business code of a successful answer.
pub const OK: i64 = 200;
/// `validate_token`: the token is malformed or invalid.
pub const INVALID_TOKEN: i64 = 400;
/// The endpoint or object does not exist (HTTP-style code in REST envelopes).
pub const NOT_FOUND: i64 = 404;
/// Authing failed internally.
pub const INTERNAL_ERROR: i64 = 500;
/// The system is busy; retry later.
pub const SYSTEM_BUSY: i64 = 1000;
/// The caller may not perform this operation.
pub const NO_PERMISSION: i64 = 1001;
/// The user may not log in to this application.
pub const APP_ACCESS_DENIED: i64 = 1576;
/// The post-authentication flow finished and the login state is set.
pub const LOGIN_FLOW_FINISHED: i64 = 1600;
/// The user's personal MFA is required; `data.mfaToken` carries the MFA step's token.
pub const MFA_REQUIRED: i64 = 1635;
/// The application's (enterprise) MFA is required; `data.mfaToken` carries the step's token.
pub const APP_MFA_REQUIRED: i64 = 1636;
/// First login: the user must reset the password (the old one is not required).
pub const FIRST_LOGIN_RESET_PASSWORD: i64 = 1639;
/// Federated login: the account must be bound to an existing one.
pub const FEDERATION_BIND_REQUIRED: i64 = 1640;
/// Federated login: the account may bind an existing one or create a new one.
pub const FEDERATION_BIND_OR_CREATE: i64 = 1641;
/// The user must complete their profile.
pub const PROFILE_COMPLETION_REQUIRED: i64 = 1642;
/// The account looks abnormal: a captcha is required.
pub const CAPTCHA_REQUIRED: i64 = 2000;
/// The captcha or verification code is wrong.
pub const WRONG_VERIFY_CODE: i64 = 2001;
/// The monthly login quota is exhausted.
pub const LOGIN_QUOTA_EXHAUSTED: i64 = 2002;
/// The email address is malformed.
pub const MALFORMED_EMAIL: i64 = 2003;
/// The user does not exist.
pub const USER_NOT_FOUND: i64 = 2004;
/// The user is locked (blocked).
pub const USER_LOCKED: i64 = 2005;
/// The password is wrong.
pub const WRONG_PASSWORD: i64 = 2006;
/// The application name is not allowed.
pub const ILLEGAL_APP_NAME: i64 = 2007;
/// An application with the same name exists.
pub const APP_NAME_EXISTS: i64 = 2008;
/// The application type is not allowed.
pub const ILLEGAL_APP_TYPE: i64 = 2009;
/// An application id is required.
pub const APP_ID_REQUIRED: i64 = 2010;
/// The application does not exist.
pub const APP_NOT_FOUND: i64 = 2011;
/// The input of a user search is malformed.
pub const BAD_SEARCH_INPUT: i64 = 2014;
/// The search type is not allowed.
pub const ILLEGAL_SEARCH_TYPE: i64 = 2015;
/// The RSA-encrypted password could not be decrypted.
pub const PASSWORD_DECRYPT_FAILED: i64 = 2016;
/// The user may not modify this item.
pub const MODIFICATION_FORBIDDEN: i64 = 2018;
/// Verification is required before changing the password.
pub const VERIFY_BEFORE_PASSWORD_CHANGE: i64 = 2019;
/// Not logged in.
pub const NOT_LOGGED_IN: i64 = 2020;
/// The email verification link expired.
pub const EMAIL_LINK_EXPIRED: i64 = 2023;
/// The user already exists (a unique field is taken).
pub const USER_EXISTS: i64 = 2026;
/// The account was registered through OAuth and has no password.
pub const NO_PASSWORD_OAUTH_ACCOUNT: i64 = 2027;
/// A valid phone number or email address is required.
pub const PHONE_OR_EMAIL_REQUIRED: i64 = 2028;
/// The password is shorter than 6 characters.
pub const PASSWORD_TOO_SHORT: i64 = 2029;
/// More than 80 users were asked for in one query.
pub const TOO_MANY_USERS: i64 = 2030;
/// The application forbids registration.
pub const REGISTRATION_DISABLED: i64 = 2031;
/// Registration requires a password.
pub const PASSWORD_REQUIRED: i64 = 2032;
/// The username is taken.
pub const USERNAME_EXISTS: i64 = 2034;
/// The phone number is already bound to an account.
pub const PHONE_ALREADY_BOUND: i64 = 2035;
/// The user is not in this user pool.
pub const USER_NOT_IN_POOL: i64 = 2036;
/// The old email address does not match.
pub const OLD_EMAIL_MISMATCH: i64 = 2037;
/// The old phone number does not match.
pub const OLD_PHONE_MISMATCH: i64 = 2038;
/// The user must reset the password (the old one is required).
pub const FORCED_PASSWORD_RESET: i64 = 2058;
/// Registering too often.
pub const REGISTERING_TOO_OFTEN: i64 = 2100;
/// The email address is already bound to an account.
pub const EMAIL_ALREADY_BOUND: i64 = 2200;
/// The original password is required.
pub const OLD_PASSWORD_REQUIRED: i64 = 2201;
/// The data does not belong to the current user.
pub const NOT_YOUR_DATA: i64 = 2202;
/// The original password is wrong.
pub const OLD_PASSWORD_WRONG: i64 = 2203;
/// The login expired; log in again.
pub const LOGIN_EXPIRED: i64 = 2206;
/// The login information is invalid; log in again.
pub const LOGIN_INVALID: i64 = 2207;
/// The new email address equals the current one.
pub const SAME_EMAIL: i64 = 2208;
/// No permission to delete the user.
pub const DELETE_USER_FORBIDDEN: i64 = 2209;
/// The root user cannot be deleted.
pub const ROOT_USER_UNDELETABLE: i64 = 2212;
/// The OAuth login method is already bound.
pub const OAUTH_ALREADY_BOUND: i64 = 2213;
/// The target OAuth account is bound to another user.
pub const OAUTH_BOUND_ELSEWHERE: i64 = 2215;
/// The OAuth method to unbind is not bound.
pub const OAUTH_NOT_BOUND: i64 = 2216;
/// The only login method cannot be unbound.
pub const LAST_LOGIN_METHOD: i64 = 2217;
/// The password cannot be changed without a bound email address.
pub const EMAIL_REQUIRED_FOR_PASSWORD: i64 = 2218;
/// No email address is bound, so none can be unbound.
pub const NO_EMAIL_BOUND: i64 = 2219;
/// The user pool does not exist.
pub const USER_POOL_NOT_FOUND: i64 = 2224;
/// `updateUser` cannot change the email address (use `updateEmail`).
pub const EMAIL_CHANGE_NOT_ALLOWED: i64 = 2225;
/// `updateUser` cannot change the phone number (use `updatePhone`).
pub const PHONE_CHANGE_NOT_ALLOWED: i64 = 2226;
/// The new email address equals the old one.
pub const NEW_EMAIL_SAME_AS_OLD: i64 = 2229;
/// The new phone number equals the old one.
pub const NEW_PHONE_SAME_AS_OLD: i64 = 2230;
/// The request's parameters are incomplete or malformed.
pub const INVALID_PARAMS: i64 = 2231;
/// The QR code does not exist.
pub const QRCODE_NOT_FOUND: i64 = 2241;
/// The verification code expired.
pub const VERIFY_CODE_EXPIRED: i64 = 2300;
/// Wrong username or password.
pub const WRONG_CREDENTIALS: i64 = 2333;
/// The OIDC application does not exist.
pub const OIDC_APP_NOT_FOUND: i64 = 4212;
/// The TOTP code is wrong.
pub const WRONG_TOTP_CODE: i64 = 6001;
/// The TOTP recovery code is wrong.
pub const WRONG_RECOVERY_CODE: i64 = 6002;
/// The TOTP code is missing.
pub const TOTP_CODE_REQUIRED: i64 = 6003;
/// The recovery code is missing.
pub const RECOVERY_CODE_REQUIRED: i64 = 6004;
/// The SAML SP application does not exist.
pub const SAML_APP_NOT_FOUND: i64 = 7348;
/// The LDAP connection is invalid.
pub const INVALID_LDAP_CONNECTION: i64 = 2_820_002;

// roles-groups: Authing's published table has no rows for roles and groups; the fake and
// the SDK use these numbers (documented in the roles and groups modules).
/// No role has this code in this namespace.
pub const ROLE_NOT_FOUND: i64 = 2_410;
/// A role with this code already exists in this namespace.
pub const ROLE_EXISTS: i64 = 2_411;
/// No group has this code.
pub const GROUP_NOT_FOUND: i64 = 2_420;
/// A group with this code already exists.
pub const GROUP_EXISTS: i64 = 2_421;

// Face MFA.
/// Face MFA: no photo was given.
pub const FACE_PHOTO_MISSING: i64 = 1700;
/// Face MFA: no comparison photo was given.
pub const FACE_COMPARE_PHOTO_MISSING: i64 = 1701;
/// Face MFA: the face does not match.
pub const FACE_MISMATCH: i64 = 1702;
/// Face MFA: the user has no phone or email to bind a face to.
pub const FACE_NO_PHONE_OR_EMAIL: i64 = 1703;
/// Face MFA: a face is already bound.
pub const FACE_ALREADY_BOUND: i64 = 1706;
// Authing's published table has no rows for these; the fake and the SDK
// use these numbers.
/// The QR code's ticket is unknown or was already exchanged (a ticket works once).
pub const QRCODE_TICKET_INVALID: i64 = 2_460;
/// The user's principal authentication is already done (it is done once).
pub const PRINCIPAL_ALREADY_AUTHENTICATED: i64 = 2_461;

// Authing's published table has no rows for resources, namespaces or
// programmatic access accounts; the fake and the SDK use these numbers (documented in the
// ACL module).
/// No resource has this code in this namespace (or this id).
pub const RESOURCE_NOT_FOUND: i64 = 2_430;
/// A resource with this code already exists in this namespace.
pub const RESOURCE_EXISTS: i64 = 2_431;
/// No namespace (permission group) has this code or id.
pub const NAMESPACE_NOT_FOUND: i64 = 2_440;
/// A namespace with this code already exists.
pub const NAMESPACE_EXISTS: i64 = 2_441;
/// No programmatic access account has this id.
pub const ACCESS_ACCOUNT_NOT_FOUND: i64 = 2_450;

// Authing's published table has no row for a password the pool's
// strength rule refuses; the fake and the SDK use this number.
/// The password does not meet the user pool's strength rule (register, change, reset).
pub const PASSWORD_TOO_WEAK: i64 = 2_470;
