//! The pure half of sending an operation: its arguments as Authing takes them, and where they
//! go in the request ([`ApiClient::prepare`](crate::ApiClient::prepare) puts it together).

use bytes::Bytes;
use http::Method;
use serde_json::{Map, Value};

use super::definition::{Operation, Wire};
use crate::api::ApiClient;
use crate::encrypt::Encryptor;
use crate::error::Error;

impl<T> ApiClient<T> {
    /// The request for `operation`, without I/O: its [`check`](Operation::check), its
    /// arguments serialised with nulls dropped and passwords encrypted, and where they go
    /// for its [`Wire`] (a GraphQL body, a REST path, query or body), with the common
    /// headers. No token: [`execute`](Self::execute) adds it.
    pub fn prepare<O: Operation + ?Sized>(
        &self,
        operation: &O,
    ) -> Result<http::Request<Bytes>, Error> {
        operation.check()?;
        let mut arguments = arguments(operation, &*self.encryptor)?;
        match operation.wire() {
            Wire::Graphql(document) => {
                let body = document.body(&arguments)?;
                self.request(Method::POST, &self.graphql_url, Some(body))
            }
            Wire::Rest { method, path } => {
                let path = fill_path(path, &mut arguments)?;
                // An absolute URL is another host of the deployment (AD logins go to its
                // websocket host); a path is under the client's host.
                let mut url = if path.starts_with("https://") || path.starts_with("http://") {
                    path
                } else {
                    self.host.join(&path)
                };
                if method == Method::GET || method == Method::DELETE {
                    let query = query_string(&arguments);
                    if !query.is_empty() {
                        url.push('?');
                        url.push_str(&query);
                    }
                    self.request(method, &url, None)
                } else {
                    let body = serde_json::to_vec(&arguments).map_err(|e| {
                        Error::invalid_argument(format!("the body does not serialise: {e}"))
                    })?;
                    self.request(method, &url, Some(Bytes::from(body)))
                }
            }
        }
    }
}

/// The operation's arguments as sent: serialised with nulls dropped, amended, wrapped, with
/// each password encrypted at its place.
pub(crate) fn arguments<O: Operation + ?Sized>(
    operation: &O,
    encryptor: &dyn Encryptor,
) -> Result<Map<String, Value>, Error> {
    let mut arguments = match serde_json::to_value(operation) {
        Ok(Value::Object(map)) => map,
        Ok(Value::Null) => Map::new(),
        Ok(_) => {
            return Err(Error::invalid_argument(
                "the arguments do not serialise to an object",
            ));
        }
        Err(e) => {
            return Err(Error::invalid_argument(format!(
                "the arguments do not serialise: {e}"
            )));
        }
    };
    drop_nulls(&mut arguments);
    operation.amend(&mut arguments);
    if let Some(key) = operation.wrap() {
        arguments = Map::from_iter([(key.to_owned(), Value::Object(arguments))]);
    }
    for (pointer, password) in operation.passwords() {
        let encrypted = encryptor.encrypt(password.expose())?;
        insert_at(&mut arguments, pointer, Value::String(encrypted))?;
    }
    Ok(arguments)
}

/// Removes every `null` member of `object` and of the objects inside it (not array items),
/// so an unset argument is not sent and Authing's default applies.
///
/// ```
/// use serde_json::json;
///
/// let mut args = json!({"a": null, "b": {"c": null, "d": 1}, "e": [null]});
/// authing_core::operation::drop_nulls(args.as_object_mut().unwrap());
/// assert_eq!(args, json!({"b": {"d": 1}, "e": [null]}));
/// ```
pub fn drop_nulls(object: &mut Map<String, Value>) {
    object.retain(|_, value| match value {
        Value::Null => false,
        Value::Object(inner) => {
            drop_nulls(inner);
            true
        }
        _ => true,
    });
}

/// Inserts `value` at the JSON `pointer` (`/input/password`), making missing objects.
fn insert_at(root: &mut Map<String, Value>, pointer: &str, value: Value) -> Result<(), Error> {
    let bad = || Error::invalid_argument(format!("no place for a password at {pointer}"));
    let mut keys = pointer.strip_prefix('/').ok_or_else(bad)?.split('/');
    let last = keys.next_back().ok_or_else(bad)?;
    let mut object = root;
    for key in keys {
        let entry = object
            .entry(key.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        object = entry.as_object_mut().ok_or_else(bad)?;
    }
    object.insert(last.to_owned(), value);
    Ok(())
}

/// Fills the `{name}` placeholders of a REST path `template` with the arguments of those
/// names (percent-encoded), removing them from `arguments`.
///
/// ```
/// use serde_json::json;
///
/// let mut args = json!({"id": "a b", "page": 2}).as_object().cloned().unwrap();
/// let path = authing_core::operation::fill_path("/api/v2/users/{id}", &mut args)?;
/// assert_eq!(path, "/api/v2/users/a%20b");
/// assert_eq!(args, json!({"page": 2}).as_object().cloned().unwrap());
/// # Ok::<(), authing_core::Error>(())
/// ```
pub fn fill_path(template: &str, arguments: &mut Map<String, Value>) -> Result<String, Error> {
    let mut path = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        path.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or_else(|| {
            Error::invalid_argument(format!("the path {template} has an unclosed placeholder"))
        })?;
        let name = &after[..close];
        let value = arguments.remove(name).ok_or_else(|| {
            Error::invalid_argument(format!("the path {template} needs the argument {name}"))
        })?;
        let text = scalar_text(&value).ok_or_else(|| {
            Error::invalid_argument(format!("the path argument {name} must be a string"))
        })?;
        if text.trim().is_empty() {
            return Err(Error::invalid_argument(format!(
                "the path argument {name} is empty"
            )));
        }
        path.extend(url::form_urlencoded::byte_serialize(text.as_bytes()).map(plus_to_space));
        rest = &after[close + 1..];
    }
    path.push_str(rest);
    Ok(path)
}

