//! Members of a role or a group: [`MembersHandler`] (`role{users}`/`group{users}`,
//! `assignRole`/`addUserToGroup`, `revokeRole`/`removeUserFromGroup`).

use authing_core::model::{CommonMessage, PaginatedUsers};
use authing_core::{Error, Lang, Transport, Wire, codes, operation};
use http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::checks::{check_page, require};
use crate::client::ManagementClient;
use crate::graphql;

/// What has members: the kind of the object a [`MembersHandler`] works on.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MembersOf {
    /// A role (by code, in a namespace): its members are the users it is assigned to.
    Role,
    /// A group (by code).
    Group,
}

/// The members of one role or group; get one with
/// [`ManagementClient::role_members`](crate::ManagementClient::role_members) or
/// [`ManagementClient::group_members`](crate::ManagementClient::group_members).
#[derive(Debug, Clone)]
pub struct MembersHandler<T> {
    client: ManagementClient<T>,
    of: MembersOf,
    code: String,
    namespace: Option<String>,
}

impl<T: Transport> MembersHandler<T> {
    pub(crate) fn new(client: ManagementClient<T>, of: MembersOf, code: String) -> Self {
        Self {
            client,
            of,
            code,
            namespace: None,
        }
    }

    /// The role's namespace (permission group) code; default: the pool's default one.
    /// Roles only.
    pub fn namespace(mut self, namespace: impl Into<String>) -> Self {
        self.namespace = Some(namespace.into());
        self
    }

    /// One page of the members.
    pub fn list(&self) -> ListMembers<ManagementClient<T>> {
        let list = ListMembers::new(self.client.clone(), self.of, self.code.clone());
        match &self.namespace {
            Some(namespace) => list.namespace(namespace.clone()),
            None => list,
        }
    }

    /// Makes users (by id) members.
    pub fn add(&self, user_ids: Vec<String>) -> AddMembers<ManagementClient<T>> {
        let add = AddMembers::new(self.client.clone(), self.of, self.code.clone(), user_ids);
        match &self.namespace {
            Some(namespace) => add.namespace(namespace.clone()),
            None => add,
        }
    }

    /// Makes users (by id) members no more.
    pub fn remove(&self, user_ids: Vec<String>) -> RemoveMembers<ManagementClient<T>> {
        let remove = RemoveMembers::new(self.client.clone(), self.of, self.code.clone(), user_ids);
        match &self.namespace {
            Some(namespace) => remove.namespace(namespace.clone()),
            None => remove,
        }
    }
}

/// `role{users}` / `group{users}`: the object, with one page of its users.
#[derive(Debug, Deserialize)]
pub struct WithUsers {
    users: PaginatedUsers,
}

operation! {
    /// One page of the members of a role (`roleMembers`) or a group (`groupMembers`); a
    /// role or group that does not exist is [`Error::Api`] with [`codes::NOT_FOUND`].
    pub struct ListMembers -> PaginatedUsers {
        wire(op): Wire::Graphql(match op.of {
            MembersOf::Role => &graphql::ROLE_MEMBERS,
            MembersOf::Group => &graphql::GROUP_MEMBERS,
        }),
        auth: Management,
        answer: Option<WithUsers>,
        required {
            /// Role or group.
            #[serde(skip_serializing)]
            of: MembersOf,
            /// The role's or group's code.
            code: String,
        }
        optional {
            /// The role's namespace code (roles only).
            namespace: String,
        }
        defaults {
            /// The page, 1-based (default 1).
            page: u32 = 1,
            /// Users per page (default 10).
            limit: u32 = 10,
            /// Whether to fetch each user's custom data too (default no).
            #[serde(default, skip_serializing_if = "std::ops::Not::not")]
            with_custom_data: bool = false,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                check_page(self.page, self.limit)?;
                check_target(self.of, &self.code, self.namespace.as_deref())
            }

            /// A role or group that does not exist comes back as `null`: that is a
            /// [`codes::NOT_FOUND`] error, not an empty page.
            fn finish(answer: Option<WithUsers>, lang: Lang) -> Result<PaginatedUsers, Error> {
                answer.map(|found| found.users).ok_or_else(|| {
                    let message = match lang {
                        Lang::EnUs => "No such role or group",
                        _ => "角色或分组不存在",
                    };
                    Error::Api {
                        code: codes::NOT_FOUND,
                        message: message.to_owned(),
                        data: None,
                        status: StatusCode::OK,
                    }
                })
            }
        }
    }
}

