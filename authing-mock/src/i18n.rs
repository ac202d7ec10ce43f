//! Authing's error codes and their messages in `zh-CN` and `en-US`.
//!
//! Every way a call to the fake can fail is a [`Failure`]; it knows its Authing code, its
//! message in both languages (chosen per request by `x-authing-lang`), and the optional `data`
//! Authing attaches. The GraphQL layer turns it into an error whose `message` is the object
//! `{code, message, data}`, the REST layer into the envelope `{code, message, data}`.

use authing_core::Lang;
use serde_json::{Value, json};

/// A field that must be unique in a user pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UniqueField {
    Username,
    Email,
    Phone,
    ExternalId,
}

impl UniqueField {
    /// The field's name on the wire.
    pub(crate) fn wire_name(self) -> &'static str {
        match self {
            Self::Username => "username",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::ExternalId => "externalId",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            Self::Username => "用户名",
            Self::Email => "邮箱",
            Self::Phone => "手机号",
            Self::ExternalId => "外部 ID",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Self::Username => "username",
            Self::Email => "email",
            Self::Phone => "phone number",
            Self::ExternalId => "external id",
        }
    }
}

/// Why a call failed, as Authing would say it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Failure {
    /// 1001: the caller may not do this (a user token on an admin operation, a user touching
    /// another user, a wrong pool secret, ...).
    NoPermission,
    /// 2003: an email address that is not one.
    MalformedEmail,
    /// 2004: no such user in the pool.
    UserNotFound { ids: Vec<String> },
    /// 2005: the account is blocked.
    UserBlocked,
    /// 2011: the `x-authing-app-id` names no application (of that pool).
    AppNotFound,
    /// 2014: `searchUser` was asked to search a field that cannot be searched.
    BadSearchField(String),
    /// 2015: `userBatch` was given a `type` it does not know.
    BadSearchType(String),
    /// 2016: a password that does not decrypt with the fake's RSA key.
    PasswordDecrypt,
    /// 2020: no token.
    NotLoggedIn,
    /// 2026: a unique field is taken.
    UserExists(UniqueField),
    /// 2032: registration without a password.
    PasswordRequired,
    /// 2201: `updatePassword` without the original password of a user that has one.
    OldPasswordRequired,
    /// 2203: `updatePassword` with a wrong original password.
    OldPasswordWrong,
    /// 2206: the token expired (by the fake's clock).
    LoginExpired,
    /// 2207: the token is not one the fake issued for this pool, or it was revoked.
    LoginInvalid,
    /// 2224: no such user pool.
    PoolNotFound,
    /// 2225: a user may not change their email with `updateUser`.
    CannotChangeEmail,
    /// 2226: a user may not change their phone with `updateUser`.
    CannotChangePhone,
    /// 2231: the parameters are incomplete or malformed (e.g. `params` that is not JSON).
    InvalidParams(String),
    /// 2333: unknown account or wrong password at login.
    WrongCredentials,
    /// 501: a field of Authing's schema the fake does not implement yet (`data.field` names
    /// it: a root field, or `Type.field`).
    Unsupported { field: &'static str },
    /// 404: no such endpoint.
    NotFound,
    /// 500: the fake itself failed (it should not).
    Internal(String),
}

impl Failure {
    /// Authing's business code.
    pub(crate) fn code(&self) -> i64 {
        match self {
            Self::NoPermission => 1001,
            Self::MalformedEmail => 2003,
            Self::UserNotFound { .. } => 2004,
            Self::UserBlocked => 2005,
            Self::AppNotFound => 2011,
            Self::BadSearchField(_) => 2014,
            Self::BadSearchType(_) => 2015,
            Self::PasswordDecrypt => 2016,
            Self::NotLoggedIn => 2020,
            Self::UserExists(_) => 2026,
            Self::PasswordRequired => 2032,
            Self::OldPasswordRequired => 2201,
            Self::OldPasswordWrong => 2203,
            Self::LoginExpired => 2206,
            Self::LoginInvalid => 2207,
            Self::PoolNotFound => 2224,
            Self::CannotChangeEmail => 2225,
            Self::CannotChangePhone => 2226,
            Self::InvalidParams(_) => 2231,
            Self::WrongCredentials => 2333,
            Self::Unsupported { .. } => 501,
            Self::NotFound => 404,
            Self::Internal(_) => 500,
        }
    }

