//! Roles and groups end to end: a role hierarchy, a user holding a role directly and another
//! through a group, the user's roles with inheritance, the role's users over REST, and a
//! deletion that takes the links with it.

use authing_core::model::{CreateUserInput, Role};
use authing_core::{GraphQlOperation, Secret, codes};
use authing_management::users::{SearchUserGroupOpt, SearchUserRoleOpt};
use authing_tests::{Env, each_transport};
use serde::Deserialize;
use serde_json::json;

/// `user(id) { roles(namespace) }`: the user's roles (no SDK operation of this area).
const USER_ROLES: GraphQlOperation = GraphQlOperation::new(
    "userRoles",
    "user",
    "query userRoles($id: String!, $namespace: String) {\n  user(id: $id) {\n    roles(namespace: $namespace) { totalCount list { code } }\n    groups { totalCount list { code } }\n  }\n}\n",
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
    groups
        .create("ops", "Operations")
        .await
        .expect("second group");
    let listed = groups.list().await.expect("list groups");
    assert_eq!(listed.total_count, 2);
    let listed: Vec<_> = listed.list.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(listed, ["ops", "audit"], "newest first");
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
    roles
        .add_groups("auditor", vec!["audit".into()])
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
    let found = roles
        .find_users("admin")
        .search("ali".into())
        .await
        .expect("roleUsers");
    assert_eq!(found.total_count, 1, "{found:?}");
    assert_eq!(
        found.list[0].username.as_deref(),
        Some("alice"),
        "{found:?}"
    );
    let nobody = roles
        .find_users("admin")
        .search("bob".into())
        .await
        .expect("roleUsers");
    assert_eq!(nobody.total_count, 0, "{nobody:?}");
    let unknown = roles.find_users("nope").await.expect_err("no such role");
    assert!(unknown.is(codes::ROLE_NOT_FOUND), "{unknown}");

    // searchUser narrowed by membership: direct holders of a role, members of a group.
    let search = |query: &str| management.users().search(query);
    let role = |code: &str| SearchUserRoleOpt {
        namespace: None,
        code: code.into(),
    };
    let group = |code: &str| SearchUserGroupOpt {
        code: Some(code.into()),
    };
    let admins = search("")
        .role_opts(vec![role("admin")])
        .await
        .expect("search");
    assert_eq!(admins.total_count, 1);
    assert_eq!(admins.list[0].id, alice.id);
    let in_audit = search("b")
        .group_opts(vec![group("audit")])
        .await
        .expect("search");
    assert_eq!(in_audit.total_count, 1, "the keyword still applies");
    assert_eq!(in_audit.list[0].id, bob.id);
    let both = search("")
        .role_opts(vec![role("admin")])
        .group_opts(vec![group("audit")])
        .await
        .expect("search");
    assert_eq!(both.total_count, 1, "kinds narrow each other");
    let app_admins = search("")
        .role_opts(vec![SearchUserRoleOpt {
            namespace: Some("app1".into()),
            code: "admin".into(),
        }])
        .await
        .expect("search");
    assert_eq!(app_admins.total_count, 0, "roles are per namespace");

    // Deleting a role takes its links; its children lose their parent.
    roles.delete("staff").await.expect("deleted");
    let of_alice = relations(&env, &alice.id).await;
    assert_eq!(codes(&of_alice.roles), ["admin", "auditor"]);
    let admin = roles.detail("admin").await.expect("detail").expect("stays");
    assert!(admin.parent.is_none());
    roles
        .remove_groups("auditor", vec!["audit".into()])
        .await
        .expect("revoked from the group");
    assert!(relations(&env, &bob.id).await.roles.list.is_empty());
    roles
        .add_groups("auditor", vec!["audit".into()])
        .await
        .expect("again");
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
