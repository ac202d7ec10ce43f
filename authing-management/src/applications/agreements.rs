//! The login agreements of an application: create, list, modify, delete, sort.

use authing_core::model::Paginated;
use authing_core::{Error, Lang, Wire, operation};
use http::Method;
use serde::de::IgnoredAny;

use super::model::Agreement;

operation! {
    /// Adds a login agreement to an application
    /// (`POST /api/v2/applications/{appId}/agreements`), required and in `zh-CN` unless
    /// set. Codes: 2011 (no such application), 2231 (an empty title).
    pub struct CreateAgreement -> Agreement {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/applications/{appId}/agreements" },
        auth: Management,
        required {
            /// The application's id.
            app_id: String,
            /// Its text (may hold HTML `<a>` links).
            title: String,
        }
        defaults {
            /// Whether the user must accept it (default yes).
            required: bool = true,
            /// Its language (default `zh-CN`).
            lang: String = "zh-CN".to_owned(),
        }
    }
}

operation! {
    /// The login agreements of an application in display order
    /// (`GET /api/v2/applications/{appId}/agreements`). Code 2011: no such application.
    pub struct ListAgreements -> Paginated<Agreement> {
        wire: Wire::Rest { method: Method::GET, path: "/api/v2/applications/{appId}/agreements" },
        auth: Management,
        required {
            /// The application's id.
            app_id: String,
        }
    }
}

operation! {
    /// Changes a login agreement; only what is set is sent
    /// (`PUT /api/v2/applications/{appId}/agreements/{agreementId}`). Codes: 2011, 2231 (no
    /// such agreement).
    pub struct ModifyAgreement -> Agreement {
        wire: Wire::Rest { method: Method::PUT, path: "/api/v2/applications/{appId}/agreements/{agreementId}" },
        auth: Management,
        required {
            /// The application's id.
            app_id: String,
            /// The agreement's id.
            agreement_id: i64,
        }
        optional {
            /// Its new text.
            title: String,
            /// Whether the user must accept it.
            required: bool,
            /// Its language.
            lang: String,
        }
    }
}

operation! {
    /// Deletes a login agreement
    /// (`DELETE /api/v2/applications/{appId}/agreements/{agreementId}`). Codes: 2011, 2231.
    pub struct DeleteAgreement -> () {
        wire: Wire::Rest { method: Method::DELETE, path: "/api/v2/applications/{appId}/agreements/{agreementId}" },
        auth: Management,
        answer: IgnoredAny,
        required {
            /// The application's id.
            app_id: String,
            /// The agreement's id.
            agreement_id: i64,
        }
        impl {
            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}

operation! {
    /// Puts an application's login agreements in the order of `ids`, which names each once
    /// (`POST /api/v2/applications/{appId}/agreements/sort`). Codes: 2011, 2231.
    pub struct SortAgreements -> () {
        wire: Wire::Rest { method: Method::POST, path: "/api/v2/applications/{appId}/agreements/sort" },
        auth: Management,
        answer: IgnoredAny,
        required {
            /// The application's id.
            app_id: String,
            /// Every agreement id, in the new order.
            ids: Vec<i64>,
        }
        impl {
            fn finish(_answer: IgnoredAny, _lang: Lang) -> Result<(), Error> {
                Ok(())
            }
        }
    }
}
