//! CAS: the login URL, service ticket validation (CAS 1.0 `validate`, CAS 2.0
//! `serviceValidate` in XML or JSON) and the logout URL of the application's CAS server.

use std::collections::BTreeMap;

use authing_core::{Error, Secret, Transport};
use bytes::Bytes;
use http::Method;
use serde_json::Value;

use super::claims::Address;
use super::client::ProtocolClient;
use super::logout::check_absolute;
use super::wire::{Answer, exchange, request, url_with_query};

/// The application's CAS server, `{app_host}/cas-idp/{app_id}`; from
/// [`ProtocolClient::cas`].
///
/// ```
/// # use authing_authentication::protocols::ProtocolClient;
/// # let transport = authing_core::transport_fn(|_r: http::Request<bytes::Bytes>| async {
/// #     Ok(http::Response::new(bytes::Bytes::new()))
/// # });
/// # let client = ProtocolClient::builder("https://my-app.authing.cn", "APP_ID")
/// #     .transport(transport).build()?;
/// let url = client.cas().login_url("https://my-site.example.com/cas").renew(true).build()?;
/// assert_eq!(
///     url,
///     "https://my-app.authing.cn/cas-idp/APP_ID/login\
///      ?service=https%3A%2F%2Fmy-site.example.com%2Fcas&renew=true"
/// );
/// // Back at the service with `?ticket=ST-...`:
/// let request = client.cas().service_validate("ST-1", "https://my-site.example.com/cas").prepare()?;
/// assert_eq!(request.uri().path(), "/cas-idp/APP_ID/serviceValidate");
/// # Ok::<(), authing_core::Error>(())
/// ```
#[derive(Debug)]
pub struct Cas<'a, T> {
    client: &'a ProtocolClient<T>,
}

impl<T> ProtocolClient<T> {
    /// The application's CAS server.
    pub fn cas(&self) -> Cas<'_, T> {
        Cas { client: self }
    }
}

/// A CAS login URL being built; made by [`Cas::login_url`].
#[derive(Debug)]
#[must_use = "call `.build()` to get the URL"]
pub struct CasLoginUrl<'a, T> {
    client: &'a ProtocolClient<T>,
    service: String,
    renew: bool,
    gateway: bool,
}

/// A CAS 1.0 ticket validation; made by [`Cas::validate`]. `.await` sends it.
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent or awaited"]
pub struct CasValidateRequest<'a, T> {
    client: &'a ProtocolClient<T>,
    ticket: Secret,
    service: String,
}

/// A CAS 2.0 ticket validation; made by [`Cas::service_validate`]. `.await` sends it.
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent or awaited"]
pub struct CasServiceValidateRequest<'a, T> {
    client: &'a ProtocolClient<T>,
    ticket: Secret,
    service: String,
    format: CasFormat,
    renew: bool,
}

/// The answer format of `serviceValidate`.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CasFormat {
    /// CAS's XML, the default.
    #[default]
    Xml,
    /// The same answer as JSON (`format=JSON`).
    Json,
}

/// The outcome of a ticket validation: CAS answers a bad ticket with a failure document, not
/// an HTTP error, so both are `Ok`.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a failure is an outcome too: check it"]
// One per ticket check, moved once: boxing the success would only cost callers' patterns.
#[allow(clippy::large_enum_variant)]
pub enum CasValidation {
    /// The ticket was valid: who logged in.
    Success(CasAuthentication),
    /// The ticket was refused.
    Failure(CasFailure),
}

impl CasValidation {
    /// The authentication, or the failure as an error.
    pub fn into_result(self) -> Result<CasAuthentication, CasFailure> {
        match self {
            Self::Success(authentication) => Ok(authentication),
            Self::Failure(failure) => Err(failure),
        }
    }
}

/// A successful CAS authentication.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CasAuthentication {
    /// The user (`cas:user`): the username.
    pub user: String,
    /// The user's attributes (CAS 2.0 with attributes, CAS 3.0); empty for CAS 1.0.
    pub attributes: CasAttributes,
    /// The proxy-granting ticket IOU, when a `pgtUrl` was given.
    pub proxy_granting_ticket: Option<Secret>,
}

