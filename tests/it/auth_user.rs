//! The signed-in user's data and session, end to end: QR-code login
//! played with the fake's phone hooks; the user's own custom data keeps its types; a
//! backend logs a token out; roles, resources, applications (by access policy), security
//! level and principal authentication of the user.

use std::time::Duration;

use authing_authentication::principal::Principal;
use authing_authentication::qrcode::{QrOutcome, QrScene, QrStatus};
use authing_core::model::{
    CreateUserInput, CustomData, PolicyAssignmentTargetType, PolicyEffect, PolicyStatement,
    UdfDataType, UdfTargetType,
};
use authing_core::{Error, Lang, Secret, codes};
use authing_management::applications::DefaultStrategy;
use authing_mock::MockError;
use authing_tests::{Env, each_transport};
use serde_json::json;

/// A short poll: the fake answers at once, so a scenario never waits long.
const POLL_EVERY: Duration = Duration::from_millis(10);
/// Longer than any scenario's poll needs.
const POLL_FOR: Duration = Duration::from_secs(5);

/// Registers `username` and logs them in; the client acts for them.
async fn signed_in(
    env: &Env,
    username: &str,
) -> authing_authentication::AuthenticationClient<authing_tests::DynTransport> {
    let auth = env.authentication();
    auth.register_by_username(username, "passw0rd!")
        .await
        .expect("register");
    auth.login_by_username(username, "passw0rd!")
        .await
        .expect("login");
    auth
}

async fn qrcode_login(env: Env) {
    let phone_user = signed_in(&env, "ada").await;
    let ada = phone_user.check_logged_in().expect("ada's id");
    let backend = env.authentication();

    let code = backend
        .gene_qrcode(QrScene::AppAuth)
        .await
        .expect("a QR code");
    assert!(!code.random.is_empty() && !code.url.is_empty());
    let fresh = backend
        .check_qrcode_status(code.random.as_str())
        .await
        .expect("status");
    assert_eq!(fresh.status, QrStatus::Unused);
    assert!(fresh.ticket.is_none());
    // Nobody scans: the wait ends at the deadline, not scanned.
    let waited = backend
        .poll_qrcode(&code.random, POLL_EVERY, Duration::from_millis(30))
        .await
        .expect("poll");
    assert!(
        matches!(waited, QrOutcome::TimedOut { scanned: false }),
        "{waited:?}"
    );

    env.mock.scan_qrcode(&code.random, &ada).expect("scanned");
    let scanned = backend
        .check_qrcode_status(code.random.as_str())
        .await
        .expect("status");
    assert_eq!(scanned.status, QrStatus::Scanned);
    env.mock.confirm_qrcode(&code.random).expect("confirmed");
    let outcome = backend
        .poll_qrcode(&code.random, POLL_EVERY, POLL_FOR)
        .await
        .expect("poll");
    let QrOutcome::Confirmed { ticket, .. } = outcome else {
        panic!("confirmed, got {outcome:?}");
    };
    let user = backend
        .exchange_qrcode_user_info(ticket.clone())
        .await
        .expect("exchanged");
    assert_eq!(user.id, ada);
    assert!(
        user.token.is_some(),
        "the login's token comes with the user"
    );
    assert_eq!(backend.check_logged_in().expect("acts for ada"), ada);
    assert!(
        backend
            .check_login_status()
            .await
            .expect("status")
            .is_logged_in()
    );
    let again = backend
        .without_session()
        .exchange_qrcode_user_info(ticket)
        .await
        .expect_err("a ticket works once");
    assert!(again.is(codes::QRCODE_TICKET_INVALID), "{again:?}");

    // A cancelled code, and one left to expire by the fake's clock.
    let cancelled = backend.gene_qrcode(QrScene::WxappAuth).await.expect("code");
    env.mock
        .cancel_qrcode(&cancelled.random)
        .expect("cancelled");
    let outcome = backend
        .poll_qrcode(&cancelled.random, POLL_EVERY, POLL_FOR)
        .await
        .expect("poll");
    assert!(matches!(outcome, QrOutcome::Cancelled), "{outcome:?}");
    let expiring = backend
        .gene_qrcode(QrScene::WechatmpAuth)
        .await
        .expect("code");
    env.mock
        .scan_qrcode(&expiring.random, &ada)
        .expect("scanned");
    env.mock.advance_clock(Duration::from_secs(121));
    let outcome = backend
        .poll_qrcode(&expiring.random, POLL_EVERY, POLL_FOR)
        .await
        .expect("poll");
    assert!(matches!(outcome, QrOutcome::Expired), "{outcome:?}");
    let late = env.mock.confirm_qrcode(&expiring.random);
    assert!(matches!(late, Err(MockError::Refused { .. })), "{late:?}");

    let unknown = backend
        .check_qrcode_status("no-such-code")
        .await
        .expect_err("unknown");
    assert!(unknown.is(codes::QRCODE_NOT_FOUND), "{unknown:?}");
    let unknown = env.mock.scan_qrcode("no-such-code", &ada);
    assert!(
        matches!(
            unknown,
            Err(MockError::Refused {
                code: codes::QRCODE_NOT_FOUND,
                ..
            })
        ),
        "{unknown:?}"
    );
}

