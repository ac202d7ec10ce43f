//! A page of items as Authing's REST calls answer one: `{totalCount, list}`.

use serde_json::{Value, json};

use crate::store::Paged;

/// `{totalCount, list}` of `paged`, each item as `item` writes it.
pub(super) fn page_json<T>(paged: Paged<T>, item: impl FnMut(T) -> Value) -> Value {
    let list: Vec<Value> = paged.items.into_iter().map(item).collect();
    json!({ "totalCount": paged.total, "list": list })
}
