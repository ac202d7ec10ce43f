//! Custom fields: their definitions ([`FieldDef`]) per kind of object, and the custom values
//! of objects other than users ([`Udvs`]; a user's values live on its [`UserRecord`]).
//!
//! [`UserRecord`]: super::UserRecord

use std::collections::BTreeMap;

use super::user::{CustomDatum, DataType};

/// The kinds of objects that carry custom fields (`UDFTargetType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum TargetKind {
    Node,
    Org,
    User,
    Userpool,
    Role,
    Permission,
    Application,
}

/// The definition of one custom field of a kind of object.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldDef {
    pub(crate) target: TargetKind,
    pub(crate) key: String,
    pub(crate) data_type: DataType,
    pub(crate) label: String,
    pub(crate) options: Option<String>,
}

/// The custom values of objects that are not users, by kind and id.
pub(crate) type Udvs = BTreeMap<(TargetKind, String), Vec<CustomDatum>>;
