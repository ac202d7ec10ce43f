//! Access control (issue 7, management §2.5): a role hierarchy grants a resource to a user
//! through a group and `is_allowed` says yes; a DENY policy wins; `revoke_resource` and
//! deleting the role take it back; authorized targets list it; namespaces and resources
//! CRUD with their uniqueness codes; a programmatic access account gets tokens by client
//! credentials until it is disabled; an application's roles, ACL, active users and type.

use authing_core::model::{
    CreateUserInput, PolicyAssignmentTargetType, PolicyEffect, PolicyStatement,
};
use authing_core::{GraphQlOperation, Secret, codes};
use authing_management::acl::{
    AuthorizeResourceOpt, ResourceAction, ResourceType, RevokeTarget, TargetActions,
};
use authing_management::applications::ApplicationType;
use authing_tests::{Env, each_transport};
use serde_json::{Value, json};

use PolicyAssignmentTargetType::{Group, Role, User};

/// The `authorizedResources` fields of a user, a role and a group (no SDK operation of this
/// area sends them; foreign SDKs do).
const USER_RESOURCES: GraphQlOperation = GraphQlOperation::new(
    "userResources",
    "user",
    "query userResources($id: String!) {\n  user(id: $id) { authorizedResources(resourceType: \"DATA\") { totalCount list { code type actions } } }\n}\n",
);
const ROLE_RESOURCES: GraphQlOperation = GraphQlOperation::new(
    "roleResources",
    "role",
    "query roleResources($code: String!) {\n  role(code: $code) { authorizedResources { totalCount list { code actions } } }\n}\n",
);
const GROUP_RESOURCES: GraphQlOperation = GraphQlOperation::new(
    "groupResources",
    "group",
    "query groupResources($code: String!) {\n  group(code: $code) { authorizedResources { totalCount } }\n}\n",
);

async fn user(env: &Env, name: &str) -> String {
    env.management()
        .users()
        .create(CreateUserInput {
            username: Some(name.into()),
            password: Some(Secret::from("passw0rd!")),
            ..Default::default()
        })
        .await
        .expect("create user")
        .id
}

