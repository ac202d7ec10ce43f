//! User actions (`GET /api/v2/analysis/user-action`): the domain notes what users do
//! (`login`, `register`, `updatePassword`, `updateUserinfo`, `refreshToken`, `logout`, an
//! administrator's `kick` and logout as `logout`) in the pool's ring
//! (`store::UserActions`), and administrators page it newest first, filtered as Authing's
//! endpoint filters: by client IP, operation name, operator ARN and application.

use chrono::{DateTime, Utc};

use crate::store::{Page, Paged, Pool, UserAction};

/// Notes that user `user_id` did `operation` (an unknown user is noted without a name).
pub(crate) fn record(
    pool: &mut Pool,
    user_id: &str,
    operation: &'static str,
    app_id: Option<&str>,
    client_ip: Option<&str>,
    at: DateTime<Utc>,
) {
    let display_name = pool.users.get(user_id).and_then(|user| {
        ["username", "email", "phone"]
            .into_iter()
            .find_map(|field| user.str_field(field))
            .map(str::to_owned)
    });
    pool.user_actions.record(UserAction {
        at,
        user_id: user_id.to_owned(),
        display_name,
        app_id: app_id.map(str::to_owned),
        client_ip: client_ip.map(str::to_owned),
        operation,
    });
}

/// Which actions a listing keeps; `None` keeps any.
#[derive(Debug, Default)]
pub(crate) struct ActionFilter {
    pub(crate) client_ip: Option<String>,
    /// Authing's operation names (one of them).
    pub(crate) operation_names: Vec<String>,
    /// `arn:cn:authing:<poolId>:user:<userId>` (or the form without the pool id); one of
    /// them.
    pub(crate) operator_arns: Vec<String>,
    /// Application ids (one of them).
    pub(crate) app_ids: Vec<String>,
    /// Only actions made through an application.
    pub(crate) exclude_non_app_records: bool,
    /// Only actions at or after this instant.
    pub(crate) start: Option<DateTime<Utc>>,
    /// Only actions at or before this instant.
    pub(crate) end: Option<DateTime<Utc>>,
}

impl ActionFilter {
    fn keeps(&self, pool_id: &str, action: &UserAction) -> bool {
        let arn_matches = |arn: &String| {
            *arn == format!("arn:cn:authing:{pool_id}:user:{}", action.user_id)
                || *arn == format!("arn:cn:authing:user:{}", action.user_id)
        };
        self.client_ip
            .as_ref()
            .is_none_or(|ip| action.client_ip.as_ref() == Some(ip))
            && (self.operation_names.is_empty()
                || self.operation_names.iter().any(|op| op == action.operation))
            && (self.operator_arns.is_empty() || self.operator_arns.iter().any(arn_matches))
            && (self.app_ids.is_empty()
                || action
                    .app_id
                    .as_ref()
                    .is_some_and(|app| self.app_ids.contains(app)))
            && (!self.exclude_non_app_records || action.app_id.is_some())
            && self.start.is_none_or(|start| action.at >= start)
            && self.end.is_none_or(|end| action.at <= end)
    }
}

/// One page of the pool's user actions that `filter` keeps, newest first.
pub(crate) fn list<'p>(pool: &'p Pool, filter: &ActionFilter, page: Page) -> Paged<&'p UserAction> {
    page.of(pool
        .user_actions
        .newest_first()
        .filter(|action| filter.keeps(&pool.id, action)))
}

#[cfg(test)]
mod tests {
    use chrono::TimeDelta;

    use super::*;

    #[test]
    fn listing_filters_and_pages_newest_first() {
        let mut pool = Pool::random();
        let t0 = DateTime::<Utc>::UNIX_EPOCH;
        record(&mut pool, "u1", "login", Some("a1"), Some("10.0.0.1"), t0);
        let t1 = t0 + TimeDelta::seconds(10);
        record(&mut pool, "u2", "register", None, None, t1);
        let t2 = t0 + TimeDelta::seconds(20);
        record(&mut pool, "u1", "logout", Some("a1"), None, t2);

        let all = list(&pool, &ActionFilter::default(), Page::new(None, None));
        assert_eq!(all.total, 3);
        let ops: Vec<&str> = all.items.iter().map(|a| a.operation).collect();
        assert_eq!(ops, ["logout", "register", "login"]);

        let by_user = ActionFilter {
            operator_arns: vec![format!("arn:cn:authing:{}:user:u1", pool.id)],
            ..ActionFilter::default()
        };
        assert_eq!(list(&pool, &by_user, Page::new(None, None)).total, 2);
        let by_ip = ActionFilter {
            client_ip: Some("10.0.0.1".into()),
            operation_names: vec!["login".into()],
            ..ActionFilter::default()
        };
        assert_eq!(list(&pool, &by_ip, Page::new(None, None)).total, 1);
        let apps_only = ActionFilter {
            exclude_non_app_records: true,
            start: Some(t1),
            ..ActionFilter::default()
        };
        let page = list(&pool, &apps_only, Page::new(None, None));
        assert_eq!(page.total, 1);
        assert_eq!(page.items[0].operation, "logout");
        let second = list(&pool, &ActionFilter::default(), Page::new(Some(2), Some(2)));
        assert_eq!(second.items.len(), 1);
        assert_eq!(second.items[0].operation, "login");
    }
}
