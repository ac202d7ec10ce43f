//! The GraphQL endpoint, driven with hand-written requests through the in-process transport.

use std::time::Duration;

use crate::common::*;
use serde_json::{Value, json};

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

#[tokio::test]
async fn access_token_then_users_list() {
    let (_mock, transport, pool, token) = setup().await;
    let answer = graphql(
        &transport,
        &[],
        ACCESS_TOKEN,
        json!({"userPoolId": pool.user_pool_id, "secret": pool.secret.expose()}),
    )
    .await;
    let res = &answer["data"]["accessToken"];
    assert_eq!(
        res["exp"].as_i64().expect("exp") - res["iat"].as_i64().expect("iat"),
        3 * 24 * 3600
    );

    for name in ["alice", "bob", "carol"] {
        let created = create_user(&transport, &token, json!({"username": name})).await;
        assert!(created["errors"].is_null(), "{created}");
    }
    let page = graphql_as(&transport, &token, USERS, json!({"page": 1, "limit": 2})).await;
    assert_eq!(page["data"]["users"]["totalCount"], 3);
    let names: Vec<&str> = page["data"]["users"]["list"]
        .as_array()
        .expect("list")
        .iter()
        .map(|u| u["username"].as_str().expect("username"))
        .collect();
    assert_eq!(names, ["carol", "bob"], "newest first by default");

    let page = graphql_as(
        &transport,
        &token,
        USERS,
        json!({"page": 2, "limit": 2, "sortBy": "CREATEDAT_DESC"}),
    )
    .await;
    assert_eq!(page["data"]["users"]["list"][0]["username"], "alice");
    let page = graphql_as(
        &transport,
        &token,
        USERS,
        json!({"sortBy": "CREATEDAT_ASC"}),
    )
    .await;
    assert_eq!(page["data"]["users"]["list"][0]["username"], "alice");
    assert_eq!(
        page["data"]["users"]["list"].as_array().map(Vec::len),
        Some(3)
    );
}

#[tokio::test]
async fn access_token_errors() {
    let (_mock, transport, pool, _) = setup().await;
    let answer = graphql(
        &transport,
        &[],
        ACCESS_TOKEN,
        json!({"userPoolId": pool.user_pool_id, "secret": "wrong"}),
    )
    .await;
    assert_eq!(error_code(&answer), 1001);
    assert!(answer["data"].is_null(), "{answer}");
    let answer = graphql(
        &transport,
        &[],
        ACCESS_TOKEN,
        json!({"userPoolId": "000000000000000000000000", "secret": "x"}),
    )
    .await;
    assert_eq!(error_code(&answer), 2224);
}