async fn permissions(env: Env) {
    let management = env.management();
    let acl = management.acl();
    let ann = user(&env, "ann").await;
    let bob = user(&env, "bob").await;

    // A resource of the default namespace; its code is unique there.
    let books = acl
        .create_resource(
            "books",
            ResourceType::Data,
            vec![
                ResourceAction::new("read", "Read"),
                ResourceAction::new("write", "Write"),
            ],
        )
        .description("All books")
        .await
        .expect("create resource");
    assert_eq!(books.namespace.as_deref(), Some("default"));
    assert_eq!(books.actions.len(), 2);
    let taken = acl
        .create_resource("books", ResourceType::Api, Vec::new())
        .await
        .expect_err("the code is taken");
    assert!(taken.is(codes::RESOURCE_EXISTS), "{taken}");

    // ann is in `staff`, whose role `clerk` inherits from `reader`.
    let roles = management.roles();
    roles.create("reader").await.expect("role");
    roles
        .create("clerk")
        .parent("reader")
        .await
        .expect("child role");
    management
        .groups()
        .create("staff", "Staff")
        .await
        .expect("group");
    management
        .groups()
        .add_users("staff", vec![ann.clone()])
        .await
        .expect("member");
    roles
        .add_groups("clerk", vec!["staff".into()])
        .await
        .expect("group role");
    assert!(!acl.is_allowed(&ann, "books", "read").await.expect("asks"));

    // The parent role is authorized: ann may read, through group → clerk → reader.
    let unknown = acl
        .authorize_resource(
            "films",
            vec![AuthorizeResourceOpt::new(
                Role,
                "reader",
                vec!["read".into()],
            )],
        )
        .await
        .expect_err("no such resource");
    assert!(unknown.is(codes::RESOURCE_NOT_FOUND), "{unknown}");
    acl.authorize_resource(
        "books",
        vec![AuthorizeResourceOpt::new(
            Role,
            "reader",
            vec!["read".into()],
        )],
    )
    .resource_type(ResourceType::Data)
    .await
    .expect("authorize");
    for (who, action, expected) in [
        (&ann, "read", true),
        (&ann, "write", false),
        (&bob, "read", false),
    ] {
        let allowed = acl.is_allowed(who, "books", action).await.expect("asks");
        assert_eq!(allowed, expected, "{who} {action}");
    }
    let missing = acl
        .is_allowed("nobody", "books", "read")
        .await
        .expect_err("no such user");
    assert!(missing.is(codes::USER_NOT_FOUND), "{missing}");

    // `allow` adds a user's own permission; targets list both, filtered by actions.
    acl.allow(&bob, "books", "write").await.expect("allow");
    assert!(acl.is_allowed(&bob, "books", "write").await.expect("asks"));
    let any = acl
        .authorized_targets(ResourceType::Data, "books")
        .actions(TargetActions::any(vec!["read".into(), "write".into()]))
        .await
        .expect("targets");
    assert_eq!(any.total_count, Some(2));
    assert_eq!(any.list[0].target_type, Some(Role));
    assert_eq!(any.list[0].target_identifier.as_deref(), Some("reader"));
    assert_eq!(any.list[1].target_identifier.as_deref(), Some(bob.as_str()));
    let all = acl
        .authorized_targets(ResourceType::Data, "books")
        .actions(TargetActions::all(vec!["read".into(), "write".into()]))
        .await
        .expect("targets");
    assert_eq!(all.total_count, Some(0));
    let users_only = acl
        .authorized_targets(ResourceType::Data, "books")
        .target_type(User)
        .await
        .expect("targets");
    assert_eq!(users_only.list.len(), 1);
    // The by-code twin (go `GetAuthorizedTargetsCode`) answers the same targets.
    let by_code = acl
        .authorized_targets_code(ResourceType::Data, "books")
        .actions(TargetActions::any(vec!["read".into(), "write".into()]))
        .await
        .expect("targets by code");
    assert_eq!(by_code.total_count, Some(2));
    assert_eq!(by_code.list[0].target_type, Some(Role));
    assert_eq!(by_code.list[0].target_identifier.as_deref(), Some("reader"));
    assert_eq!(
        by_code.list[1].target_identifier.as_deref(),
        Some(bob.as_str())
    );
    let users_only_by_code = acl
        .authorized_targets_code(ResourceType::Data, "books")
        .target_type(User)
        .await
        .expect("targets by code");
    assert_eq!(users_only_by_code.list.len(), 1);
    let resources = acl
        .list_authorized_resources(User, &ann)
        .resource_type("DATA")
        .await
        .expect("authorized resources");
    assert_eq!(resources.total_count, 1);
    assert_eq!(resources.list[0].code, "books");
    assert_eq!(resources.list[0].resource_type.as_deref(), Some("DATA"));
    assert_eq!(resources.list[0].actions, Some(vec!["read".to_owned()]));

    // The same, through the objects' own `authorizedResources` fields.
    let of_user: Value = management
        .graphql(&USER_RESOURCES, json!({ "id": ann }))
        .await
        .expect("user resources");
    assert_eq!(
        of_user["authorizedResources"],
        json!({ "totalCount": 1, "list": [{ "code": "books", "type": "DATA", "actions": ["read"] }] })
    );
    let of_role: Value = management
        .graphql(&ROLE_RESOURCES, json!({ "code": "reader" }))
        .await
        .expect("role resources");
    assert_eq!(
        of_role["authorizedResources"],
        json!({ "totalCount": 1, "list": [{ "code": "books", "actions": ["read"] }] })
    );
    let of_group: Value = management
        .graphql(&GROUP_RESOURCES, json!({ "code": "staff" }))
        .await
        .expect("group resources");
    assert_eq!(
        of_group["authorizedResources"]["totalCount"], 0,
        "a group holds only its own grants"
    );

    // A DENY policy on the group wins over the grant, until it is removed.
    let policies = management.policies();
    policies
        .create(
            "no-books",
            vec![PolicyStatement::new("books", ["*"], PolicyEffect::Deny)],
        )
        .await
        .expect("policy");
    policies
        .add_assignments(vec!["no-books".into()], Group, vec!["staff".into()])
        .await
        .expect("assign");
    assert!(!acl.is_allowed(&ann, "books", "read").await.expect("asks"));
    policies
        .remove_assignments(vec!["no-books".into()], Group, vec!["staff".into()])
        .await
        .expect("unassign");
    assert!(acl.is_allowed(&ann, "books", "read").await.expect("asks"));

    // revoke_resource takes bob's permission back; deleting the role takes ann's.
    acl.revoke_resource("books", vec![RevokeTarget::new(User, &bob)])
        .await
        .expect("revoke");
    assert!(!acl.is_allowed(&bob, "books", "write").await.expect("asks"));
    roles.delete("reader").await.expect("delete role");
    assert!(!acl.is_allowed(&ann, "books", "read").await.expect("asks"));
    let none = acl
        .authorized_targets(ResourceType::Data, "books")
        .await
        .expect("targets");
    assert!(none.list.is_empty(), "{none:?}");

    // Deleting the resource clears what is left on it.
    acl.allow(&ann, "books", "read").await.expect("allow");
    acl.delete_resource("books").await.expect("delete");
    assert!(!acl.is_allowed(&ann, "books", "read").await.expect("asks"));
    let gone = acl.resource_by_code("books").await.expect_err("gone");
    assert!(gone.is(codes::RESOURCE_NOT_FOUND), "{gone}");
}

