//! Real signed JWTs: management tokens and user login tokens.
//!
//! Both are HS256-signed with a random secret drawn when the fake is built, carry `iat`,
//! `exp` and a unique `jti`, and are checked against the fake's clock (not the wall clock).

use std::fmt;

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use crate::crypto::random_hex;
use crate::failure::{Code, Failure};

/// Lifetime of a management token: 3 days, like Authing's.
pub(crate) const MANAGEMENT_TOKEN_SECS: i64 = 3 * 24 * 3600;
/// Lifetime of a user login token: 14 days, like Authing's default.
pub(crate) const USER_TOKEN_SECS: i64 = 14 * 24 * 3600;

const MANAGEMENT_SCOPE: &str = "management";

/// The `data` claim.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DataClaim {
    #[serde(rename = "type")]
    kind: String,
    user_pool_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    app_id: Option<String>,
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    user_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phone: Option<String>,
}

/// The claims of every token the fake issues.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Claims {
    sub: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    aud: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iss: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scope: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    userpool_id: Option<String>,
    data: DataClaim,
    iat: i64,
    exp: i64,
    jti: String,
}

/// Who a valid token belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TokenOwner {
    /// A management token of a pool.
    Management { pool_id: String },
    /// A user's login token, issued for an application.
    User {
        pool_id: String,
        user_id: String,
        app_id: String,
    },
}

impl TokenOwner {
    /// The pool the token belongs to.
    pub(crate) fn pool_id(&self) -> &str {
        match self {
            Self::Management { pool_id } | Self::User { pool_id, .. } => pool_id,
        }
    }
}

/// A token whose signature and lifetime checked out.
#[derive(Debug, Clone)]
pub(crate) struct VerifiedToken {
    pub(crate) owner: TokenOwner,
    pub(crate) iat: i64,
    pub(crate) exp: i64,
    pub(crate) jti: String,
}

/// A freshly issued token.
pub(crate) struct IssuedToken {
    pub(crate) token: String,
    pub(crate) iat: i64,
    pub(crate) exp: i64,
    /// The token's id, by which it is revoked.
    pub(crate) jti: String,
}

impl fmt::Debug for IssuedToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IssuedToken")
            .field("token", &"[redacted]")
            .field("iat", &self.iat)
            .field("exp", &self.exp)
            .finish()
    }
}

/// The identity a user token names.
pub(crate) struct UserTokenSubject<'a> {
    pub(crate) pool_id: &'a str,
    pub(crate) app_id: &'a str,
    pub(crate) user_id: &'a str,
    pub(crate) email: Option<&'a str>,
    pub(crate) username: Option<&'a str>,
    pub(crate) phone: Option<&'a str>,
}

/// Signs and checks tokens with the fake's secret.
pub(crate) struct TokenIssuer {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl fmt::Debug for TokenIssuer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TokenIssuer([redacted])")
    }
}

impl TokenIssuer {
    /// An issuer with a fresh random signing secret.
    pub(crate) fn random() -> Self {
        let secret = random_hex(32);
        Self {
            encoding: EncodingKey::from_secret(secret.as_bytes()),
            decoding: DecodingKey::from_secret(secret.as_bytes()),
        }
    }

    /// A management token for `pool_id`, valid for 3 days from `now`.
    pub(crate) fn management(
        &self,
        pool_id: &str,
        now: DateTime<Utc>,
    ) -> Result<IssuedToken, Failure> {
        let iat = now.timestamp();
        let claims = Claims {
            sub: pool_id.to_owned(),
            aud: None,
            iss: None,
            scope: Some(MANAGEMENT_SCOPE.to_owned()),
            userpool_id: Some(pool_id.to_owned()),
            data: DataClaim {
                kind: "userpool".to_owned(),
                user_pool_id: pool_id.to_owned(),
                app_id: None,
                id: pool_id.to_owned(),
                user_id: None,
                email: None,
                username: None,
                phone: None,
            },
            iat,
            exp: iat.saturating_add(MANAGEMENT_TOKEN_SECS),
            jti: random_hex(12),
        };
        self.sign(&claims)
    }