#[tokio::test]
async fn create_user_with_encrypted_password_then_login() {
    let (_mock, transport, pool, token) = setup().await;
    let created = graphql_as(&transport, &token, CREATE_USER,
        json!({
            "userInfo": {"username": "alice", "password": encrypt(&pool, "s3cret-pw"), "email": "Alice@Example.com"},
            "params": r#"[{"key":"age","value":42},{"key":"vip","value":true},{"key":"city","value":"Beijing"},{"key":"o","value":{"a":1}}]"#,
        }),
    )
    .await;
    let user = &created["data"]["createUser"];
    assert!(created["errors"].is_null(), "{created}");
    let id = user["id"].as_str().expect("id");
    assert_eq!(id.len(), 24);
    assert!(
        id.chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
    );
    assert_eq!(
        user["arn"],
        format!("arn:cn:authing:{}:user:{id}", pool.user_pool_id)
    );
    assert_eq!(user["userPoolId"], pool.user_pool_id.as_str());
    assert!(user["password"].is_null(), "never hand out the password");
    assert!(user["token"].is_null());
    assert_eq!(user["loginsCount"], 0);
    assert_eq!(user["registerSource"], json!(["import:manual"]));
    assert!(
        user["createdAt"]
            .as_str()
            .expect("createdAt")
            .ends_with('Z')
    );
    let custom = user["customData"].as_array().expect("customData");
    let by_key = |key: &str| {
        custom
            .iter()
            .find(|d| d["key"] == key)
            .unwrap_or_else(|| panic!("{key} missing: {custom:?}"))
            .clone()
    };
    assert_eq!(
        by_key("age"),
        json!({"key": "age", "value": "42", "dataType": "NUMBER", "label": null})
    );
    assert_eq!(by_key("vip")["dataType"], "BOOLEAN");
    assert_eq!(by_key("city")["value"], "Beijing");
    assert_eq!(by_key("city")["dataType"], "STRING");
    assert_eq!(by_key("o")["dataType"], "OBJECT");

    let app = [("x-authing-app-id", pool.app_id.as_str())];
    let login = graphql(
        &transport,
        &app,
        LOGIN_BY_USERNAME,
        json!({"input": {"username": "alice", "password": encrypt(&pool, "s3cret-pw")}}),
    )
    .await;
    let logged_in = &login["data"]["loginByUsername"];
    assert_eq!(logged_in["id"], id, "{login}");
    assert_eq!(logged_in["loginsCount"], 1);
    assert!(logged_in["lastLogin"].is_string());
    assert!(logged_in["tokenExpiredAt"].is_string());
    let user_token = logged_in["token"].as_str().expect("token");
    assert_eq!(user_token.split('.').count(), 3, "a JWT");

    // Email login is case-insensitive on the address.
    let login = graphql(
        &transport,
        &app,
        LOGIN_BY_EMAIL,
        json!({"input": {"email": "alice@example.COM", "password": encrypt(&pool, "s3cret-pw")}}),
    )
    .await;
    assert_eq!(login["data"]["loginByEmail"]["loginsCount"], 2, "{login}");

    let wrong = graphql(
        &transport,
        &app,
        LOGIN_BY_USERNAME,
        json!({"input": {"username": "alice", "password": encrypt(&pool, "nope")}}),
    )
    .await;
    assert_eq!(error_code(&wrong), 2333);
    assert_eq!(error_message(&wrong), "账号或密码错误");
    assert!(wrong["data"]["loginByUsername"].is_null());

    let garbage = graphql(
        &transport,
        &app,
        LOGIN_BY_USERNAME,
        json!({"input": {"username": "alice", "password": "s3cret-pw"}}),
    )
    .await;
    assert_eq!(error_code(&garbage), 2016, "plaintext does not decrypt");
}

#[tokio::test]
async fn unknown_users_are_2004() {
    let (_mock, transport, pool, token) = setup().await;
    let login = graphql(
        &transport,
        &[("x-authing-userpool-id", &pool.user_pool_id)],
        LOGIN_BY_USERNAME,
        json!({"input": {"username": "ghost", "password": encrypt(&pool, "x")}}),
    )
    .await;
    assert_eq!(error_code(&login), 2004);
    assert_eq!(error_message(&login), "用户不存在");

    let user = graphql_as(
        &transport,
        &token,
        "query user($id: String) { user(id: $id) { id } }",
        json!({"id": "0123456789abcdef01234567"}),
    )
    .await;
    assert_eq!(error_code(&user), 2004);
    let deleted = graphql_as(
        &transport,
        &token,
        "mutation d($id: String!) { deleteUser(id: $id) { code message } }",
        json!({"id": "0123456789abcdef01234567"}),
    )
    .await;
    assert_eq!(error_code(&deleted), 2004);
}

#[tokio::test]
async fn auto_register_creates_the_account() {
    let (_mock, transport, pool, _) = setup().await;
    let app = [("x-authing-app-id", pool.app_id.as_str())];
    let login = graphql(
        &transport,
        &app,
        LOGIN_BY_EMAIL,
        json!({"input": {"email": "new@example.com", "password": encrypt(&pool, "pw"), "autoRegister": true}}),
    )
    .await;
    assert_eq!(login["data"]["loginByEmail"]["loginsCount"], 1, "{login}");
    assert!(login["data"]["loginByEmail"]["token"].is_string());
    let again = graphql(
        &transport,
        &app,
        LOGIN_BY_EMAIL,
        json!({"input": {"email": "new@example.com", "password": encrypt(&pool, "pw")}}),
    )
    .await;
    assert_eq!(again["data"]["loginByEmail"]["loginsCount"], 2, "{again}");
}

