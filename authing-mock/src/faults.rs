//! [`Fault`]: make the fake misbehave on purpose (a proxy's 502, a slow answer, a body cut
//! short), to test how clients cope.

use std::time::Duration;

use serde::Deserialize;

/// What a fault does to a matching request.
#[derive(Debug, Clone, PartialEq, Eq)]
enum FaultAction {
    /// Answer with this instead of handling the request.
    Respond {
        status: u16,
        content_type: String,
        body: String,
    },
    /// Handle the request normally (only the delay applies).
    Pass,
    /// Handle the request, then send only the first half of the JSON body.
    TruncatedJson,
}

/// A fault to inject with [`MockAuthing::inject_fault`](crate::MockAuthing::inject_fault).
///
/// A fault matches every request (outside the test-only `/__authing_mock/` endpoints) unless
/// narrowed with [`path`](Self::path) or [`graphql_field`](Self::graphql_field), and fires
/// **once** unless told otherwise with [`times`](Self::times) or [`always`](Self::always).
/// When several faults match, the one injected first fires. Requests that meet a fault are
/// still recorded.
///
/// ```
/// use std::time::Duration;
/// use authing_mock::Fault;
///
/// // The next GraphQL request gets a proxy's error page.
/// let bad_gateway = Fault::respond(502, "text/html", "<html>Bad Gateway</html>")
///     .path("/graphql/v2")
///     .times(1);
/// // Every accessToken query is slow.
/// let slow = Fault::delay(Duration::from_millis(200)).graphql_field("accessToken").always();
/// // The next answer is JSON cut in half.
/// let broken = Fault::truncated_json();
/// # let _ = (bad_gateway, slow, broken);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    action: FaultAction,
    delay: Option<Duration>,
    path: Option<String>,
    graphql_field: Option<String>,
    /// `None`: unlimited.
    remaining: Option<usize>,
}

impl Fault {
    fn new(action: FaultAction) -> Self {
        Self {
            action,
            delay: None,
            path: None,
            graphql_field: None,
            remaining: Some(1),
        }
    }

    /// Answer matching requests with `status`, `content_type` and `body` instead of handling
    /// them (nothing changes in the fake's state).
    pub fn respond(status: u16, content_type: impl Into<String>, body: impl Into<String>) -> Self {
        Self::new(FaultAction::Respond {
            status,
            content_type: content_type.into(),
            body: body.into(),
        })
    }

    /// Handle matching requests normally, but only after `delay`.
    pub fn delay(delay: Duration) -> Self {
        Self::new(FaultAction::Pass).with_delay(delay)
    }

    /// Handle matching requests normally (state changes happen), then answer with only the
    /// first half of the body: JSON that does not parse, as when a connection is cut.
    pub fn truncated_json() -> Self {
        Self::new(FaultAction::TruncatedJson)
    }

    /// Also wait `delay` before answering.
    #[must_use]
    pub fn with_delay(mut self, delay: Duration) -> Self {
        self.delay = Some(delay);
        self
    }

    /// Only requests to exactly this path (e.g. `/graphql/v2`, `/api/v2/users/me`).
    #[must_use]
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// Only GraphQL requests that select this root field (e.g. `accessToken`).
    #[must_use]
    pub fn graphql_field(mut self, field: impl Into<String>) -> Self {
        self.graphql_field = Some(field.into());
        self
    }

    /// Fire for the next `times` matching requests (the default is 1).
    #[must_use]
    pub fn times(mut self, times: usize) -> Self {
        self.remaining = Some(times);
        self
    }

    /// Fire for every matching request, until [`MockAuthing::clear_faults`] or
    /// [`MockAuthing::reset`].
    ///
    /// [`MockAuthing::clear_faults`]: crate::MockAuthing::clear_faults
    /// [`MockAuthing::reset`]: crate::MockAuthing::reset
    #[must_use]
    pub fn always(mut self) -> Self {
        self.remaining = None;
        self
    }

    fn matches(&self, path: &str, graphql_fields: &[String]) -> bool {
        self.path.as_deref().is_none_or(|p| p == path)
            && self
                .graphql_field
                .as_ref()
                .is_none_or(|f| graphql_fields.contains(f))
    }
}

/// What the HTTP layer must do for one request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct FaultPlan {
    pub(crate) delay: Option<Duration>,
    /// `(status, content type, body)` to answer with instead of handling the request.
    pub(crate) respond: Option<(u16, String, String)>,
    pub(crate) truncate: bool,
}

