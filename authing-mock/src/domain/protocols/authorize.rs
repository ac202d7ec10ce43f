//! The answer of the authorization endpoint (`/oidc/auth`, `/oauth/auth`) once the user has
//! logged in: the code flow (`code`), the implicit flow (`id_token`, `id_token token`, and
//! OAuth 2.0's `token`) and the hybrid flow (`code id_token`, `code token`,
//! `code id_token token`), each sent back in a response mode (`query`, `fragment`,
//! `form_post`). Id tokens issued here carry `nonce`, and `at_hash` / `c_hash` for the
//! access token and code issued with them (OIDC Core 3.2.2.10, 3.3.2.11).

use std::fmt;

use super::{
    AuthorizationRequest, IdTokenParts, OAuthError, TOKEN_SECS, code_for_user, has_scope,
    sign_access_token, sign_id_token,
};
use crate::domain::identity::Issuer;
use crate::domain::users;
use crate::store::Store;

/// What a `response_type` asks for: any non-empty set of `code`, `id_token`, `token`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct ResponseType {
    code: bool,
    id_token: bool,
    token: bool,
}

impl ResponseType {
    /// The response type in `text` (space-separated, any order), `None` for anything else.
    fn parse(text: &str) -> Option<Self> {
        let mut parsed = Self::default();
        for part in text.split_whitespace() {
            let flag = match part {
                "code" => &mut parsed.code,
                "id_token" => &mut parsed.id_token,
                "token" => &mut parsed.token,
                _ => return None,
            };
            if *flag {
                return None;
            }
            *flag = true;
        }
        (parsed.code || parsed.id_token || parsed.token).then_some(parsed)
    }

    /// The code flow: nothing but a code goes through the browser.
    fn is_code_only(self) -> bool {
        self.code && !self.id_token && !self.token
    }
}

/// How the answer reaches the client's redirect URI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ResponseMode {
    /// In the redirect URI's query (the code flow's default; never for tokens).
    Query,
    /// In the redirect URI's fragment (the implicit and hybrid flows' default).
    Fragment,
    /// In an HTML form the browser posts to the redirect URI.
    FormPost,
}

/// The response type of `request`, or `unsupported_response_type`.
fn response_type(request: &AuthorizationRequest) -> Result<ResponseType, OAuthError> {
    ResponseType::parse(&request.response_type).ok_or_else(|| {
        OAuthError::new(
            400,
            "unsupported_response_type",
            "response_type must be code, token, id_token or a combination of them",
        )
    })
}

/// The response mode `request` asked for, or its type's default.
fn response_mode(
    request: &AuthorizationRequest,
    response_type: ResponseType,
) -> Result<ResponseMode, OAuthError> {
    match request.response_mode.as_deref() {
        None if response_type.is_code_only() => Ok(ResponseMode::Query),
        None => Ok(ResponseMode::Fragment),
        // Tokens in a query string end up in logs and Referer headers (OAuth 2.0 Multiple
        // Response Type Encoding Practices §5).
        Some("query") if response_type.is_code_only() => Ok(ResponseMode::Query),
        Some("query") => Err(OAuthError::invalid_request(
            "response_mode=query cannot carry tokens: use fragment or form_post",
        )),
        Some("fragment") => Ok(ResponseMode::Fragment),
        Some("form_post") => Ok(ResponseMode::FormPost),
        Some(_) => Err(OAuthError::invalid_request(
            "response_mode must be query, fragment or form_post",
        )),
    }
}

/// The checks of [`AuthorizationRequest::check`] about the response: its type, the
/// `openid` scope an id token needs, the nonce OIDC requires outside the code flow, the mode.
pub(super) fn check_response(request: &AuthorizationRequest) -> Result<(), OAuthError> {
    let response_type = response_type(request)?;
    let openid = has_scope(&request.scope, "openid");
    if response_type.id_token && !openid {
        return Err(OAuthError::invalid_request(
            "response_type id_token needs the openid scope",
        ));
    }
    // OIDC Core 3.2.2.1 (implicit) and 3.3.2.11 (hybrid): the nonce is required.
    let has_nonce = request.nonce.as_deref().is_some_and(|n| !n.is_empty());
    if openid && !response_type.is_code_only() && !has_nonce {
        return Err(OAuthError::invalid_request(
            "nonce is required for the implicit and hybrid flows",
        ));
    }
    response_mode(request, response_type).map(|_| ())
}

/// The parameters the client gets back, and how.
pub(crate) struct AuthorizationResponse {
    pub(crate) mode: ResponseMode,
    pub(crate) redirect_uri: String,
    /// In Authing's order: `code`, `access_token`, `token_type`, `expires_in`, `scope`,
    /// `id_token`, `state`.
    pub(crate) params: Vec<(&'static str, String)>,
}

impl fmt::Debug for AuthorizationResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The values are a code and tokens: names only.
        let names: Vec<&str> = self.params.iter().map(|(name, _)| *name).collect();
        f.debug_struct("AuthorizationResponse")
            .field("mode", &self.mode)
            .field("redirect_uri", &self.redirect_uri)
            .field("params", &names)
            .finish()
    }
}