#[tokio::test]
async fn duplicates_are_2026_and_say_which_field() {
    let (_mock, transport, _pool, token) = setup().await;
    let first = create_user(
        &transport,
        &token,
        json!({"username": "bob", "email": "Bob@Example.com", "phone": "13800000000", "externalId": "ext-1"}),
    )
    .await;
    assert!(first["errors"].is_null(), "{first}");
    for (user_info, field, zh) in [
        (json!({"username": "bob"}), "username", "用户名"),
        (json!({"email": "bob@example.COM"}), "email", "邮箱"),
        (json!({"phone": "13800000000"}), "phone", "手机号"),
        (json!({"externalId": "ext-1"}), "externalId", "外部 ID"),
    ] {
        let answer = create_user(&transport, &token, user_info).await;
        assert_eq!(error_code(&answer), 2026, "{answer}");
        assert_eq!(answer["errors"][0]["message"]["data"]["field"], field);
        let message = error_message(&answer);
        assert!(
            message.contains("用户已存在") && message.contains(zh),
            "{message}"
        );
    }
    let bad = create_user(&transport, &token, json!({"email": "not-an-email"})).await;
    assert_eq!(error_code(&bad), 2003);
}

#[tokio::test]
async fn messages_follow_x_authing_lang() {
    let (_mock, transport, pool, _) = setup().await;
    let input = json!({"input": {"username": "ghost", "password": encrypt(&pool, "x")}});
    // The same failed login, with `lang` as x-authing-lang (none when `None`).
    let login_in = async |lang: Option<&str>| {
        let mut headers = vec![("x-authing-app-id", pool.app_id.as_str())];
        headers.extend(lang.map(|lang| ("x-authing-lang", lang)));
        graphql(&transport, &headers, LOGIN_BY_USERNAME, input.clone()).await
    };
    let zh = login_in(Some("zh-CN")).await;
    let en = login_in(Some("en-US")).await;
    let default = login_in(None).await;
    assert_eq!(error_message(&zh), "用户不存在");
    assert_eq!(error_message(&en), "User does not exist");
    assert_eq!(error_message(&default), "用户不存在");
    let error = &en["errors"][0];
    assert!(error["locations"].is_array(), "{error}");
    assert_eq!(error["extensions"]["code"], "2004");
}

#[tokio::test]
async fn tokens_expire_by_the_fakes_clock() {
    let (mock, transport, pool, token) = setup().await;
    let before = graphql_as(&transport, &token, USERS, json!({})).await;
    assert!(before["errors"].is_null(), "{before}");

    mock.advance_clock(Duration::from_secs(3 * 24 * 3600 + 1));
    let after = graphql_as(&transport, &token, USERS, json!({})).await;
    assert_eq!(error_code(&after), 2206);
    assert_eq!(error_message(&after), "登录信息已过期，请重新登录");

    // A fresh token works again.
    let fresh = management_token(&transport, &pool).await;
    let again = graphql_as(&transport, &fresh, USERS, json!({})).await;
    assert!(again["errors"].is_null(), "{again}");

    // User tokens live 14 days.
    create_user(
        &transport,
        &fresh,
        json!({"username": "u", "password": encrypt(&pool, "pw")}),
    )
    .await;
    let user_token = login_token(&transport, &pool, "u", "pw").await;
    let check = "query c($token: String) { checkLoginStatus(token: $token) { code message status exp iat data { id userPoolId arn } } }";
    let status = graphql(&transport, &[], check, json!({"token": user_token})).await;
    let status = &status["data"]["checkLoginStatus"];
    assert_eq!(status["code"], 200);
    assert_eq!(status["status"], true);
    assert_eq!(status["message"], "已登录");
    assert_eq!(status["data"]["userPoolId"], pool.user_pool_id.as_str());
    assert_eq!(
        status["exp"].as_i64().expect("exp") - status["iat"].as_i64().expect("iat"),
        14 * 24 * 3600
    );
    mock.advance_clock(Duration::from_secs(14 * 24 * 3600));
    let status = graphql(&transport, &[], check, json!({"token": user_token})).await;
    let status = &status["data"]["checkLoginStatus"];
    assert_eq!(status["code"], 2206);
    assert_eq!(status["status"], false);
    assert!(status["exp"].is_null());

    let status = graphql(&transport, &[], check, json!({"token": "garbage"})).await;
    assert_eq!(status["data"]["checkLoginStatus"]["code"], 2207);
    let status = graphql(&transport, &[], check, json!({})).await;
    assert_eq!(status["data"]["checkLoginStatus"]["code"], 2020);
}