/// A refused CAS ticket. Tickets the server quotes in its description (`ST-…`, `PT-…`) are
/// redacted: a ticket is a one-time credential.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("CAS refused the ticket: {code:?}: {description}")]
#[non_exhaustive]
pub struct CasFailure {
    /// Why, typed.
    pub code: CasFailureCode,
    /// The server's explanation, tickets redacted.
    pub description: String,
}

impl CasFailure {
    fn new(code: CasFailureCode, description: &str) -> Self {
        Self {
            code,
            description: redact_tickets(description.trim()),
        }
    }
}

/// `description` with every word that holds a CAS ticket (`ST-…`, quoted or not) cut to the
/// ticket's prefix; whitespace is normalised to single spaces.
fn redact_tickets(description: &str) -> String {
    const PREFIXES: [&str; 5] = ["PGTIOU-", "PGT-", "TGT-", "ST-", "PT-"];
    let redact = |word: &str| {
        for prefix in PREFIXES {
            if let Some(at) = word.find(prefix) {
                let before = &word[..at];
                let starts_word = before.chars().last().is_none_or(|c| !c.is_alphanumeric());
                if starts_word && word.len() > at + prefix.len() {
                    return format!("{before}{prefix}[redacted]");
                }
            }
        }
        word.to_owned()
    };
    description
        .split_whitespace()
        .map(redact)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The failure codes of the CAS protocol (CAS 3.0 specification §2.5.3).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CasFailureCode {
    /// `INVALID_REQUEST`: a parameter is missing.
    InvalidRequest,
    /// `INVALID_TICKET_SPEC`: the ticket fails the validation specification.
    InvalidTicketSpec,
    /// `UNAUTHORIZED_SERVICE_PROXY`: the service may not proxy.
    UnauthorizedServiceProxy,
    /// `INVALID_PROXY_CALLBACK`: the proxy callback is invalid.
    InvalidProxyCallback,
    /// `INVALID_TICKET`: unknown, used or expired ticket (CAS 1.0's `no` too).
    InvalidTicket,
    /// `INVALID_SERVICE`: the ticket was issued for another service.
    InvalidService,
    /// `INTERNAL_ERROR`: the server failed.
    InternalError,
    /// Another code, as sent.
    Other(String),
}

impl CasFailureCode {
    fn parse(code: &str) -> Self {
        match code.trim() {
            "INVALID_REQUEST" => Self::InvalidRequest,
            "INVALID_TICKET_SPEC" => Self::InvalidTicketSpec,
            "UNAUTHORIZED_SERVICE_PROXY" => Self::UnauthorizedServiceProxy,
            "INVALID_PROXY_CALLBACK" => Self::InvalidProxyCallback,
            "INVALID_TICKET" => Self::InvalidTicket,
            "INVALID_SERVICE" => Self::InvalidService,
            "INTERNAL_ERROR" => Self::InternalError,
            other => Self::Other(other.to_owned()),
        }
    }
}

/// The attributes of a CAS authentication: the claims Authing releases, typed, and any
/// other attribute in [`other`](Self::other).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct CasAttributes {
    /// The user id.
    pub sub: Option<String>,
    /// Full name.
    pub name: Option<String>,
    /// Given name.
    pub given_name: Option<String>,
    /// Family name.
    pub family_name: Option<String>,
    /// Middle name.
    pub middle_name: Option<String>,
    /// Nickname.
    pub nickname: Option<String>,
    /// Preferred username.
    pub preferred_username: Option<String>,
    /// Profile page URL.
    pub profile: Option<String>,
    /// Picture URL.
    pub picture: Option<String>,
    /// Web site.
    pub website: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Whether the email address is verified.
    pub email_verified: Option<bool>,
    /// Phone number.
    pub phone_number: Option<String>,
    /// Whether the phone number is verified.
    pub phone_number_verified: Option<bool>,
    /// Gender.
    pub gender: Option<String>,
    /// Birth date.
    pub birthdate: Option<String>,
    /// Time zone.
    pub zoneinfo: Option<String>,
    /// Locale.
    pub locale: Option<String>,
    /// Postal address.
    pub address: Option<Address>,
    /// WeChat union id.
    pub unionid: Option<String>,
    /// The id in the customer's own system.
    pub external_id: Option<String>,
    /// When the profile last changed.
    pub updated_at: Option<String>,
    /// When the user authenticated (CAS 3.0 `authenticationDate`).
    pub authentication_date: Option<String>,
    /// Whether this ticket came from a fresh login (CAS 3.0 `isFromNewLogin`).
    pub is_from_new_login: Option<bool>,
    /// Whether "remember me" was used (CAS 3.0 `longTermAuthenticationRequestTokenUsed`).
    pub long_term_authentication_request_token_used: Option<bool>,
    /// Every other attribute, each with its values (an attribute can repeat); members of a
    /// nested attribute appear as `parent.member`.
    pub other: BTreeMap<String, Vec<String>>,
}

