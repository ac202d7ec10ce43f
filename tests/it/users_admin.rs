//! Users, round 2 (management §2.1): an administrator suspends and activates, kicks and logs
//! out, archives, links identities, reads a user's roles, groups and the user-action log, and
//! sends the first-login email; each scenario over every transport.

use authing_core::model::{CreateUserInput, User};
use authing_core::{Error, GraphQlOperation, Secret, codes};
use authing_management::ManagementClient;
use authing_tests::{DynTransport, Env, each_transport};
use serde_json::json;

/// Creates a user `name` with a password and an email.
async fn create(management: &ManagementClient<DynTransport>, name: &str) -> User {
    management
        .users()
        .create(CreateUserInput {
            username: Some(name.into()),
            email: Some(format!("{name}@example.com")),
            password: Some(Secret::from("passw0rd!")),
            ..Default::default()
        })
        .await
        .expect("create user")
}

/// Logs `name` in; the token of the login.
async fn log_in(env: &Env, name: &str) -> Result<Secret, Error> {
    let auth = env.authentication();
    auth.login_by_username(name, "passw0rd!").await?;
    Ok(auth.token().expect("a login holds its token"))
}

/// The current user of a client made from `token` alone.
async fn current_user(env: &Env, token: Secret) -> Result<User, Error> {
    env.authentication_builder()
        .token(token)
        .build()
        .expect("a client from a token")
        .get_current_user()
        .await
}

fn code_of(error: &Error) -> Option<i64> {
    match error {
        Error::Api { code, .. } => Some(*code),
        _ => None,
    }
}

async fn suspension_blocks_login_until_activated(env: Env) {
    let management = env.management();
    let user = create(&management, "sam").await;
    let token = log_in(&env, "sam").await.expect("logs in");

    management.users().suspend(&user.id).await.expect("suspend");
    let detail = management.users().detail(&user.id).await.expect("detail");
    assert_eq!(
        detail.status,
        Some(authing_core::model::UserStatus::Suspended)
    );
    let refused = log_in(&env, "sam").await.expect_err("suspended");
    assert_eq!(code_of(&refused), Some(codes::USER_LOCKED), "{refused:?}");
    let old = current_user(&env, token)
        .await
        .expect_err("its tokens ended");
    assert_eq!(code_of(&old), Some(codes::LOGIN_INVALID), "{old:?}");
    let no_token = management.users().refresh_token(&user.id).await;
    assert_eq!(
        code_of(&no_token.expect_err("suspended")),
        Some(codes::USER_LOCKED)
    );

    management
        .users()
        .activate(&user.id)
        .await
        .expect("activate");
    let token = log_in(&env, "sam")
        .await
        .expect("an activated user logs in");
    assert_eq!(current_user(&env, token).await.expect("live").id, user.id);

    let unknown = management.users().suspend("no-such-user").await;
    assert_eq!(
        code_of(&unknown.expect_err("unknown")),
        Some(codes::USER_NOT_FOUND)
    );
}

each_transport!(suspension_blocks_login_until_activated);

async fn kick_and_logout_end_sessions(env: Env) {
    let management = env.management();
    let user = create(&management, "kim").await;
    let app_id = env.pool.app_id.clone();

    let status = management
        .users()
        .login_status(&user.id)
        .await
        .expect("status");
    assert!(!status.is_login);
    let old = log_in(&env, "kim").await.expect("logs in");
    let status = management
        .users()
        .login_status(&user.id)
        .app_id(app_id.clone())
        .await
        .expect("status");
    assert!(status.is_login, "{status:?}");
    assert_eq!(status.user.expect("the user").id, user.id);
    assert_eq!(status.application.len(), 1);
    assert_eq!(status.application[0].id, app_id);

    management
        .users()
        .kick(vec![user.id.clone()])
        .await
        .expect("kick");
    let refused = current_user(&env, old).await.expect_err("kicked");
    assert_eq!(code_of(&refused), Some(codes::LOGIN_INVALID), "{refused:?}");
    let status = management
        .users()
        .login_status(&user.id)
        .await
        .expect("status");
    assert!(!status.is_login);
    let new = log_in(&env, "kim").await.expect("a new login works");
    assert_eq!(
        current_user(&env, new.clone()).await.expect("live").id,
        user.id
    );

    // An administrator's logout of the user, from their application.
    let minted = management
        .users()
        .refresh_token(&user.id)
        .await
        .expect("refresh");
    management
        .users()
        .logout(&user.id)
        .app_id(app_id)
        .await
        .expect("logout");
    for token in [new, minted.token] {
        let refused = current_user(&env, token).await.expect_err("logged out");
        assert_eq!(code_of(&refused), Some(codes::LOGIN_INVALID));
    }

    let unknown = management
        .users()
        .kick(vec![user.id.clone(), "no-such-user".into()])
        .await;
    assert_eq!(
        code_of(&unknown.expect_err("all or none")),
        Some(codes::USER_NOT_FOUND)
    );
    let empty = management.users().kick(Vec::new()).await;
    assert!(matches!(empty, Err(Error::InvalidArgument(_))), "{empty:?}");
}