#[tokio::test]
async fn authorisation_codes() {
    let (mock, transport, pool, token) = setup().await;
    let none = graphql(&transport, &[], USERS, json!({})).await;
    assert_eq!(error_code(&none), 2020);
    let garbage = graphql(
        &transport,
        &[("authorization", "Bearer not.a.jwt")],
        USERS,
        json!({}),
    )
    .await;
    assert_eq!(error_code(&garbage), 2207);
    // A token signed by another fake is invalid here.
    let other = authing_mock::MockAuthing::new();
    let foreign = management_token(&other.transport(), &other.pool()).await;
    let answer = graphql_as(&transport, &foreign, USERS, json!({})).await;
    assert_eq!(error_code(&answer), 2207);

    // A user token on an admin operation is 1001.
    create_user(
        &transport,
        &token,
        json!({"username": "eve", "password": encrypt(&pool, "pw")}),
    )
    .await;
    create_user(&transport, &token, json!({"username": "victim"})).await;
    let user_token = login_token(&transport, &pool, "eve", "pw").await;
    let answer = graphql_as(&transport, &user_token, USERS, json!({})).await;
    assert_eq!(error_code(&answer), 1001);
    assert_eq!(error_message(&answer), "无权限");
    let answer = graphql_as(
        &transport,
        &user_token,
        CREATE_USER,
        json!({"userInfo": {"username": "x"}}),
    )
    .await;
    assert_eq!(error_code(&answer), 1001);

    // A user may update themselves, not others, and not their email or phone.
    let update = "mutation u($id: String, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id nickname email } }";
    let mine = graphql_as(
        &transport,
        &user_token,
        update,
        json!({"input": {"nickname": "Evie"}}),
    )
    .await;
    assert_eq!(mine["data"]["updateUser"]["nickname"], "Evie", "{mine}");
    let victim = {
        let found = graphql_as(
            &transport,
            &token,
            "query f($u: String) { findUser(username: $u) { id } }",
            json!({"u": "victim"}),
        )
        .await;
        found["data"]["findUser"]["id"]
            .as_str()
            .expect("found")
            .to_owned()
    };
    for (variables, code) in [
        (json!({"id": victim, "input": {"nickname": "pwned"}}), 1001),
        (json!({"input": {"email": "eve@example.com"}}), 2225),
        (json!({"input": {"phone": "13900000000"}}), 2226),
    ] {
        let answer = graphql_as(&transport, &user_token, update, variables).await;
        assert_eq!(error_code(&answer), code, "{answer}");
    }
    // The administrator may.
    let admin = graphql_as(
        &transport,
        &token,
        update,
        json!({"id": victim, "input": {"email": "victim@example.com"}}),
    )
    .await;
    assert_eq!(
        admin["data"]["updateUser"]["email"], "victim@example.com",
        "{admin}"
    );
    drop(mock);
}

