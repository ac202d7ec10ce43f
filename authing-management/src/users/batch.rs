//! [`BatchGetUsers`]: `userBatch(ids, type)`.

use authing_core::model::User;
use authing_core::{Error, Transport};
use serde_json::json;

use crate::client::ManagementClient;
use crate::graphql;

/// The most identifiers one `userBatch` call takes.
pub const MAX_BATCH_IDS: usize = 80;

/// Which field the identifiers of [`BatchGetUsers`] are.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BatchField {
    /// User ids (the default).
    #[default]
    Id,
    /// Usernames.
    Username,
    /// Phone numbers.
    Phone,
    /// Email addresses.
    Email,
    /// Ids in an external system.
    ExternalId,
}

impl BatchField {
    /// The value of `userBatch`'s `type` argument.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::Username => "username",
            Self::Phone => "phone",
            Self::Email => "email",
            Self::ExternalId => "externalId",
        }
    }
}

/// Several users at once; made by [`UsersHandler::batch_get`](super::UsersHandler::batch_get).
#[derive(Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct BatchGetUsers<T> {
    client: ManagementClient<T>,
    ids: Vec<String>,
    by: BatchField,
    with_custom_data: bool,
}

impl<T: Transport> BatchGetUsers<T> {
    pub(crate) fn new(client: ManagementClient<T>, ids: Vec<String>) -> Self {
        Self {
            client,
            ids,
            by: BatchField::Id,
            with_custom_data: false,
        }
    }

    /// Which field the identifiers are (default [`BatchField::Id`]).
    pub fn by(mut self, by: BatchField) -> Self {
        self.by = by;
        self
    }

    /// Whether to fetch each user's custom data too (default no).
    pub fn with_custom_data(mut self, with_custom_data: bool) -> Self {
        self.with_custom_data = with_custom_data;
        self
    }

    /// Sends the request; identifiers that match no user are left out of the answer. More
    /// than [`MAX_BATCH_IDS`] identifiers is [`Error::InvalidArgument`] and nothing is sent;
    /// none at all answers an empty list without a request.
    pub async fn send(self) -> Result<Vec<User>, Error> {
        let client = self.client;
        if self.ids.len() > MAX_BATCH_IDS {
            return Err(client.report_error(Error::invalid_argument(format!(
                "batch_get takes at most {MAX_BATCH_IDS} identifiers per call, not {}; \
                 split them into chunks",
                self.ids.len()
            ))));
        }
        if self.ids.is_empty() {
            return Ok(Vec::new());
        }
        let operation = graphql::with_custom_data_if(
            self.with_custom_data,
            &graphql::USER_BATCH,
            &graphql::USER_BATCH_WITH_CUSTOM_DATA,
        );
        client
            .graphql(
                operation,
                json!({ "ids": self.ids, "type": self.by.as_str() }),
            )
            .await
    }
}
