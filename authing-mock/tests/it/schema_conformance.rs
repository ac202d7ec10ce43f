//! The fake's schema is Authing's v2 schema, both ways: every type, field, argument, input
//! field and enum value of Authing's schema exists in the fake with the same kind, type and
//! default, and everything the fake has beyond it is one of the listed [`ADDITIONS`] (what
//! the official SDKs send that the SDL lacks). The fake's SDL is checked in as
//! `schema/authing.graphql`; every root field resolves (implemented, or Authing's error shape
//! with code 501 "not supported by the fake yet"), and introspection works.
//!
//! Authing's schema is read from `../shared/authing-v2.graphql` relative to the workspace
//! root; when it is absent, only the fake's own SDL is checked (and the test says so).

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::common::{create_user, error_code, graphql, graphql_as, setup};
use apollo_compiler::Schema;
use apollo_compiler::ast::InputValueDefinition;
use apollo_compiler::schema::{ExtendedType, Type};
use serde_json::{Value, json};

fn fake_schema() -> Schema {
    let sdl = authing_mock::sdl();
    match Schema::parse_and_validate(&sdl, "authing-mock.graphql") {
        Ok(valid) => valid.into_inner(),
        Err(errors) => panic!("the fake's SDL is not a valid schema:\n{}", errors.errors),
    }
}

fn authing_schema() -> Option<Schema> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/authing-v2.graphql");
    let text = std::fs::read_to_string(&path).ok()?;
    Some(match Schema::parse(&text, &path) {
        Ok(schema) => schema,
        Err(with_errors) => with_errors.partial,
    })
}

fn describe(argument: &InputValueDefinition) -> String {
    let default = argument
        .default_value
        .as_ref()
        .map(|value| format!(" = {value}"))
        .unwrap_or_default();
    format!("{}: {}{}", argument.name, argument.ty, default)
}

fn kind(ty: &ExtendedType) -> &'static str {
    match ty {
        ExtendedType::Scalar(_) => "scalar",
        ExtendedType::Object(_) => "type",
        ExtendedType::Interface(_) => "interface",
        ExtendedType::Union(_) => "union",
        ExtendedType::Enum(_) => "enum",
        ExtendedType::InputObject(_) => "input",
    }
}

#[test]
fn the_fakes_sdl_is_a_valid_schema_with_the_required_root_fields() {
    let fake = fake_schema();
    let query = fake.get_object("Query").expect("Query");
    for field in [
        "accessToken",
        "users",
        "user",
        "userBatch",
        "searchUser",
        "checkLoginStatus",
        "isUserExists",
        "findUser",
    ] {
        assert!(query.fields.contains_key(field), "Query.{field} missing");
    }
    let mutation = fake.get_object("Mutation").expect("Mutation");
    for field in [
        "createUser",
        "updateUser",
        "deleteUser",
        "deleteUsers",
        "registerByEmail",
        "registerByUsername",
        "loginByEmail",
        "loginByUsername",
        "updatePassword",
        "refreshToken",
    ] {
        assert!(
            mutation.fields.contains_key(field),
            "Mutation.{field} missing"
        );
    }
}