operation! {
    /// Makes users members of a role (`assignRole`) or a group (`addUserToGroup`).
    pub struct AddMembers -> Option<CommonMessage> {
        wire(op): Wire::Graphql(match op.of {
            MembersOf::Role => &graphql::ASSIGN_ROLE,
            MembersOf::Group => &graphql::ADD_USER_TO_GROUP,
        }),
        auth: Management,
        required {
            /// Role or group.
            #[serde(skip_serializing)]
            of: MembersOf,
            /// The role's or group's code.
            code: String,
            /// The users' ids.
            user_ids: Vec<String>,
        }
        optional {
            /// The role's namespace code (roles only).
            namespace: String,
            /// Groups (by code) that get the role too; their members then hold it (roles
            /// only).
            group_codes: Vec<String>,
            /// More roles (by code, same namespace) in the same call (roles only).
            #[serde(skip_serializing)]
            more_codes: Vec<String>,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                check_assignment(
                    self.of,
                    &self.code,
                    self.namespace.as_deref(),
                    &self.user_ids,
                    self.group_codes.as_deref(),
                )?;
                check_more_codes(self.of, self.more_codes.as_deref())
            }

            fn amend(&self, arguments: &mut Map<String, Value>) {
                role_codes(self.of, self.more_codes.as_deref(), arguments);
            }
        }
    }
}

operation! {
    /// Makes users members of a role (`revokeRole`) or a group (`removeUserFromGroup`) no
    /// more.
    pub struct RemoveMembers -> Option<CommonMessage> {
        wire(op): Wire::Graphql(match op.of {
            MembersOf::Role => &graphql::REVOKE_ROLE,
            MembersOf::Group => &graphql::REMOVE_USER_FROM_GROUP,
        }),
        auth: Management,
        required {
            /// Role or group.
            #[serde(skip_serializing)]
            of: MembersOf,
            /// The role's or group's code.
            code: String,
            /// The users' ids.
            user_ids: Vec<String>,
        }
        optional {
            /// The role's namespace code (roles only).
            namespace: String,
            /// Groups (by code) that get the role too; their members then hold it (roles
            /// only).
            group_codes: Vec<String>,
            /// More roles (by code, same namespace) in the same call (roles only).
            #[serde(skip_serializing)]
            more_codes: Vec<String>,
        }
        impl {
            fn check(&self) -> Result<(), Error> {
                check_assignment(
                    self.of,
                    &self.code,
                    self.namespace.as_deref(),
                    &self.user_ids,
                    self.group_codes.as_deref(),
                )?;
                check_more_codes(self.of, self.more_codes.as_deref())
            }

            fn amend(&self, arguments: &mut Map<String, Value>) {
                role_codes(self.of, self.more_codes.as_deref(), arguments);
            }
        }
    }
}

fn check_target(of: MembersOf, code: &str, namespace: Option<&str>) -> Result<(), Error> {
    require("code", code)?;
    if of == MembersOf::Group && namespace.is_some() {
        return Err(Error::invalid_argument(
            "groups have no namespace; roles do",
        ));
    }
    Ok(())
}

fn check_members(
    of: MembersOf,
    code: &str,
    namespace: Option<&str>,
    user_ids: &[String],
) -> Result<(), Error> {
    check_target(of, code, namespace)?;
    if user_ids.is_empty() {
        return Err(Error::invalid_argument("name at least one user id"));
    }
    user_ids.iter().try_for_each(|id| require("user id", id))
}

/// Users, or groups (roles only), or both; a group has no groups.
fn check_assignment(
    of: MembersOf,
    code: &str,
    namespace: Option<&str>,
    user_ids: &[String],
    group_codes: Option<&[String]>,
) -> Result<(), Error> {
    match group_codes {
        Some(_) if of == MembersOf::Group => Err(Error::invalid_argument(
            "group codes are for roles: a group has no groups",
        )),
        Some(codes) if !codes.is_empty() => {
            check_target(of, code, namespace)?;
            codes.iter().try_for_each(|c| require("group code", c))?;
            user_ids.iter().try_for_each(|id| require("user id", id))
        }
        _ => check_members(of, code, namespace, user_ids),
    }
}

