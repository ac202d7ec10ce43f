//! The fake's login page: one HTML form for the OIDC / OAuth authorize endpoint and CAS;
//! and the page that posts an answer to a client (OIDC `form_post`, SAML's POST binding).

/// Escapes text for HTML.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The login page: a form posting the authorization parameters back with the credentials.
pub(super) fn page(action: &str, pairs: &[(String, String)], error: Option<&str>) -> String {
    let hidden: String = pairs
        .iter()
        .filter(|(name, _)| name != "username" && name != "password")
        .map(|(name, value)| {
            format!(
                "<input type=\"hidden\" name=\"{}\" value=\"{}\">\n",
                escape(name),
                escape(value)
            )
        })
        .collect();
    let error = error
        .map(|e| format!("<p class=\"error\">{}</p>\n", escape(e)))
        .unwrap_or_default();
    format!(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Log in</title></head>\n\
         <body><h1>Log in</h1>\n{error}<form method=\"post\" action=\"{action}\">\n{hidden}\
         <label>Username or email <input name=\"username\" autocomplete=\"username\"></label>\n\
         <label>Password <input name=\"password\" type=\"password\" \
         autocomplete=\"current-password\"></label>\n\
         <button type=\"submit\">Log in</button>\n</form></body></html>\n",
        action = escape(action),
    )
}

/// A page that posts `fields` to `action` as soon as it loads (a button without script).
pub(super) fn auto_post<'a>(
    action: &str,
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> String {
    let hidden: String = fields
        .into_iter()
        .map(|(name, value)| {
            format!(
                "<input type=\"hidden\" name=\"{}\" value=\"{}\">\n",
                escape(name),
                escape(value)
            )
        })
        .collect();
    format!(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Continue</title></head>\n\
         <body onload=\"document.forms[0].submit()\">\n\
         <form method=\"post\" action=\"{action}\">\n{hidden}\
         <noscript><button type=\"submit\">Continue</button></noscript>\n\
         </form></body></html>\n",
        action = escape(action),
    )
}
