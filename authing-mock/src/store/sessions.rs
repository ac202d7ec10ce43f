//! [`Sessions`]: the login tokens a pool issued, per user, so an administrator can end them
//! (`kick`, `GET /logout?userId=`) without the tokens themselves.
//!
//! Every user token is issued through one function (`domain::identity::issue`), which notes
//! its `jti` here; ending a user's sessions moves their `jti`s to the revoked set, which
//! token checks consult. Both sets forget a token once it expired, so they stay as small as
//! the number of live tokens.

use std::collections::HashMap;

/// One issued login token.
#[derive(Debug, Clone)]
struct Session {
    jti: String,
    app_id: String,
    /// Expiry, Unix seconds.
    exp: i64,
}

/// The live and the revoked login tokens of a pool.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sessions {
    /// User id → their live tokens.
    live: HashMap<String, Vec<Session>>,
    /// Revoked `jti` → its expiry (Unix seconds).
    revoked: HashMap<String, i64>,
}

impl Sessions {
    /// Notes a token issued to `user_id` through `app_id`, forgetting the user's expired ones
    /// (`now` in Unix seconds).
    pub(crate) fn issued(&mut self, user_id: &str, app_id: &str, jti: &str, exp: i64, now: i64) {
        let live = self.live.entry(user_id.to_owned()).or_default();
        live.retain(|session| session.exp > now);
        live.push(Session {
            jti: jti.to_owned(),
            app_id: app_id.to_owned(),
            exp,
        });
        self.revoked.retain(|_, exp| *exp > now);
    }

    /// Revokes the live tokens of `user_id` (only those issued through `app_id`, when
    /// given); returns how many.
    pub(crate) fn end(&mut self, user_id: &str, app_id: Option<&str>) -> usize {
        let Some(live) = self.live.get_mut(user_id) else {
            return 0;
        };
        let (ended, kept): (Vec<Session>, Vec<Session>) = live
            .drain(..)
            .partition(|session| app_id.is_none_or(|app| app == session.app_id));
        *live = kept;
        if live.is_empty() {
            self.live.remove(user_id);
        }
        let count = ended.len();
        self.revoked
            .extend(ended.into_iter().map(|session| (session.jti, session.exp)));
        count
    }

    /// The applications `user_id` holds a live (unexpired, unrevoked) token of at `now`
    /// (Unix seconds), each once, in the order of their first token.
    pub(crate) fn live_apps(&self, user_id: &str, now: i64) -> Vec<&str> {
        let mut apps: Vec<&str> = Vec::new();
        for session in self.live.get(user_id).into_iter().flatten() {
            if session.exp > now && !apps.contains(&session.app_id.as_str()) {
                apps.push(&session.app_id);
            }
        }
        apps
    }

    /// Whether the token `jti` was revoked here.
    pub(crate) fn is_revoked(&self, jti: &str) -> bool {
        self.revoked.contains_key(jti)
    }

    /// Forgets every token.
    pub(crate) fn clear(&mut self) {
        self.live.clear();
        self.revoked.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ending_sessions_revokes_them_per_user_and_app() {
        let mut sessions = Sessions::default();
        sessions.issued("u1", "a1", "t1", 100, 0);
        sessions.issued("u1", "a2", "t2", 100, 0);
        sessions.issued("u2", "a1", "t3", 100, 0);
        assert_eq!(sessions.live_apps("u1", 0), ["a1", "a2"]);
        assert!(sessions.live_apps("u1", 100).is_empty());
        assert_eq!(sessions.end("u1", Some("a2")), 1);
        assert_eq!(sessions.live_apps("u1", 0), ["a1"]);
        assert!(sessions.is_revoked("t2"));
        assert!(!sessions.is_revoked("t1"));
        assert_eq!(sessions.end("u1", None), 1);
        assert!(sessions.is_revoked("t1"));
        assert!(!sessions.is_revoked("t3"));
        assert_eq!(sessions.end("nobody", None), 0);
        // Expired entries are forgotten on the next issue.
        sessions.issued("u2", "a1", "t4", 300, 200);
        assert!(!sessions.is_revoked("t1"));
        assert_eq!(sessions.end("u2", None), 1);
        assert!(sessions.is_revoked("t4"));
        assert!(!sessions.is_revoked("t3"));
    }
}