each_transport!(kick_and_logout_end_sessions);

async fn resigned_users_are_archived(env: Env) {
    let management = env.management();
    let user = create(&management, "ria").await;
    let stays = create(&management, "stu").await;
    let archived = management.users().list_archived().await.expect("archived");
    assert_eq!(archived.total_count, 0);

    management.users().resign(&user.id).await.expect("resign");
    let archived = management.users().list_archived().await.expect("archived");
    assert_eq!(archived.total_count, 1);
    assert_eq!(archived.list[0].id, user.id);
    assert_eq!(
        archived.list[0].status,
        Some(authing_core::model::UserStatus::Resigned)
    );
    let users = management.users().list().limit(50).await.expect("users");
    assert!(users.list.iter().all(|u| u.id != user.id));
    assert!(users.list.iter().any(|u| u.id == stays.id));
    let gone = management
        .users()
        .detail(&user.id)
        .await
        .expect_err("not a user");
    assert_eq!(code_of(&gone), Some(codes::USER_NOT_FOUND));
    assert!(
        log_in(&env, "ria").await.is_err(),
        "an archived user cannot log in"
    );
}

each_transport!(resigned_users_are_archived);

async fn identities_link_find_unlink(env: Env) {
    let management = env.management();
    let user = create(&management, "ida").await;
    let other = create(&management, "ole").await;
    let find = || async {
        let found = management
            .users()
            .find_by_identity("github", "gh-42")
            .await
            .expect("findUser by identity");
        found.map(|found| found.id)
    };

    assert_eq!(find().await, None);
    management
        .users()
        .link_identity(&user.id, "github", "gh-42", true)
        .kind("openid")
        .await
        .expect("link");
    assert_eq!(find().await, Some(user.id.clone()));
    let taken = management
        .users()
        .link_identity(&other.id, "github", "gh-42", true)
        .await
        .expect_err("held by another user");
    assert_eq!(code_of(&taken), Some(codes::OAUTH_BOUND_ELSEWHERE));

    management
        .users()
        .unlink_identity(&user.id, "github", true)
        .await
        .expect("unlink");
    assert_eq!(find().await, None);
    let again = management
        .users()
        .unlink_identity(&user.id, "github", true)
        .await
        .expect_err("nothing to unlink");
    assert_eq!(code_of(&again), Some(codes::OAUTH_NOT_BOUND));
}

each_transport!(identities_link_find_unlink);