async fn namespaces_and_resources(env: Env) {
    let management = env.management();
    let acl = management.acl();
    // `default` and the pool's application exist from the start.
    let page = acl.list_namespaces().await.expect("list");
    let codes: Vec<&str> = page.list.iter().map(|ns| ns.code.as_str()).collect();
    assert_eq!(codes, vec!["default", env.pool.app_id.as_str()]);
    assert_eq!(page.total, 2);

    let library = acl
        .create_namespace("library", "Library")
        .description("Books and films")
        .await
        .expect("create namespace");
    assert_eq!(library.code, "library");
    let taken = acl
        .create_namespace("library", "Again")
        .await
        .expect_err("taken");
    assert!(taken.is(codes::NAMESPACE_EXISTS), "{taken}");
    let renamed = acl
        .update_namespace(library.id)
        .name("The library")
        .await
        .expect("update by id");
    assert_eq!(renamed.name.as_deref(), Some("The library"));

    // Resources live in a namespace; the same code may be used in another.
    let in_library = management.acl_in("library");
    let films = in_library
        .create_resource(
            "films",
            ResourceType::Menu,
            vec![ResourceAction::new("watch", "Watch")],
        )
        .await
        .expect("create");
    acl.create_resource("films", ResourceType::Api, Vec::new())
        .api_identifier("https://api.example/films")
        .await
        .expect("same code, other namespace");
    let by_id = acl.resource_by_id(&films.id).await.expect("by id");
    assert_eq!(by_id.namespace.as_deref(), Some("library"));
    assert_eq!(by_id.namespace_id, Some(library.id));
    let updated = in_library
        .update_resource("films")
        .description("Moving pictures")
        .resource_type(ResourceType::Data)
        .await
        .expect("update");
    assert_eq!(updated.description.as_deref(), Some("Moving pictures"));
    assert_eq!(updated.resource_type, Some(ResourceType::Data));
    let menus = acl
        .list_resources()
        .resource_type(ResourceType::Api)
        .await
        .expect("list");
    assert_eq!(menus.total_count, 1);
    let nowhere = management
        .acl_in("nowhere")
        .create_resource("x", ResourceType::Data, Vec::new())
        .await
        .expect_err("no namespace");
    assert!(nowhere.is(codes::NAMESPACE_NOT_FOUND), "{nowhere}");

    // Renaming a namespace moves its resources; deleting it deletes them.
    acl.update_namespace_by_code("library")
        .code("media")
        .await
        .expect("rename");
    let moved = management
        .acl_in("media")
        .resource_by_code("films")
        .await
        .expect("moved");
    assert_eq!(moved.id, films.id);
    acl.delete_namespace_by_code("media").await.expect("delete");
    let gone = acl.resource_by_id(&films.id).await.expect_err("gone");
    assert!(gone.is(codes::RESOURCE_NOT_FOUND), "{gone}");
    let again = acl
        .delete_namespace(library.id)
        .await
        .expect_err("already gone");
    assert!(again.is(codes::NAMESPACE_NOT_FOUND), "{again}");
    let fixed = acl
        .delete_namespace_by_code("default")
        .await
        .expect_err("the default namespace stays");
    assert!(fixed.is(codes::INVALID_PARAMS), "{fixed}");
}

