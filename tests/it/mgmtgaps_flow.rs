//! The management gaps (mgmtgaps): the pool's password check, and a role's policies and
//! custom values through the roles handler.

use authing_core::model::{
    CreateUserInput, EmailScene, PolicyAssignmentTargetType, PolicyEffect, PolicyStatement,
    UdfDataType, UdfTargetType,
};
use authing_core::{Error, Lang, codes};
use authing_management::acl::{AuthorizeResourceOpt, ResourceAction, ResourceType};
use authing_mock::PasswordStrength;
use authing_tests::{Env, each_transport};
use serde_json::json;

async fn password_check(env: Env) {
    let management = env.management();
    env.mock.set_password_strength(PasswordStrength::ThreeKinds);
    let weak = management
        .is_password_valid("abc123")
        .await
        .expect("checked");
    assert!(!weak.valid, "{weak:?}");
    assert!(weak.message.is_some_and(|m| !m.is_empty()));
    let strong = management
        .is_password_valid("ab12!x")
        .await
        .expect("checked");
    assert!(strong.valid, "{strong:?}");
    let empty = management.is_password_valid("").await.expect_err("empty");
    assert!(matches!(empty, Error::InvalidArgument(_)), "{empty:?}");
    // A weak password's message never repeats it.
    env.mock.set_password_strength(PasswordStrength::AtLeast6);
    let short = management
        .is_password_valid("s3cr!")
        .await
        .expect("checked");
    assert!(!short.valid);
    assert!(!format!("{short:?}").contains("s3cr!"));
}

async fn role_policies_and_custom_values(env: Env) {
    let management = env.management();
    let roles = management.roles();
    let editor = roles.create("editor").await.expect("role");
    let editor_id = editor.id.expect("a role has an id");
    management
        .policies()
        .create(
            "edit-books",
            vec![PolicyStatement::new(
                "books:*",
                ["books:write"],
                PolicyEffect::Allow,
            )],
        )
        .await
        .expect("policy");

    roles
        .add_policies("editor", vec!["edit-books".into()])
        .await
        .expect("assign");
    let assigned = roles.list_policies("editor").await.expect("list");
    assert_eq!(assigned.total_count, 1);
    assert_eq!(assigned.list[0].code, "edit-books");
    assert_eq!(assigned.list[0].target_identifier, "editor");
    roles
        .remove_policies("editor", vec!["edit-books".into()])
        .await
        .expect("unassign");
    assert_eq!(
        roles
            .list_policies("editor")
            .await
            .expect("list")
            .total_count,
        0
    );

    management
        .udf()
        .set(UdfTargetType::Role, "level", UdfDataType::Number, "Level")
        .await
        .expect("field");
    let set = roles
        .set_udf_values(&editor_id, [("level", json!(7))])
        .await
        .expect("set");
    assert_eq!(set[0].typed_value(), json!(7));
    let wrong = roles
        .set_udf_values(&editor_id, [("level", json!("high"))])
        .await
        .expect_err("not a number");
    assert!(wrong.is(codes::INVALID_PARAMS), "{wrong}");
    roles
        .set_udf_values_batch([(editor_id.as_str(), "level", json!(8))])
        .await
        .expect("batch set");
    let batch = roles
        .udf_values_batch(vec![editor_id.clone()])
        .await
        .expect("batch read");
    assert_eq!(batch[0].target_id, editor_id);
    assert_eq!(batch[0].data[0].typed_value(), json!(8));
    let through_family = roles.custom_data(&editor_id).list().await.expect("udv");
    assert_eq!(through_family[0].typed_value(), json!(8));
    let left = roles
        .custom_data(&editor_id)
        .remove("level")
        .await
        .expect("removeUdv");
    assert!(left.is_empty(), "{left:?}");

    // Deleting the role deletes its custom values.
    roles
        .set_udf_values(&editor_id, [("level", json!(9))])
        .await
        .expect("set");
    roles.delete("editor").await.expect("deleted");
    let gone = roles.custom_data(&editor_id).list().await.expect("udv");
    assert!(gone.is_empty(), "{gone:?}");
}

