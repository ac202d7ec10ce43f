//! Every way a call to the fake can fail, as Authing says it: one table, one row per code.
//!
//! A row names the failure ([`Code`]), gives its number (from [`authing_core::codes`]) and its
//! message in `zh-CN` and `en-US`; a message may hold one `{}`, filled per failure (the field
//! that is taken, the reason parameters are malformed, ...). Adding a code is one line in
//! the `failures!` table below.
//!
//! A [`Failure`] is a row plus what the call adds: the text for the `{}` and the `data`
//! Authing attaches. The GraphQL door turns it into an error whose `message` is the object
//! `{code, message, data}`, the REST door into the envelope `{code, message, data}`.

use authing_core::{Lang, codes};
use serde_json::{Value, json};

/// A message in both languages the fake speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Message {
    /// Simplified Chinese, the default.
    pub(crate) zh: &'static str,
    /// English.
    pub(crate) en: &'static str,
}

impl Message {
    /// The message in `lang` (`zh-CN` unless `en-US`).
    pub(crate) fn pick(self, lang: Lang) -> &'static str {
        match lang {
            Lang::EnUs => self.en,
            _ => self.zh,
        }
    }
}

/// The message of a successful `checkLoginStatus`.
pub(crate) const LOGGED_IN: Message = Message {
    zh: "已登录",
    en: "Logged in",
};
/// The message of a successful deletion.
pub(crate) const DELETED: Message = Message {
    zh: "删除成功",
    en: "Deleted successfully",
};
/// The message of any other success.
pub(crate) const OK: Message = Message {
    zh: "成功",
    en: "Success",
};