async fn own_custom_data(env: Env) {
    let udf = env.management().udf();
    for (key, data_type, label) in [
        ("age", UdfDataType::Number, "Age"),
        ("vip", UdfDataType::Boolean, "VIP"),
        ("city", UdfDataType::String, "City"),
        ("prefs", UdfDataType::Object, "Preferences"),
    ] {
        udf.set(UdfTargetType::User, key, data_type, label)
            .await
            .expect("define a field");
    }
    let ada = signed_in(&env, "ada").await;
    assert!(ada.get_udf_value().await.expect("none yet").is_empty());

    let data = CustomData::from(vec![
        ("age", json!(42)),
        ("vip", json!(true)),
        ("city", json!("Beijing")),
        ("prefs", json!({"theme": "dark"})),
    ]);
    let set = ada.set_udf_value(data).await.expect("set");
    assert_eq!(set.len(), 4);
    let read = ada.get_udf_value().await.expect("read");
    assert_eq!(read["age"], json!(42));
    assert_eq!(read["vip"], json!(true));
    assert_eq!(read["city"], json!("Beijing"));
    assert_eq!(read["prefs"], json!({"theme": "dark"}));

    let listed = ada.set_udv("age", 43).await.expect("set one");
    let age = listed.iter().find(|d| d.key == "age").expect("age");
    assert_eq!(
        (age.typed_value(), age.label.as_deref()),
        (json!(43), Some("Age"))
    );
    let wrong = ada.set_udv("age", "not a number").await.expect_err("typed");
    assert!(wrong.is(codes::INVALID_PARAMS), "{wrong:?}");
    let left = ada.remove_udv("vip").await.expect("removed");
    assert!(left.iter().all(|d| d.key != "vip"));
    assert_eq!(ada.list_udv().await.expect("list").len(), 3);
    let empty = ada
        .set_udf_value(CustomData::default())
        .await
        .expect_err("nothing to set");
    assert!(matches!(empty, Error::InvalidArgument(_)), "{empty:?}");

    // Another user sees only their own values and cannot touch ada's.
    let bob = signed_in(&env, "bob").await;
    assert!(bob.get_udf_value().await.expect("bob's").is_empty());
    let ada_id = ada.check_logged_in().expect("id");
    let foreign = authing_authentication::SetCustomData::new(
        bob.clone(),
        UdfTargetType::User,
        ada_id,
        "age",
        "1",
    )
    .await
    .expect_err("not bob's");
    assert!(foreign.is(codes::NO_PERMISSION), "{foreign:?}");
    assert_eq!(
        ada.get_udf_value().await.expect("unchanged")["age"],
        json!(43)
    );
}