/// Renames, membership removals, deletions and the resources a role or a group holds, all
/// through the role and group handlers.
async fn roles_and_groups_change(env: Env) {
    let management = env.management();
    let user = |name: &str| CreateUserInput {
        username: Some(name.into()),
        ..Default::default()
    };
    let ann = management
        .users()
        .create(user("ann"))
        .await
        .expect("ann")
        .id;
    let bob = management
        .users()
        .create(user("bob"))
        .await
        .expect("bob")
        .id;
    let roles = management.roles();
    let groups = management.groups();

    roles.create("writer").await.expect("role");
    let author = roles
        .update("writer")
        .new_code("author")
        .description("writes")
        .await
        .expect("renamed");
    assert_eq!(
        (author.code.as_str(), author.description.as_deref()),
        ("author", Some("writes"))
    );
    assert!(roles.detail("writer").await.expect("asks").is_none());
    assert!(roles.find_by_code("author").await.expect("asks").is_some());
    roles
        .add_users("author", vec![ann.clone(), bob.clone()])
        .await
        .expect("assign");
    roles
        .remove_users("author", vec![bob.clone()])
        .await
        .expect("revoke");
    let holders = roles.list_users("author").await.expect("holders");
    assert_eq!(holders.total_count, 1);
    assert_eq!(holders.list[0].id, ann);
    assert!(holders.list[0].custom_data.is_none(), "not asked for");
    management
        .udf()
        .set(UdfTargetType::User, "team", UdfDataType::String, "Team")
        .await
        .expect("field");
    management
        .users()
        .custom_data(&ann)
        .set("team", "blue")
        .await
        .expect("value");
    let with_data = roles
        .list_users("author")
        .with_custom_data(true)
        .await
        .expect("holders");
    assert_eq!(with_data.list[0].custom_data_map()["team"], json!("blue"));
    let unknown = roles
        .update("nope")
        .description("x")
        .await
        .expect_err("no such role");
    assert!(unknown.is(codes::ROLE_NOT_FOUND), "{unknown}");

    groups.create("team", "Team").await.expect("group");
    let crew = groups
        .update("team")
        .new_code("crew")
        .name("Crew")
        .await
        .expect("renamed");
    assert_eq!(
        (crew.code.as_str(), crew.name.as_deref()),
        ("crew", Some("Crew"))
    );
    let detail = groups.detail("crew").await.expect("asks").expect("exists");
    assert_eq!(detail.name.as_deref(), Some("Crew"));
    assert!(groups.detail("team").await.expect("asks").is_none());
    groups
        .add_users("crew", vec![ann.clone(), bob.clone()])
        .await
        .expect("join");
    groups
        .remove_users("crew", vec![ann.clone()])
        .await
        .expect("leave");
    let members = groups.list_users("crew").await.expect("members");
    assert_eq!(members.total_count, 1);
    assert_eq!(members.list[0].id, bob);
    let with_data = groups
        .list_users("crew")
        .with_custom_data(true)
        .await
        .expect("members");
    assert!(with_data.list[0].custom_data.is_some());

    // What the role and the group hold, each on its own.
    let acl = management.acl();
    acl.create_resource(
        "books",
        ResourceType::Data,
        vec![
            ResourceAction::new("read", "Read"),
            ResourceAction::new("write", "Write"),
        ],
    )
    .await
    .expect("resource");
    acl.authorize_resource(
        "books",
        vec![
            AuthorizeResourceOpt::new(
                PolicyAssignmentTargetType::Role,
                "author",
                vec!["read".into()],
            ),
            AuthorizeResourceOpt::new(
                PolicyAssignmentTargetType::Group,
                "crew",
                vec!["write".into()],
            ),
        ],
    )
    .resource_type(ResourceType::Data)
    .await
    .expect("authorize");
    let of_role = roles
        .authorized_resources("author")
        .await
        .expect("the role's resources");
    assert_eq!(of_role.total_count, 1);
    assert_eq!(of_role.list[0].code, "books");
    assert_eq!(of_role.list[0].actions, Some(vec!["read".to_owned()]));
    let of_group = groups
        .authorized_resources("crew")
        .await
        .expect("the group's resources");
    assert_eq!(of_group.list[0].actions, Some(vec!["write".to_owned()]));
    assert!(acl.is_allowed(&bob, "books", "write").await.expect("asks"));
    assert!(acl.is_allowed(&ann, "books", "read").await.expect("asks"));
    // A renamed role keeps what it may do; a new role with the old code starts empty.
    roles
        .update("author")
        .new_code("scribe")
        .await
        .expect("renamed");
    assert!(acl.is_allowed(&ann, "books", "read").await.expect("asks"));
    let of_scribe = roles.authorized_resources("scribe").await.expect("asks");
    assert_eq!(of_scribe.list[0].code, "books");
    roles.create("author").await.expect("the old code is free");
    let of_new = roles.authorized_resources("author").await.expect("asks");
    assert!(of_new.list.is_empty(), "{of_new:?}");

    // An application's roles and resources: the same calls in its namespace.
    let shop = management
        .applications()
        .create("Shop", "shop", Vec::new())
        .await
        .expect("app");
    let app = management.application(&shop.id);
    app.create_resource(
        "orders",
        ResourceType::Api,
        vec![ResourceAction::new("read", "Read")],
    )
    .await
    .expect("app resource");
    let updated = app
        .update_resource("orders")
        .description("All orders")
        .await
        .expect("update");
    assert_eq!(updated.description.as_deref(), Some("All orders"));
    let app_roles = app.roles();
    app_roles.create("clerk").await.expect("app role");
    app_roles.create("temp").await.expect("app role");
    app_roles
        .add_users("clerk", vec![ann.clone()])
        .await
        .expect("assign");
    app.acl()
        .authorize_resource(
            "orders",
            vec![AuthorizeResourceOpt::new(
                PolicyAssignmentTargetType::Role,
                "clerk",
                vec!["read".into()],
            )],
        )
        .await
        .expect("authorize");
    let clerks = app_roles.list_users("clerk").await.expect("holders");
    assert_eq!(clerks.list[0].id, ann);
    let of_clerk = app_roles
        .authorized_resources("clerk")
        .await
        .expect("the app role's resources");
    assert_eq!(of_clerk.list[0].code, "orders");
    let elsewhere = roles.authorized_resources("clerk").await.expect("asks");
    assert!(
        elsewhere.list.is_empty(),
        "the default namespace has no such grant"
    );
    let page = app_roles.list().await.expect("app roles");
    assert_eq!(page.total_count, 2);
    app_roles
        .delete_many(vec!["clerk".into(), "temp".into()])
        .await
        .expect("deleted");
    assert!(
        !app.acl()
            .is_allowed(&ann, "orders", "read")
            .await
            .expect("asks")
    );
    app.delete_resource("orders").await.expect("deleted");
    assert_eq!(app.list_resources().await.expect("list").total_count, 0);

    // Deleting the group takes bob's grant with it.
    groups
        .delete_many(vec!["crew".into()])
        .await
        .expect("deleted");
    assert!(groups.detail("crew").await.expect("asks").is_none());
    assert!(!acl.is_allowed(&bob, "books", "write").await.expect("asks"));
}