#[tokio::test]
async fn pools_are_isolated() {
    let (mock, transport, pool_a, token_a) = setup().await;
    let pool_b = mock.create_pool();
    assert_ne!(pool_a.user_pool_id, pool_b.user_pool_id);
    assert_ne!(pool_a.app_id, pool_b.app_id);
    let token_b = management_token(&transport, &pool_b).await;
    // The same username may exist in both pools.
    let a = create_user(
        &transport,
        &token_a,
        json!({"username": "same", "password": encrypt(&pool_a, "a")}),
    )
    .await;
    let b = create_user(
        &transport,
        &token_b,
        json!({"username": "same", "password": encrypt(&pool_b, "b")}),
    )
    .await;
    assert!(a["errors"].is_null() && b["errors"].is_null(), "{a} {b}");
    let id_a = a["data"]["createUser"]["id"].as_str().expect("id");

    let list_b = graphql_as(&transport, &token_b, USERS, json!({})).await;
    assert_eq!(list_b["data"]["users"]["totalCount"], 1);
    assert_ne!(list_b["data"]["users"]["list"][0]["id"], id_a);
    let read = graphql_as(
        &transport,
        &token_b,
        "query u($id: String) { user(id: $id) { id } }",
        json!({"id": id_a}),
    )
    .await;
    assert_eq!(error_code(&read), 2004, "pool B cannot see pool A's user");

    // Each pool's app logs in to its own users only.
    let login = graphql(
        &transport,
        &[("x-authing-app-id", &pool_b.app_id)],
        LOGIN_BY_USERNAME,
        json!({"input": {"username": "same", "password": encrypt(&pool_b, "a")}}),
    )
    .await;
    assert_eq!(
        error_code(&login),
        2333,
        "pool A's password does not open pool B's user"
    );
    let unknown_app = graphql(
        &transport,
        &[("x-authing-app-id", "nope")],
        LOGIN_BY_USERNAME,
        json!({"input": {"username": "same", "password": encrypt(&pool_b, "b")}}),
    )
    .await;
    assert_eq!(error_code(&unknown_app), 2011);
    let unknown_pool = graphql(
        &transport,
        &[("x-authing-userpool-id", "nope")],
        LOGIN_BY_USERNAME,
        json!({"input": {"username": "same", "password": encrypt(&pool_b, "b")}}),
    )
    .await;
    assert_eq!(error_code(&unknown_pool), 2224);

    // A user token of pool A is invalid for pool B's app.
    let user_token = login_token(&transport, &pool_a, "same", "a").await;
    let status = graphql(
        &transport,
        &[("x-authing-app-id", &pool_b.app_id)],
        "query c($t: String) { checkLoginStatus(token: $t) { code status } }",
        json!({"t": user_token}),
    )
    .await;
    assert_eq!(status["data"]["checkLoginStatus"]["code"], 2207);
}

#[tokio::test]
async fn register_update_password_and_refresh() {
    let (_mock, transport, pool, token) = setup().await;
    let app = [("x-authing-app-id", pool.app_id.as_str())];
    let register = "mutation r($input: RegisterByEmailInput!) { registerByEmail(input: $input) { id email username nickname token loginsCount registerSource customData { key value dataType } } }";
    let plain = graphql(
        &transport,
        &app,
        register,
        json!({"input": {"email": "reg@example.com", "password": encrypt(&pool, "old-pw"), "profile": {"nickname": "Reg", "udf": [{"key": "k", "value": "v"}]}}}),
    )
    .await;
    let user = &plain["data"]["registerByEmail"];
    assert_eq!(user["nickname"], "Reg", "{plain}");
    assert!(
        user["token"].is_null(),
        "no token without forceLogin/generateToken"
    );
    assert_eq!(user["loginsCount"], 0);
    assert_eq!(user["registerSource"], json!(["basic"]));
    assert_eq!(
        user["customData"][0],
        json!({"key": "k", "value": "v", "dataType": "STRING"})
    );
    for (email, code) in [("REG@example.com", 2026), ("nope", 2003)] {
        let answer = graphql(
            &transport,
            &app,
            register,
            json!({"input": {"email": email, "password": encrypt(&pool, "x")}}),
        )
        .await;
        assert_eq!(error_code(&answer), code, "{email}: {answer}");
    }

    let forced = graphql(
        &transport,
        &app,
        "mutation r($input: RegisterByUsernameInput!) { registerByUsername(input: $input) { token loginsCount } }",
        json!({"input": {"username": "forced", "password": encrypt(&pool, "pw"), "forceLogin": true}}),
    )
    .await;
    assert!(
        forced["data"]["registerByUsername"]["token"].is_string(),
        "{forced}"
    );
    assert_eq!(forced["data"]["registerByUsername"]["loginsCount"], 1);

    // Log in, change the password, log in with the new one.
    let login = async |password: &str| {
        let input = json!({"email": "reg@example.com", "password": encrypt(&pool, password)});
        graphql(&transport, &app, LOGIN_BY_EMAIL, json!({ "input": input })).await
    };
    let user_token = login("old-pw").await["data"]["loginByEmail"]["token"]
        .as_str()
        .expect("token")
        .to_owned();
    let change = "mutation p($n: String!, $o: String) { updatePassword(newPassword: $n, oldPassword: $o) { id } }";
    for (variables, code) in [
        (
            json!({"n": encrypt(&pool, "new-pw"), "o": encrypt(&pool, "bad")}),
            2203,
        ),
        (json!({"n": encrypt(&pool, "new-pw")}), 2201),
    ] {
        let answer = graphql_as(&transport, &user_token, change, variables).await;
        assert_eq!(error_code(&answer), code, "{answer}");
    }
    let ok = graphql_as(
        &transport,
        &user_token,
        change,
        json!({"n": encrypt(&pool, "new-pw"), "o": encrypt(&pool, "old-pw")}),
    )
    .await;
    assert!(ok["errors"].is_null(), "{ok}");
    let old = login("old-pw").await;
    assert_eq!(error_code(&old), 2333);
    let new = login("new-pw").await;
    assert!(new["data"]["loginByEmail"]["token"].is_string(), "{new}");
    let as_admin = graphql_as(
        &transport,
        &token,
        change,
        json!({"n": encrypt(&pool, "x")}),
    )
    .await;
    assert_eq!(error_code(&as_admin), 1001);

    let refreshed = graphql_as(
        &transport,
        &user_token,
        "mutation { refreshToken { token iat exp } }",
        json!({}),
    )
    .await;
    let fresh = refreshed["data"]["refreshToken"]["token"]
        .as_str()
        .expect("token");
    assert_ne!(fresh, user_token);
    let me = graphql_as(&transport, fresh, "{ user { email } }", json!({})).await;
    assert_eq!(me["data"]["user"]["email"], "reg@example.com", "{me}");
}

