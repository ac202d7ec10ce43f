//! What every protocol request shares: form bodies, client authentication, sending, and
//! turning answers (JSON, OAuth errors, Authing envelopes) into results.

use authing_core::{Error, ResponseBody, ResponseHeaders, Secret, Transport};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use bytes::Bytes;
use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use http::{HeaderValue, Method, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::Value;
use url::form_urlencoded;

use super::oauth_error::OAuthError;

/// How a confidential client proves who it is to the token, introspection and revocation
/// endpoints (RFC 6749 §2.3, OIDC Core §9).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClientAuthMethod {
    /// `client_id` and `client_secret` as form fields: Authing's default.
    #[default]
    ClientSecretPost,
    /// `Authorization: Basic base64(urlencode(client_id) ":" urlencode(client_secret))`.
    ClientSecretBasic,
    /// `client_id` only: public clients, such as apps using PKCE.
    None,
}

impl ClientAuthMethod {
    /// The method's registered name (`client_secret_post`, `client_secret_basic`, `none`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ClientSecretPost => "client_secret_post",
            Self::ClientSecretBasic => "client_secret_basic",
            Self::None => "none",
        }
    }

    /// Whether the method needs a client secret.
    pub fn needs_secret(self) -> bool {
        !matches!(self, Self::None)
    }
}

/// The client credentials one request authenticates with.
pub(crate) struct ClientCredentials<'a> {
    pub(crate) id: &'a str,
    pub(crate) secret: Option<&'a Secret>,
    pub(crate) method: ClientAuthMethod,
}

/// A form body being built, plus the `Authorization` header client authentication may add.
pub(crate) struct Form {
    body: form_urlencoded::Serializer<'static, String>,
    authorization: Option<HeaderValue>,
}

impl Form {
    pub(crate) fn new() -> Self {
        Self {
            body: form_urlencoded::Serializer::new(String::new()),
            authorization: None,
        }
    }

    pub(crate) fn field(&mut self, name: &str, value: &str) -> &mut Self {
        self.body.append_pair(name, value);
        self
    }

    pub(crate) fn optional(&mut self, name: &str, value: Option<&str>) -> &mut Self {
        if let Some(value) = value {
            self.body.append_pair(name, value);
        }
        self
    }

    /// Adds the client's credentials the way `credentials.method` says.
    pub(crate) fn client_auth(
        &mut self,
        credentials: &ClientCredentials<'_>,
    ) -> Result<&mut Self, Error> {
        let secret = || {
            credentials.secret.filter(|s| !s.is_empty()).ok_or_else(|| {
                Error::invalid_argument(format!(
                    "client authentication `{}` needs the application's secret: set it with \
                     `.secret(..)` on the builder, or use `ClientAuthMethod::None` for a public \
                     client",
                    credentials.method.as_str()
                ))
            })
        };
        match credentials.method {
            ClientAuthMethod::ClientSecretPost => {
                let secret = secret()?;
                self.field("client_id", credentials.id);
                self.field("client_secret", secret.expose());
            }
            ClientAuthMethod::ClientSecretBasic => {
                let secret = secret()?;
                self.authorization = Some(basic_authorization(credentials.id, secret)?);
            }
            ClientAuthMethod::None => {
                self.field("client_id", credentials.id);
            }
        }
        Ok(self)
    }

    /// A `POST` of this form to `url`.
    pub(crate) fn into_request(mut self, url: &str) -> Result<http::Request<Bytes>, Error> {
        let body = self.body.finish();
        let mut request = request(Method::POST, url, Bytes::from(body))?;
        request.headers_mut().insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/x-www-form-urlencoded"),
        );
        if let Some(authorization) = self.authorization.take() {
            request.headers_mut().insert(AUTHORIZATION, authorization);
        }
        Ok(request)
    }
}

/// RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined and encoded
/// with Base64, so a `:` in either survives.
pub(crate) fn basic_authorization(id: &str, secret: &Secret) -> Result<HeaderValue, Error> {
    let id: String = form_urlencoded::byte_serialize(id.as_bytes()).collect();
    let secret: String = form_urlencoded::byte_serialize(secret.expose().as_bytes()).collect();
    let encoded = STANDARD.encode(format!("{id}:{secret}"));
    let mut value = HeaderValue::try_from(format!("Basic {encoded}"))
        .map_err(|_| Error::invalid_argument("the client credentials cannot form a header"))?;
    value.set_sensitive(true);
    Ok(value)
}

/// `Authorization: Bearer <token>`, marked sensitive.
pub(crate) fn bearer(token: &Secret) -> Result<HeaderValue, Error> {
    let mut value = HeaderValue::try_from(format!("Bearer {}", token.expose()))
        .map_err(|_| Error::invalid_argument("the token holds characters a header cannot carry"))?;
    value.set_sensitive(true);
    Ok(value)
}

/// A request with an `Accept: application/json` header.
pub(crate) fn request(
    method: Method,
    url: &str,
    body: Bytes,
) -> Result<http::Request<Bytes>, Error> {
    http::Request::builder()
        .method(method)
        .uri(url)
        .header(ACCEPT, HeaderValue::from_static("application/json"))
        .body(body)
        .map_err(|_| Error::invalid_argument("the request URL is not a valid URI"))
}

/// `base?name=value&...`, form-encoded, skipping `None`s.
pub(crate) fn url_with_query<'a>(
    base: &str,
    pairs: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    let mut any = false;
    for (name, value) in pairs {
        if let Some(value) = value {
            query.append_pair(name, value);
            any = true;
        }
    }
    if any {
        format!("{base}?{}", query.finish())
    } else {
        base.to_owned()
    }
}

/// An answer, whatever its status.
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) headers: ResponseHeaders,
    pub(crate) body: Bytes,
}

impl Answer {
    /// This answer as an [`Error::Http`].
    pub(crate) fn into_http_error(self) -> Error {
        Error::Http {
            status: self.status,
            body: ResponseBody::new(self.body),
            headers: self.headers,
        }
    }

    /// This answer as an [`Error::Decode`] for `reason`.
    pub(crate) fn into_decode_error(self, reason: impl Into<String>) -> Error {
        Error::Decode {
            status: self.status,
            body: ResponseBody::new(self.body),
            reason: reason.into(),
        }
    }

    /// This answer as an [`Error::Decode`] for a serde failure, without quoting the body.
    pub(crate) fn into_serde_error(self, error: &serde_json::Error) -> Error {
        self.into_decode_error(describe(error))
    }
}

/// Sends `request` and returns the answer, whatever its status.
pub(crate) async fn exchange<T: Transport + ?Sized>(
    transport: &T,
    request: http::Request<Bytes>,
) -> Result<Answer, Error> {
    let response = transport.send(request).await?;
    let status = response.status();
    let headers = ResponseHeaders::from_headers(response.headers());
    Ok(Answer {
        status,
        headers,
        body: response.into_body(),
    })
}

/// Decodes an OAuth-style JSON answer: `R` for a 2xx, an OAuth error (`{error, ...}`) or a
/// non-2xx as [`Error::Http`], anything else as [`Error::Decode`].
pub(crate) fn decode_json<R: DeserializeOwned>(answer: Answer) -> Result<R, Error> {
    let answer = check_status(answer)?;
    match serde_json::from_slice(&answer.body) {
        Ok(value) => Ok(value),
        Err(e) => Err(answer.into_serde_error(&e)),
    }
}

/// The answer when it is a 2xx that is not an OAuth error; the error otherwise.
pub(crate) fn check_status(answer: Answer) -> Result<Answer, Error> {
    if !answer.status.is_success() {
        return Err(answer.into_http_error());
    }
    if let Some(oauth) = OAuthError::parse(answer.status, &answer.body) {
        let reason = format!("the answer is the OAuth error `{}`", oauth.error);
        return Err(answer.into_decode_error(reason));
    }
    Ok(answer)
}

