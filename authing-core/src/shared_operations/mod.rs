//! Operations both clients send, declared once with [`Auth::Client`](crate::Auth::Client):
//! a `ManagementClient` sends them with its management token for any object, an
//! `AuthenticationClient` with the logged-in user's token for the user's own.
//!
//! - [`custom_data`]: an object's custom data (`udv`, `setUdv`, `setUdvBatch`, `removeUdv`);
//! - [`user_relations`]: a user's roles and departments (`user(id) { roles }`,
//!   `user(id) { departments }`).

pub mod custom_data;
pub mod user_relations;

pub use custom_data::{ListCustomData, RemoveCustomData, SetCustomData, SetCustomDataBatch};
pub use user_relations::{ListUserDepartments, ListUserRoles};

use crate::Error;

/// `Err(InvalidArgument)` for an empty or blank `what` (an id, a key): refused before
/// anything is sent.
fn require(what: &str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid_argument(format!("the {what} is empty")));
    }
    Ok(())
}