    /// A login token for a user, shaped like Authing's: `sub` = user id, `aud` = app id,
    /// `iss` = `{host}/oidc`, a `data` claim of `type: "user"`; valid for 14 days from `now`.
    pub(crate) fn user(
        &self,
        subject: &UserTokenSubject<'_>,
        host: &str,
        now: DateTime<Utc>,
    ) -> Result<IssuedToken, Failure> {
        let iat = now.timestamp();
        let claims = Claims {
            sub: subject.user_id.to_owned(),
            aud: Some(subject.app_id.to_owned()),
            iss: Some(format!("{}/oidc", host.trim_end_matches('/'))),
            scope: None,
            userpool_id: Some(subject.pool_id.to_owned()),
            data: DataClaim {
                kind: "user".to_owned(),
                user_pool_id: subject.pool_id.to_owned(),
                app_id: Some(subject.app_id.to_owned()),
                id: subject.user_id.to_owned(),
                user_id: Some(subject.user_id.to_owned()),
                email: subject.email.map(str::to_owned),
                username: subject.username.map(str::to_owned),
                phone: subject.phone.map(str::to_owned),
            },
            iat,
            exp: iat.saturating_add(USER_TOKEN_SECS),
            jti: random_hex(12),
        };
        self.sign(&claims)
    }

    fn sign(&self, claims: &Claims) -> Result<IssuedToken, Failure> {
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
            .map_err(|e| Failure::internal(format!("cannot sign a token: {e}")))?;
        Ok(IssuedToken {
            token,
            iat: claims.iat,
            exp: claims.exp,
            jti: claims.jti.clone(),
        })
    }

    /// Checks the signature and shape (else 2207) and the expiry against `now` (else 2206).
    /// Revocation is the caller's business.
    pub(crate) fn verify(&self, token: &str, now: DateTime<Utc>) -> Result<VerifiedToken, Failure> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.validate_exp = false;
        validation.validate_aud = false;
        validation.required_spec_claims.clear();
        let claims = jsonwebtoken::decode::<Claims>(token.trim(), &self.decoding, &validation)
            .map_err(|_| Code::LoginInvalid)?
            .claims;
        let owner = if claims.scope.as_deref() == Some(MANAGEMENT_SCOPE) {
            TokenOwner::Management {
                pool_id: claims.data.user_pool_id,
            }
        } else if claims.data.kind == "user" {
            TokenOwner::User {
                pool_id: claims.data.user_pool_id,
                user_id: claims.sub,
                app_id: claims.aud.ok_or(Code::LoginInvalid)?,
            }
        } else {
            return Err(Failure::from(Code::LoginInvalid));
        };
        if claims.exp <= now.timestamp() {
            return Err(Failure::from(Code::LoginExpired));
        }
        Ok(VerifiedToken {
            owner,
            iat: claims.iat,
            exp: claims.exp,
            jti: claims.jti,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    #[test]
    fn issues_and_checks_tokens() {
        let issuer = TokenIssuer::random();
        let now = Utc::now();
        let management = issuer.management("pool1", now).expect("signs");
        assert_eq!(management.exp - management.iat, MANAGEMENT_TOKEN_SECS);
        let verified = issuer.verify(&management.token, now).expect("valid");
        assert_eq!(
            verified.owner,
            TokenOwner::Management {
                pool_id: "pool1".into()
            }
        );
        let later = now + TimeDelta::seconds(MANAGEMENT_TOKEN_SECS + 1);
        assert_eq!(
            issuer
                .verify(&management.token, later)
                .expect_err("expired"),
            Failure::from(Code::LoginExpired)
        );

        let subject = UserTokenSubject {
            pool_id: "pool1",
            app_id: "app1",
            user_id: "user1",
            email: Some("a@b.c"),
            username: None,
            phone: None,
        };
        let user = issuer.user(&subject, "http://x/", now).expect("signs");
        assert_eq!(user.exp - user.iat, USER_TOKEN_SECS);
        let verified = issuer.verify(&user.token, now).expect("valid");
        assert_eq!(verified.owner.pool_id(), "pool1");
        assert!(format!("{user:?}").contains("redacted"));

        let other = TokenIssuer::random();
        assert_eq!(
            other.verify(&user.token, now).expect_err("foreign"),
            Failure::from(Code::LoginInvalid)
        );
        assert_eq!(
            issuer.verify("garbage", now).expect_err("garbage"),
            Failure::from(Code::LoginInvalid)
        );
    }
}
