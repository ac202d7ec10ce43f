//! [`Session`]: the user a client acts for.

use std::fmt;

use authing_core::Secret;
use authing_core::model::User;

/// The user a client acts for: its token and, once known, its profile.
///
/// A session is filled by a login, a register that returned a token, `get_current_user` and
/// `update_profile`, or set directly with a token; it is emptied by `logout` and
/// `clear_session`. Its `Debug` never prints the token.
#[derive(Clone, Default)]
pub(crate) struct Session {
    token: Option<Secret>,
    user: Option<User>,
}

impl Session {
    /// A session holding `token` (none when it is empty).
    pub(crate) fn with_token(token: Secret) -> Self {
        Self {
            token: non_empty(token),
            user: None,
        }
    }

    pub(crate) fn token(&self) -> Option<&Secret> {
        self.token.as_ref()
    }

    pub(crate) fn user(&self) -> Option<&User> {
        self.user.as_ref()
    }

    /// Replaces the token; the user it belonged to is forgotten.
    pub(crate) fn set_token(&mut self, token: Secret) {
        *self = Self::with_token(token);
    }

    /// Replaces the token with a refreshed one of the same login, keeping the user, if the
    /// session still holds `old` (it may have moved on while the call ran).
    pub(crate) fn refresh(&mut self, old: &Secret, new: Secret) {
        if self
            .token
            .as_ref()
            .is_some_and(|held| held.expose() == old.expose())
        {
            self.token = non_empty(new);
        }
    }

    pub(crate) fn clear(&mut self) {
        *self = Self::default();
    }

    /// Holds `user` and its token, if it carries one. A good token is never replaced by
    /// none; but when the answer is about another user than the one held and has no token,
    /// the old token (which is that other user's) is dropped.
    pub(crate) fn remember(&mut self, user: &User) {
        let token = user.token.clone().and_then(non_empty);
        let same_user = self.user.as_ref().is_none_or(|held| held.id == user.id);
        match token {
            Some(token) => self.token = Some(token),
            None if !same_user => self.token = None,
            None => {}
        }
        self.user = Some(user.clone());
    }
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("logged_in", &self.token.is_some())
            .field("user_id", &self.user.as_ref().map(|u| u.id.as_str()))
            .finish()
    }
}

fn non_empty(token: Secret) -> Option<Secret> {
    (!token.expose().trim().is_empty()).then_some(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: &str, token: Option<&str>) -> User {
        serde_json::from_value(serde_json::json!({"id": id, "token": token})).expect("user")
    }

    #[test]
    fn remembers_users_and_keeps_good_tokens() {
        let mut session = Session::with_token(Secret::from("t1"));
        session.remember(&user("u1", None));
        assert_eq!(session.token().map(Secret::expose), Some("t1"));
        assert_eq!(session.user().map(|u| u.id.as_str()), Some("u1"));
        session.remember(&user("u1", Some("t2")));
        assert_eq!(session.token().map(Secret::expose), Some("t2"));
        session.remember(&user("u1", Some("")));
        assert_eq!(session.token().map(Secret::expose), Some("t2"));
        session.remember(&user("u2", None));
        assert_eq!(session.token(), None, "u1's token is not u2's");
        assert_eq!(session.user().map(|u| u.id.as_str()), Some("u2"));
    }

    #[test]
    fn empty_tokens_are_no_tokens_and_debug_hides_the_token() {
        assert_eq!(Session::with_token(Secret::from(" ")).token(), None);
        let session = Session::with_token(Secret::from("very-secret-token"));
        let debug = format!("{session:?}");
        assert!(!debug.contains("very-secret"), "{debug}");
        assert!(debug.contains("logged_in: true"), "{debug}");
    }
}