/// An attribute as the answer carries it, before typing.
enum RawValue {
    Text(String),
    Object(Vec<(String, String)>),
}

impl CasAttributes {
    fn from_raw(raw: Vec<(String, RawValue)>) -> Self {
        let mut attributes = Self::default();
        for (name, value) in raw {
            match value {
                RawValue::Text(text) => attributes.set(name, text),
                RawValue::Object(members) if name == "address" => {
                    let mut address = Address::default();
                    for (member, text) in members {
                        let slot = match member.as_str() {
                            "formatted" => &mut address.formatted,
                            "street_address" => &mut address.street_address,
                            "locality" => &mut address.locality,
                            "region" => &mut address.region,
                            "postal_code" => &mut address.postal_code,
                            "country" => &mut address.country,
                            _ => continue,
                        };
                        *slot = Some(text);
                    }
                    attributes.address = Some(address);
                }
                RawValue::Object(members) => {
                    for (member, text) in members {
                        attributes
                            .other
                            .entry(format!("{name}.{member}"))
                            .or_default()
                            .push(text);
                    }
                }
            }
        }
        attributes
    }

    fn set(&mut self, name: String, text: String) {
        let text_slot = match name.as_str() {
            "sub" => &mut self.sub,
            "name" => &mut self.name,
            "given_name" => &mut self.given_name,
            "family_name" => &mut self.family_name,
            "middle_name" => &mut self.middle_name,
            "nickname" => &mut self.nickname,
            "preferred_username" => &mut self.preferred_username,
            "profile" => &mut self.profile,
            "picture" => &mut self.picture,
            "website" => &mut self.website,
            "email" => &mut self.email,
            "phone_number" => &mut self.phone_number,
            "gender" => &mut self.gender,
            "birthdate" => &mut self.birthdate,
            "zoneinfo" => &mut self.zoneinfo,
            "locale" => &mut self.locale,
            "unionid" => &mut self.unionid,
            "external_id" => &mut self.external_id,
            "updated_at" => &mut self.updated_at,
            "authenticationDate" => &mut self.authentication_date,
            _ => {
                let bool_slot = match name.as_str() {
                    "email_verified" => &mut self.email_verified,
                    "phone_number_verified" => &mut self.phone_number_verified,
                    "isFromNewLogin" => &mut self.is_from_new_login,
                    "longTermAuthenticationRequestTokenUsed" => {
                        &mut self.long_term_authentication_request_token_used
                    }
                    _ => {
                        self.other.entry(name).or_default().push(text);
                        return;
                    }
                };
                match text.trim() {
                    "true" => *bool_slot = Some(true),
                    "false" => *bool_slot = Some(false),
                    // Not a boolean after all: keep it rather than drop it.
                    _ => self.other.entry(name).or_default().push(text),
                }
                return;
            }
        };
        if text_slot.is_none() {
            *text_slot = Some(text);
        } else {
            self.other.entry(name).or_default().push(text);
        }
    }
}