#[tokio::test]
async fn search_batch_find_exists_and_delete() {
    let (_mock, transport, pool, token) = setup().await;
    let auth = bearer(&token);
    let mut ids = Vec::new();
    for (username, email, nickname) in [
        ("zhang.san", "zs@example.com", "Zhang"),
        ("li.si", "ls@example.com", "Li"),
        ("wang.wu", "ww@corp.cn", "Wang"),
    ] {
        let created = create_user(
            &transport,
            &token,
            json!({"username": username, "email": email, "nickname": nickname}),
        )
        .await;
        ids.push(
            created["data"]["createUser"]["id"]
                .as_str()
                .expect("id")
                .to_owned(),
        );
    }
    let search = "query s($q: String!, $f: [String], $p: Int, $l: Int) { searchUser(query: $q, fields: $f, page: $p, limit: $l) { totalCount list { username } } }";
    let found = graphql_as(&transport, &token, search, json!({"q": "EXAMPLE.com"})).await;
    assert_eq!(found["data"]["searchUser"]["totalCount"], 2, "{found}");
    let found = graphql_as(
        &transport,
        &token,
        search,
        json!({"q": "wang", "f": ["nickname"]}),
    )
    .await;
    assert_eq!(
        found["data"]["searchUser"]["list"][0]["username"],
        "wang.wu"
    );
    let found = graphql_as(
        &transport,
        &token,
        search,
        json!({"q": "example", "p": 2, "l": 1}),
    )
    .await;
    assert_eq!(found["data"]["searchUser"]["totalCount"], 2);
    assert_eq!(
        found["data"]["searchUser"]["list"].as_array().map(Vec::len),
        Some(1)
    );
    let bad = graphql_as(
        &transport,
        &token,
        search,
        json!({"q": "x", "f": ["password"]}),
    )
    .await;
    assert_eq!(error_code(&bad), 2014);

    let batch =
        "query b($ids: [String!]!, $t: String) { userBatch(ids: $ids, type: $t) { id username } }";
    let by_id = graphql_as(
        &transport,
        &token,
        batch,
        json!({"ids": [ids[2], "ffffffffffffffffffffffff", ids[0]]}),
    )
    .await;
    let names: Vec<&str> = by_id["data"]["userBatch"]
        .as_array()
        .expect("list")
        .iter()
        .map(|u| u["username"].as_str().expect("username"))
        .collect();
    assert_eq!(names, ["wang.wu", "zhang.san"]);
    let by_email = graphql_as(
        &transport,
        &token,
        batch,
        json!({"ids": ["LS@example.com"], "t": "email"}),
    )
    .await;
    assert_eq!(by_email["data"]["userBatch"][0]["username"], "li.si");
    let bad = graphql_as(
        &transport,
        &token,
        batch,
        json!({"ids": ["x"], "t": "shoe"}),
    )
    .await;
    assert_eq!(error_code(&bad), 2015);

    let exists = "query e($e: String, $u: String) { isUserExists(email: $e, username: $u) }";
    let yes = graphql_as(&transport, &token, exists, json!({"e": "ZS@example.com"})).await;
    assert_eq!(yes["data"]["isUserExists"], true);
    let no = graphql(
        &transport,
        &[("x-authing-app-id", &pool.app_id)],
        exists,
        json!({"u": "nobody"}),
    )
    .await;
    assert_eq!(no["data"]["isUserExists"], false);

    let find = "query f($e: String, $u: String) { findUser(email: $e, username: $u) { id } }";
    let both = graphql_as(
        &transport,
        &token,
        find,
        json!({"e": "zs@example.com", "u": "zhang.san"}),
    )
    .await;
    assert_eq!(both["data"]["findUser"]["id"], ids[0].as_str());
    let mismatch = graphql_as(
        &transport,
        &token,
        find,
        json!({"e": "zs@example.com", "u": "li.si"}),
    )
    .await;
    assert!(mismatch["data"]["findUser"].is_null(), "{mismatch}");

    let delete_many = "mutation d($ids: [String!]!) { deleteUsers(ids: $ids) { code message } }";
    let partial = graphql_as(
        &transport,
        &token,
        delete_many,
        json!({"ids": [ids[0], "ffffffffffffffffffffffff"]}),
    )
    .await;
    assert_eq!(error_code(&partial), 2004);
    assert_eq!(
        partial["errors"][0]["message"]["data"]["ids"],
        json!(["ffffffffffffffffffffffff"])
    );
    let count = |answer: &Value| answer["data"]["users"]["totalCount"].clone();
    let list = graphql_as(&transport, &token, USERS, json!({})).await;
    assert_eq!(count(&list), 3, "all or nothing");
    let done = graphql(
        &transport,
        &[("authorization", &auth), ("x-authing-lang", "en-US")],
        delete_many,
        json!({"ids": [ids[0], ids[1]]}),
    )
    .await;
    assert_eq!(
        done["data"]["deleteUsers"],
        json!({"code": 200, "message": "Deleted successfully"})
    );
    let single = graphql_as(
        &transport,
        &token,
        "mutation d($id: String!) { deleteUser(id: $id) { code message } }",
        json!({"id": ids[2]}),
    )
    .await;
    assert_eq!(single["data"]["deleteUser"]["code"], 200);
    let list = graphql_as(&transport, &token, USERS, json!({})).await;
    assert_eq!(count(&list), 0);
}

