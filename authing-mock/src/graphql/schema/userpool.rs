//! The user pool: its settings, the nested strategy objects, and their inputs.

use async_graphql::{InputObject, SimpleObject};

/// How an app exchanges a login ticket with the WeChat mini-program.
#[derive(SimpleObject)]
pub(crate) struct App2WxappLoginStrategy {
    pub(crate) ticket_exprires_after: Option<i32>,
    pub(crate) ticket_exchange_user_info_need_secret: Option<bool>,
}

/// New values for `App2WxappLoginStrategy`.
#[derive(InputObject)]
pub(crate) struct App2WxappLoginStrategyInput {
    pub(crate) ticket_exprires_after: Option<i32>,
    pub(crate) ticket_exchange_user_info_need_secret: Option<bool>,
}

/// Whether changing an email needs the old one verified.
#[derive(SimpleObject)]
pub(crate) struct ChangeEmailStrategy {
    pub(crate) verify_old_email: Option<bool>,
}

/// New values for `ChangeEmailStrategy`.
#[derive(InputObject)]
pub(crate) struct ChangeEmailStrategyInput {
    pub(crate) verify_old_email: Option<bool>,
}

/// Whether changing a phone number needs the old one verified.
#[derive(SimpleObject)]
pub(crate) struct ChangePhoneStrategy {
    pub(crate) verify_old_phone: Option<bool>,
}

/// New values for `ChangePhoneStrategy`.
#[derive(InputObject)]
pub(crate) struct ChangePhoneStrategyInput {
    pub(crate) verify_old_phone: Option<bool>,
}

/// The pool's own SMS provider.
#[derive(SimpleObject)]
#[graphql(name = "CustomSMSProvider")]
pub(crate) struct CustomSmsProvider {
    pub(crate) enabled: Option<bool>,
    pub(crate) provider: Option<String>,
    pub(crate) config: Option<String>,
}

/// New values for `CustomSMSProvider`.
#[derive(InputObject)]
#[graphql(name = "CustomSMSProviderInput")]
pub(crate) struct CustomSmsProviderInput {
    pub(crate) enabled: Option<bool>,
    pub(crate) provider: Option<String>,
    pub(crate) config: Option<String>,
}

/// Limits on registrations from one source in a time window.
#[derive(SimpleObject)]
pub(crate) struct FrequentRegisterCheckConfig {
    pub(crate) time_interval: Option<i32>,
    pub(crate) limit: Option<i32>,
    pub(crate) enabled: Option<bool>,
}

/// New values for `FrequentRegisterCheckConfig`.
#[derive(InputObject)]
pub(crate) struct FrequentRegisterCheckConfigInput {
    pub(crate) time_interval: Option<i32>,
    pub(crate) limit: Option<i32>,
    pub(crate) enabled: Option<bool>,
}

/// Limits on failed logins from one source in a time window.
#[derive(SimpleObject)]
pub(crate) struct LoginFailCheckConfig {
    pub(crate) time_interval: Option<i32>,
    pub(crate) limit: Option<i32>,
    pub(crate) enabled: Option<bool>,
}

/// New values for `LoginFailCheckConfig`.
#[derive(InputObject)]
pub(crate) struct LoginFailCheckConfigInput {
    pub(crate) time_interval: Option<i32>,
    pub(crate) limit: Option<i32>,
    pub(crate) enabled: Option<bool>,
}

/// Limits on wrong passwords for one account in a time window.
#[derive(SimpleObject)]
pub(crate) struct LoginPasswordFailCheckConfig {
    pub(crate) time_interval: Option<i32>,
    pub(crate) limit: Option<i32>,
    pub(crate) enabled: Option<bool>,
}

/// New values for `LoginPasswordFailCheckConfig`.
#[derive(InputObject)]
pub(crate) struct LoginPasswordFailCheckConfigInput {
    pub(crate) time_interval: Option<i32>,
    pub(crate) limit: Option<i32>,
    pub(crate) enabled: Option<bool>,
}

/// A page of user pools.
#[derive(SimpleObject)]
pub(crate) struct PaginatedUserpool {
    pub(crate) total_count: i32,
    pub(crate) list: Vec<UserPool>,
}

/// How QR-code logins behave.
#[derive(SimpleObject)]
pub(crate) struct QrcodeLoginStrategy {
    pub(crate) qrcode_expires_after: Option<i32>,
    pub(crate) return_full_user_info: Option<bool>,
    pub(crate) allow_exchange_user_info_from_browser: Option<bool>,
    pub(crate) ticket_expires_after: Option<i32>,
}

/// New values for `QrcodeLoginStrategy`.
#[derive(InputObject)]
pub(crate) struct QrcodeLoginStrategyInput {
    pub(crate) qrcode_expires_after: Option<i32>,
    pub(crate) return_full_user_info: Option<bool>,
    pub(crate) allow_exchange_user_info_from_browser: Option<bool>,
    pub(crate) ticket_expires_after: Option<i32>,
}