/// `form_urlencoded` writes spaces as `+`, which a path does not decode: use `%20`.
fn plus_to_space(piece: &str) -> &str {
    if piece == "+" { "%20" } else { piece }
}

/// The arguments as a query string (`a=1&b=x`), scalars as text and anything else as JSON;
/// empty when there are none.
pub(crate) fn query_string(arguments: &Map<String, Value>) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in arguments {
        match scalar_text(value) {
            Some(text) => query.append_pair(name, &text),
            None => query.append_pair(name, &value.to_string()),
        };
    }
    query.finish()
}

fn scalar_text(value: &Value) -> Option<std::borrow::Cow<'_, str>> {
    match value {
        Value::String(text) => Some(text.as_str().into()),
        Value::Number(number) => Some(number.to_string().into()),
        Value::Bool(flag) => Some(flag.to_string().into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn passwords_go_where_their_pointer_says() {
        let mut root = Map::new();
        insert_at(&mut root, "/input/password", json!("x")).expect("inserts");
        insert_at(&mut root, "/newPassword", json!("y")).expect("inserts");
        assert_eq!(
            Value::Object(root.clone()),
            json!({"input": {"password": "x"}, "newPassword": "y"})
        );
        assert!(insert_at(&mut root, "nope", json!(1)).is_err());
        assert!(insert_at(&mut root, "/newPassword/deeper", json!(1)).is_err());
    }

    #[test]
    fn paths_need_their_placeholders() {
        let mut args = Map::new();
        assert!(fill_path("/users/{id}", &mut args).is_err());
        args.insert("id".into(), json!(""));
        assert!(fill_path("/users/{id}", &mut args).is_err());
        args.insert("id".into(), json!({"no": "object"}));
        assert!(fill_path("/users/{id}", &mut args).is_err());
        assert!(fill_path("/users/{id", &mut args).is_err());
        args.insert("id".into(), json!("a/b"));
        assert_eq!(
            fill_path("/users/{id}/x", &mut args).expect("fills"),
            "/users/a%2Fb/x"
        );
    }

    #[test]
    fn query_strings_encode_scalars_and_json() {
        let args = json!({"app_id": "a&b", "n": 2, "list": [1]});
        let query = query_string(args.as_object().expect("object"));
        assert_eq!(query, "app_id=a%26b&list=%5B1%5D&n=2");
    }

    crate::operation! {
        /// A REST POST, for these tests.
        struct Post -> Value {
            wire: super::super::Wire::Rest { method: Method::POST, path: "/api/v2/roles/{code}/users" },
            auth: Management,
            required {
                /// In the path.
                code: String,
                /// In the body.
                user_ids: Vec<String>,
            }
            optional {
                /// Unset: not in the body.
                namespace: String,
            }
        }
    }

    #[test]
    fn post_arguments_go_to_a_json_body_without_the_path_ones() {
        let transport = crate::transport::transport_fn(|_r: http::Request<Bytes>| async {
            Ok(http::Response::new(Bytes::new()))
        });
        let api = ApiClient::builder(transport)
            .host("https://core.authing.cn")
            .build()
            .expect("valid");
        let request = api
            .prepare(&Post::new((), "admin", vec!["u1".to_owned()]))
            .expect("prepares");
        assert_eq!(request.method(), Method::POST);
        assert_eq!(
            request.uri(),
            "https://core.authing.cn/api/v2/roles/admin/users"
        );
        assert_eq!(request.headers()["content-type"], "application/json");
        let body: Value = serde_json::from_slice(request.body()).expect("json");
        assert_eq!(body, json!({"userIds": ["u1"]}));
        let request = api
            .prepare(&Post::new((), "admin", Vec::<String>::new()).namespace("default"))
            .expect("prepares");
        let body: Value = serde_json::from_slice(request.body()).expect("json");
        assert_eq!(body, json!({"userIds": [], "namespace": "default"}));
    }
}
