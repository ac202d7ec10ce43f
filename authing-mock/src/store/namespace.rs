//! [`NamespaceRecord`]: a permission group (namespace) of a pool, by its numeric id as
//! Authing numbers them. The pool's default namespace (`default`) and one per application
//! (its code is the application id) are kept in step by `domain::namespaces`.

use chrono::{DateTime, Utc};

use super::table::{Record, Table};

/// A namespace: a code unique in the pool, a name, and the application it stands for.
#[derive(Debug, Clone)]
pub(crate) struct NamespaceRecord {
    /// The numeric id, as text (the table's id).
    pub(crate) id: String,
    /// The same id as a number, as Authing answers it.
    pub(crate) number: i64,
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    /// The application this namespace belongs to (its code is then the application id).
    pub(crate) app_id: Option<String>,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
}

impl Record for NamespaceRecord {
    const KIND: &'static str = "namespace";

    fn id(&self) -> &str {
        &self.id
    }

    fn unique_keys(&self) -> Vec<(&'static str, String)> {
        vec![("code", self.code.clone())]
    }
}

/// The namespaces of a pool and the number the next one gets.
#[derive(Debug, Clone)]
pub(crate) struct Namespaces {
    pub(crate) table: Table<NamespaceRecord>,
    /// The next numeric id (numbers are not handed out twice).
    pub(crate) next_number: i64,
}

impl Default for Namespaces {
    fn default() -> Self {
        Self {
            table: Table::default(),
            next_number: 1,
        }
    }
}

impl Namespaces {
    /// Forgets every namespace (numbers handed out before are not handed out again).
    pub(crate) fn clear(&mut self) {
        self.table.clear();
    }
}
