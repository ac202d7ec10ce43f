//! Social identity providers and their per-pool instances.

use async_graphql::{InputObject, SimpleObject};

/// A new social identity provider.
#[derive(InputObject)]
pub(crate) struct CreateSocialConnectionInput {
    pub(crate) provider: String,
    pub(crate) name: String,
    pub(crate) logo: String,
    pub(crate) description: Option<String>,
    pub(crate) fields: Option<Vec<SocialConnectionFieldInput>>,
}

/// One configuration value of a social provider instance.
#[derive(InputObject)]
pub(crate) struct CreateSocialConnectionInstanceFieldInput {
    pub(crate) key: String,
    pub(crate) value: String,
}

/// The configuration of a social provider for the pool.
#[derive(InputObject)]
pub(crate) struct CreateSocialConnectionInstanceInput {
    pub(crate) provider: String,
    pub(crate) fields: Option<Vec<Option<CreateSocialConnectionInstanceFieldInput>>>,
}

/// A social identity provider.
#[derive(SimpleObject)]
pub(crate) struct SocialConnection {
    pub(crate) provider: String,
    pub(crate) name: String,
    pub(crate) logo: String,
    pub(crate) description: Option<String>,
    pub(crate) fields: Option<Vec<SocialConnectionField>>,
}

/// A configuration field a social provider asks for.
#[derive(SimpleObject)]
pub(crate) struct SocialConnectionField {
    pub(crate) key: Option<String>,
    pub(crate) label: Option<String>,
    #[graphql(name = "type")]
    pub(crate) kind: Option<String>,
    pub(crate) placeholder: Option<String>,
    pub(crate) children: Option<Vec<Option<SocialConnectionField>>>,
}

/// A configuration field of a new social provider.
#[derive(InputObject)]
pub(crate) struct SocialConnectionFieldInput {
    pub(crate) key: Option<String>,
    pub(crate) label: Option<String>,
    #[graphql(name = "type")]
    pub(crate) kind: Option<String>,
    pub(crate) placeholder: Option<String>,
    pub(crate) children: Option<Vec<Option<SocialConnectionFieldInput>>>,
}

/// A social provider as configured for the pool.
#[derive(SimpleObject)]
pub(crate) struct SocialConnectionInstance {
    pub(crate) provider: String,
    pub(crate) enabled: bool,
    pub(crate) fields: Option<Vec<Option<SocialConnectionInstanceField>>>,
}

/// One configuration value of a social provider instance.
#[derive(SimpleObject)]
pub(crate) struct SocialConnectionInstanceField {
    pub(crate) key: String,
    pub(crate) value: String,
}