async fn logout_by_token_and_session(env: Env) {
    let ada = signed_in(&env, "ada").await;
    let token = ada.token().expect("a token");
    let id = ada.check_logged_in().expect("id");

    let session = ada
        .track_session()
        .await
        .expect("session")
        .expect("a live one");
    assert_eq!(session.session.user_id, id);
    assert_eq!(session.user_info.id, id);
    assert_eq!(
        session.session.app_id.as_deref(),
        Some(env.pool.app_id.as_str())
    );

    // A backend holding another session logs ada's token out.
    let backend = signed_in(&env, "bob").await;
    backend.logout_by_token(&token).await.expect("logged out");
    assert!(backend.token().is_some(), "the backend's own session stays");
    let status = backend
        .check_login_status_of(&token)
        .await
        .expect("an answer");
    assert!(!status.is_logged_in());
    let refused = ada.get_current_user().await.expect_err("revoked");
    assert!(refused.code().is_some(), "{refused:?}");
    assert!(ada.track_session().await.expect("an answer").is_none());
    let twice = backend
        .logout_by_token(&token)
        .await
        .expect_err("already out");
    assert!(twice.is(codes::NOT_LOGGED_IN), "{twice:?}");
    // Logging out the token a client holds forgets its session too.
    let held = backend.token().expect("bob's token");
    backend.logout_by_token(&held).await.expect("logged out");
    assert!(backend.token().is_none());
    assert!(matches!(backend.check_logged_in(), Err(Error::NotLoggedIn)));

    // Local state: set_current_user and check_logged_in, no I/O.
    let carol = signed_in(&env, "carol").await;
    let carol_user = carol.current_user().expect("held");
    let other = env.authentication();
    other.set_current_user(&carol_user);
    assert_eq!(other.check_logged_in().expect("carol"), carol_user.id);
    assert_eq!(
        other.token().map(|t| t.expose().to_owned()),
        carol.token().map(|t| t.expose().to_owned())
    );
    let by_token = env
        .authentication()
        .with_token(carol.token().expect("token"));
    assert_eq!(
        by_token.check_logged_in().expect("from the token"),
        carol_user.id
    );
    other.clear_session();
    assert!(matches!(other.check_logged_in(), Err(Error::NotLoggedIn)));

    // set_lang: Authing's messages in English from now on, for this client only.
    let mut english = env.authentication();
    let chinese = english.clone();
    english.set_lang(Lang::EnUs);
    let message = |error: Error| error.message().map(str::to_owned);
    let ticket = Secret::from("no-such-ticket");
    let en = english
        .exchange_qrcode_user_info(ticket.clone())
        .await
        .expect_err("unknown");
    assert_eq!(
        message(en).as_deref(),
        Some("The QR code ticket is invalid or already used")
    );
    let zh = chinese
        .exchange_qrcode_user_info(ticket)
        .await
        .expect_err("unknown");
    assert_eq!(message(zh).as_deref(), Some("二维码凭证无效或已使用"));
}

