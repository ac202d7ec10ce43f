//! Email scenes and templates.

use async_graphql::{Enum, InputObject, SimpleObject};

/// A custom email template.
#[derive(InputObject)]
pub(crate) struct ConfigEmailTemplateInput {
    #[graphql(name = "type")]
    pub(crate) kind: EmailTemplateType,
    pub(crate) name: String,
    pub(crate) subject: String,
    pub(crate) sender: String,
    pub(crate) content: String,
    pub(crate) redirect_to: Option<String>,
    #[graphql(name = "hasURL")]
    pub(crate) has_url: Option<bool>,
    pub(crate) expires_in: Option<i32>,
}

/// Why an email is sent.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EmailScene {
    #[graphql(name = "RESET_PASSWORD")]
    ResetPassword,
    #[graphql(name = "VERIFY_EMAIL")]
    VerifyEmail,
    #[graphql(name = "CHANGE_EMAIL")]
    ChangeEmail,
    #[graphql(name = "MFA_VERIFY")]
    MfaVerify,
}

/// An email template.
#[derive(SimpleObject)]
pub(crate) struct EmailTemplate {
    #[graphql(name = "type")]
    pub(crate) kind: EmailTemplateType,
    pub(crate) name: String,
    pub(crate) subject: String,
    pub(crate) sender: String,
    pub(crate) content: String,
    pub(crate) redirect_to: Option<String>,
    #[graphql(name = "hasURL")]
    pub(crate) has_url: Option<bool>,
    pub(crate) expires_in: Option<i32>,
    pub(crate) enabled: Option<bool>,
    pub(crate) is_system: Option<bool>,
}

/// The kinds of email templates.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EmailTemplateType {
    #[graphql(name = "RESET_PASSWORD")]
    ResetPassword,
    #[graphql(name = "PASSWORD_RESETED_NOTIFICATION")]
    PasswordResetedNotification,
    #[graphql(name = "CHANGE_PASSWORD")]
    ChangePassword,
    #[graphql(name = "WELCOME")]
    Welcome,
    #[graphql(name = "VERIFY_EMAIL")]
    VerifyEmail,
    #[graphql(name = "CHANGE_EMAIL")]
    ChangeEmail,
}
