//! Operations whose shape is decided at run time: the clients' `graphql` and `rest` escape
//! hatches for calls the SDK does not wrap yet.

use std::marker::PhantomData;

use http::Method;
use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::definition::{Auth, Operation, Wire};
use crate::error::Error;
use crate::graphql::GraphQlOperation;
use crate::lang::Lang;

/// Any GraphQL `operation` with `variables`, decoded into `R`.
#[derive(Debug)]
pub struct RawGraphql<'a, R> {
    operation: &'a GraphQlOperation,
    variables: &'a Value,
    auth: Auth,
    output: PhantomData<fn() -> R>,
}

impl<'a, R> RawGraphql<'a, R> {
    /// `operation` with `variables` (an object, or `null` for none), authorised by `auth`.
    pub fn new(operation: &'a GraphQlOperation, variables: &'a Value, auth: Auth) -> Self {
        Self {
            operation,
            variables,
            auth,
            output: PhantomData,
        }
    }
}

impl<R> Serialize for RawGraphql<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.variables.serialize(serializer)
    }
}

impl<R: DeserializeOwned + Send> Operation for RawGraphql<'_, R> {
    type Answer = R;
    type Output = R;

    fn wire(&self) -> Wire<'_> {
        Wire::Graphql(self.operation)
    }

    fn auth(&self) -> Auth {
        self.auth
    }

    fn finish(answer: R, _lang: Lang) -> Result<R, Error> {
        Ok(answer)
    }
}

/// Any REST call to `{host}{path_and_query}` with an optional JSON body, decoding the `data`
/// of Authing's envelope into `R`. The path is sent as given: it has no placeholders.
#[derive(Debug)]
pub struct RawRest<'a, R> {
    method: Method,
    path_and_query: &'a str,
    body: Option<&'a Value>,
    auth: Auth,
    output: PhantomData<fn() -> R>,
}

impl<'a, R> RawRest<'a, R> {
    /// `method path_and_query` with `body` (an object, for POST and PUT), authorised by
    /// `auth`.
    pub fn new(
        method: Method,
        path_and_query: &'a str,
        body: Option<&'a Value>,
        auth: Auth,
    ) -> Self {
        Self {
            method,
            path_and_query,
            body,
            auth,
            output: PhantomData,
        }
    }
}

impl<R> Serialize for RawRest<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.body.serialize(serializer)
    }
}

impl<R: DeserializeOwned + Send> Operation for RawRest<'_, R> {
    type Answer = R;
    type Output = R;

    fn wire(&self) -> Wire<'_> {
        Wire::Rest {
            method: self.method.clone(),
            path: self.path_and_query,
        }
    }

    fn auth(&self) -> Auth {
        self.auth
    }

    fn check(&self) -> Result<(), Error> {
        if self.path_and_query.contains('{') {
            return Err(Error::invalid_argument(
                "a raw REST path cannot contain `{`: percent-encode it",
            ));
        }
        Ok(())
    }

    fn finish(answer: R, _lang: Lang) -> Result<R, Error> {
        Ok(answer)
    }
}
