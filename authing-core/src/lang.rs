//! [`Lang`]: the language Authing answers in.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// The language of Authing's messages, sent as `x-authing-lang`.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Simplified Chinese, `zh-CN` (Authing's default).
    #[default]
    ZhCn,
    /// English, `en-US`.
    EnUs,
}

impl Lang {
    /// The header value: `zh-CN` or `en-US`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ZhCn => "zh-CN",
            Self::EnUs => "en-US",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = Error;

    /// Parses `zh-CN` or `en-US` (case-insensitive, `_` accepted for `-`).
    ///
    /// ```
    /// use authing_core::Lang;
    /// assert_eq!("en-US".parse::<Lang>().unwrap(), Lang::EnUs);
    /// assert!("fr-FR".parse::<Lang>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "zh-cn" => Ok(Self::ZhCn),
            "en-us" => Ok(Self::EnUs),
            _ => Err(Error::config(format!(
                "unsupported language {s:?}: use \"zh-CN\" or \"en-US\""
            ))),
        }
    }
}