/// More role codes are for roles, and none is blank.
fn check_more_codes(of: MembersOf, more: Option<&[String]>) -> Result<(), Error> {
    match more {
        Some(_) if of == MembersOf::Group => Err(Error::invalid_argument(
            "more codes are for roles: add a user to one group at a time",
        )),
        Some(codes) => codes.iter().try_for_each(|c| require("role code", c)),
        None => Ok(()),
    }
}

/// `assignRole` and `revokeRole` take a list of role codes (the `code`, then `more`), not a
/// `code`.
fn role_codes(of: MembersOf, more: Option<&[String]>, arguments: &mut Map<String, Value>) {
    if of == MembersOf::Role
        && let Some(code) = arguments.remove("code")
    {
        let more = more.unwrap_or_default().iter().cloned().map(Value::String);
        let codes = std::iter::once(code).chain(more).collect();
        arguments.insert("roleCodes".to_owned(), Value::Array(codes));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use authing_core::{ApiClient, Operation};
    use bytes::Bytes;

    fn api() -> ApiClient<impl Transport> {
        let transport = authing_core::transport_fn(|_r: http::Request<Bytes>| async {
            Ok(http::Response::new(Bytes::new()))
        });
        ApiClient::builder(transport).build().expect("valid")
    }

    fn variables(request: &http::Request<Bytes>) -> Value {
        let body: Value = serde_json::from_slice(request.body()).expect("json");
        body["variables"].clone()
    }

    #[test]
    fn one_operation_per_verb_whatever_has_the_members() {
        let api = api();
        let role = AddMembers::new((), MembersOf::Role, "admin", vec!["u1".to_owned()]);
        let group = AddMembers::new((), MembersOf::Group, "finance", vec!["u1".to_owned()]);
        assert_eq!(role.wire().name(), "assignRole");
        assert_eq!(group.wire().name(), "addUserToGroup");
        let role = api.prepare(&role).expect("prepares");
        let group = api.prepare(&group).expect("prepares");
        assert_eq!(
            variables(&role),
            serde_json::json!({"roleCodes": ["admin"], "userIds": ["u1"]})
        );
        assert_eq!(
            variables(&group),
            serde_json::json!({"code": "finance", "userIds": ["u1"]})
        );
        let to_groups = AddMembers::new((), MembersOf::Role, "admin", Vec::<String>::new())
            .group_codes(vec!["finance".to_owned()]);
        assert_eq!(
            variables(&api.prepare(&to_groups).expect("prepares")),
            serde_json::json!({"roleCodes": ["admin"], "userIds": [], "groupCodes": ["finance"]})
        );
        let many = AddMembers::new((), MembersOf::Role, "admin", vec!["u1".to_owned()])
            .more_codes(vec!["ops".to_owned()]);
        assert_eq!(
            variables(&api.prepare(&many).expect("prepares")),
            serde_json::json!({"roleCodes": ["admin", "ops"], "userIds": ["u1"]})
        );
        let many_groups = AddMembers::new((), MembersOf::Group, "g", vec!["u1".to_owned()])
            .more_codes(vec!["h".to_owned()]);
        assert!(matches!(
            api.prepare(&many_groups),
            Err(Error::InvalidArgument(_))
        ));
        let group_of_groups = AddMembers::new((), MembersOf::Group, "g", vec!["u1".to_owned()])
            .group_codes(vec!["finance".to_owned()]);
        assert!(matches!(
            api.prepare(&group_of_groups),
            Err(Error::InvalidArgument(_))
        ));
    }

    #[test]
    fn bad_arguments_are_refused_before_sending() {
        let api = api();
        let cases: [(&str, Result<http::Request<Bytes>, Error>); 4] = [
            (
                "no users",
                api.prepare(&AddMembers::new(
                    (),
                    MembersOf::Group,
                    "g",
                    Vec::<String>::new(),
                )),
            ),
            (
                "blank user",
                api.prepare(&RemoveMembers::new(
                    (),
                    MembersOf::Role,
                    "r",
                    vec![" ".to_owned()],
                )),
            ),
            (
                "a group has no namespace",
                api.prepare(&ListMembers::new((), MembersOf::Group, "g").namespace("ns")),
            ),
            (
                "page 0",
                api.prepare(&ListMembers::new((), MembersOf::Role, "r").page(0)),
            ),
        ];
        for (case, result) in cases {
            assert!(
                matches!(result, Err(Error::InvalidArgument(_))),
                "{case}: {result:?}"
            );
        }
    }
}