/// The armed faults, in injection order.
#[derive(Debug, Default)]
pub(crate) struct Faults {
    armed: Vec<Fault>,
}

impl Faults {
    pub(crate) fn push(&mut self, fault: Fault) {
        if fault.remaining != Some(0) {
            self.armed.push(fault);
        }
    }

    pub(crate) fn clear(&mut self) {
        self.armed.clear();
    }

    /// Fires the first fault matching the request, if any.
    pub(crate) fn take(&mut self, path: &str, graphql_fields: &[String]) -> Option<FaultPlan> {
        let index = self
            .armed
            .iter()
            .position(|f| f.matches(path, graphql_fields))?;
        let fault = self.armed.get_mut(index)?;
        let plan = FaultPlan {
            delay: fault.delay,
            respond: match &fault.action {
                FaultAction::Respond {
                    status,
                    content_type,
                    body,
                } => Some((*status, content_type.clone(), body.clone())),
                _ => None,
            },
            truncate: fault.action == FaultAction::TruncatedJson,
        };
        if let Some(remaining) = &mut fault.remaining {
            *remaining = remaining.saturating_sub(1);
            if *remaining == 0 {
                self.armed.remove(index);
            }
        }
        Some(plan)
    }
}

/// A fault as the test-only HTTP endpoint takes it (`POST /__authing_mock/faults`):
/// `{"status": 502, "contentType": "text/html", "body": "...", "delayMs": 100,
/// "truncatedJson": false, "path": "/graphql/v2", "graphqlField": "accessToken",
/// "times": 1, "always": false}`; every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub(crate) struct FaultSpec {
    status: Option<u16>,
    content_type: Option<String>,
    body: Option<String>,
    delay_ms: Option<u64>,
    truncated_json: bool,
    path: Option<String>,
    graphql_field: Option<String>,
    times: Option<usize>,
    always: bool,
}

impl FaultSpec {
    /// The fault this spec describes.
    pub(crate) fn into_fault(self) -> Fault {
        let mut fault = if let Some(status) = self.status {
            Fault::respond(
                status,
                self.content_type
                    .unwrap_or_else(|| "application/json".to_owned()),
                self.body.unwrap_or_default(),
            )
        } else if self.truncated_json {
            Fault::truncated_json()
        } else {
            Fault::new(FaultAction::Pass)
        };
        if let Some(ms) = self.delay_ms {
            fault = fault.with_delay(Duration::from_millis(ms));
        }
        if let Some(path) = self.path {
            fault = fault.path(path);
        }
        if let Some(field) = self.graphql_field {
            fault = fault.graphql_field(field);
        }
        if let Some(times) = self.times {
            fault = fault.times(times);
        }
        if self.always {
            fault = fault.always();
        }
        fault
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_in_order_and_runs_out() {
        let mut faults = Faults::default();
        faults.push(
            Fault::respond(502, "text/html", "x")
                .path("/graphql/v2")
                .times(2),
        );
        faults.push(Fault::truncated_json().graphql_field("users"));
        let fields = vec!["users".to_owned()];
        assert!(faults.take("/other", &[]).is_none());
        for _ in 0..2 {
            let plan = faults.take("/graphql/v2", &fields).expect("fires");
            assert_eq!(plan.respond.map(|r| r.0), Some(502));
        }
        let plan = faults.take("/graphql/v2", &fields).expect("second fault");
        assert!(plan.truncate);
        assert!(faults.take("/graphql/v2", &fields).is_none());

        faults.push(Fault::delay(Duration::from_millis(1)).always());
        for _ in 0..3 {
            assert!(faults.take("/x", &[]).is_some());
        }
        faults.clear();
        assert!(faults.take("/x", &[]).is_none());
    }

    #[test]
    fn specs_become_faults() {
        let spec: FaultSpec = serde_json::from_str(
            r#"{"status":503,"body":"busy","path":"/graphql/v2","times":2,"delayMs":5}"#,
        )
        .expect("valid");
        let fault = spec.into_fault();
        assert_eq!(
            fault,
            Fault::respond(503, "application/json", "busy")
                .path("/graphql/v2")
                .times(2)
                .with_delay(Duration::from_millis(5))
        );
        assert!(serde_json::from_str::<FaultSpec>(r#"{"bogus":1}"#).is_err());
    }
}