async fn what_the_user_has(env: Env) {
    let management = env.management();
    let ada = signed_in(&env, "ada").await;
    let ada_id = ada.check_logged_in().expect("id");
    let bob = management
        .users()
        .create(CreateUserInput {
            username: Some("bob".into()),
            password: Some(Secret::from("passw0rd!")),
            ..Default::default()
        })
        .await
        .expect("create bob");

    // Roles: editor inherits nothing here; a policy on the role grants a resource.
    let roles = management.roles();
    roles.create("editor").await.expect("create role");
    roles
        .add_users("editor", vec![ada_id.clone()])
        .await
        .expect("assign");
    let held = ada.list_roles(None).await.expect("roles");
    assert_eq!(held.total_count, 1);
    assert_eq!(held.list[0].code, "editor");
    assert!(ada.has_role("editor", None).await.expect("has"));
    assert!(!ada.has_role("admin", None).await.expect("has not"));
    assert!(
        ada.list_roles(Some("elsewhere"))
            .await
            .expect("roles")
            .list
            .is_empty()
    );
    let policies = management.policies();
    policies
        .create(
            "edit-books",
            vec![PolicyStatement::new(
                "books:*",
                ["books:edit"],
                PolicyEffect::Allow,
            )],
        )
        .await
        .expect("policy");
    policies
        .add_assignments(
            vec!["edit-books".into()],
            PolicyAssignmentTargetType::Role,
            vec!["editor".into()],
        )
        .await
        .expect("assign the policy");
    let resources = ada
        .list_authorized_resources(None, None)
        .await
        .expect("resources");
    assert_eq!(resources.total_count, 1);
    assert_eq!(resources.list[0].code, "books:*");
    assert_eq!(
        resources.list[0].actions.as_deref(),
        Some(&["books:edit".to_owned()][..])
    );
    let typed = ada
        .list_authorized_resources(None, Some("API"))
        .await
        .expect("none typed");
    assert_eq!(typed.total_count, 0, "the fake's resources carry no type");
    assert!(ada.list_orgs().await.expect("orgs").is_empty());
    assert_eq!(
        ada.list_departments()
            .await
            .expect("departments")
            .total_count,
        0
    );

    // Applications: a DENY_ALL app lets in only whom its policy allows.
    let shop = management
        .applications()
        .create("Shop", "shop", Vec::new())
        .await
        .expect("create app");
    let app = management.application(&shop.id);
    app.update_default_access_policy(DefaultStrategy::DenyAll)
        .await
        .expect("DENY_ALL");
    let allowed = ada.list_applications().await.expect("apps");
    let ids: Vec<_> = allowed.list.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, [env.pool.app_id.as_str()]);
    app.allow_access(PolicyAssignmentTargetType::User, vec![ada_id.clone()])
        .await
        .expect("allow ada");
    let allowed = ada.list_applications().await.expect("apps");
    assert_eq!(allowed.total_count, 2);
    assert_eq!(allowed.list[1].id, shop.id);
    let second = ada
        .list_applications()
        .page(2)
        .limit(1)
        .await
        .expect("page 2");
    assert_eq!((second.total_count, second.list.len()), (2, 1));
    assert_eq!(second.list[0].id, shop.id);
    let bobs = env.authentication();
    bobs.login_by_username("bob", "passw0rd!")
        .await
        .expect("bob");
    assert_eq!(bobs.list_applications().await.expect("apps").total_count, 1);
    assert_eq!(bob.username.as_deref(), Some("bob"));

    // Security level: a medium password and nothing else.
    let level = ada.get_security_level().await.expect("level");
    assert_eq!(level.password_security_level, Some(2));
    assert!(level.password && !level.email && !level.phone && !level.mfa);
    assert_eq!(level.score, 20);

    // Principal authentication, once.
    assert!(
        ada.principal_authentication_detail()
            .await
            .expect("none")
            .is_none()
    );
    let person = Principal::Person {
        name: "Zhang San".into(),
        id_card: Secret::from("11010519491231002X"),
        bank_card: Secret::from("6222020200000000000"),
    };
    assert!(!format!("{person:?}").contains("1101051949"));
    ada.principal_authenticate(person.clone())
        .await
        .expect("authenticated");
    let detail = ada
        .principal_authentication_detail()
        .await
        .expect("detail")
        .expect("there");
    assert_eq!(
        (
            detail.principal_type.as_str(),
            detail.principal_name.as_str()
        ),
        ("P", "Zhang San")
    );
    assert_eq!(detail.user_id, ada_id);
    let twice = ada.principal_authenticate(person).await.expect_err("once");
    assert!(
        twice.is(codes::PRINCIPAL_ALREADY_AUTHENTICATED),
        "{twice:?}"
    );
    let blank = ada
        .principal_authenticate(Principal::Enterprise {
            enterprise_name: "Acme".into(),
            enterprise_code: Secret::from(" "),
            legal_person_name: Secret::from("Li Si"),
        })
        .await
        .expect_err("blank");
    assert!(matches!(blank, Error::InvalidArgument(_)), "{blank:?}");
    let nobody = env.authentication();
    assert!(matches!(
        nobody.list_roles(None).await,
        Err(Error::NotLoggedIn)
    ));
    assert!(matches!(
        nobody.get_security_level().await,
        Err(Error::NotLoggedIn)
    ));
}

each_transport!(
    qrcode_login,
    own_custom_data,
    logout_by_token_and_session,
    what_the_user_has
);