/// What the fake has beyond Authing's SDL: the fields, arguments and types the official SDKs
/// send that the SDL lacks (the † items of `reference/management-api.md` §3.2 and
/// `reference/authentication-api.md` §8, and what the newer JavaScript SDK 4.23 sends).
///
/// Notation: `type T` / `input T` (a whole type, its fields included), `T.field: Type` (an
/// object field, its arguments included), `T.field(arg: Type)` (an argument), `T.field: Type`
/// of an input (an input field), `T.VALUE` (an enum value). An addition of the fake that is not
/// listed here fails the test, and so does a listed one the fake no longer has.
const ADDITIONS: &[&str] = &[
    // Go `GetAuthorizedTargetsCode`: the same arguments and answer as `authorizedTargets`.
    "Query.authorizedTargetsCode: PaginatedAuthorizedTargets",
    // JS `users.list` (both documents) and Go's users-with-custom-data document.
    "Query.users(excludeUsersInOrg: Boolean)",
    // JS `users.find` and Go `FindUser`: a lookup by external identity.
    "Query.findUser(identity: FindUserByIdentityInput)",
    "input FindUserByIdentityInput",
    // JS `users.create` and Go `CreateUser`: an external identity bound at creation.
    "Mutation.createUser(identity: CreateUserIdentityInput)",
    "input CreateUserIdentityInput",
    // JS and Go `resetPasswordByForceResetToken` (authentication side).
    "Mutation.resetPasswordByForceResetToken: CommonMessage",
    // JS `user`/`users`/`userBatch` documents and Python's `user` documents select it.
    "Identity.connectionId: String",
    // JS `user`/`users`/`userBatch` documents, Go `userBatch` and users-with-custom-data.
    "Identity.type: String",
    // JS: every "…AuthorizedResources" document and `authorizedResources`.
    "AuthorizedResource.apiIdentifier: String",
    // JS 4.23: every user document selects it; `updateUser` sets it.
    "User.phoneCountryCode: String",
    "UpdateUserInput.phoneCountryCode: String",
    // JS 4.23 `resetPassword`, `bindPhone`, `updatePhone` documents, `loginByPhoneCode` and
    // `registerByPhoneCode` inputs: phone numbers with a country code.
    "Mutation.resetPassword(phoneCountryCode: String)",
    "Mutation.bindPhone(phoneCountryCode: String)",
    "Mutation.updatePhone(phoneCountryCode: String)",
    "Mutation.updatePhone(oldPhoneCountryCode: String)",
    "LoginByPhoneCodeInput.phoneCountryCode: String",
    "RegisterByPhoneCodeInput.phoneCountryCode: String",
    // JS 4.23 `updateUser` document (`updateProfile` with verification tokens).
    "Mutation.updateUser(emailToken: String)",
    "Mutation.updateUser(phoneToken: String)",
    // JS 4.23 registrations binding a verified email or phone.
    "RegisterByEmailInput.phoneToken: String",
    "RegisterByUsernameInput.phoneToken: String",
    "RegisterByUsernameInput.emailToken: String",
    "RegisterByPhoneCodeInput.emailToken: String",
    // JS 4.23 management `users.update` passes them through in the input.
    "UpdateUserInput.mainDepartmentId: String",
    "UpdateUserInput.mainDepartmentCode: String",
    // JS 4.23's login documents (`loginByEmail`, `loginByUsername`, `loginByPhoneCode`,
    // `loginByPhonePassword`, `loginBySubAccount`): whether the login registered the user.
    "User.newlyCreated: Boolean",
    // JS 4.23's `updateUser` document.
    "User.expiredAt: String",
    "User.directManagement: String",
    // JS 4.23's `userpool`, `userpools` and `updateUserpool` documents.
    "UserPool.verifyCodeMaxAttempts: Int",
    // JS 4.23's `getUserDepartments` document.
    "Node.isVirtualNode: Boolean",
    // JS 4.23's `createOrg` document.
    "Mutation.createOrg(tenantId: String)",
];

/// One line per type, field, argument, input field and enum value of `schema` (built-in types
/// and directives left out), each with its type and default.
fn items(schema: &Schema) -> BTreeSet<String> {
    let mut items = BTreeSet::new();
    for (name, ty) in &schema.types {
        if ty.is_built_in() {
            continue;
        }
        items.insert(format!("{} {name}", kind(ty)));
        match ty {
            ExtendedType::Object(object) => {
                for (field_name, field) in &object.fields {
                    items.insert(format!("{name}.{field_name}: {}", field.ty));
                    for argument in &field.arguments {
                        items.insert(format!("{name}.{field_name}({})", describe(argument)));
                    }
                }
            }
            ExtendedType::InputObject(input) => {
                for field in input.fields.values() {
                    items.insert(format!("{name}.{}", describe(field)));
                }
            }
            ExtendedType::Enum(enumeration) => {
                for value in enumeration.values.keys() {
                    items.insert(format!("{name}.{value}"));
                }
            }
            _ => {}
        }
    }
    items
}

/// Whether `item` of the fake is an addition listed in [`ADDITIONS`]: listed itself, or part
/// of a listed type or field.
fn is_listed_addition(item: &str) -> bool {
    ADDITIONS.iter().any(|addition| {
        if item == *addition {
            return true;
        }
        if let Some(type_name) = addition
            .strip_prefix("input ")
            .or_else(|| addition.strip_prefix("type "))
        {
            return item.starts_with(&format!("{type_name}."));
        }
        // A listed field covers its arguments: `T.f: X` covers `T.f(a: Y)`.
        addition
            .split_once(": ")
            .is_some_and(|(field, _)| item.starts_with(&format!("{field}(")))
    })
}

