//! [`operation!`](crate::operation!): an operation declared in a few lines.

/// Declares an [`Operation`](crate::Operation): the struct of its arguments (serialised in
/// camelCase, deserialisable so tests can read it from fixtures), a constructor taking the
/// client and the required arguments in order, one documented setter per optional or
/// defaulted argument, `send()`, and `IntoFuture`, so a call is awaited directly.
///
/// ```text
/// operation! {
///     /// Docs of the struct.
///     pub struct Name -> Output {
///         wire: <a Wire>,              // or `wire(op): <a Wire from op>`
///         auth: Management | User | None,
///         answer: Answer,                 // optional; then `impl` has `fn finish`
///         required { /// doc
///                    name: Type, ... }     // positional in `new`, `impl Into<Type>`
///         optional { /// doc
///                    name: Type, ... }     // `Option<Type>`, unset is not sent
///         defaults { /// doc
///                    name: Type = value, ... } // set with a `Type` (numbers infer)
///         impl { /* more items of the Operation impl: check, passwords, finish, ... */ }
///     }
/// }
/// ```
///
/// Each group is optional; a field may carry `#[serde(...)]` attributes after its docs.
///
/// ```
/// use authing_core::model::User;
/// use authing_core::{GraphQlOperation, Operation, Wire};
///
/// const USER: GraphQlOperation = GraphQlOperation::new(
///     "user", "user", "query user($id: String!) { user(id: $id) { id } }",
/// );
///
/// authing_core::operation! {
///     /// One user by id.
///     pub struct GetUser -> Option<User> {
///         wire: Wire::Graphql(&USER),
///         auth: Management,
///         required {
///             /// The user's id.
///             id: String,
///         }
///         optional {
///             /// Whether to fetch the user's custom data too.
///             with_custom_data: bool,
///         }
///     }
/// }
///
/// let op = GetUser::new((), "u1").with_custom_data(true);
/// assert_eq!(op.wire().name(), "user");
/// assert_eq!(
///     serde_json::to_value(&op)?,
///     serde_json::json!({"id": "u1", "withCustomData": true})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[macro_export]
macro_rules! operation {
    (
        $(#[doc = $doc:expr])*
        $vis:vis struct $name:ident -> $output:ty {
            wire $(($this:ident))?: $wire:expr,
            auth: $auth:ident,
            $(answer: $answer:ty,)?
            $(required {
                $(
                    $(#[doc = $rdoc:expr])*
                    $(#[serde($($rserde:tt)*)])*
                    $rfield:ident : $rty:ty
                ),* $(,)?
            })?
            $(optional {
                $(
                    $(#[doc = $odoc:expr])*
                    $(#[serde($($oserde:tt)*)])*
                    $ofield:ident : $oty:ty
                ),* $(,)?
            })?
            $(defaults {
                $(
                    $(#[doc = $ddoc:expr])*
                    $(#[serde($($dserde:tt)*)])*
                    $dfield:ident : $dty:ty = $ddefault:expr
                ),* $(,)?
            })?
            $(impl { $($items:tt)* })?
        }
    ) => {
        $(#[doc = $doc])*
        ///
        /// Await it (or call `send()`) to send it; build it with `new((), ..)` to use it as
        /// plain data (`ApiClient::prepare`, fixtures).
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(rename_all = "camelCase", bound(deserialize = "C: ::core::default::Default"))]
        #[must_use = "an operation does nothing until it is awaited"]
        $vis struct $name<C = ()> {
            #[serde(skip)]
            client: C,
            $($(
                $(#[doc = $rdoc])*
                $(#[serde($($rserde)*)])*
                pub $rfield: $rty,
            )*)?
            $($(
                $(#[doc = $odoc])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                $(#[serde($($oserde)*)])*
                pub $ofield: ::core::option::Option<$oty>,
            )*)?
            $($(
                $(#[doc = $ddoc])*
                $(#[serde($($dserde)*)])*
                pub $dfield: $dty,
            )*)?
        }

        impl<C> $name<C> {
            /// The operation, sent with `client`, with the required arguments in order and
            /// every other argument unset (or at its default).
            #[allow(clippy::too_many_arguments)]
            pub fn new(client: C $($(, $rfield: impl ::core::convert::Into<$rty>)*)?) -> Self {
                Self {
                    client,
                    $($($rfield: $rfield.into(),)*)?
                    $($($ofield: ::core::option::Option::None,)*)?
                    $($($dfield: $ddefault,)*)?
                }
            }

            /// The same arguments, sent with another client.
            #[allow(dead_code)]
            pub fn with_client<D>(self, client: D) -> $name<D> {
                $name {
                    client,
                    $($($rfield: self.$rfield,)*)?
                    $($($ofield: self.$ofield,)*)?
                    $($($dfield: self.$dfield,)*)?
                }
            }

            $($(
                $(#[doc = $odoc])*
                pub fn $ofield(mut self, $ofield: impl ::core::convert::Into<$oty>) -> Self {
                    self.$ofield = ::core::option::Option::Some($ofield.into());
                    self
                }
            )*)?

            $($(
                $(#[doc = $ddoc])*
                pub fn $dfield(mut self, $dfield: $dty) -> Self {
                    self.$dfield = $dfield;
                    self
                }
            )*)?
        }

        impl<C: ::core::marker::Send + ::core::marker::Sync> $crate::Operation for $name<C> {
            type Output = $output;
            $crate::__operation_answer!(($($answer)?) $output);

            fn wire(&self) -> $crate::Wire<'_> {
                $(let $this = self;)?
                $wire
            }

            fn auth(&self) -> $crate::Auth {
                $crate::Auth::$auth
            }

            $($($items)*)?
        }

        impl<C: $crate::Client + 'static> $name<C> {
            /// Sends the operation; the same as awaiting it. The future owns the operation
            /// and is boxed, so it can be spawned, and its `Send` does not depend on what
            /// the caller holds across it.
            pub fn send(
                self,
            ) -> ::core::pin::Pin<
                ::std::boxed::Box<
                    dyn ::core::future::Future<
                            Output = ::core::result::Result<$output, $crate::Error>,
                        > + ::core::marker::Send,
                >,
            > {
                ::std::boxed::Box::pin(async move {
                    $crate::operation::send(&self.client, &self).await
                })
            }
        }

        impl<C: $crate::Client + 'static> ::core::future::IntoFuture for $name<C> {
            type Output = ::core::result::Result<$output, $crate::Error>;
            type IntoFuture = ::core::pin::Pin<
                ::std::boxed::Box<
                    dyn ::core::future::Future<Output = Self::Output> + ::core::marker::Send,
                >,
            >;

            fn into_future(self) -> Self::IntoFuture {
                self.send()
            }
        }
    };
}

/// The `Answer` of an operation declared by [`operation!`](crate::operation!): its output,
/// passed through, unless it declares an `answer` type (and its own `finish`).
#[doc(hidden)]
#[macro_export]
macro_rules! __operation_answer {
    (() $output:ty) => {
        type Answer = $output;

        fn finish(
            answer: Self::Answer,
            _lang: $crate::Lang,
        ) -> ::core::result::Result<Self::Output, $crate::Error> {
            ::core::result::Result::Ok(answer)
        }
    };
    (($answer:ty) $output:ty) => {
        type Answer = $answer;
    };
}