    /// The message in `lang` (`zh-CN` unless `en-US`).
    pub(crate) fn message(&self, lang: Lang) -> String {
        let en = matches!(lang, Lang::EnUs);
        let pick = |zh: &str, english: &str| if en { english } else { zh }.to_owned();
        match self {
            Self::NoPermission => pick("无权限", "No permission"),
            Self::MalformedEmail => pick("邮箱格式不正确", "Malformed email address"),
            Self::UserNotFound { .. } => pick("用户不存在", "User does not exist"),
            Self::UserBlocked => pick("用户已被锁定", "The user is locked"),
            Self::AppNotFound => pick("应用不存在", "Application does not exist"),
            Self::BadSearchField(field) => {
                if en {
                    format!("Cannot search users by the field {field:?}")
                } else {
                    format!("搜索用户的字段不合法：{field}")
                }
            }
            Self::BadSearchType(kind) => {
                if en {
                    format!("Illegal search type {kind:?}")
                } else {
                    format!("非法的搜索类型：{kind}")
                }
            }
            Self::PasswordDecrypt => pick("密码解密失败", "Failed to decrypt the password"),
            Self::NotLoggedIn => pick("尚未登录，无访问权限", "Not logged in"),
            Self::UserExists(field) => {
                if en {
                    format!("User already exists: this {} is already taken", field.en())
                } else {
                    format!("用户已存在：该{}已被占用", field.zh())
                }
            }
            Self::PasswordRequired => pick("请设置密码", "A password is required"),
            Self::OldPasswordRequired => {
                pick("请输入原始密码", "The original password is required")
            }
            Self::OldPasswordWrong => pick("原始密码错误", "The original password is wrong"),
            Self::LoginExpired => pick(
                "登录信息已过期，请重新登录",
                "Login information has expired, please log in again",
            ),
            Self::LoginInvalid => pick(
                "登录信息失效，请重新登录",
                "Login information is invalid, please log in again",
            ),
            Self::PoolNotFound => pick("用户池不存在", "User pool does not exist"),
            Self::CannotChangeEmail => pick(
                "不支持通过 updateUser 修改邮箱，请使用 updateEmail",
                "updateUser cannot change the email; use updateEmail",
            ),
            Self::CannotChangePhone => pick(
                "不支持通过 updateUser 修改手机号，请使用 updatePhone",
                "updateUser cannot change the phone number; use updatePhone",
            ),
            Self::InvalidParams(why) => {
                if en {
                    format!("Incomplete or invalid request parameters: {why}")
                } else {
                    format!("请求参数不完整或不合法：{why}")
                }
            }
            Self::WrongCredentials => pick("账号或密码错误", "Incorrect account or password"),
            Self::Unsupported { field } => {
                if en {
                    format!("The fake Authing does not support {field} yet")
                } else {
                    format!("模拟 Authing 暂不支持 {field}")
                }
            }
            Self::NotFound => pick("接口不存在", "Not Found"),
            Self::Internal(why) => {
                if en {
                    format!("Internal server error: {why}")
                } else {
                    format!("服务器内部错误：{why}")
                }
            }
        }
    }

    /// The `data` Authing attaches, if any.
    pub(crate) fn data(&self) -> Option<Value> {
        match self {
            Self::UserExists(field) => Some(json!({ "field": field.wire_name() })),
            Self::UserNotFound { ids } if !ids.is_empty() => Some(json!({ "ids": ids })),
            Self::Unsupported { field } => Some(json!({ "field": field })),
            _ => None,
        }
    }

    /// The `{code, message, data}` object, in `lang`.
    pub(crate) fn to_json(&self, lang: Lang) -> Value {
        json!({
            "code": self.code(),
            "message": self.message(lang),
            "data": self.data(),
        })
    }

    /// A 2004 without ids.
    pub(crate) fn user_not_found() -> Self {
        Self::UserNotFound { ids: Vec::new() }
    }
}

/// The message of a successful `checkLoginStatus`.
pub(crate) fn logged_in(lang: Lang) -> &'static str {
    match lang {
        Lang::EnUs => "Logged in",
        _ => "已登录",
    }
}

/// The message of a successful deletion.
pub(crate) fn deleted(lang: Lang) -> &'static str {
    match lang {
        Lang::EnUs => "Deleted successfully",
        _ => "删除成功",
    }
}

/// The message of any other success.
pub(crate) fn ok(lang: Lang) -> &'static str {
    match lang {
        Lang::EnUs => "Success",
        _ => "成功",
    }
}

/// The language asked for by an `x-authing-lang` header value (`zh-CN` by default).
pub(crate) fn lang_of(header: Option<&str>) -> Lang {
    header
        .and_then(|value| value.parse::<Lang>().ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_and_codes() {
        assert_eq!(Failure::user_not_found().code(), 2004);
        assert_eq!(Failure::user_not_found().message(Lang::ZhCn), "用户不存在");
        assert_eq!(
            Failure::user_not_found().message(Lang::EnUs),
            "User does not exist"
        );
        let exists = Failure::UserExists(UniqueField::Email);
        assert!(exists.message(Lang::ZhCn).contains("用户已存在"));
        assert!(exists.message(Lang::ZhCn).contains("邮箱"));
        assert!(exists.message(Lang::EnUs).contains("email"));
        assert_eq!(exists.to_json(Lang::EnUs)["data"]["field"], "email");
        let unsupported = Failure::Unsupported {
            field: "createRole",
        };
        assert_eq!(unsupported.code(), 501);
        assert_eq!(
            unsupported.to_json(Lang::EnUs)["data"]["field"],
            "createRole"
        );
        assert!(unsupported.message(Lang::ZhCn).contains("createRole"));
        assert_eq!(lang_of(Some("en-US")), Lang::EnUs);
        assert_eq!(lang_of(Some("fr")), Lang::ZhCn);
        assert_eq!(lang_of(None), Lang::ZhCn);
    }
}
