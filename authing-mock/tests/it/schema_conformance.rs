//! The fake's schema follows Authing's v2 schema: every object, input and enum type it
//! defines exists in Authing's schema with the same kind; every field has the same type;
//! every argument has the same name, type and default; input types and the arguments of
//! every field the fake defines are complete (so any document valid against Authing's schema
//! on those fields is valid against the fake's); every enum value exists.
//!
//! Authing's schema is read from `../shared/authing-v2.graphql` relative to the workspace
//! root; when it is absent, only the fake's own SDL is checked.

use std::path::PathBuf;

use apollo_compiler::Schema;
use apollo_compiler::ast::InputValueDefinition;
use apollo_compiler::schema::ExtendedType;

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

#[test]
fn every_type_field_and_argument_follows_authings_schema() {
    let fake = fake_schema();
    let Some(authing) = authing_schema() else {
        eprintln!(
            "../shared/authing-v2.graphql not found: skipping the comparison with Authing's schema"
        );
        return;
    };
    let mut problems = Vec::new();
    let mut checked = 0usize;
    for (name, fake_type) in &fake.types {
        if fake_type.is_built_in() {
            continue;
        }
        let Some(real_type) = authing.types.get(name) else {
            problems.push(format!(
                "{} {name} does not exist in Authing's schema",
                kind(fake_type)
            ));
            continue;
        };
        if kind(fake_type) != kind(real_type) {
            problems.push(format!(
                "{name} is a {} here but a {} in Authing's schema",
                kind(fake_type),
                kind(real_type)
            ));
            continue;
        }
        match (fake_type, real_type) {
            (ExtendedType::Object(fake_object), ExtendedType::Object(real_object)) => {
                for (field_name, fake_field) in &fake_object.fields {
                    checked += 1;
                    let Some(real_field) = real_object.fields.get(field_name) else {
                        problems.push(format!(
                            "{name}.{field_name} does not exist in Authing's schema"
                        ));
                        continue;
                    };
                    if fake_field.ty != real_field.ty {
                        problems.push(format!(
                            "{name}.{field_name}: {} here, {} in Authing's schema",
                            fake_field.ty, real_field.ty
                        ));
                    }
                    let fake_args: Vec<String> =
                        fake_field.arguments.iter().map(|a| describe(a)).collect();
                    let real_args: Vec<String> =
                        real_field.arguments.iter().map(|a| describe(a)).collect();
                    for arg in &fake_args {
                        if !real_args.contains(arg) {
                            problems.push(format!("{name}.{field_name}({arg}) is not in Authing's schema: {real_args:?}"));
                        }
                    }
                    for arg in &real_args {
                        if !fake_args.contains(arg) {
                            problems.push(format!(
                                "{name}.{field_name} lacks Authing's argument {arg}"
                            ));
                        }
                    }
                }
            }
            (ExtendedType::InputObject(fake_input), ExtendedType::InputObject(real_input)) => {
                let fake_fields: Vec<String> =
                    fake_input.fields.values().map(|f| describe(f)).collect();
                let real_fields: Vec<String> =
                    real_input.fields.values().map(|f| describe(f)).collect();
                checked += fake_fields.len();
                for field in &fake_fields {
                    if !real_fields.contains(field) {
                        problems.push(format!(
                            "input {name} {{ {field} }} is not in Authing's schema"
                        ));
                    }
                }
                for field in &real_fields {
                    if !fake_fields.contains(field) {
                        problems.push(format!("input {name} lacks Authing's field {field}"));
                    }
                }
            }
            (ExtendedType::Enum(fake_enum), ExtendedType::Enum(real_enum)) => {
                for value in fake_enum.values.keys() {
                    checked += 1;
                    if !real_enum.values.contains_key(value) {
                        problems.push(format!(
                            "enum {name} value {value} is not in Authing's schema"
                        ));
                    }
                }
                for value in real_enum.values.keys() {
                    if !fake_enum.values.contains_key(value) {
                        problems.push(format!("enum {name} lacks Authing's value {value}"));
                    }
                }
            }
            _ => {}
        }
    }
    assert!(
        problems.is_empty(),
        "the fake departs from Authing's schema:\n{}",
        problems.join("\n")
    );
    assert!(checked > 150, "suspiciously few fields compared: {checked}");
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