/// The answer to `request` (which [`AuthorizationRequest::check`] accepted) for user
/// `user_id` of `pool_id`, who has just logged in; tokens carry `iss`.
pub(crate) fn authorization_response(
    store: &mut Store,
    issuer: &Issuer<'_>,
    request: &AuthorizationRequest,
    pool_id: &str,
    user_id: &str,
    iss: &str,
) -> Result<AuthorizationResponse, OAuthError> {
    let response_type = response_type(request)?;
    let mode = response_mode(request, response_type)?;
    let now = issuer.now.timestamp();
    let code = response_type
        .code
        .then(|| code_for_user(store, issuer, request, pool_id, user_id));
    let access_token = if response_type.token {
        Some(sign_access_token(
            &request.client_id,
            user_id,
            &request.scope,
            iss,
            now,
        )?)
    } else {
        None
    };
    let id_token = if response_type.id_token {
        let pool = store
            .pools
            .get(pool_id)
            .ok_or_else(|| OAuthError::invalid_request("the user pool is gone"))?;
        let user = users::get(pool, user_id)
            .map_err(|_| OAuthError::invalid_request("the user is gone"))?;
        let app = pool
            .applications
            .get(&request.client_id)
            .ok_or_else(|| OAuthError::invalid_request("unknown client_id"))?;
        let parts = IdTokenParts {
            scope: &request.scope,
            iss,
            now,
            nonce: request.nonce.as_deref(),
            access_token: access_token.as_deref(),
            code: code.as_deref(),
        };
        Some(sign_id_token(app, user, parts)?)
    } else {
        None
    };

    let mut params = Vec::new();
    if let Some(code) = code {
        params.push(("code", code));
    }
    if let Some(access_token) = access_token {
        params.push(("access_token", access_token));
        params.push(("token_type", "Bearer".to_owned()));
        params.push(("expires_in", TOKEN_SECS.to_string()));
        params.push(("scope", request.scope.clone()));
    }
    if let Some(id_token) = id_token {
        params.push(("id_token", id_token));
    }
    if let Some(state) = &request.state {
        params.push(("state", state.clone()));
    }
    Ok(AuthorizationResponse {
        mode,
        redirect_uri: request.redirect_uri.clone(),
        params,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(
        response_type: &str,
        mode: Option<&str>,
        nonce: Option<&str>,
    ) -> AuthorizationRequest {
        AuthorizationRequest {
            response_type: response_type.to_owned(),
            scope: "openid profile".to_owned(),
            response_mode: mode.map(str::to_owned),
            nonce: nonce.map(str::to_owned),
            ..AuthorizationRequest::default()
        }
    }

    #[test]
    fn response_types_and_modes() {
        for (text, ok) in [
            ("code", true),
            ("id_token token", true),
            ("token id_token", true),
            ("code id_token token", true),
            ("code code", false),
            ("", false),
            ("code device", false),
        ] {
            assert_eq!(ResponseType::parse(text).is_some(), ok, "{text}");
        }
        let mode = |rt: &str, mode: Option<&str>| {
            let request = request(rt, mode, Some("n"));
            response_mode(&request, response_type(&request).expect("type"))
        };
        assert_eq!(mode("code", None), Ok(ResponseMode::Query));
        assert_eq!(mode("code id_token", None), Ok(ResponseMode::Fragment));
        assert_eq!(
            mode("id_token", Some("form_post")),
            Ok(ResponseMode::FormPost)
        );
        assert_eq!(mode("code", Some("fragment")), Ok(ResponseMode::Fragment));
        assert!(mode("id_token token", Some("query")).is_err());
        assert!(mode("code", Some("web_message")).is_err());
    }

    #[test]
    fn the_implicit_and_hybrid_flows_need_a_nonce_and_openid() {
        assert!(check_response(&request("code", None, None)).is_ok());
        assert!(check_response(&request("id_token", None, None)).is_err());
        assert!(check_response(&request("code id_token", None, Some(""))).is_err());
        assert!(check_response(&request("code token", None, Some("n"))).is_ok());
        let mut no_openid = request("id_token", None, Some("n"));
        no_openid.scope = "profile".to_owned();
        assert!(check_response(&no_openid).is_err());
        // OAuth 2.0's implicit grant has no id token and no nonce.
        let mut oauth = request("token", None, None);
        oauth.scope = "read".to_owned();
        assert!(check_response(&oauth).is_ok());
    }
}