impl<'a, T> Cas<'a, T> {
    /// The login URL, `{app_host}/cas-idp/{app_id}/login?service=...`: after login the
    /// browser comes back to `service` with `?ticket=ST-...`.
    pub fn login_url(&self, service: impl Into<String>) -> CasLoginUrl<'a, T> {
        CasLoginUrl {
            client: self.client,
            service: service.into(),
            renew: false,
            gateway: false,
        }
    }

    /// CAS 1.0 validation of `ticket` for `service`: `GET .../validate`, a text answer with
    /// the username only.
    pub fn validate(
        &self,
        ticket: impl Into<Secret>,
        service: impl Into<String>,
    ) -> CasValidateRequest<'a, T> {
        CasValidateRequest {
            client: self.client,
            ticket: ticket.into(),
            service: service.into(),
        }
    }

    /// CAS 2.0 validation of `ticket` for `service`: `GET .../serviceValidate`, the username
    /// and attributes, in XML (default) or JSON.
    pub fn service_validate(
        &self,
        ticket: impl Into<Secret>,
        service: impl Into<String>,
    ) -> CasServiceValidateRequest<'a, T> {
        CasServiceValidateRequest {
            client: self.client,
            ticket: ticket.into(),
            service: service.into(),
            format: CasFormat::Xml,
            renew: false,
        }
    }

    /// The logout URL, `{app_host}/cas-idp/{app_id}/logout`, sending the browser to
    /// `service` afterwards when given. Fails when `service` is not an absolute URL.
    pub fn logout_url(&self, service: Option<&str>) -> Result<String, Error> {
        if let Some(service) = service {
            check_absolute(service)?;
        }
        Ok(url_with_query(
            &format!("{}/logout", self.client.inner.endpoints.cas()),
            [("service", service)],
        ))
    }
}

impl<T> CasLoginUrl<'_, T> {
    /// `renew=true`: make the user log in again even with a live session.
    pub fn renew(mut self, renew: bool) -> Self {
        self.renew = renew;
        self
    }

    /// `gateway=true`: never show a login page; come back without a ticket if not logged in.
    pub fn gateway(mut self, gateway: bool) -> Self {
        self.gateway = gateway;
        self
    }

    /// The URL. Fails when `service` is not an absolute URL, or both `renew` and `gateway`
    /// are set (CAS forbids it).
    pub fn build(self) -> Result<String, Error> {
        check_absolute(&self.service)?;
        if self.renew && self.gateway {
            return Err(Error::invalid_argument(
                "CAS `renew` and `gateway` contradict each other: set at most one",
            ));
        }
        Ok(url_with_query(
            &format!("{}/login", self.client.inner.endpoints.cas()),
            [
                ("service", Some(self.service.as_str())),
                ("renew", self.renew.then_some("true")),
                ("gateway", self.gateway.then_some("true")),
            ],
        ))
    }
}

fn check_ticket(ticket: &Secret, service: &str) -> Result<(), Error> {
    if ticket.expose().trim().is_empty() {
        return Err(Error::invalid_argument("the CAS ticket is empty"));
    }
    check_absolute(service)
}

impl<T> CasValidateRequest<'_, T> {
    /// The request this would send.
    pub fn prepare(&self) -> Result<http::Request<Bytes>, Error> {
        check_ticket(&self.ticket, &self.service)?;
        let url = url_with_query(
            &format!("{}/validate", self.client.inner.endpoints.cas()),
            [
                ("service", Some(self.service.as_str())),
                ("ticket", Some(self.ticket.expose())),
            ],
        );
        request(Method::GET, &url, Bytes::new())
    }
}

impl<T: Transport> CasValidateRequest<'_, T> {
    /// Sends the request.
    pub async fn send(self) -> Result<CasValidation, Error> {
        let request = self.prepare()?;
        parse_v1(exchange(&self.client.inner.transport, request).await?)
    }
}

