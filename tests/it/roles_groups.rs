//! Roles and groups end to end: a role hierarchy, a user holding a role directly and another
//! through a group, the user's roles with inheritance, the role's users over REST, and a
//! deletion that takes the links with it.

use authing_core::model::{CreateUserInput, Role};
use authing_core::{GraphQlOperation, Secret, codes};
use authing_tests::{Env, each_transport};
use http::Method;
use serde::Deserialize;
use serde_json::{Value, json};

/// `user(id) { roles(namespace) }`: the user's roles (no SDK operation of this area).
const USER_ROLES: GraphQlOperation = GraphQlOperation::new(
    "userRoles",
    "user",
    "query userRoles($id: String!, $namespace: String) {\n  user(id: $id) {\n    roles(namespace: $namespace) { totalCount list { code } }\n    groups { totalCount list { code } }\n  }\n}\n",
);

/// `assignRole` to groups (the member family assigns to users only).
const ASSIGN_TO_GROUPS: GraphQlOperation = GraphQlOperation::new(
    "assignRoleToGroups",
    "assignRole",
    "mutation assignRoleToGroups($roleCodes: [String], $groupCodes: [String!]) {\n  assignRole(roleCodes: $roleCodes, groupCodes: $groupCodes) { code message }\n}\n",
);

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Codes {
    total_count: i64,
    list: Vec<Code>,
}

#[derive(Debug, Deserialize)]
struct Code {
    code: String,
}

#[derive(Debug, Deserialize)]
struct UserRelations {
    roles: Codes,
    groups: Codes,
}

fn codes(page: &Codes) -> Vec<&str> {
    page.list.iter().map(|c| c.code.as_str()).collect()
}

async fn relations(env: &Env, user_id: &str) -> UserRelations {
    env.management()
        .graphql(&USER_ROLES, json!({ "id": user_id }))
        .await
        .expect("the user's roles and groups")
}

async fn role_hierarchy(env: Env) {
    let management = env.management();
    let roles = management.roles();
    let groups = management.groups();
    let user = |name: &str| CreateUserInput {
        username: Some(name.into()),
        password: Some(Secret::from("passw0rd!")),
        ..Default::default()
    };
    let alice = management
        .users()
        .create(user("alice"))
        .await
        .expect("alice");
    let bob = management.users().create(user("bob")).await.expect("bob");

    roles
        .create("staff")
        .description("everyone")
        .await
        .expect("staff");
    let admin: Role = roles.create("admin").parent("staff").await.expect("admin");
    assert_eq!(
        admin.parent.as_ref().map(|p| p.code.as_str()),
        Some("staff")
    );
    roles.create("auditor").await.expect("auditor");
    let taken = roles.create("admin").await.expect_err("taken");
    assert!(taken.is(codes::ROLE_EXISTS), "{taken}");
    let orphan = roles
        .create("x")
        .parent("nope")
        .await
        .expect_err("no parent");
    assert!(orphan.is(codes::ROLE_NOT_FOUND), "{orphan}");
    // The same code in another namespace is another role.
    management
        .roles_in("app1")
        .create("admin")
        .await
        .expect("app role");

    groups.create("audit", "Audit").await.expect("group");
    let dup = groups.create("audit", "Again").await.expect_err("taken");
    assert!(dup.is(codes::GROUP_EXISTS), "{dup}");

    roles
        .add_users("admin", vec![alice.id.clone()])
        .await
        .expect("direct");
    groups
        .add_users("audit", vec![bob.id.clone(), alice.id.clone()])
        .await
        .expect("members");
    let _: Value = management
        .graphql(
            &ASSIGN_TO_GROUPS,
            json!({ "roleCodes": ["auditor"], "groupCodes": ["audit"] }),
        )
        .await
        .expect("role to group");

    let of_alice = relations(&env, &alice.id).await;
    assert_eq!(codes(&of_alice.roles), ["admin", "staff", "auditor"]);
    assert_eq!(of_alice.roles.total_count, 3);
    assert_eq!(codes(&of_alice.groups), ["audit"]);
    let of_bob = relations(&env, &bob.id).await;
    assert_eq!(codes(&of_bob.roles), ["auditor"]);

    let page = roles.list().await.expect("list");
    assert_eq!(page.total_count, 3, "the default namespace only");
    assert_eq!(page.list[0].code, "auditor", "newest first");
    let detail = roles
        .detail("admin")
        .await
        .expect("detail")
        .expect("exists");
    assert_eq!(detail.parent.map(|p| p.code), Some("staff".to_owned()));
    assert!(roles.detail("nope").await.expect("null").is_none());
    let members = roles.list_users("admin").await.expect("members");
    assert_eq!(members.total_count, 1);
    assert_eq!(members.list[0].id, alice.id);
    let group_members = groups.list_users("audit").await.expect("members");
    assert_eq!(group_members.total_count, 2);
    let found: Value = management
        .rest(
            Method::POST,
            "/api/v2/roles/roleUsers",
            Some(&json!({ "code": "admin", "namespace": "default", "search": "ali", "page": 1, "limit": 10 })),
        )
        .await
        .expect("roleUsers");
    assert_eq!(found["totalCount"], 1, "{found}");
    assert_eq!(found["list"][0]["username"], "alice", "{found}");

    // Deleting a role takes its links; its children lose their parent.
    roles.delete("staff").await.expect("deleted");
    let of_alice = relations(&env, &alice.id).await;
    assert_eq!(codes(&of_alice.roles), ["admin", "auditor"]);
    let admin = roles.detail("admin").await.expect("detail").expect("stays");
    assert!(admin.parent.is_none());
    groups.delete("audit").await.expect("group deleted");
    let of_bob = relations(&env, &bob.id).await;
    assert!(of_bob.roles.list.is_empty() && of_bob.groups.list.is_empty());
    roles
        .delete_many(vec!["admin".into(), "auditor".into()])
        .await
        .expect("deleted");
    assert!(relations(&env, &alice.id).await.roles.list.is_empty());
    let gone = roles.list_users("admin").await.expect_err("no such role");
    assert!(gone.is(codes::NOT_FOUND), "{gone}");
    let missing = roles.delete("admin").await.expect_err("already gone");
    assert!(missing.is(codes::ROLE_NOT_FOUND), "{missing}");
}

each_transport!(role_hierarchy);