#[tokio::test]
async fn introspection_works_and_validation_errors_stay_standard() {
    let (_mock, transport, _pool, _) = setup().await;
    let schema = graphql(
        &transport,
        &[],
        "query IntrospectionQuery { __schema { queryType { name } mutationType { name } types { name kind } } }",
        json!({}),
    )
    .await;
    assert_eq!(schema["data"]["__schema"]["queryType"]["name"], "Query");
    assert_eq!(
        schema["data"]["__schema"]["mutationType"]["name"],
        "Mutation"
    );
    let names: Vec<&str> = schema["data"]["__schema"]["types"]
        .as_array()
        .expect("types")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    for name in [
        "User",
        "JWTTokenStatus",
        "UDFDataType",
        "SortByEnum",
        "CreateUserInput",
    ] {
        assert!(names.contains(&name), "{name} missing");
    }
    let user = graphql(
        &transport,
        &[],
        r#"{ __type(name: "User") { fields { name type { name kind ofType { name } } } } }"#,
        json!({}),
    )
    .await;
    let fields = user["data"]["__type"]["fields"].as_array().expect("fields");
    assert!(fields.iter().any(|f| f["name"] == "lastIP"));
    assert!(fields.iter().any(|f| f["name"] == "customData"));

    let invalid = graphql(&transport, &[], "{ users { nope } }", json!({})).await;
    assert!(invalid["errors"][0]["message"].is_string(), "{invalid}");
}