/// `with_lang`: another language on the same token; the original keeps its own.
async fn language_switch(env: Env) {
    let chinese = env.management();
    chinese
        .roles()
        .list()
        .await
        .expect("a first call fetches the token");
    let english = chinese.with_lang(Lang::EnUs);
    let message = |error: Error| match error {
        Error::Api { code, message, .. } => {
            assert_eq!(code, codes::ROLE_NOT_FOUND);
            message
        }
        other => panic!("expected an API error: {other:?}"),
    };
    let en = message(
        english
            .roles()
            .delete("ghost")
            .await
            .expect_err("no such role"),
    );
    let zh = message(
        chinese
            .roles()
            .delete("ghost")
            .await
            .expect_err("no such role"),
    );
    assert!(en.is_ascii(), "English message: {en}");
    assert!(!zh.is_ascii(), "Chinese message: {zh}");
    assert_eq!(
        env.mock.count_graphql("accessToken"),
        1,
        "one token for both"
    );
}

/// `send_email` as the administrator: the code lands in the fake's outbox; a second one
/// within a minute is refused.
async fn administrator_email(env: Env) {
    let management = env.management();
    management
        .send_email("carol@example.com", EmailScene::VerifyEmail)
        .await
        .expect("sent");
    assert!(
        env.mock.last_code("carol@example.com").is_some(),
        "the fake's outbox has the code"
    );
    let again = management
        .send_email("carol@example.com", EmailScene::VerifyEmail)
        .await
        .expect_err("too soon");
    assert_eq!(again.code(), Some(2100), "{again}");
    let empty = management
        .send_email("", EmailScene::VerifyEmail)
        .await
        .expect_err("no address");
    assert!(matches!(empty, Error::InvalidArgument(_)), "{empty:?}");
}

each_transport!(
    administrator_email,
    language_switch,
    password_check,
    role_policies_and_custom_values,
    roles_and_groups_change
);
