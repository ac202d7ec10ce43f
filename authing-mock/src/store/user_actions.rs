//! [`UserActions`]: what the users of a pool did (log in, register, change their password,
//! ...), newest last, in a ring of [`MAX_USER_ACTIONS`] entries; the oldest are dropped.
//! `GET /api/v2/analysis/user-action` pages them newest first.

use std::collections::VecDeque;

use chrono::{DateTime, Utc};

/// How many actions a pool remembers.
pub(crate) const MAX_USER_ACTIONS: usize = 1000;

/// One action of a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UserAction {
    pub(crate) at: DateTime<Utc>,
    pub(crate) user_id: String,
    /// The user's username, email or phone at the time, for display.
    pub(crate) display_name: Option<String>,
    /// The application it went through, if known.
    pub(crate) app_id: Option<String>,
    /// The client's IP, if known.
    pub(crate) client_ip: Option<String>,
    /// Authing's operation name: `login`, `register`, `updatePassword`, `refreshToken`,
    /// `logout`, ...
    pub(crate) operation: &'static str,
}

/// The ring of a pool's user actions.
#[derive(Debug, Clone, Default)]
pub(crate) struct UserActions {
    ring: VecDeque<UserAction>,
}

impl UserActions {
    /// Notes an action, dropping the oldest when the ring is full.
    pub(crate) fn record(&mut self, action: UserAction) {
        if self.ring.len() >= MAX_USER_ACTIONS {
            self.ring.pop_front();
        }
        self.ring.push_back(action);
    }

    /// The actions, newest first.
    pub(crate) fn newest_first(&self) -> impl Iterator<Item = &UserAction> {
        self.ring.iter().rev()
    }

    /// Forgets every action.
    pub(crate) fn clear(&mut self) {
        self.ring.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(n: usize) -> UserAction {
        UserAction {
            at: DateTime::<Utc>::UNIX_EPOCH,
            user_id: format!("u{n}"),
            display_name: None,
            app_id: None,
            client_ip: None,
            operation: "login",
        }
    }

    #[test]
    fn the_ring_keeps_the_newest() {
        let mut actions = UserActions::default();
        for n in 0..MAX_USER_ACTIONS + 5 {
            actions.record(action(n));
        }
        assert_eq!(actions.newest_first().count(), MAX_USER_ACTIONS);
        let newest = actions.newest_first().next().expect("one");
        assert_eq!(newest.user_id, format!("u{}", MAX_USER_ACTIONS + 4));
        let oldest = actions.newest_first().last().expect("one");
        assert_eq!(oldest.user_id, "u5");
    }
}
