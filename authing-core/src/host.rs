//! [`BaseUrl`]: a validated Authing host.

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
        let url = Url::parse(trimmed)
            .map_err(|e| Error::config(format!("invalid host {trimmed:?} ({e}): {fix}")))?;
        if url.scheme() != "http" && url.scheme() != "https" {
            return Err(Error::config(format!(
                "invalid host {trimmed:?}: the scheme must be http or https, not {:?}; {fix}",
                url.scheme()
            )));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(Error::config(format!(
                "invalid host {trimmed:?}: it has no host name; {fix}"
            )));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(Error::config(format!(
                "invalid host {trimmed:?}: it must not have a query or fragment; {fix}"
            )));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(Error::config(format!(
                "invalid host: it must not carry credentials; {fix}"
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
