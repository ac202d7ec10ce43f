//! Policies end to end: create, assign to a user, turn the assignment off and on, rename
//! (the assignment follows), delete (the assignment goes), and the refusals.

use authing_core::codes;
use authing_core::model::{
    CreateUserInput, PolicyAssignmentTargetType, PolicyEffect, PolicyStatement,
};
use authing_tests::{Env, each_transport};

async fn policy_lifecycle(env: Env) {
    let management = env.management();
    let user = management
        .users()
        .create(CreateUserInput {
            username: Some("reader".into()),
            ..Default::default()
        })
        .await
        .expect("create user");
    let policies = management.policies();

    let created = policies
        .create(
            "read-books",
            vec![PolicyStatement::new(
                "books:*",
                ["books:read"],
                PolicyEffect::Allow,
            )],
        )
        .description("Read any book")
        .await
        .expect("create policy");
    assert_eq!(created.code, "read-books");
    assert_eq!(created.namespace.as_deref(), Some("default"));
    assert_eq!(created.statements[0].effect, Some(PolicyEffect::Allow));

    let taken = policies
        .create("read-books", Vec::new())
        .await
        .expect_err("the code is taken");
    assert!(taken.is(codes::INVALID_PARAMS), "{taken:?}");

    policies
        .add_assignments(
            vec!["read-books".into()],
            PolicyAssignmentTargetType::User,
            vec![user.id.clone()],
        )
        .await
        .expect("assign");
    let held = management
        .users()
        .policies(&user.id)
        .list()
        .await
        .expect("list");
    assert_eq!(held.total_count, 1);
    assert_eq!(held.list[0].code, "read-books");
    let granted = management
        .users()
        .authorized_resources(&user.id)
        .await
        .expect("authorized resources");
    assert_eq!(granted.total_count, 1);
    assert_eq!(granted.list[0].code, "books:*");
    assert_eq!(
        granted.list[0].actions.as_deref(),
        Some(&["books:read".to_owned()][..])
    );
    let detail = policies
        .detail("read-books")
        .await
        .expect("detail")
        .expect("exists");
    assert_eq!(detail.assignments_count, Some(1));

    policies
        .disable_assignment("read-books", PolicyAssignmentTargetType::User, &user.id)
        .await
        .expect("disable");
    let granted = management
        .users()
        .authorized_resources(&user.id)
        .await
        .expect("authorized resources");
    assert_eq!(
        granted.total_count, 0,
        "a disabled assignment grants nothing"
    );
    policies
        .enable_assignment("read-books", PolicyAssignmentTargetType::User, &user.id)
        .await
        .expect("enable");
    let granted = management
        .users()
        .authorized_resources(&user.id)
        .await
        .expect("authorized resources");
    assert_eq!(granted.total_count, 1, "enabled again");
    let unknown = policies
        .enable_assignment("read-books", PolicyAssignmentTargetType::Role, "nobody")
        .await
        .expect_err("not assigned to that role");
    assert!(unknown.is(codes::INVALID_PARAMS), "{unknown:?}");

    let renamed = policies
        .update("read-books")
        .new_code("read-all-books".to_owned())
        .statements(vec![PolicyStatement::new(
            "books:*",
            ["books:read", "books:list"],
            PolicyEffect::Allow,
        )])
        .await
        .expect("rename");
    assert_eq!(renamed.code, "read-all-books");
    assert_eq!(renamed.statements[0].actions.len(), 2);
    let moved = policies
        .list_assignments("read-all-books")
        .await
        .expect("assignments");
    assert_eq!(moved.total_count, 1);
    assert_eq!(moved.list[0].target_identifier, user.id);

    let page = policies.list().await.expect("list");
    assert_eq!(page.total_count, 1);
    policies
        .delete_many(vec!["read-all-books".into()])
        .await
        .expect("delete");
    assert_eq!(policies.list().await.expect("list").total_count, 0);
    let held = management
        .users()
        .policies(&user.id)
        .list()
        .await
        .expect("list");
    assert_eq!(
        held.total_count, 0,
        "deleting a policy takes its assignments"
    );
    let gone = policies.delete("read-all-books").await.expect_err("gone");
    assert!(gone.is(codes::INVALID_PARAMS), "{gone:?}");
}

each_transport!(policy_lifecycle);