/// A refreshed management access token.
#[derive(SimpleObject)]
pub(crate) struct RefreshAccessTokenRes {
    pub(crate) access_token: Option<String>,
    pub(crate) exp: Option<i32>,
    pub(crate) iat: Option<i32>,
}

/// Which registration whitelists are on.
#[derive(SimpleObject)]
pub(crate) struct RegisterWhiteListConfig {
    pub(crate) phone_enabled: Option<bool>,
    pub(crate) email_enabled: Option<bool>,
    pub(crate) username_enabled: Option<bool>,
}

/// New values for `RegisterWhiteListConfig`.
#[derive(InputObject)]
pub(crate) struct RegisterWhiteListConfigInput {
    pub(crate) phone_enabled: Option<bool>,
    pub(crate) email_enabled: Option<bool>,
    pub(crate) username_enabled: Option<bool>,
}

/// The changes to the user pool's settings.
#[derive(InputObject)]
pub(crate) struct UpdateUserpoolInput {
    pub(crate) name: Option<String>,
    pub(crate) logo: Option<String>,
    pub(crate) domain: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) userpool_types: Option<Vec<String>>,
    pub(crate) email_verified_default: Option<bool>,
    pub(crate) send_welcome_email: Option<bool>,
    pub(crate) register_disabled: Option<bool>,
    pub(crate) app_sso_enabled: Option<bool>,
    pub(crate) allowed_origins: Option<String>,
    pub(crate) token_expires_after: Option<i32>,
    pub(crate) frequent_register_check: Option<FrequentRegisterCheckConfigInput>,
    pub(crate) login_fail_check: Option<LoginFailCheckConfigInput>,
    pub(crate) login_fail_strategy: Option<String>,
    pub(crate) login_password_fail_check: Option<LoginPasswordFailCheckConfigInput>,
    pub(crate) change_phone_strategy: Option<ChangePhoneStrategyInput>,
    pub(crate) change_email_strategy: Option<ChangeEmailStrategyInput>,
    pub(crate) qrcode_login_strategy: Option<QrcodeLoginStrategyInput>,
    #[graphql(name = "app2WxappLoginStrategy")]
    pub(crate) app2_wxapp_login_strategy: Option<App2WxappLoginStrategyInput>,
    pub(crate) whitelist: Option<RegisterWhiteListConfigInput>,
    #[graphql(name = "customSMSProvider")]
    pub(crate) custom_sms_provider: Option<CustomSmsProviderInput>,
    pub(crate) login_require_email_verified: Option<bool>,
    pub(crate) verify_code_length: Option<i32>,
}

/// A user pool and its settings.
#[derive(SimpleObject)]
pub(crate) struct UserPool {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) domain: String,
    pub(crate) description: Option<String>,
    pub(crate) secret: String,
    pub(crate) jwt_secret: String,
    pub(crate) owner_id: Option<String>,
    pub(crate) userpool_types: Option<Vec<UserPoolType>>,
    pub(crate) logo: String,
    pub(crate) created_at: Option<String>,
    pub(crate) updated_at: Option<String>,
    pub(crate) email_verified_default: bool,
    pub(crate) send_welcome_email: bool,
    pub(crate) register_disabled: bool,
    pub(crate) app_sso_enabled: bool,
    #[graphql(name = "showWxQRCodeWhenRegisterDisabled")]
    pub(crate) show_wx_qr_code_when_register_disabled: Option<bool>,
    pub(crate) allowed_origins: Option<String>,
    pub(crate) token_expires_after: Option<i32>,
    pub(crate) is_deleted: Option<bool>,
    pub(crate) frequent_register_check: Option<FrequentRegisterCheckConfig>,
    pub(crate) login_fail_check: Option<LoginFailCheckConfig>,
    pub(crate) login_password_fail_check: Option<LoginPasswordFailCheckConfig>,
    pub(crate) login_fail_strategy: Option<String>,
    pub(crate) change_phone_strategy: Option<ChangePhoneStrategy>,
    pub(crate) change_email_strategy: Option<ChangeEmailStrategy>,
    pub(crate) qrcode_login_strategy: Option<QrcodeLoginStrategy>,
    #[graphql(name = "app2WxappLoginStrategy")]
    pub(crate) app2_wxapp_login_strategy: Option<App2WxappLoginStrategy>,
    pub(crate) whitelist: Option<RegisterWhiteListConfig>,
    #[graphql(name = "customSMSProvider")]
    pub(crate) custom_sms_provider: Option<CustomSmsProvider>,
    pub(crate) package_type: Option<i32>,
    pub(crate) use_custom_user_store: Option<bool>,
    pub(crate) login_require_email_verified: Option<bool>,
    pub(crate) verify_code_length: Option<i32>,
    /// How many wrong tries a verification code takes before it is void (JS 4.23's
    /// `userpool` documents select it).
    pub(crate) verify_code_max_attempts: Option<i32>,
}

/// A kind of user pool (its scenario).
#[derive(SimpleObject)]
pub(crate) struct UserPoolType {
    pub(crate) code: Option<String>,
    pub(crate) name: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) image: Option<String>,
    pub(crate) sdks: Option<Vec<Option<String>>>,
}