async fn actions_roles_groups_and_emails(env: Env) {
    let management = env.management();
    let user = create(&management, "ann").await;
    log_in(&env, "ann").await.expect("logs in");

    // The log shows the login, newest first, and only this user's actions when asked.
    let bystander = create(&management, "ben").await;
    log_in(&env, "ben").await.expect("logs in");
    let actions = management
        .users()
        .actions_of(&user.id)
        .operation_names(vec!["login".into()])
        .await
        .expect("actions");
    assert_eq!(actions.total_count, 1, "{actions:?}");
    let login = &actions.list[0];
    assert_eq!(login.operation_name.as_deref(), Some("login"));
    assert_eq!(
        login.user.as_ref().and_then(|u| u.id.as_deref()),
        Some(user.id.as_str())
    );
    let all = management.users().actions().await.expect("actions");
    let newest = all.list[0].user.as_ref().and_then(|u| u.id.clone());
    assert_eq!(newest.as_deref(), Some(bystander.id.as_str()));

    // The user's own profile change and logout are actions too, newest first.
    let auth = env.authentication();
    auth.login_by_username("ann", "passw0rd!")
        .await
        .expect("logs in");
    auth.update_profile(authing_core::model::UpdateUserInput {
        nickname: Some("Annie".into()),
        ..Default::default()
    })
    .await
    .expect("update profile");
    auth.logout().await.expect("logout");
    let mine = management
        .users()
        .actions_of(&user.id)
        .await
        .expect("actions");
    let names: Vec<_> = mine
        .list
        .iter()
        .filter_map(|a| a.operation_name.as_deref())
        .collect();
    assert_eq!(names, ["logout", "updateUserinfo", "login", "login"]);
    let app_only = management
        .users()
        .actions_of(&user.id)
        .app_ids(vec![env.pool.app_id.clone()])
        .app_records_only(true)
        .await
        .expect("actions");
    assert_eq!(app_only.total_count, 4);

    // Roles: added with the user filled in, read back three ways.
    for code in ["admin", "ops"] {
        management.roles().create(code).await.expect("create role");
    }
    management
        .users()
        .add_roles(&user.id, vec!["admin".into(), "ops".into()])
        .await
        .expect("add roles");
    let roles = management
        .users()
        .list_roles(&user.id)
        .await
        .expect("roles");
    let mut codes_held: Vec<&str> = roles.list.iter().map(|r| r.code.as_str()).collect();
    codes_held.sort_unstable();
    assert_eq!(codes_held, ["admin", "ops"]);
    let over_rest = management.users().role_list(&user.id).await.expect("roles");
    assert_eq!(over_rest.total_count, 2);
    assert!(
        management
            .users()
            .has_role(&user.id, "ops", None)
            .await
            .expect("has")
    );
    management
        .users()
        .remove_roles(&user.id, vec!["ops".into()])
        .await
        .expect("remove roles");
    assert!(
        !management
            .users()
            .has_role(&user.id, "ops", None)
            .await
            .expect("has")
    );
    let no_roles = management.users().add_roles(&user.id, Vec::new()).await;
    assert!(
        matches!(no_roles, Err(Error::InvalidArgument(_))),
        "{no_roles:?}"
    );

    // Groups.
    management
        .groups()
        .create("finance", "Finance")
        .await
        .expect("group");
    management
        .users()
        .add_group(&user.id, "finance")
        .await
        .expect("add group");
    let groups = management
        .users()
        .list_groups(&user.id)
        .await
        .expect("groups");
    assert_eq!(groups.list.len(), 1);
    assert_eq!(groups.list[0].code, "finance");
    management
        .users()
        .remove_group(&user.id, "finance")
        .await
        .expect("remove group");
    let groups = management
        .users()
        .list_groups(&user.id)
        .await
        .expect("groups");
    assert_eq!(groups.total_count, 0);

    // No organisations or tenants in the fake: the honest empty answers, 2004 for no one.
    let orgs = management.users().list_orgs(&user.id).await.expect("orgs");
    assert!(orgs.is_empty());
    let departments = management
        .users()
        .list_departments(&user.id)
        .await
        .expect("deps");
    assert_eq!(departments.total_count, 0);
    let tenants = management.users().tenants(&user.id).await.expect("tenants");
    assert_eq!(tenants.user.id, user.id);
    assert!(tenants.tenants.is_empty());
    let nobody = management.users().list_orgs("no-such-user").await;
    assert_eq!(
        code_of(&nobody.expect_err("unknown")),
        Some(codes::USER_NOT_FOUND)
    );
    let nobody = management.users().list_roles("no-such-user").await;
    assert_eq!(
        code_of(&nobody.expect_err("unknown")),
        Some(codes::USER_NOT_FOUND)
    );

    // The first-login email lands in the outbox.
    management
        .users()
        .send_first_login_verify_email(&user.id, env.pool.app_id.clone())
        .await
        .expect("send");
    let sent = env.mock.outbox_to("ann@example.com", None);
    assert_eq!(sent.len(), 1, "{sent:?}");
    let no_app = management
        .users()
        .send_first_login_verify_email(&user.id, "no-such-app")
        .await;
    assert_eq!(
        code_of(&no_app.expect_err("unknown app")),
        Some(codes::APP_NOT_FOUND)
    );
}

each_transport!(actions_roles_groups_and_emails);

/// `user(id) { authorizedResources }`, as the py and js SDKs read a user's resources.
const USER_RESOURCES: GraphQlOperation = GraphQlOperation::new(
    "userResources",
    "user",
    "query userResources($id: String!) { user(id: $id) { authorizedResources { totalCount list { code actions } } } }",
);