/// Declares [`Code`] from rows `Name = number, "zh-CN message", "en-US message";`.
macro_rules! failures {
    ($($(#[$doc:meta])* $name:ident = $code:expr, $zh:literal, $en:literal;)*) => {
        /// A kind of failure: one row of Authing's error-code table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Code {
            $($(#[$doc])* $name,)*
        }

        impl Code {
            /// Every row, in table order.
            #[cfg(test)]
            pub(crate) const ALL: &'static [Code] = &[$(Code::$name),*];

            /// Authing's number for it.
            pub(crate) fn number(self) -> i64 {
                match self {
                    $(Self::$name => $code,)*
                }
            }

            /// Its message template (at most one `{}`).
            pub(crate) fn template(self) -> Message {
                match self {
                    $(Self::$name => Message { zh: $zh, en: $en },)*
                }
            }
        }
    };
}

failures! {
    /// The caller may not do this (a user token on an admin operation, a user touching
    /// another user, a wrong pool secret, ...).
    NoPermission = codes::NO_PERMISSION, "无权限", "No permission";
    /// An email address that is not one.
    MalformedEmail = codes::MALFORMED_EMAIL, "邮箱格式不正确", "Malformed email address";
    /// No such user in the pool (`data.ids` may list the unknown ids).
    UserNotFound = codes::USER_NOT_FOUND, "用户不存在", "User does not exist";
    /// The account is blocked.
    UserBlocked = codes::USER_LOCKED, "用户已被锁定", "The user is locked";
    /// The `x-authing-app-id` names no application (of that pool).
    AppNotFound = codes::APP_NOT_FOUND, "应用不存在", "Application does not exist";
    /// `searchUser` was asked to search a field that cannot be searched.
    BadSearchField = codes::BAD_SEARCH_INPUT, "搜索用户的字段不合法：{}", "Cannot search users by the field \"{}\"";
    /// `userBatch` was given a `type` it does not know.
    BadSearchType = codes::ILLEGAL_SEARCH_TYPE, "非法的搜索类型：{}", "Illegal search type \"{}\"";
    /// A password that does not decrypt with the fake's RSA key.
    PasswordDecrypt = codes::PASSWORD_DECRYPT_FAILED, "密码解密失败", "Failed to decrypt the password";
    /// No token.
    NotLoggedIn = codes::NOT_LOGGED_IN, "尚未登录，无访问权限", "Not logged in";
    /// A unique field is taken (`data.field` names it).
    UserExists = codes::USER_EXISTS, "用户已存在：该{}已被占用", "User already exists: this {} is already taken";
    /// Registration without a password.
    PasswordRequired = codes::PASSWORD_REQUIRED, "请设置密码", "A password is required";
    /// `updatePassword` without the original password of a user that has one.
    OldPasswordRequired = codes::OLD_PASSWORD_REQUIRED, "请输入原始密码", "The original password is required";
    /// `updatePassword` with a wrong original password.
    OldPasswordWrong = codes::OLD_PASSWORD_WRONG, "原始密码错误", "The original password is wrong";
    /// The token expired (by the fake's clock).
    LoginExpired = codes::LOGIN_EXPIRED, "登录信息已过期，请重新登录", "Login information has expired, please log in again";
    /// The token is not one the fake issued for this pool, or it was revoked.
    LoginInvalid = codes::LOGIN_INVALID, "登录信息失效，请重新登录", "Login information is invalid, please log in again";
    /// No such user pool.
    PoolNotFound = codes::USER_POOL_NOT_FOUND, "用户池不存在", "User pool does not exist";
    /// A user may not change their email with `updateUser`.
    CannotChangeEmail = codes::EMAIL_CHANGE_NOT_ALLOWED, "不支持通过 updateUser 修改邮箱，请使用 updateEmail", "updateUser cannot change the email; use updateEmail";
    /// A user may not change their phone with `updateUser`.
    CannotChangePhone = codes::PHONE_CHANGE_NOT_ALLOWED, "不支持通过 updateUser 修改手机号，请使用 updatePhone", "updateUser cannot change the phone number; use updatePhone";
    /// The parameters are incomplete or malformed (e.g. `params` that is not JSON, a string
    /// over its length limit).
    InvalidParams = codes::INVALID_PARAMS, "请求参数不完整或不合法：{}", "Incomplete or invalid request parameters: {}";
    /// Unknown account or wrong password at login.
    WrongCredentials = codes::WRONG_CREDENTIALS, "账号或密码错误", "Incorrect account or password";
    /// A field of Authing's schema the fake does not implement yet (`data.field` names it).
    Unsupported = 501, "模拟 Authing 暂不支持 {}", "The fake Authing does not support {} yet";
    /// No such endpoint.
    NotFound = codes::NOT_FOUND, "接口不存在", "Not Found";
    // auth-flows: one-time codes, phone and email binding.
    /// A one-time code that is not the one sent (or was used already).
    VerifyCodeWrong = codes::WRONG_VERIFY_CODE, "验证码不正确", "The verification code is incorrect";
    /// A one-time code used after it expired.
    VerifyCodeExpired = codes::VERIFY_CODE_EXPIRED, "验证码已过期", "The verification code has expired";
    /// A second code to the same recipient too soon.
    TooFrequent = codes::REGISTERING_TOO_OFTEN, "发送验证码过于频繁，请稍后再试", "Codes are requested too often, try again later";
    /// `bindPhone` for a user who has a phone, or a phone another user has.
    PhoneBound = codes::PHONE_ALREADY_BOUND, "手机号已被绑定", "The phone number is already bound";
    /// `bindEmail` for a user who has an email, or an email another user has.
    EmailBound = codes::EMAIL_ALREADY_BOUND, "邮箱已被绑定", "The email is already bound";
    /// Unbinding the only way the user can log in.
    LastLoginMethod = codes::LAST_LOGIN_METHOD, "不能解绑唯一的登录方式", "Cannot unbind the only login method";
    /// `unbindEmail` for a user without an email.
    NoEmailBound = codes::NO_EMAIL_BOUND, "尚未绑定邮箱", "No email is bound";
    /// `updateEmail` to the current email.
    SameEmail = codes::NEW_EMAIL_SAME_AS_OLD, "新邮箱与旧邮箱相同", "The new email is the same as the old one";
    /// `updatePhone` to the current phone.
    SamePhone = codes::NEW_PHONE_SAME_AS_OLD, "新手机号与旧手机号相同", "The new phone number is the same as the old one";
    /// `updateEmail` / `updatePhone` whose old email / phone is not the user's.
    OldEmailMismatch = codes::OLD_EMAIL_MISMATCH, "旧邮箱不匹配", "The old email does not match";
    /// See `OldEmailMismatch`.
    OldPhoneMismatch = codes::OLD_PHONE_MISMATCH, "旧手机号不匹配", "The old phone number does not match";
    /// The fake itself failed (it should not).
    Internal = codes::INTERNAL_ERROR, "服务器内部错误：{}", "Internal server error: {}";
    // roles-groups
    /// No role with this code in this namespace.
    RoleNotFound = codes::ROLE_NOT_FOUND, "角色不存在：{}", "Role does not exist: {}";
    /// A role code is taken in its namespace.
    RoleExists = codes::ROLE_EXISTS, "角色已存在：{}", "Role already exists: {}";
    /// No group with this code.
    GroupNotFound = codes::GROUP_NOT_FOUND, "分组不存在：{}", "Group does not exist: {}";
    /// A group code is taken.
    GroupExists = codes::GROUP_EXISTS, "分组已存在：{}", "Group already exists: {}";
    // Session / MFA area.
    /// The password checked out; the user's MFA step comes next (`data.mfaToken`).
    MfaRequired = codes::MFA_REQUIRED, "请进行多因素认证", "Multi-factor authentication is required";
    /// A wrong TOTP code.
    WrongTotp = codes::WRONG_TOTP_CODE, "TOTP 验证码错误", "Wrong TOTP code";
    /// A wrong (or already used) TOTP recovery code.
    WrongRecovery = codes::WRONG_RECOVERY_CODE, "恢复代码错误", "Wrong recovery code";
    /// No TOTP code sent.
    TotpRequired = codes::TOTP_CODE_REQUIRED, "请输入 TOTP 验证码", "The TOTP code is required";
    /// No recovery code sent.
    RecoveryCodeRequired = codes::RECOVERY_CODE_REQUIRED, "请输入恢复代码", "The recovery code is required";
    // applications area
    /// An application name or identifier that is empty or too long.
    IllegalAppName = codes::ILLEGAL_APP_NAME, "应用名称或标识不合法", "Illegal application name or identifier";
    /// Another application of the pool has this identifier.
    AppNameExists = codes::APP_NAME_EXISTS, "应用标识已被占用", "The application identifier is already taken";
    /// The application's access policy keeps the user out.
    AppAccessDenied = codes::APP_ACCESS_DENIED, "无权限登录此应用", "No permission to log in to this application";
    /// The application demands its MFA step (`data.mfaToken`).
    AppMfaRequired = codes::APP_MFA_REQUIRED, "请进行应用多因素认证", "The application requires multi-factor authentication";
    /// A first login of a user who must set a new password (`data.token`).
    FirstLoginReset = codes::FIRST_LOGIN_RESET_PASSWORD, "首次登录，请重置密码", "First login: please reset your password";
    /// A login of a user an administrator asked to set a new password (`data.token`).
    ForcedReset = codes::FORCED_PASSWORD_RESET, "请重置密码", "Please reset your password";
    /// Unlinking an external identity the user does not have (the same row as the users
    /// area's: keep one when both land).
    IdentityNotBound = codes::OAUTH_NOT_BOUND, "用户未绑定该身份源账号", "The user has no such external identity";
    /// Face MFA without a photo.
    FacePhotoMissing = codes::FACE_PHOTO_MISSING, "未提供人脸照片", "No face photo was given";
    /// Face enrolment without the comparison photo.
    FaceComparePhotoMissing = codes::FACE_COMPARE_PHOTO_MISSING, "未提供对比照片", "No comparison photo was given";
    /// A face that does not match the enrolled one.
    FaceMismatch = codes::FACE_MISMATCH, "人脸对比失败", "The face does not match";
    /// A face is already enrolled.
    FaceBound = codes::FACE_ALREADY_BOUND, "已绑定人脸", "A face is already bound";
    /// No QR code has this `random`.
    QrCodeNotFound = codes::QRCODE_NOT_FOUND, "二维码不存在", "The QR code does not exist";
    /// The ticket of a QR code is unknown or already exchanged.
    QrTicketInvalid = codes::QRCODE_TICKET_INVALID, "二维码凭证无效或已使用", "The QR code ticket is invalid or already used";
    /// The user's principal authentication is already done.
    PrincipalAuthenticated = codes::PRINCIPAL_ALREADY_AUTHENTICATED, "已完成主体认证，不能重复认证", "The principal authentication is already done";
    // Numbers of the fake's own (Authing publishes none for these).
    /// No resource with this code in this namespace, or with this id.
    ResourceNotFound = codes::RESOURCE_NOT_FOUND, "资源不存在：{}", "Resource does not exist: {}";
    /// A resource code is taken in its namespace.
    ResourceExists = codes::RESOURCE_EXISTS, "资源已存在：{}", "Resource already exists: {}";
    /// No namespace with this code or id.
    NamespaceNotFound = codes::NAMESPACE_NOT_FOUND, "权限分组不存在：{}", "Namespace does not exist: {}";
    /// A namespace code is taken.
    NamespaceExists = codes::NAMESPACE_EXISTS, "权限分组已存在：{}", "Namespace already exists: {}";
    /// No programmatic access account with this id.
    AccessAccountNotFound = codes::ACCESS_ACCOUNT_NOT_FOUND, "编程访问账号不存在", "Programmatic access account does not exist";
    /// Linking an external identity another user of the pool holds.
    IdentityBoundElsewhere = codes::OAUTH_BOUND_ELSEWHERE, "该身份源账号已被其他用户绑定", "This external identity is already bound to another user";
    // (`IdentityNotBound`, 2216, is the authlogin block's row: one row for both areas.)
    /// A chosen password the pool's strength rule refuses; `{}` says what it lacks.
    PasswordTooWeak = codes::PASSWORD_TOO_WEAK, "密码强度不符合要求：{}", "The password is too weak: {}";
    /// An IdP-initiated SAML login through an application that is not a SAML IdP with a
    /// default ACS URL.
    SamlAppNotFound = codes::SAML_APP_NOT_FOUND, "SAML SP 应用不存在", "SAML SP application does not exist";
}

/// What fills a message's `{}`.
#[derive(Debug, Clone, PartialEq)]
enum Detail {
    None,
    /// The same text in both languages.
    Text(String),
    /// A text per language.
    Localized(Message),
}

/// Why a call failed: a [`Code`], the text for its message's `{}`, and Authing's `data`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Failure {
    code: Code,
    detail: Detail,
    data: Option<Value>,
}

impl From<Code> for Failure {
    fn from(code: Code) -> Self {
        Self {
            code,
            detail: Detail::None,
            data: None,
        }
    }
}

impl Failure {
    /// A failure whose message's `{}` is `text` in both languages.
    pub(crate) fn with_text(code: Code, text: impl Into<String>) -> Self {
        Self {
            detail: Detail::Text(text.into()),
            ..code.into()
        }
    }

    /// A failure whose message's `{}` is `words` in the request's language.
    pub(crate) fn with_words(code: Code, words: Message) -> Self {
        Self {
            detail: Detail::Localized(words),
            ..code.into()
        }
    }

    /// The same failure with Authing's `data`.
    #[must_use]
    pub(crate) fn with_data(mut self, data: Value) -> Self {
        self.data = Some(data);
        self
    }

    /// 2231 saying why.
    pub(crate) fn invalid_params(why: impl Into<String>) -> Self {
        Self::with_text(Code::InvalidParams, why)
    }

    /// 500 saying why.
    pub(crate) fn internal(why: impl Into<String>) -> Self {
        Self::with_text(Code::Internal, why)
    }

    /// 501 for `field` (a root field, or `Type.field`), with `data.field`.
    #[cfg_attr(not(test), allow(dead_code))] // Used by the schema's not-yet-built fields.
    pub(crate) fn unsupported(field: &str) -> Self {
        Self::with_text(Code::Unsupported, field).with_data(json!({ "field": field }))
    }

    /// Its kind.
    pub(crate) fn code(&self) -> Code {
        self.code
    }

    /// Authing's business code.
    pub(crate) fn number(&self) -> i64 {
        self.code.number()
    }

    /// The message in `lang` (`zh-CN` unless `en-US`).
    pub(crate) fn message(&self, lang: Lang) -> String {
        let template = self.code.template().pick(lang);
        match &self.detail {
            Detail::None => template.to_owned(),
            Detail::Text(text) => template.replacen("{}", text, 1),
            Detail::Localized(words) => template.replacen("{}", words.pick(lang), 1),
        }
    }

    /// The `data` Authing attaches, if any.
    pub(crate) fn data(&self) -> Option<&Value> {
        self.data.as_ref()
    }

    /// The `{code, message, data}` object, in `lang`.
    pub(crate) fn to_json(&self, lang: Lang) -> Value {
        json!({
            "code": self.number(),
            "message": self.message(lang),
            "data": self.data,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn one_row_per_code_with_both_languages() {
        let mut numbers = HashSet::new();
        for code in Code::ALL {
            assert!(numbers.insert(code.number()), "{code:?}: a second row");
            let Message { zh, en } = code.template();
            assert!(!zh.is_empty() && !en.is_empty(), "{code:?}");
            assert!(zh.matches("{}").count() <= 1 && en.matches("{}").count() <= 1);
            assert_eq!(zh.contains("{}"), en.contains("{}"), "{code:?}");
        }
    }

    #[test]
    fn messages_data_and_json() {
        let missing = Failure::from(Code::UserNotFound);
        assert_eq!(missing.number(), 2004);
        assert_eq!(missing.message(Lang::ZhCn), "用户不存在");
        assert_eq!(missing.message(Lang::EnUs), "User does not exist");
        assert_eq!(missing.to_json(Lang::ZhCn)["data"], Value::Null);

        let email = Message {
            zh: "邮箱",
            en: "email",
        };
        let exists =
            Failure::with_words(Code::UserExists, email).with_data(json!({"field": "email"}));
        assert_eq!(exists.message(Lang::ZhCn), "用户已存在：该邮箱已被占用");
        assert_eq!(
            exists.message(Lang::EnUs),
            "User already exists: this email is already taken"
        );
        let wire = exists.to_json(Lang::EnUs);
        assert_eq!(wire["code"], 2026);
        assert_eq!(wire["data"]["field"], "email");

        let params = Failure::invalid_params("username is too long");
        assert_eq!(params.number(), 2231);
        assert!(params.message(Lang::ZhCn).ends_with("username is too long"));
        assert_eq!(params.code(), Code::InvalidParams);

        let unsupported = Failure::unsupported("createRole");
        assert_eq!(unsupported.number(), 501);
        assert_eq!(
            unsupported.to_json(Lang::EnUs)["data"]["field"],
            "createRole"
        );
        assert!(unsupported.message(Lang::ZhCn).contains("createRole"));
    }
}