#[test]
fn every_type_field_and_argument_follows_authings_schema() {
    let fake = fake_schema();
    let Some(authing) = authing_schema() else {
        eprintln!(
            "../shared/authing-v2.graphql not found: skipping the comparison with Authing's schema"
        );
        return;
    };
    let fake_items = items(&fake);
    let authing_items = items(&authing);
    let mut problems = Vec::new();
    for item in authing_items.difference(&fake_items) {
        problems.push(format!(
            "Authing's `{item}` is missing from the fake (or typed differently)"
        ));
    }
    for item in fake_items.difference(&authing_items) {
        if !is_listed_addition(item) {
            problems.push(format!(
                "the fake's `{item}` is not in Authing's schema nor in ADDITIONS"
            ));
        }
    }
    for addition in ADDITIONS {
        if !fake_items.contains(*addition) {
            problems.push(format!(
                "ADDITIONS lists `{addition}`, which the fake does not have"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "the fake departs from Authing's schema:\n{}",
        problems.join("\n")
    );
    let compared = authing_items.len();
    assert!(
        compared > 1100,
        "suspiciously few items compared: {compared}"
    );
    eprintln!(
        "compared {compared} items of Authing's schema; the fake adds {}",
        fake_items.len() - compared
    );
}

#[test]
fn user_has_every_scalar_field_of_authings_user() {
    let Some(authing) = authing_schema() else {
        return;
    };
    let fake = fake_schema();
    let real_user = authing.get_object("User").expect("Authing's User");
    let fake_user = fake.get_object("User").expect("the fake's User");
    for (name, field) in &real_user.fields {
        let inner = field.ty.inner_named_type();
        let is_leaf = matches!(
            authing.types.get(inner),
            Some(ExtendedType::Scalar(_) | ExtendedType::Enum(_))
        );
        if is_leaf || name == "identities" || name == "customData" {
            assert!(fake_user.fields.contains_key(name), "User.{name} missing");
        }
    }
}

/// The checked-in export of the fake's SDL.
fn checked_in_sdl_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schema/authing.graphql")
}

#[test]
fn the_checked_in_sdl_is_the_fakes() {
    let path = checked_in_sdl_path();
    let sdl = authing_mock::sdl();
    if std::env::var_os("AUTHING_MOCK_WRITE_SCHEMA").is_some() {
        std::fs::write(&path, &sdl).expect("write schema/authing.graphql");
        eprintln!("wrote {}", path.display());
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    let first_difference = checked_in
        .lines()
        .zip(sdl.lines())
        .position(|(file, fake)| file != fake)
        .map_or_else(
            || "in the number of lines".to_owned(),
            |index| format!("at line {}", index + 1),
        );
    assert!(
        checked_in == sdl,
        "schema/authing.graphql differs from authing_mock::sdl() {first_difference}; \
         rewrite it with `AUTHING_MOCK_WRITE_SCHEMA=1 cargo test -p authing-mock the_checked_in_sdl_is_the_fakes`"
    );
}

/// A GraphQL literal of type `ty` in `schema`: the first enum value, an input object with its
/// required fields, a one-element list.
fn sample_value(schema: &Schema, ty: &Type) -> String {
    match ty {
        Type::List(item) | Type::NonNullList(item) => format!("[{}]", sample_value(schema, item)),
        Type::Named(name) | Type::NonNullNamed(name) => match schema.types.get(name.as_str()) {
            Some(ExtendedType::Enum(enumeration)) => enumeration
                .values
                .keys()
                .next()
                .map(ToString::to_string)
                .unwrap_or_default(),
            Some(ExtendedType::InputObject(input)) => {
                let fields: Vec<String> = input
                    .fields
                    .iter()
                    .filter(|(_, field)| field.ty.is_non_null() && field.default_value.is_none())
                    .map(|(name, field)| format!("{name}: {}", sample_value(schema, &field.ty)))
                    .collect();
                format!("{{{}}}", fields.join(", "))
            }
            _ => match name.as_str() {
                "Int" => "1".to_owned(),
                "Float" => "1.5".to_owned(),
                "Boolean" => "true".to_owned(),
                "Object" => "{}".to_owned(),
                _ => "\"x\"".to_owned(),
            },
        },
    }
}

/// Whether `error` is Authing's shape: `message` is `{code, message}`.
fn authing_shaped(error: &Value) -> bool {
    error["message"]["code"].is_i64() && error["message"]["message"].is_string()
}

#[tokio::test]
async fn every_root_field_resolves_or_answers_not_supported() {
    let fake = fake_schema();
    let (_mock, transport, _pool, token) = setup().await;
    let mut not_supported = Vec::new();
    let mut resolved = 0usize;
    for (root, operation) in [("Query", "query"), ("Mutation", "mutation")] {
        let object = fake.get_object(root).expect("root type");
        for (name, field) in &object.fields {
            let arguments: Vec<String> = field
                .arguments
                .iter()
                .filter(|argument| argument.ty.is_non_null() && argument.default_value.is_none())
                .map(|argument| format!("{}: {}", argument.name, sample_value(&fake, &argument.ty)))
                .collect();
            let arguments = if arguments.is_empty() {
                String::new()
            } else {
                format!("({})", arguments.join(", "))
            };
            let selection = match fake.types.get(field.ty.inner_named_type().as_str()) {
                Some(ExtendedType::Object(_)) => " { __typename }",
                _ => "",
            };
            let document = format!("{operation} {{ {name}{arguments}{selection} }}");
            let answer = graphql_as(&transport, &token, &document, json!({})).await;
            let errors = answer["errors"].as_array().cloned().unwrap_or_default();
            assert!(
                errors.iter().all(authing_shaped),
                "{document}: an error that is not Authing's shape (the field does not resolve): {answer}"
            );
            match errors.first() {
                Some(error) if error["message"]["code"] == 501 => {
                    assert_eq!(error["message"]["data"]["field"], name.as_str(), "{answer}");
                    assert!(
                        error["message"]["message"]
                            .as_str()
                            .is_some_and(|message| message.contains(name.as_str())),
                        "{answer}"
                    );
                    assert!(answer["data"].is_null(), "{answer}");
                    not_supported.push(name.to_string());
                }
                _ => resolved += 1,
            }
        }
    }
    assert!(
        resolved >= 18,
        "the implemented root fields answer: {resolved}"
    );
    assert!(
        not_supported.contains(&"deleteFunction".to_owned()),
        "unsupported fields say so: {not_supported:?}"
    );
    eprintln!(
        "{resolved} root fields resolved, {} answered 501: {not_supported:?}",
        not_supported.len()
    );
}

#[tokio::test]
async fn not_supported_speaks_both_languages() {
    let (_mock, transport, _pool, token) = setup().await;
    let bearer = format!("Bearer {token}");
    let document = "mutation { deleteFunction(id: \"f1\") { code } }";
    let zh = graphql(
        &transport,
        &[("authorization", &bearer)],
        document,
        json!({}),
    )
    .await;
    assert_eq!(zh["errors"][0]["message"]["code"], 501, "{zh}");
    assert_eq!(zh["errors"][0]["extensions"]["code"], "501", "{zh}");
    assert_eq!(
        zh["errors"][0]["message"]["message"],
        "模拟 Authing 暂不支持 deleteFunction"
    );
    let en = graphql(
        &transport,
        &[
            ("authorization", bearer.as_str()),
            ("x-authing-lang", "en-US"),
        ],
        document,
        json!({}),
    )
    .await;
    assert_eq!(
        en["errors"][0]["message"]["message"],
        "The fake Authing does not support deleteFunction yet"
    );
    assert_eq!(
        en["errors"][0]["message"]["data"]["field"],
        "deleteFunction"
    );
}

/// The introspection query clients run before validating their documents (types, fields,
/// arguments, input fields, enum values, nested type references).
const INTROSPECTION: &str = "
query IntrospectionQuery {
  __schema {
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives { name locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) {
    name args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason
  }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
}";

#[tokio::test]
async fn introspection_lists_every_type_of_authings_schema() {
    let (_mock, transport, _pool, _token) = setup().await;
    let answer = graphql(&transport, &[], INTROSPECTION, json!({})).await;
    assert!(answer["errors"].is_null(), "{answer}");
    let schema = &answer["data"]["__schema"];
    assert_eq!(schema["queryType"]["name"], "Query");
    assert_eq!(schema["mutationType"]["name"], "Mutation");
    let names: BTreeSet<&str> = schema["types"]
        .as_array()
        .expect("types")
        .iter()
        .filter_map(|ty| ty["name"].as_str())
        .collect();
    // Introspection lists the types reachable from the roots, which are all the types a
    // document can use: async-graphql leaves out those no field takes or returns
    // (`BatchOperationResult`, `KeyValuePair`, `CreateSocialConnectionInput` and the
    // `SocialConnectionFieldInput` only the latter uses), though the SDL has them.
    let fake = fake_schema();
    let mut reachable = BTreeSet::new();
    let mut to_visit = vec!["Query", "Mutation"];
    while let Some(name) = to_visit.pop() {
        if !reachable.insert(name) {
            continue;
        }
        match fake.types.get(name) {
            Some(ExtendedType::Object(object)) => {
                for field in object.fields.values() {
                    to_visit.push(field.ty.inner_named_type().as_str());
                    for argument in &field.arguments {
                        to_visit.push(argument.ty.inner_named_type().as_str());
                    }
                }
            }
            Some(ExtendedType::InputObject(input)) => {
                for field in input.fields.values() {
                    to_visit.push(field.ty.inner_named_type().as_str());
                }
            }
            _ => {}
        }
    }
    for name in &reachable {
        assert!(names.contains(name), "introspection lacks {name}");
    }
    assert!(reachable.len() > 100, "{reachable:?}");
    if let Some(authing) = authing_schema() {
        for name in authing.types.keys() {
            let listed = names.contains(name.as_str());
            assert!(
                listed || !reachable.contains(name.as_str()),
                "introspection lacks Authing's {name}"
            );
        }
    }
}

/// The SDK additions that touch what the fake already has answer with its data; those whose
/// behaviour it lacks answer 501 naming what was asked.
#[tokio::test]
async fn sdk_additions_answer_with_the_fakes_data() {
    let (_mock, transport, pool, token) = setup().await;
    let created = create_user(&transport, &token, json!({"username": "ada"})).await;
    let id = created["data"]["createUser"]["id"]
        .as_str()
        .expect("created")
        .to_owned();

    // The country code is stored and read back; the relations are empty, as the fake has no
    // roles, groups, departments or policies yet; identities have the SDKs' fields.
    let updated = graphql_as(
        &transport,
        &token,
        "mutation u($id: String, $input: UpdateUserInput!) {
           updateUser(id: $id, input: $input) { phone phoneCountryCode }
         }",
        json!({"id": id, "input": {"phone": "13800000000", "phoneCountryCode": "+86"}}),
    )
    .await;
    assert_eq!(
        updated["data"]["updateUser"]["phoneCountryCode"], "+86",
        "{updated}"
    );
    let user = graphql_as(
        &transport,
        &token,
        "query u($id: String) { user(id: $id) {
           phoneCountryCode identities { connectionId type extIdpId }
           roles { totalCount list { code } } groups { totalCount }
           departments { totalCount } authorizedResources { totalCount list { apiIdentifier } }
         } }",
        json!({"id": id}),
    )
    .await;
    let user = &user["data"]["user"];
    assert_eq!(user["phoneCountryCode"], "+86", "{user}");
    assert_eq!(user["identities"], json!([]));
    for relation in ["roles", "groups", "departments", "authorizedResources"] {
        assert_eq!(user[relation]["totalCount"], 0, "{relation}: {user}");
    }

    // `excludeUsersInOrg` leaves out nobody: no user belongs to an organisation yet.
    let users = graphql_as(
        &transport,
        &token,
        "{ users(excludeUsersInOrg: true) { totalCount } }",
        json!({}),
    )
    .await;
    assert_eq!(users["data"]["users"]["totalCount"], 1, "{users}");

    // Nobody holds this external identity, so a lookup by it finds nobody (the identity
    // decides: the username is not looked at).
    let found = graphql_as(
        &transport,
        &token,
        "{ findUser(username: \"ada\", identity: {provider: \"github\", userIdInIdp: \"1\"}) { id } }",
        json!({}),
    )
    .await;
    assert!(found["errors"].is_null(), "{found}");
    assert!(found["data"]["findUser"].is_null(), "{found}");
    let found = graphql_as(
        &transport,
        &token,
        "{ findUser(username: \"ada\") { id } }",
        json!({}),
    )
    .await;
    assert_eq!(found["data"]["findUser"]["id"], id.as_str());

    // Behaviour the fake lacks: 501, naming the argument or input field.
    let update =
        |arguments: &str| format!("mutation {{ updateUser(id: \"{id}\", {arguments}) {{ id }} }}");
    for (document, field) in [
        (
            update("input: {nickname: \"x\"}, emailToken: \"t\""),
            "updateUser(emailToken)",
        ),
        (
            update("input: {mainDepartmentId: \"d\"}"),
            "UpdateUserInput.mainDepartmentId",
        ),
        (
            "mutation { registerByUsername(input: {username: \"cy\", password: \"p\", emailToken: \"t\"}) { id } }".to_owned(),
            "RegisterByUsernameInput.emailToken",
        ),
    ] {
        // Registration is an application's call: it names its pool by the app id.
        let headers = [
            ("authorization", format!("Bearer {token}")),
            ("x-authing-app-id", pool.app_id.clone()),
        ];
        let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let answer = graphql(&transport, &headers, &document, json!({})).await;
        assert_eq!(error_code(&answer), 501, "{document}: {answer}");
        assert_eq!(answer["errors"][0]["message"]["data"]["field"], field, "{answer}");
    }

    // An external identity bound at creation: the user holds it, findUser(identity) finds
    // them; creating another user with it is 2215 and creates nobody.
    let create = |name: &str| {
        format!(
            "mutation {{ createUser(userInfo: {{username: \"{name}\"}}, identity: {{provider: \"github\", userIdInIdp: \"2\", isSocial: true}}) {{ id identities {{ provider userIdInIdp isSocial }} }} }}"
        )
    };
    let ann = graphql_as(&transport, &token, &create("ann"), json!({})).await;
    assert_eq!(
        ann["data"]["createUser"]["identities"],
        json!([{"provider": "github", "userIdInIdp": "2", "isSocial": true}]),
        "{ann}"
    );
    let found = graphql_as(
        &transport,
        &token,
        "{ findUser(identity: {provider: \"github\", userIdInIdp: \"2\"}) { id } }",
        json!({}),
    )
    .await;
    assert_eq!(
        found["data"]["findUser"]["id"],
        ann["data"]["createUser"]["id"]
    );
    let bob = graphql_as(&transport, &token, &create("bob"), json!({})).await;
    assert_eq!(error_code(&bob), 2215, "{bob}");
    let bob = graphql_as(
        &transport,
        &token,
        "{ findUser(username: \"bob\") { id } }",
        json!({}),
    )
    .await;
    assert!(
        bob["data"]["findUser"].is_null(),
        "a refused creation creates nobody: {bob}"
    );
}

/// JS 4.23's login documents select `newlyCreated`: true when the login registered the
/// user (`autoRegister`), false when they existed; the other 4.23 additions are there and
/// null where the fake has nothing to say.
#[tokio::test]
async fn newly_created_says_whether_the_login_registered_the_user() {
    let (_mock, transport, pool, token) = setup().await;
    let headers = [("x-authing-app-id", pool.app_id.as_str())];
    let login = |auto_register: bool| {
        json!({"input": {
            "username": "newcomer",
            "password": crate::common::encrypt(&pool, "passw0rd!"),
            "autoRegister": auto_register,
        }})
    };
    let document = "mutation l($input: LoginByUsernameInput!) {
        loginByUsername(input: $input) { id newlyCreated expiredAt directManagement }
    }";
    let first = graphql(&transport, &headers, document, login(true)).await;
    let answer = &first["data"]["loginByUsername"];
    assert_eq!(answer["newlyCreated"], true, "{first}");
    assert!(answer["expiredAt"].is_null() && answer["directManagement"].is_null());
    let again = graphql(&transport, &headers, document, login(true)).await;
    assert_eq!(
        again["data"]["loginByUsername"]["newlyCreated"], false,
        "{again}"
    );
    assert_eq!(
        again["data"]["loginByUsername"]["id"], answer["id"],
        "the same user"
    );

    // A user reading themselves gets the token they asked with (the JS SDK keeps it).
    let user_token = graphql(
        &transport,
        &headers,
        "mutation l($input: LoginByUsernameInput!) { loginByUsername(input: $input) { token } }",
        login(false),
    )
    .await["data"]["loginByUsername"]["token"]
        .as_str()
        .expect("a login answers a token")
        .to_owned();
    let me = graphql_as(&transport, &user_token, "{ user { token } }", json!({})).await;
    assert_eq!(me["data"]["user"]["token"], user_token.as_str(), "{me}");

    // Outside a login's answer it says nothing.
    let listed = graphql_as(
        &transport,
        &token,
        "{ users { list { username newlyCreated } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        listed["data"]["users"]["list"],
        json!([{"username": "newcomer", "newlyCreated": null}]),
        "{listed}"
    );
}
