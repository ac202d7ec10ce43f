//! An application's public configuration
//! (`GET /api/v2/applications/{appId}/public-config`), what a login page (or Authing's
//! enterprise login) reads before it starts: the application's names and addresses, the
//! key passwords are encrypted with, the host AD logins go to, the length of the
//! verification codes, and the identity providers and social connections it offers.
//!
//! The fake has no enterprise identity providers or social connections configured, so both
//! lists are empty; a login page reading them offers none.

use serde_json::{Value, json};

use super::applications;
use crate::clock::iso;
use crate::failure::Failure;
use crate::store::Pool;

/// The length of the codes the fake sends (`domain::codes`).
const VERIFY_CODE_LENGTH: u32 = 6;

/// What the public configuration shows besides the application's record.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deployment<'a> {
    /// The PEM public key passwords are encrypted with.
    pub(crate) public_key: &'a str,
    /// The websocket host (where AD logins go): the fake serves it on its one door.
    pub(crate) websocket: &'a str,
}

/// Application `app_id`'s public configuration (2011 when the pool has no such
/// application). Nothing secret: no app secret, no access policies.
pub(crate) fn public_config(
    pool: &Pool,
    app_id: &str,
    deployment: Deployment<'_>,
) -> Result<Value, Failure> {
    let app = applications::get(pool, app_id.trim())?;
    Ok(json!({
        "id": app.id,
        "userPoolId": pool.id,
        "name": app.name,
        "identifier": app.identifier,
        "logo": app.logo,
        "redirectUris": app.redirect_uris,
        "publicKey": deployment.public_key,
        "websocket": deployment.websocket,
        "verifyCodeLength": VERIFY_CODE_LENGTH,
        "identityProviders": [],
        "socialConnections": [],
        "createdAt": iso(app.created_at),
        "updatedAt": iso(app.updated_at),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_config_shows_the_application_and_no_secret() {
        let pool = Pool::random();
        let deployment = Deployment {
            public_key: "-----BEGIN PUBLIC KEY-----",
            websocket: "http://fake",
        };
        let config = public_config(&pool, &pool.app.id, deployment).expect("the default app");
        assert_eq!(config["id"], pool.app.id.as_str());
        assert_eq!(config["userPoolId"], pool.id.as_str());
        assert_eq!(config["publicKey"], "-----BEGIN PUBLIC KEY-----");
        assert_eq!(config["verifyCodeLength"], 6);
        assert_eq!(config["identityProviders"], json!([]));
        let text = config.to_string();
        assert!(!text.contains(pool.app.secret.expose()), "no app secret");
        let missing = public_config(&pool, "no-such-app", deployment);
        assert_eq!(missing.expect_err("unknown").number(), 2011);
    }
}