super::send_on_await!(CasValidateRequest => CasValidation);

impl<T> CasServiceValidateRequest<'_, T> {
    /// The answer format; default XML.
    pub fn format(mut self, format: CasFormat) -> Self {
        self.format = format;
        self
    }

    /// `renew=true`: accept only a ticket from a fresh login.
    pub fn renew(mut self, renew: bool) -> Self {
        self.renew = renew;
        self
    }

    /// The request this would send.
    pub fn prepare(&self) -> Result<http::Request<Bytes>, Error> {
        check_ticket(&self.ticket, &self.service)?;
        let url = url_with_query(
            &format!("{}/serviceValidate", self.client.inner.endpoints.cas()),
            [
                ("service", Some(self.service.as_str())),
                ("ticket", Some(self.ticket.expose())),
                ("renew", self.renew.then_some("true")),
                ("format", (self.format == CasFormat::Json).then_some("JSON")),
            ],
        );
        request(Method::GET, &url, Bytes::new())
    }
}

impl<T: Transport> CasServiceValidateRequest<'_, T> {
    /// Sends the request.
    pub async fn send(self) -> Result<CasValidation, Error> {
        let request = self.prepare()?;
        let answer = exchange(&self.client.inner.transport, request).await?;
        if !answer.status.is_success() {
            return Err(answer.into_http_error());
        }
        // Parse by content, not by the format asked: a server may ignore `format`.
        let starts_json = answer.body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        let parsed = if starts_json {
            parse_json(&answer.body)
        } else {
            parse_xml(&answer.body)
        };
        parsed.map_err(|reason| answer.into_decode_error(reason))
    }
}

super::send_on_await!(CasServiceValidateRequest => CasValidation);

/// CAS 1.0: `yes\n<user>\n` or `no\n\n`.
fn parse_v1(answer: Answer) -> Result<CasValidation, Error> {
    if !answer.status.is_success() {
        return Err(answer.into_http_error());
    }
    let unusable = |answer: Answer| {
        answer.into_decode_error("not a CAS 1.0 answer (`yes\\n<user>\\n` or `no\\n\\n`)")
    };
    let Ok(text) = std::str::from_utf8(&answer.body) else {
        return Err(unusable(answer));
    };
    let mut lines = text.lines();
    match (lines.next().map(str::trim), lines.next().map(str::trim)) {
        (Some("yes"), Some(user)) if !user.is_empty() => {
            Ok(CasValidation::Success(CasAuthentication {
                user: user.to_owned(),
                attributes: CasAttributes::default(),
                proxy_granting_ticket: None,
            }))
        }
        (Some("no"), _) => Ok(CasValidation::Failure(CasFailure::new(
            CasFailureCode::InvalidTicket,
            "CAS 1.0 answered no: the ticket is not valid for this service",
        ))),
        _ => Err(unusable(answer)),
    }
}