/// What a serde failure was, without quoting the body: serde's messages can quote values,
/// and these bodies hold tokens.
pub(crate) fn describe(error: &serde_json::Error) -> String {
    let what = match error.classify() {
        serde_json::error::Category::Data => "a field is missing or has an unexpected type",
        serde_json::error::Category::Syntax => "the body is not valid JSON",
        serde_json::error::Category::Eof => "the body ends too early",
        serde_json::error::Category::Io => "the body could not be read",
    };
    format!("{what} (line {}, column {})", error.line(), error.column())
}

/// An Authing `{code, message}` envelope with a code other than 200, as [`Error::Api`].
pub(crate) fn authing_envelope_error(status: StatusCode, json: &Value) -> Option<Error> {
    let code = json.get("code")?.as_i64()?;
    let message = json.get("message")?.as_str()?;
    (code != 200).then(|| Error::Api {
        code,
        message: message.to_owned(),
        data: json.get("data").filter(|d| !d.is_null()).cloned(),
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_credentials_are_form_encoded_before_base64() {
        let header = basic_authorization("app:1", &Secret::from("s e/c+r:t")).expect("valid");
        assert!(header.is_sensitive());
        let encoded = header
            .to_str()
            .expect("ascii")
            .strip_prefix("Basic ")
            .expect("basic");
        let decoded = STANDARD.decode(encoded).expect("base64");
        assert_eq!(decoded, b"app%3A1:s+e%2Fc%2Br%3At");
    }

    #[test]
    fn missing_secret_is_an_argument_error_naming_the_method() {
        let mut form = Form::new();
        let error = form
            .client_auth(&ClientCredentials {
                id: "app",
                secret: None,
                method: ClientAuthMethod::ClientSecretBasic,
            })
            .err()
            .expect("needs a secret");
        assert!(error.to_string().contains("client_secret_basic"), "{error}");
    }

    #[test]
    fn decode_errors_never_quote_the_body() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct T {
            n: u64,
        }
        let body = Bytes::from_static(br#"{"n":"tok-secret-value"}"#);
        let answer = Answer {
            status: StatusCode::OK,
            headers: ResponseHeaders::default(),
            body,
        };
        let error = decode_json::<T>(answer).expect_err("wrong type");
        assert!(matches!(error, Error::Decode { .. }));
        assert!(!error.to_string().contains("tok-secret"), "{error}");
        assert!(!format!("{error:?}").contains("tok-secret"), "{error:?}");
    }

    #[test]
    fn query_urls_encode_and_skip_absent_values() {
        assert_eq!(
            url_with_query("https://a/b", [("x", Some("1 2&3")), ("y", None)]),
            "https://a/b?x=1+2%263"
        );
        assert_eq!(url_with_query("https://a/b", [("y", None)]), "https://a/b");
    }

    #[tokio::test]
    async fn http_errors_keep_retry_after_and_the_request_id() {
        let transport = authing_core::transport_fn(|_r: http::Request<Bytes>| async {
            Ok(http::Response::builder()
                .status(429)
                .header("retry-after", "7")
                .header("x-request-id", "req-1")
                .body(Bytes::from_static(br#"{"error":"slow_down"}"#))
                .expect("valid"))
        });
        let request = request(Method::GET, "https://a.example.com/x", Bytes::new()).expect("valid");
        let answer = exchange(&transport, request).await.expect("an answer");
        let error = decode_json::<Value>(answer).expect_err("429");
        assert_eq!(error.retry_after(), Some(std::time::Duration::from_secs(7)));
        assert_eq!(error.request_id(), Some("req-1"));
        assert_eq!(
            OAuthError::from_error(&error).map(|e| e.error),
            Some("slow_down".into())
        );
    }
}
