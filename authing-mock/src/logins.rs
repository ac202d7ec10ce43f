//! Setting up the other ways in (authlogin): the LDAP / AD directory, sub-accounts,
//! application MFA, forced password resets and the password-strength setting, as `Fake`
//! methods behind `MockAuthing`'s and the test-only endpoints'.

use serde_json::Value;

use crate::domain::{app_mfa, directory, password_reset};
use crate::failure::{Code, Failure};
use crate::fake::Fake;
use crate::store::{AppMfa, PasswordStrength, Pool, ResetKind, Store};

impl Fake {
    /// Adds an entry to the LDAP / AD directory of pool `pool_id` (the default pool when
    /// `None`).
    pub(crate) fn add_ldap_user(
        &self,
        pool_id: Option<&str>,
        username: &str,
        password: &str,
        profile: Value,
    ) -> Result<(), Failure> {
        let pool_id = pool_id.unwrap_or(&self.default_pool.user_pool_id);
        let mut store = self.store();
        let pool = store.pool_mut(pool_id)?;
        directory::add_user_json(pool, username, password, profile)
    }

    /// Gives user `user_id` (of any pool) a sub-account.
    pub(crate) fn add_sub_account(
        &self,
        user_id: &str,
        account: &str,
        password: &str,
    ) -> Result<(), Failure> {
        let mut store = self.store();
        let pool = pool_of_user(&mut store, user_id)?;
        directory::add_sub_account(pool, user_id, account, password)
    }

    /// Makes user `user_id` (of any pool) set a new password at their next login (2058).
    pub(crate) fn require_password_reset(&self, user_id: &str) -> Result<(), Failure> {
        let mut store = self.store();
        let pool = pool_of_user(&mut store, user_id)?;
        password_reset::require_reset(pool, user_id, ResetKind::Forced)
    }

    /// Makes application `app_id` (of any pool) demand `mfa` after password logins.
    pub(crate) fn require_app_mfa(&self, app_id: &str, mfa: Option<AppMfa>) -> Result<(), Failure> {
        let mut store = self.store();
        let pool_id = store
            .app_pools
            .get(app_id)
            .cloned()
            .ok_or(Code::AppNotFound)?;
        app_mfa::set(store.pool_mut(&pool_id)?, app_id, mfa)
    }

    /// Sets the password-strength rule of pool `pool_id` (the default pool when `None`).
    pub(crate) fn set_password_strength(
        &self,
        pool_id: Option<&str>,
        strength: PasswordStrength,
    ) -> Result<(), Failure> {
        let pool_id = pool_id.unwrap_or(&self.default_pool.user_pool_id);
        self.store().pool_mut(pool_id)?.logins.password_strength = strength;
        Ok(())
    }
}

/// The pool user `user_id` belongs to (2004 when none has them).
fn pool_of_user<'s>(store: &'s mut Store, user_id: &str) -> Result<&'s mut Pool, Failure> {
    store
        .pools
        .values_mut()
        .find(|pool| pool.users.get(user_id).is_some())
        .ok_or_else(|| Code::UserNotFound.into())
}
