//! [`AuthenticationClient::is_user_exists`]: whether an account is taken, before
//! registering it.

use authing_core::{Error, Lang, Transport, Wire, operation};

use crate::client::AuthenticationClient;

impl<T: Transport> AuthenticationClient<T> {
    /// Whether a user with the username, email, phone or external id set on the answer
    /// exists in the pool (`isUserExists`); set at least one. No login is needed.
    ///
    /// ```no_run
    /// # async fn demo<T: authing_core::Transport + 'static>(auth: authing_authentication::AuthenticationClient<T>) -> Result<(), authing_core::Error> {
    /// if !auth.is_user_exists().username("ada").await? {
    ///     auth.register_by_username("ada", "correct horse").await?;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn is_user_exists(&self) -> IsUserExists<Self> {
        IsUserExists::new(self.clone())
    }
}

operation! {
    /// Whether a user exists (`isUserExists`); made by
    /// [`AuthenticationClient::is_user_exists`]. Without any criterion, or with an empty
    /// one, it is [`Error::InvalidArgument`] and nothing is sent. A `null` answer counts as
    /// `false`.
    pub struct IsUserExists -> bool {
        wire: Wire::Graphql(&authing_core::graphql::documents::IS_USER_EXISTS),
        auth: None,
        answer: Option<bool>,
        optional {
            /// The username (case-sensitive).
            username: String,
            /// The email address (case-insensitive).
            email: String,
            /// The phone number.
            phone: String,
            /// The user's id in an external system.
            external_id: String,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                let criteria = [&self.username, &self.email, &self.phone, &self.external_id];
                if criteria.iter().all(|criterion| criterion.is_none()) {
                    return Err(Error::invalid_argument(
                        "is_user_exists needs a username, email, phone or external id",
                    ));
                }
                if criteria
                    .iter()
                    .any(|criterion| criterion.as_deref().is_some_and(|c| c.trim().is_empty()))
                {
                    return Err(Error::invalid_argument(
                        "is_user_exists: a criterion is empty",
                    ));
                }
                Ok(())
            }

            fn finish(answer: Option<bool>, _lang: Lang) -> Result<bool, Error> {
                Ok(answer.unwrap_or(false))
            }
        }
    }
}