/// The first child element of `node` whose local name is `name`.
fn child<'a, 'input>(
    node: roxmltree::Node<'a, 'input>,
    name: &str,
) -> Option<roxmltree::Node<'a, 'input>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// CAS 2.0/3.0 XML: `cas:serviceResponse` holding `cas:authenticationSuccess` or
/// `cas:authenticationFailure`. Elements are matched by local name.
fn parse_xml(body: &[u8]) -> Result<CasValidation, &'static str> {
    let text = std::str::from_utf8(body).map_err(|_| "the CAS answer is not UTF-8")?;
    // roxmltree refuses DTDs by default: no entity expansion, no external entities.
    let document = roxmltree::Document::parse(text).map_err(|_| "the CAS answer is not XML")?;
    let root = document.root_element();
    if root.tag_name().name() != "serviceResponse" {
        return Err("the XML is not a CAS serviceResponse");
    }
    let text_of = |node: roxmltree::Node<'_, '_>| {
        node.descendants()
            .filter(roxmltree::Node::is_text)
            .filter_map(|t| t.text())
            .collect::<String>()
            .trim()
            .to_owned()
    };
    if let Some(success) = child(root, "authenticationSuccess") {
        let user = child(success, "user")
            .map(text_of)
            .filter(|u| !u.is_empty())
            .ok_or("the CAS success has no user")?;
        let mut raw = Vec::new();
        if let Some(attributes) = child(success, "attributes") {
            for attribute in attributes.children().filter(roxmltree::Node::is_element) {
                let name = attribute.tag_name().name().to_owned();
                let members: Vec<_> = attribute
                    .children()
                    .filter(roxmltree::Node::is_element)
                    .map(|m| (m.tag_name().name().to_owned(), text_of(m)))
                    .collect();
                let value = if members.is_empty() {
                    RawValue::Text(text_of(attribute))
                } else {
                    RawValue::Object(members)
                };
                raw.push((name, value));
            }
        }
        return Ok(CasValidation::Success(CasAuthentication {
            user,
            attributes: CasAttributes::from_raw(raw),
            proxy_granting_ticket: child(success, "proxyGrantingTicket")
                .map(text_of)
                .filter(|t| !t.is_empty())
                .map(Secret::from),
        }));
    }
    if let Some(failure) = child(root, "authenticationFailure") {
        return Ok(CasValidation::Failure(CasFailure::new(
            CasFailureCode::parse(failure.attribute("code").unwrap_or_default()),
            &text_of(failure),
        )));
    }
    Err("the CAS serviceResponse holds neither a success nor a failure")
}

/// CAS 2.0/3.0 JSON: `{"serviceResponse": {"authenticationSuccess": {...}}}` or
/// `{... "authenticationFailure": {"code", "description"}}`; the wrapper is optional.
fn parse_json(body: &[u8]) -> Result<CasValidation, &'static str> {
    let json: Value = serde_json::from_slice(body).map_err(|_| "the CAS answer is not JSON")?;
    let response = json.get("serviceResponse").unwrap_or(&json);
    let as_text = |value: &Value| match value {
        Value::String(s) => Some(s.clone()),
        Value::Bool(_) | Value::Number(_) => Some(value.to_string()),
        _ => None,
    };
    if let Some(success) = response.get("authenticationSuccess") {
        let user = success
            .get("user")
            .and_then(Value::as_str)
            .filter(|u| !u.trim().is_empty())
            .ok_or("the CAS success has no user")?
            .trim()
            .to_owned();
        let mut raw = Vec::new();
        if let Some(Value::Object(attributes)) = success.get("attributes") {
            for (name, value) in attributes {
                match value {
                    Value::Object(members) => raw.push((
                        name.clone(),
                        RawValue::Object(
                            members
                                .iter()
                                .filter_map(|(m, v)| Some((m.clone(), as_text(v)?)))
                                .collect(),
                        ),
                    )),
                    Value::Array(values) => raw.extend(
                        values
                            .iter()
                            .filter_map(as_text)
                            .map(|v| (name.clone(), RawValue::Text(v))),
                    ),
                    other => {
                        if let Some(text) = as_text(other) {
                            raw.push((name.clone(), RawValue::Text(text)));
                        }
                    }
                }
            }
        }
        return Ok(CasValidation::Success(CasAuthentication {
            user,
            attributes: CasAttributes::from_raw(raw),
            proxy_granting_ticket: success
                .get("proxyGrantingTicket")
                .and_then(Value::as_str)
                .map(Secret::from),
        }));
    }
    if let Some(failure) = response.get("authenticationFailure") {
        return Ok(CasValidation::Failure(CasFailure::new(
            CasFailureCode::parse(
                failure
                    .get("code")
                    .and_then(Value::as_str)
                    .unwrap_or_default(),
            ),
            failure
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or_default(),
        )));
    }
    Err("the CAS JSON holds neither authenticationSuccess nor authenticationFailure")
}

#[cfg(test)]
mod tests;