async fn a_users_policies_grant_resources(env: Env) {
    use authing_core::model::{PolicyEffect, PolicyStatement};

    let management = env.management();
    let user = create(&management, "pia").await;
    management
        .policies()
        .create(
            "reports",
            vec![
                PolicyStatement::new("reports:*", ["read", "write"], PolicyEffect::Allow),
                PolicyStatement::new("reports:secret", ["write"], PolicyEffect::Deny),
            ],
        )
        .await
        .expect("create policy");
    management
        .users()
        .policies(&user.id)
        .add(vec!["reports".into()])
        .await
        .expect("assign the policy");
    let assigned = management
        .users()
        .policies(&user.id)
        .list()
        .await
        .expect("list");
    assert_eq!(assigned.total_count, 1);

    let family = management
        .users()
        .authorized_resources(&user.id)
        .await
        .expect("authorized resources");
    assert_eq!(family.total_count, 1, "{family:?}");
    assert_eq!(family.list[0].code, "reports:*");
    let through_user: serde_json::Value = management
        .graphql(&USER_RESOURCES, json!({ "id": user.id }))
        .await
        .expect("user { authorizedResources }");
    assert_eq!(
        through_user["authorizedResources"],
        json!({ "totalCount": 1, "list": [{ "code": "reports:*", "actions": ["read", "write"] }] })
    );

    management
        .users()
        .policies(&user.id)
        .remove(vec!["reports".into()])
        .await
        .expect("remove the policy");
    let family = management
        .users()
        .authorized_resources(&user.id)
        .await
        .expect("authorized resources");
    assert_eq!(family.total_count, 0);
}

each_transport!(a_users_policies_grant_resources);

async fn info_and_filter(env: Env) {
    use authing_management::users::{FilterOperator, UserFilter};

    let management = env.management();
    for (name, city) in [("fay", "Beijing"), ("gus", "Shanghai"), ("hal", "Beijing")] {
        let user = create(&management, name).await;
        management
            .users()
            .update(
                &user.id,
                authing_core::model::UpdateUserInput {
                    city: Some(city.into()),
                    ..Default::default()
                },
            )
            .await
            .expect("update");
    }
    let in_beijing = management
        .users()
        .filter(vec![UserFilter::profile(
            "city",
            FilterOperator::Eq,
            "Beijing",
        )])
        .await
        .expect("filter");
    let names: Vec<_> = in_beijing
        .list
        .iter()
        .filter_map(|u| u.username.as_deref())
        .collect();
    assert_eq!(names, ["hal", "fay"]);
    let not_fay = management
        .users()
        .filter(vec![
            UserFilter::profile("city", FilterOperator::Eq, "Beijing"),
            UserFilter::profile("username", FilterOperator::Neq, "fay"),
        ])
        .await
        .expect("filter");
    assert_eq!(not_fay.total_count, 1);

    let hal = &in_beijing.list[0];
    let info = management.users().info(&hal.id).await.expect("info");
    assert_eq!(info.id, hal.id);
    assert_eq!(info.city.as_deref(), Some("Beijing"));
    let missing = management.users().info("no-such-user").await;
    assert_eq!(
        code_of(&missing.expect_err("unknown")),
        Some(codes::USER_NOT_FOUND)
    );
}

each_transport!(info_and_filter);

async fn malformed_requests_are_2231(env: Env) {
    use http::Method;

    let management = env.management();
    let user = create(&management, "max").await;
    let refused = |result: Result<serde_json::Value, Error>| {
        let error = result.expect_err("malformed");
        assert_eq!(code_of(&error), Some(codes::INVALID_PARAMS), "{error:?}");
    };
    refused(
        management
            .rest(
                Method::POST,
                "/api/v2/users/kick",
                Some(&json!({ "userIds": "x" })),
            )
            .await,
    );
    refused(
        management
            .rest(Method::GET, "/api/v2/analysis/user-action?page=two", None)
            .await,
    );
    refused(
        management
            .rest(
                Method::POST,
                "/api/v2/users/filter",
                Some(&json!({ "filter": [[{ "type": "OtherFields", "value": "city" }, "LIKE", "x"]] })),
            )
            .await,
    );
    refused(
        management
            .rest(
                Method::POST,
                "/api/v2/users/identity/link",
                Some(&json!({ "userId": user.id, "identifier": "github" })),
            )
            .await,
    );
    refused(
        management
            .rest(
                Method::GET,
                &format!("/logout?appId={}", env.pool.app_id),
                None,
            )
            .await,
    );
    // js's list form reaches the same filter.
    let js_form: serde_json::Value = management
        .rest(
            Method::GET,
            "/api/v2/analysis/user-action?operation_name[]=login&operation_name[]=logout",
            None,
        )
        .await
        .expect("js's list form");
    assert_eq!(js_form["totalCount"], 0);
}

each_transport!(malformed_requests_are_2231);
