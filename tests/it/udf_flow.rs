//! Custom fields (UDF) end to end: fields defined with types keep their values' types, a
//! value of the wrong type is refused, and a user's custom values are its `customData`.

use authing_core::Error;
use authing_core::model::{CreateUserInput, UdfDataType, UdfTargetType};
use authing_tests::{Env, each_transport};
use serde_json::json;

async fn udf_values_keep_their_types(env: Env) {
    let management = env.management();
    let udf = management.udf();
    for (key, data_type, label) in [
        ("age", UdfDataType::Number, "Age"),
        ("vip", UdfDataType::Boolean, "VIP"),
        ("born", UdfDataType::Datetime, "Born"),
    ] {
        let field = udf
            .set(UdfTargetType::User, key, data_type, label)
            .await
            .expect("define a field");
        assert_eq!((field.key.as_str(), field.data_type), (key, data_type));
    }
    let fields = udf.list(UdfTargetType::User).await.expect("list fields");
    let keys: Vec<_> = fields.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys, ["age", "vip", "born"]);
    assert!(
        udf.list(UdfTargetType::Role)
            .await
            .expect("role fields")
            .is_empty()
    );

    let user = management
        .users()
        .create(CreateUserInput {
            username: Some("udf-user".into()),
            ..Default::default()
        })
        .await
        .expect("create user");
    let set = management
        .users()
        .set_udf_values(
            &user.id,
            [
                ("age", json!(42)),
                ("vip", json!(true)),
                ("born", json!("2000-01-02T03:04:05Z")),
            ],
        )
        .await
        .expect("set values");
    assert_eq!(set.len(), 3);

    let values = udf
        .values(UdfTargetType::User, &user.id)
        .await
        .expect("read values");
    let typed: Vec<_> = values
        .iter()
        .map(|v| {
            (
                v.key.as_str(),
                v.data_type,
                v.typed_value(),
                v.label.clone(),
            )
        })
        .collect();
    assert_eq!(
        typed,
        [
            (
                "age",
                UdfDataType::Number,
                json!(42),
                Some("Age".to_owned())
            ),
            (
                "vip",
                UdfDataType::Boolean,
                json!(true),
                Some("VIP".to_owned())
            ),
            (
                "born",
                UdfDataType::Datetime,
                json!("2000-01-02T03:04:05Z"),
                Some("Born".to_owned())
            ),
        ]
    );
    // The same values are the user's custom data.
    let detail = management
        .users()
        .detail(&user.id)
        .with_custom_data(true)
        .await
        .expect("user with custom data");
    let data = detail.custom_data.expect("custom data selected");
    assert_eq!(data.len(), 3);

    // A value of the wrong type is refused, and nothing of the batch is written.
    let refused = management
        .users()
        .set_udf_values(&user.id, [("age", json!(43)), ("vip", json!("maybe"))])
        .await
        .expect_err("wrong type");
    assert!(
        matches!(refused, Error::Api { code: 2231, .. }),
        "{refused:?}"
    );
    let refused = management
        .users()
        .custom_data(&user.id)
        .set("age", "forty")
        .await
        .expect_err("wrong type");
    assert!(
        matches!(refused, Error::Api { code: 2231, .. }),
        "{refused:?}"
    );
    let values = udf
        .values(UdfTargetType::User, &user.id)
        .await
        .expect("read values");
    assert_eq!(values[0].typed_value(), json!(42));

    // Batches over several objects, and other kinds of object.
    udf.set(UdfTargetType::Role, "level", UdfDataType::Number, "Level")
        .await
        .expect("role field");
    udf.set_values_batch(
        UdfTargetType::Role,
        [("r1", "level", json!(3)), ("r2", "level", json!(5))],
    )
    .await
    .expect("batch set");
    let batch = udf
        .values_batch(UdfTargetType::Role, vec!["r1".into(), "r2".into()])
        .await
        .expect("batch read");
    let levels: Vec<_> = batch
        .iter()
        .map(|m| (m.target_id.as_str(), m.data[0].typed_value()))
        .collect();
    assert_eq!(levels, [("r1", json!(3)), ("r2", json!(5))]);

    // Removing a field removes its values.
    udf.remove(UdfTargetType::User, "age")
        .await
        .expect("remove field");
    let values = udf
        .values(UdfTargetType::User, &user.id)
        .await
        .expect("read values");
    assert!(values.iter().all(|v| v.key != "age"));
    let missing = udf
        .remove(UdfTargetType::User, "age")
        .await
        .expect_err("no such field");
    assert!(
        matches!(missing, Error::Api { code: 2231, .. }),
        "{missing:?}"
    );
}

each_transport!(udf_values_keep_their_types);

/// The users handler's own custom-data calls: a batch over several users, one user's values
/// listed and removed through `custom_data(id)`.
async fn users_custom_values_in_batches(env: Env) {
    let management = env.management();
    let udf = management.udf();
    udf.set(UdfTargetType::User, "score", UdfDataType::Number, "Score")
        .await
        .expect("define a number");
    udf.set(UdfTargetType::User, "team", UdfDataType::String, "Team")
        .await
        .expect("define a string");
    let mut ids = Vec::new();
    for name in ["batch-a", "batch-b"] {
        let user = management
            .users()
            .create(CreateUserInput {
                username: Some(name.into()),
                ..Default::default()
            })
            .await
            .expect("create user");
        ids.push(user.id);
    }
    let (a, b) = (ids[0].clone(), ids[1].clone());
    management
        .users()
        .set_udf_values_batch([
            (a.clone(), "score", json!(7)),
            (a.clone(), "team", json!("red")),
            (b.clone(), "score", json!(9)),
        ])
        .await
        .expect("set a batch");
    let batch = management
        .users()
        .udf_values_batch(ids.clone())
        .await
        .expect("read a batch");
    let read: Vec<(String, Vec<(String, serde_json::Value)>)> = batch
        .iter()
        .map(|m| {
            let mut values: Vec<_> = m
                .data
                .iter()
                .map(|v| (v.key.clone(), v.typed_value()))
                .collect();
            values.sort_by(|x, y| x.0.cmp(&y.0));
            (m.target_id.clone(), values)
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                a.clone(),
                vec![
                    ("score".to_owned(), json!(7)),
                    ("team".to_owned(), json!("red"))
                ]
            ),
            (b.clone(), vec![("score".to_owned(), json!(9))]),
        ]
    );
    // A value of the wrong type in a batch is refused.
    let refused = management
        .users()
        .set_udf_values_batch([(b.clone(), "score", json!("nine"))])
        .await
        .expect_err("wrong type");
    assert!(
        matches!(refused, Error::Api { code: 2231, .. }),
        "{refused:?}"
    );

    let data = management.users().custom_data(&a);
    let listed = data.list().await.expect("list a's values");
    let mut keys: Vec<_> = listed.iter().map(|v| v.key.as_str()).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["score", "team"]);
    let left = data.remove("team").await.expect("remove a value");
    assert_eq!(
        left.iter().map(|v| v.key.as_str()).collect::<Vec<_>>(),
        ["score"]
    );
    assert_eq!(data.list().await.expect("list again").len(), 1);
}

each_transport!(users_custom_values_in_batches);