/// Every scalar field of `CreateUserInput` and `UpdateUserInput` is stored under its name
/// and read back under the same name on `User`.
#[tokio::test]
async fn every_profile_field_round_trips() {
    let (_mock, transport, _pool, token) = setup().await;
    let strings = [
        "username",
        "email",
        "phone",
        "unionid",
        "openid",
        "nickname",
        "photo",
        "browser",
        "oauth",
        "lastLogin",
        "company",
        "lastIP",
        "signedUp",
        "device",
        "name",
        "givenName",
        "familyName",
        "middleName",
        "profile",
        "preferredUsername",
        "website",
        "gender",
        "birthdate",
        "zoneinfo",
        "locale",
        "address",
        "formatted",
        "streetAddress",
        "locality",
        "region",
        "postalCode",
        "country",
        "externalId",
    ];
    let mut user_info = serde_json::Map::new();
    for field in strings {
        let value = match field {
            "email" => "all@example.com".to_owned(),
            other => format!("v-{other}"),
        };
        user_info.insert(field.to_owned(), json!(value));
    }
    for field in ["emailVerified", "phoneVerified", "blocked", "isDeleted"] {
        user_info.insert(field.to_owned(), json!(true));
    }
    user_info.insert("loginsCount".to_owned(), json!(7));
    user_info.insert("registerSource".to_owned(), json!(["import:csv"]));
    let selection = format!(
        "{} emailVerified phoneVerified blocked isDeleted loginsCount registerSource city province tokenExpiredAt",
        strings.join(" ")
    );
    let created = graphql_as(
        &transport,
        &token,
        &format!(
            "mutation c($u: CreateUserInput!) {{ createUser(userInfo: $u) {{ id {selection} }} }}"
        ),
        json!({ "u": user_info }),
    )
    .await;
    let user = &created["data"]["createUser"];
    for (field, value) in &user_info {
        assert_eq!(&user[field], value, "createUser: {field}: {created}");
    }
    let id = user["id"].as_str().expect("id").to_owned();

    let mut input = serde_json::Map::new();
    for field in [
        "nickname",
        "city",
        "province",
        "tokenExpiredAt",
        "lastIP",
        "externalId",
    ] {
        input.insert(field.to_owned(), json!(format!("u-{field}")));
    }
    input.insert("loginsCount".to_owned(), json!(9));
    input.insert("blocked".to_owned(), json!(false));
    let updated = graphql_as(&transport, &token, &format!("mutation u($id: String, $i: UpdateUserInput!) {{ updateUser(id: $id, input: $i) {{ {selection} }} }}"),
        json!({ "id": id, "i": input }),
    )
    .await;
    let user = &updated["data"]["updateUser"];
    for (field, value) in &input {
        assert_eq!(&user[field], value, "updateUser: {field}: {updated}");
    }
    assert_eq!(user["company"], "v-company", "untouched fields stay");
}

#[test]
fn handles_are_send_sync_clone_debug() {
    fn assert_traits<T: Send + Sync + Clone + std::fmt::Debug + 'static>() {}
    assert_traits::<authing_mock::MockAuthing>();
    assert_traits::<authing_mock::InProcessTransport>();
    assert_traits::<authing_mock::PoolCredentials>();
    assert_traits::<authing_mock::Fault>();
    assert_traits::<authing_mock::RecordedRequest>();
}

#[tokio::test]
async fn tolerates_null_variables_and_operation_name() {
    let (mock, transport, _pool, _) = setup().await;
    let answer = send(
        &transport,
        "POST",
        "http://authing.mock/graphql/v2",
        &[],
        Some(&json!({"query": "query isUserExists { isUserExists(username: \"x\") }", "variables": null, "operationName": null})),
    )
    .await;
    assert_eq!(answer.status, 200);
    let json = answer.json();
    // No pool named: 2224, as an Authing error.
    assert_eq!(error_code(&json), 2224, "{json}");
    let recorded = mock.requests();
    assert_eq!(recorded[1].operation_name.as_deref(), Some("isUserExists"));
}
