//! The websocket host: where Authing serves AD logins (its AD connector talks to the
//! customer's domain controller through it), `https://ws.<parent domain of the host>` by
//! default.

use authing_core::{BaseUrl, Error};
use url::{Host, Url};

/// The default websocket host of a deployment served at `host`: the host name's first label
/// replaced by `ws` when it has more than two labels (`core.authing.cn` → `ws.authing.cn`),
/// else `ws.` before the whole name (`authing.cn` → `ws.authing.cn`); scheme and port kept.
/// An IP address or `localhost` (a local deployment, the fake Authing) is its own websocket
/// host.
pub(crate) fn default_for(host: &BaseUrl) -> Result<BaseUrl, Error> {
    let url = Url::parse(host.as_str())
        .map_err(|e| Error::config(format!("the host does not parse ({e})")))?;
    let name = match url.host() {
        Some(Host::Domain(name)) if name != "localhost" => name,
        _ => return Ok(host.clone()),
    };
    let labels: Vec<&str> = name.split('.').collect();
    let parent = if labels.len() > 2 {
        labels[1..].join(".")
    } else {
        name.to_owned()
    };
    let port = url
        .port()
        .map(|port| format!(":{port}"))
        .unwrap_or_default();
    BaseUrl::parse(&format!("{}://ws.{parent}{port}", url.scheme()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn derived(host: &str) -> String {
        let host = BaseUrl::parse(host).expect("a host");
        default_for(&host).expect("derived").as_str().to_owned()
    }

    #[test]
    fn drops_the_first_label_of_long_names_only() {
        assert_eq!(derived("https://core.authing.cn"), "https://ws.authing.cn");
        assert_eq!(
            derived("https://my-app.authing.cn/"),
            "https://ws.authing.cn"
        );
        assert_eq!(derived("https://authing.cn"), "https://ws.authing.cn");
        assert_eq!(
            derived("http://idp.corp.example.com:8443"),
            "http://ws.corp.example.com:8443"
        );
        assert_eq!(derived("http://127.0.0.1:3000"), "http://127.0.0.1:3000");
        assert_eq!(derived("http://localhost:3000"), "http://localhost:3000");
        assert_eq!(derived("http://[::1]:3000"), "http://[::1]:3000");
    }
}
