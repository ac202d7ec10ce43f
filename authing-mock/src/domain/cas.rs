//! The fake as a CAS server (issue 9): service tickets issued on login, single-use and
//! short-lived by the fake's clock, and their validation (CAS 1.0, 2.0 / 3.0).

use serde_json::{Map, Value, json};

use super::identity::Issuer;
use super::protocols::{OAuthError, password_login};
use super::users;
use crate::crypto::random_hex;
use crate::store::{ServiceTicket, Store};

/// How long a service ticket lives: 5 minutes (the CAS protocol advises short lives).
pub(crate) const TICKET_SECS: i64 = 300;

/// Why a ticket was refused, as CAS names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TicketRefusal {
    /// A parameter is missing.
    Request,
    /// Unknown, used or expired.
    Ticket,
    /// Issued for another service.
    Service,
}

impl TicketRefusal {
    /// The CAS code.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::Request => "INVALID_REQUEST",
            Self::Ticket => "INVALID_TICKET",
            Self::Service => "INVALID_SERVICE",
        }
    }

    /// A description (never quoting the ticket).
    pub(crate) fn description(self) -> &'static str {
        match self {
            Self::Request => "service and ticket are required",
            Self::Ticket => "the ticket is unknown, used or expired",
            Self::Service => "the ticket was issued for another service",
        }
    }
}

/// A validated ticket: the user's name and their attributes.
#[derive(Debug, Clone)]
pub(crate) struct CasUser {
    pub(crate) user: String,
    pub(crate) attributes: Map<String, Value>,
}

/// Logs `account` in to application `app_id` and issues a service ticket for `service`.
pub(crate) fn login(
    store: &mut Store,
    issuer: &Issuer<'_>,
    app_id: &str,
    service: &str,
    account: &str,
    password: &str,
) -> Result<String, OAuthError> {
    let (pool_id, user_id) = password_login(store, issuer, app_id, account, password)?;
    let ticket = format!("ST-{}", random_hex(20));
    let now = issuer.now.timestamp();
    store.grants.tickets.insert(
        ticket.clone(),
        ServiceTicket {
            pool_id,
            app_id: app_id.to_owned(),
            user_id,
            service: service.to_owned(),
            issued_at: now,
            expires_at: now.saturating_add(TICKET_SECS),
        },
    );
    Ok(ticket)
}

/// Validates (and spends) `ticket` for `service` at application `app_id`.
pub(crate) fn validate(
    store: &mut Store,
    now: i64,
    app_id: &str,
    service: Option<&str>,
    ticket: Option<&str>,
) -> Result<CasUser, TicketRefusal> {
    let (Some(service), Some(ticket)) = (service, ticket) else {
        return Err(TicketRefusal::Request);
    };
    // Single-use: a ticket presented is gone, valid or not.
    let grant = store
        .grants
        .tickets
        .remove(ticket)
        .ok_or(TicketRefusal::Ticket)?;
    if grant.expires_at <= now || grant.app_id != app_id {
        return Err(TicketRefusal::Ticket);
    }
    if grant.service != service {
        return Err(TicketRefusal::Service);
    }
    let pool = store
        .pools
        .get(&grant.pool_id)
        .ok_or(TicketRefusal::Ticket)?;
    let user = users::get(pool, &grant.user_id).map_err(|_| TicketRefusal::Ticket)?;
    let name = user
        .str_field("username")
        .or_else(|| user.str_field("email"))
        .unwrap_or(&user.id)
        .to_owned();
    let mut attributes = Map::new();
    let issued = chrono::DateTime::from_timestamp(grant.issued_at, 0)
        .map(crate::clock::iso)
        .unwrap_or_default();
    attributes.insert("authenticationDate".to_owned(), json!(issued));
    attributes.insert("isFromNewLogin".to_owned(), json!(true));
    attributes.insert(
        "longTermAuthenticationRequestTokenUsed".to_owned(),
        json!(false),
    );
    attributes.insert("sub".to_owned(), json!(user.id));
    for (attribute, field) in [
        ("email", "email"),
        ("phone_number", "phone"),
        ("preferred_username", "username"),
        ("name", "name"),
        ("nickname", "nickname"),
    ] {
        if let Some(value) = user.str_field(field) {
            attributes.insert(attribute.to_owned(), json!(value));
        }
    }
    attributes.insert(
        "email_verified".to_owned(),
        json!(user.flag("emailVerified")),
    );
    attributes.insert(
        "phone_number_verified".to_owned(),
        json!(user.flag("phoneVerified")),
    );
    Ok(CasUser {
        user: name,
        attributes,
    })
}