async fn applications(env: Env) {
    let management = env.management();
    let shop = management
        .applications()
        .create("Shop", "shop", Vec::new())
        .await
        .expect("create app");
    let app = management.application(&shop.id);

    // The application is a namespace: its roles and resources are its own.
    app.roles().create("staff").await.expect("app role");
    let in_default = management.roles().detail("staff").await.expect("asks");
    assert!(in_default.is_none(), "the role is the app's");
    app.create_resource(
        "orders",
        ResourceType::Api,
        vec![ResourceAction::new("read", "Read")],
    )
    .await
    .expect("app resource");
    let listed = app.list_resources().await.expect("list");
    assert_eq!(listed.list[0].namespace.as_deref(), Some(shop.id.as_str()));
    let ann = user(&env, "ann").await;
    app.roles()
        .add_users("staff", vec![ann.clone()])
        .await
        .expect("assign");
    app.acl()
        .authorize_resource(
            "orders",
            vec![AuthorizeResourceOpt::new(
                Role,
                "staff",
                vec!["read".into()],
            )],
        )
        .await
        .expect("authorize");
    assert!(
        app.acl()
            .is_allowed(&ann, "orders", "read")
            .await
            .expect("asks")
    );
    assert!(
        !management
            .acl()
            .is_allowed(&ann, "orders", "read")
            .await
            .expect("asks")
    );

    // Active users: who logged in through the app.
    assert_eq!(app.active_users().await.expect("active").total_count, 0);
    let client = env
        .authentication_builder()
        .app_id(&shop.id)
        .build()
        .expect("authentication client");
    client
        .login_by_username("ann", "passw0rd!")
        .await
        .expect("log in");
    let active = app.active_users().await.expect("active");
    assert_eq!(active.total_count, 1);
    assert_eq!(active.list[0].id, ann);

    let typed = app
        .change_application_type(ApplicationType::Both)
        .await
        .expect("type");
    assert_eq!(typed.app_type.as_deref(), Some("BOTH"));
    let tenants = app.tenants().await.expect("tenants");
    assert_eq!(tenants.id, shop.id);
    assert!(tenants.tenants.is_empty());
    let missing = management
        .application("nope")
        .active_users()
        .await
        .expect_err("no such app");
    assert!(missing.is(codes::APP_NOT_FOUND), "{missing}");
}

async fn programmatic_access(env: Env) {
    let management = env.management();
    let acl = management.acl();
    let account = acl
        .create_programmatic_access_account(&env.pool.app_id)
        .remarks("ci")
        .token_lifetime(3600)
        .await
        .expect("create account");
    assert_eq!(account.enabled, Some(true));
    assert_eq!(account.token_lifetime, Some(3600));
    let secret = account.secret.clone().expect("a secret");
    assert!(
        !format!("{account:?}").contains(secret.expose()),
        "Debug hides it"
    );
    let page = management
        .application(&env.pool.app_id)
        .programmatic_access_accounts()
        .await
        .expect("list");
    assert_eq!(page.total_count, 1);

    // The account's id and secret are client credentials of its application.
    let token = |secret: Secret| {
        let builder = env
            .authentication_builder()
            .app_id(&account.id)
            .build()
            .expect("client");
        async move {
            builder
                .protocols()
                .expect("an app id is set")
                .secret(secret)
                .build()
                .expect("protocol client")
                .client_credentials("orders:read")
                .send()
                .await
        }
    };
    token(secret.clone())
        .await
        .expect("an enabled account gets a token");
    token(Secret::from("wrong"))
        .await
        .expect_err("a wrong secret");
    acl.disable_programmatic_access_account(&account.id)
        .await
        .expect("disable");
    token(secret.clone())
        .await
        .expect_err("a disabled account gets none");
    acl.enable_programmatic_access_account(&account.id)
        .await
        .expect("enable");
    let fresh = acl
        .refresh_programmatic_access_account_secret(&account.id)
        .await
        .expect("refresh");
    let fresh = fresh.secret.expect("a new secret");
    assert_ne!(fresh.expose(), secret.expose());
    assert_eq!(fresh.expose().len(), 32);
    token(secret).await.expect_err("the old secret is gone");
    token(fresh).await.expect("the new one works");
    acl.delete_programmatic_access_account(&account.id)
        .await
        .expect("delete");
    let gone = acl
        .delete_programmatic_access_account(&account.id)
        .await
        .expect_err("gone");
    assert!(gone.is(codes::ACCESS_ACCOUNT_NOT_FOUND), "{gone}");
}

each_transport!(
    permissions,
    namespaces_and_resources,
    applications,
    programmatic_access
);
