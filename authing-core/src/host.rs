//! [`BaseUrl`]: a validated Authing host.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use url::Url;

use crate::error::Error;

/// The base URL of an Authing deployment or application, such as `https://core.authing.cn`
/// or `https://my-app.authing.cn`, validated once at construction.
///
/// ```
/// use authing_core::BaseUrl;
///
/// let host: BaseUrl = "https://core.authing.cn/".parse().unwrap();
/// assert_eq!(host.as_str(), "https://core.authing.cn");
/// assert_eq!(host.join("/graphql/v2"), "https://core.authing.cn/graphql/v2");
/// assert!("core.authing.cn".parse::<BaseUrl>().is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Parses and validates `host`: an absolute `http` or `https` URL with a host name and no
    /// query, fragment or credentials. A trailing `/` is dropped; a path prefix is kept (for
    /// deployments served under a sub-path).
    pub fn parse(host: &str) -> Result<Self, Error> {
        let trimmed = host.trim();
        let fix = "use an absolute URL such as \"https://core.authing.cn\"";
        if trimmed.is_empty() {
            return Err(Error::config(format!("the host is empty: {fix}")));
        }
        // Messages quote the host to show what is wrong with it, but never its credentials.
        let shown = without_credentials(trimmed);
        let url = Url::parse(trimmed)
            .map_err(|e| Error::config(format!("invalid host {shown:?} ({e}): {fix}")))?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(Error::config(format!(
                "invalid host {shown:?}: it must not contain credentials (a user or password \
                 before `@`); the client authenticates with its own; {fix}"
            )));
        }
        if url.scheme() != "http" && url.scheme() != "https" {
            // Without `://`, a user name before `:` parses as the scheme: name it only when
            // the host as shown starts with it.
            let not = if shown.starts_with(url.scheme()) {
                format!(", not {:?}", url.scheme())
            } else {
                String::new()
            };
            return Err(Error::config(format!(
                "invalid host {shown:?}: the scheme must be http or https{not}; {fix}"
            )));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(Error::config(format!(
                "invalid host {shown:?}: it has no host name; {fix}"
            )));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(Error::config(format!(
                "invalid host {shown:?}: it must not have a query or fragment; {fix}"
            )));
        }
        let mut text = url.to_string();
        while text.ends_with('/') {
            text.pop();
        }
        Ok(Self(text))
    }

    /// The URL without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `self` followed by `path` (which starts with `/`).
    pub fn join(&self, path: &str) -> String {
        let mut url = String::with_capacity(self.0.len() + path.len());
        url.push_str(&self.0);
        if !path.starts_with('/') {
            url.push('/');
        }
        url.push_str(path);
        url
    }
}

/// `host` as it may be printed: anything between the scheme and the last `@` (a user and
/// password, if it carries them) is replaced by `***`. Textual, not parsed, so it works on
/// input that is not a URL; error messages and `Debug` output quote hosts through it.
///
/// ```
/// use authing_core::host::without_credentials;
///
/// assert_eq!(without_credentials("https://bob:pw@idp.example.com"), "https://***@idp.example.com");
/// assert_eq!(without_credentials("https://idp.example.com"), "https://idp.example.com");
/// ```
pub fn without_credentials(host: &str) -> Cow<'_, str> {
    let Some(at) = host.rfind('@') else {
        return Cow::Borrowed(host);
    };
    let start = host
        .find("://")
        .map_or(0, |scheme_end| scheme_end + 3)
        .min(at);
    Cow::Owned(format!("{}***{}", &host[..start], &host[at..]))
}

impl FromStr for BaseUrl {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Debug for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BaseUrl({:?})", self.0)
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_hosts_with_ports_and_prefixes() {
        assert_eq!(
            BaseUrl::parse("http://127.0.0.1:3000")
                .expect("valid")
                .as_str(),
            "http://127.0.0.1:3000"
        );
        assert_eq!(
            BaseUrl::parse("https://idp.example.com/authing/")
                .expect("valid")
                .join("/api/v2/users/me"),
            "https://idp.example.com/authing/api/v2/users/me"
        );
    }

    #[test]
    fn errors_never_print_credentials_in_the_host() {
        for bad in [
            "https://alice-user:hunter2-pass@core.authing.cn",
            "https://alice-user@core.authing.cn",
            "https://alice-user:hunter2-pass@core.authing.cn?x=1",
            "ftp://alice-user:hunter2-pass@core.authing.cn",
            "https://alice-user:hunter2-pass@",
            "https://alice-user:hunter2-pass@[::1",
            "https://alice-user:hunter2/pass@core.authing.cn",
            "alice-user:hunter2-pass@core.authing.cn",
            " https://alice-user:hunter2-pass@core.authing.cn:99999 ",
        ] {
            let error = BaseUrl::parse(bad).expect_err(bad);
            for printed in [error.to_string(), format!("{error:?}")] {
                assert!(
                    !printed.contains("alice") && !printed.contains("hunter2"),
                    "{bad}: {printed}"
                );
            }
        }
        let error = BaseUrl::parse("https://alice-user:hunter2-pass@core.authing.cn")
            .expect_err("credentials");
        assert!(
            error.to_string().contains("must not contain credentials")
                && error
                    .to_string()
                    .contains("\"https://***@core.authing.cn\""),
            "{error}"
        );
    }

    #[test]
    fn rejects_what_is_not_a_host() {
        for bad in [
            "",
            "core.authing.cn",
            "ftp://core.authing.cn",
            "https://",
            "https://core.authing.cn?x=1",
            "https://user:pw@core.authing.cn",
            "not a url",
        ] {
            let error = BaseUrl::parse(bad).expect_err(bad);
            assert!(matches!(error, Error::Config(_)), "{bad}: {error:?}");
            assert!(
                error.to_string().contains("https://core.authing.cn"),
                "{error}"
            );
        }
    }
}
