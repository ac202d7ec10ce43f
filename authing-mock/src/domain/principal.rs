//! Principal (real-name) authentication of a user, as a person (`P`: name, ID card, bank
//! card) or an enterprise (`E`: name, enterprise code, legal representative). The fake
//! keeps one per user and refuses a second (2461). The reference gives no checksum rule
//! for the numbers, so the fake checks the shape only: every field filled, the type `P` or
//! `E` (2231 otherwise).

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::users;
use crate::clock::iso;
use crate::crypto::object_id;
use crate::failure::{Code, Failure};
use crate::store::{Pool, PrincipalRecord};

/// What a user sends to be authenticated.
pub(crate) struct PrincipalInput<'a> {
    /// `P` or `E`.
    pub(crate) kind: Option<&'a str>,
    pub(crate) name: Option<&'a str>,
    pub(crate) id_card: Option<&'a str>,
    pub(crate) ext: Option<&'a str>,
}

/// The user's principal authentication, or `null`.
pub(crate) fn detail(pool: &Pool, user_id: &str) -> Result<Value, Failure> {
    users::get(pool, user_id)?;
    Ok(pool
        .principals
        .get(user_id)
        .map_or(Value::Null, |record| to_json(record, user_id, &pool.id)))
}

/// Authenticates the user once (2461 for a second time; 2231 for a missing field or an
/// unknown type).
pub(crate) fn authenticate(
    pool: &mut Pool,
    user_id: &str,
    input: &PrincipalInput<'_>,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    users::get(pool, user_id)?;
    let filled = |name: &str, value: Option<&str>| {
        value
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_owned)
            .ok_or_else(|| Failure::invalid_params(format!("{name} is required")))
    };
    let kind = filled("type", input.kind)?;
    if kind != "P" && kind != "E" {
        return Err(Failure::invalid_params(
            "type is P (person) or E (enterprise)",
        ));
    }
    let name = filled("name", input.name)?;
    let code = filled("idCard", input.id_card)?;
    filled("ext", input.ext)?;
    if pool.principals.contains_key(user_id) {
        return Err(Code::PrincipalAuthenticated.into());
    }
    pool.principals.insert(
        user_id.to_owned(),
        PrincipalRecord {
            id: object_id(),
            kind,
            name,
            code,
            authenticated_at: now,
        },
    );
    Ok(())
}

fn to_json(record: &PrincipalRecord, user_id: &str, pool_id: &str) -> Value {
    let at = iso(record.authenticated_at);
    json!({
        "id": record.id,
        "userId": user_id,
        "userPoolId": pool_id,
        "principalType": record.kind,
        "principalName": record.name,
        "principalCode": record.code,
        "authenticationTime": at,
        "createdAt": at,
        "updatedAt": at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::qrcode::tests::pool_with_user;

    fn input<'a>(kind: &'a str, name: &'a str) -> PrincipalInput<'a> {
        PrincipalInput {
            kind: Some(kind),
            name: Some(name),
            id_card: Some("11010519491231002X"),
            ext: Some("6222020200000000000"),
        }
    }

    #[test]
    fn a_user_is_authenticated_once_with_every_field() {
        let (mut pool, user) = pool_with_user();
        let now = Utc::now();
        assert_eq!(detail(&pool, &user).expect("detail"), Value::Null);
        for bad in [input("X", "Zhang"), input("P", " ")] {
            assert_eq!(
                authenticate(&mut pool, &user, &bad, now)
                    .expect_err("bad")
                    .number(),
                2231
            );
        }
        let no_ext = PrincipalInput {
            ext: None,
            ..input("P", "Zhang")
        };
        assert!(authenticate(&mut pool, &user, &no_ext, now).is_err());
        authenticate(&mut pool, &user, &input("P", "Zhang"), now).expect("authenticated");
        let again = authenticate(&mut pool, &user, &input("E", "Acme"), now).expect_err("twice");
        assert_eq!(again.number(), 2461);
        let shown = detail(&pool, &user).expect("detail");
        assert_eq!(shown["principalType"], "P");
        assert_eq!(shown["principalName"], "Zhang");
        assert_eq!(detail(&pool, "nobody").expect_err("unknown").number(), 2004);
    }
}
