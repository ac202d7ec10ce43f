//! The headers every Authing request carries.

use http::HeaderName;

/// The user pool the request is for.
pub const USERPOOL_ID: HeaderName = HeaderName::from_static("x-authing-userpool-id");
/// The application the request is for.
pub const APP_ID: HeaderName = HeaderName::from_static("x-authing-app-id");
/// Who sends the request: always `sdk`.
pub const REQUEST_FROM: HeaderName = HeaderName::from_static("x-authing-request-from");
/// The SDK and its version: `rust:<version>`.
pub const SDK_VERSION: HeaderName = HeaderName::from_static("x-authing-sdk-version");
/// The language of the answer's messages (`zh-CN`, `en-US`).
pub const LANG: HeaderName = HeaderName::from_static("x-authing-lang");
