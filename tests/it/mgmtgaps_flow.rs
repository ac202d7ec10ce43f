//! The management gaps (mgmtgaps): the pool's password check, and a role's policies and
//! custom values through the roles handler.

use authing_core::model::{PolicyEffect, PolicyStatement, UdfDataType, UdfTargetType};
use authing_core::{Error, codes};
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
}

each_transport!(password_check, role_policies_and_custom_values);
