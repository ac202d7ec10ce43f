//! The operation registry: one line per operation of the SDK, and one JSON fixture per line,
//! `tests/fixtures/<crate>/<area>/<operationName>.json`, holding the operation's arguments
//! (as its struct deserialises them), the request they make, and a sample answer.
//!
//! For every line:
//! - (a) `request_shapes_and_answers`: `ApiClient::prepare` (no transport) makes exactly the
//!   fixture's request (method, path, query; GraphQL operation name, document and variables),
//!   the operation is authorised as the fixture says, and the sample answer decodes into its
//!   output;
//! - (b) `arguments_match_the_documents_variables`: the serialised arguments are variables
//!   the document declares, and every variable it requires is there;
//! - (c) `the_fake_answers_every_operation`: the in-process fake Authing understands the call
//!   (no unknown field or argument, no 404). An operation the fake does not have yet is
//!   marked `missing` on its line and listed in the test's output, not skipped silently.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use apollo_compiler::validation::Valid;
use apollo_compiler::{ExecutableDocument, Schema};
use authing_authentication::AuthenticationClient;
use authing_core::{ApiClient, Auth, Encryptor, Error, Lang, Operation, Wire, transport_fn};
use authing_management::ManagementClient;
use authing_tests::{Door, DynTransport, Env};
use bytes::Bytes;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use authing_authentication as authn;
use authing_management as mgmt;

/// Whether the fake Authing has an operation yet.
#[derive(Debug, Clone, Copy)]
enum Fake {
    Answers,
    /// Not in the fake yet, and why.
    #[allow(
        dead_code,
        reason = "every operation is answered today; a new one the fake lacks is marked with it"
    )]
    Missing(&'static str),
}

type Live = Pin<Box<dyn Future<Output = Result<(), String>> + Send>>;

struct Entry {
    /// The fixture, `<crate>/<area>/<operationName>`.
    fixture: &'static str,
    fake: Fake,
    /// What `Auth::Client` means for the client that sends it.
    own_auth: Auth,
    /// (a) and (b), for the operation's type.
    shape: fn(&Fixture, &Valid<Schema>, Auth) -> Result<(), String>,
    /// (c): sends the fixture's operation to a fake.
    live: fn(Arc<Env>, Value) -> Live,
}

/// One line per operation: `<client> "<fixture>" => <type> [missing "<why>"];`.
macro_rules! registry {
    ($($client:ident $fixture:literal => $op:ty $(, missing $why:literal)?;)+) => {
        vec![$(
            Entry {
                fixture: $fixture,
                fake: registry!(@fake $($why)?),
                own_auth: registry!(@own_auth $client),
                shape: shape::<$op>,
                live: |env, arguments| {
                    Box::pin(async move {
                        let op: $op = arguments_of(&arguments)?;
                        let client = registry!(@client $client, env).await;
                        understood(op.with_client(client).await)
                    })
                },
            }
        ),+]
    };
    (@fake) => { Fake::Answers };
    (@fake $why:literal) => { Fake::Missing($why) };
    (@own_auth management) => { Auth::Management };
    (@own_auth authentication) => { Auth::User };
    (@client management, $env:ident) => { management(&$env) };
    (@client authentication, $env:ident) => { logged_in(&$env) };
}

fn registry() -> Vec<Entry> {
    registry! {
        management "management/token/accessToken" => mgmt::AccessToken;
        management "management/users/checkLoginStatus" => mgmt::CheckLoginStatus;
        management "management/users/users" => mgmt::users::ListUsers;
        management "management/users/createUser" => mgmt::users::CreateUser;
        management "management/users/updateUser" => mgmt::users::UpdateUser;
        management "management/users/user" => mgmt::users::UserDetail;
        management "management/users/findUser" => mgmt::users::FindUser;
        management "management/users/findUserByIdentity" => mgmt::users::FindUserByIdentity;
        management "management/users/isUserExists" => mgmt::users::UserExists;
        management "management/users/searchUser" => mgmt::users::SearchUsers;
        management "management/users/userBatch" => mgmt::users::BatchGetUsers;
        management "management/users/deleteUser" => mgmt::users::DeleteUser;
        management "management/users/deleteUsers" => mgmt::users::DeleteUsers;
        management "management/families/udv" => mgmt::families::ListCustomData;
        management "management/families/setUdv" => mgmt::families::SetCustomData;
        management "management/families/removeUdv" => mgmt::families::RemoveCustomData;
        management "management/families/policyAssignments" => mgmt::families::ListPolicyAssignments;
        management "management/families/addPolicyAssignments" => mgmt::families::AddPolicyAssignments;
        management "management/families/removePolicyAssignments" => mgmt::families::RemovePolicyAssignments;
        management "management/families/authorizedResources" => mgmt::families::AuthorizedResources;
        management "management/members/roleMembers" => mgmt::families::ListMembers;
        management "management/members/groupMembers" => mgmt::families::ListMembers;
        management "management/members/assignRole" => mgmt::families::AddMembers;
        management "management/members/addUserToGroup" => mgmt::families::AddMembers;
        management "management/members/revokeRole" => mgmt::families::RemoveMembers;
        management "management/members/removeUserFromGroup" => mgmt::families::RemoveMembers;
        // roles-groups
        management "management/roles/roles" => mgmt::roles::ListRoles;
        management "management/roles/createRole" => mgmt::roles::CreateRole;
        management "management/roles/role" => mgmt::roles::RoleDetail;
        management "management/roles/updateRole" => mgmt::roles::UpdateRole;
        management "management/roles/deleteRole" => mgmt::roles::DeleteRole;
        management "management/roles/deleteRoles" => mgmt::roles::DeleteRoles;
        management "management/groups/groups" => mgmt::groups::ListGroups;
        management "management/groups/createGroup" => mgmt::groups::CreateGroup;
        management "management/groups/group" => mgmt::groups::GroupDetail;
        management "management/groups/updateGroup" => mgmt::groups::UpdateGroup;
        management "management/groups/deleteGroups" => mgmt::groups::DeleteGroups;
        // UDF (users-udf).
        management "management/udf/udf" => mgmt::udf::ListUdf;
        management "management/udf/setUdf" => mgmt::udf::SetUdf;
        management "management/udf/removeUdf" => mgmt::udf::RemoveUdf;
        management "management/udf/setUdvBatch" => mgmt::udf::SetCustomDataBatch;
        management "management/udf/udfValueBatch" => mgmt::udf::UdfValueBatch;
        management "management/udf/setUdfValueBatch" => mgmt::udf::SetUdfValueBatch;
        // applications area
        management "management/applications/listApplications" => mgmt::applications::ListApplications;
        management "management/applications/createApplication" => mgmt::applications::CreateApplication;
        management "management/applications/findApplication" => mgmt::applications::FindApplication;
        management "management/applications/deleteApplication" => mgmt::applications::DeleteApplication;
        management "management/applications/refreshApplicationSecret" => mgmt::applications::RefreshApplicationSecret;
        management "management/applications/updateDefaultAccessPolicy" => mgmt::applications::UpdateDefaultAccessPolicy;
        management "management/applications/getAccessPolicies" => mgmt::applications::ListAccessPolicies;
        management "management/applications/allowAccess" => mgmt::applications::AllowAccess;
        management "management/applications/denyAccess" => mgmt::applications::DenyAccess;
        management "management/applications/enableAccessPolicy" => mgmt::applications::EnableAccessPolicy;
        management "management/applications/disableAccessPolicy" => mgmt::applications::DisableAccessPolicy;
        management "management/applications/deleteAccessPolicy" => mgmt::applications::DeleteAccessPolicy;
        management "management/applications/createAgreement" => mgmt::applications::CreateAgreement;
        management "management/applications/listAgreement" => mgmt::applications::ListAgreements;
        management "management/applications/modifyAgreement" => mgmt::applications::ModifyAgreement;
        management "management/applications/deleteAgreement" => mgmt::applications::DeleteAgreement;
        management "management/applications/sortAgreement" => mgmt::applications::SortAgreements;
        authentication "authentication/login/loginByEmail" => authn::LoginByEmail;
        authentication "authentication/login/loginByUsername" => authn::LoginByUsername;
        authentication "authentication/register/registerByEmail" => authn::RegisterByEmail;
        authentication "authentication/register/registerByUsername" => authn::RegisterByUsername;
        authentication "authentication/profile/updateUser" => authn::UpdateProfile;
        authentication "authentication/profile/updatePassword" => authn::UpdatePassword;
        authentication "authentication/profile/getCurrentUser" => authn::GetCurrentUser;
        authentication "authentication/status/checkLoginStatus" => authn::CheckLoginStatus;
        authentication "authentication/status/logout" => authn::Logout;
        // auth-flows
        authentication "authentication/codes/sendSmsCode" => authn::SendSmsCode;
        authentication "authentication/codes/sendEmail" => authn::SendEmail;
        authentication "authentication/register/registerByPhoneCode" => authn::RegisterByPhoneCode;
        authentication "authentication/login/loginByPhoneCode" => authn::LoginByPhoneCode;
        authentication "authentication/login/loginByPhonePassword" => authn::LoginByPhonePassword;
        authentication "authentication/binding/resetPassword" => authn::ResetPassword;
        authentication "authentication/binding/bindPhone" => authn::BindPhone;
        authentication "authentication/binding/unbindPhone" => authn::UnbindPhone;
        authentication "authentication/binding/updatePhone" => authn::UpdatePhone;
        authentication "authentication/binding/bindEmail" => authn::BindEmail;
        authentication "authentication/binding/unbindEmail" => authn::UnbindEmail;
        authentication "authentication/binding/updateEmail" => authn::UpdateEmail;
        // Session / MFA area.
        authentication "authentication/session/refreshToken" => authn::RefreshToken;
        authentication "authentication/mfa/getMfaAuthenticators" => authn::mfa::GetMfaAuthenticators;
        authentication "authentication/mfa/associateMfaAuthenticator" => authn::mfa::AssociateMfaAuthenticator;
        authentication "authentication/mfa/confirmAssociateMfaAuthenticator" => authn::mfa::ConfirmAssociateMfaAuthenticator;
        authentication "authentication/mfa/deleteMfaAuthenticator" => authn::mfa::DeleteMfaAuthenticator;
        authentication "authentication/mfa/verifyTotpMfa" => authn::mfa::VerifyTotpMfa;
        authentication "authentication/mfa/verifyTotpRecoveryCode" => authn::mfa::VerifyTotpRecoveryCode;
        // Policies and ACL.
        management "management/policies/policies" => mgmt::policies::ListPolicies;
        management "management/policies/policy" => mgmt::policies::PolicyDetail;
        management "management/policies/createPolicy" => mgmt::policies::CreatePolicy;
        management "management/policies/updatePolicy" => mgmt::policies::UpdatePolicy;
        management "management/policies/deletePolicy" => mgmt::policies::DeletePolicy;
        management "management/policies/deletePolicies" => mgmt::policies::DeletePolicies;
        management "management/policies/enablePolicyAssignment" => mgmt::policies::EnablePolicyAssignment;
        management "management/policies/disbalePolicyAssignment" => mgmt::policies::DisablePolicyAssignment;
        authentication "authentication/login/loginByLdap" => authn::LoginByLdap;
        authentication "authentication/login/loginByAd" => authn::LoginByAd;
        authentication "authentication/login/loginBySubAccount" => authn::LoginBySubAccount;
        authentication "authentication/password/resetPasswordByFirstLoginToken" => authn::ResetPasswordByFirstLoginToken;
        authentication "authentication/password/resetPasswordByForceResetToken" => authn::ResetPasswordByForceResetToken;
        authentication "authentication/password/checkPasswordStrength" => authn::CheckPasswordStrength;
        authentication "authentication/other/isUserExists" => authn::IsUserExists;
        authentication "authentication/linking/linkAccount" => authn::LinkAccount;
        authentication "authentication/linking/unlinkAccount" => authn::UnlinkAccount;
        authentication "authentication/mfa/verifyAppSmsMfa" => authn::VerifyAppSmsMfa;
        authentication "authentication/mfa/verifyAppEmailMfa" => authn::VerifyAppEmailMfa;
        authentication "authentication/mfa/phoneOrEmailBindable" => authn::PhoneOrEmailBindable;
        authentication "authentication/mfa/associateFaceByUrl" => authn::AssociateFaceByUrl;
        authentication "authentication/mfa/verifyFaceMfa" => authn::VerifyFaceMfa;
        authentication "authentication/relations/getUserRoles" => authn::relations::ListUserRoles;
        authentication "authentication/relations/listUserAuthorizedResources" => authn::relations::ListUserAuthorizedResources;
        authentication "authentication/relations/getUserDepartments" => authn::relations::ListUserDepartments;
        authentication "authentication/relations/listOrgs" => authn::relations::ListOrgs;
        authentication "authentication/relations/listApplications" => authn::relations::ListApplications;
        authentication "authentication/relations/getSecurityLevel" => authn::relations::GetSecurityLevel;
        authentication "authentication/custom_data/udv" => authn::ListCustomData;
        authentication "authentication/custom_data/setUdv" => authn::SetCustomData;
        authentication "authentication/custom_data/removeUdv" => authn::RemoveCustomData;
        authentication "authentication/custom_data/setUdvBatch" => authn::SetCustomDataBatch;
        authentication "authentication/status/trackSession" => authn::TrackSession;
        authentication "authentication/qrcode/geneQrCode" => authn::qrcode::GeneQrCode;
        authentication "authentication/qrcode/checkQrCodeStatus" => authn::qrcode::CheckQrCodeStatus;
        authentication "authentication/qrcode/exchangeQrCodeUserInfo" => authn::qrcode::ExchangeQrCodeUserInfo;
        authentication "authentication/principal/principalAuthenticationDetail" => authn::principal::PrincipalAuthenticationDetail;
        authentication "authentication/principal/principalAuthenticate" => authn::principal::PrincipalAuthenticate;
        management "management/acl/allow" => mgmt::acl::Allow;
        management "management/acl/isActionAllowed" => mgmt::acl::IsActionAllowed;
        management "management/acl/authorizeResource" => mgmt::acl::AuthorizeResource;
        management "management/acl/authorizedTargets" => mgmt::acl::GetAuthorizedTargets;
        management "management/acl/authorizedTargetsCode" => mgmt::acl::GetAuthorizedTargetsCode;
        management "management/acl/revokeResource" => mgmt::acl::RevokeResource;
        management "management/acl/listResources" => mgmt::acl::ListResources;
        management "management/acl/getResourceById" => mgmt::acl::ResourceById;
        management "management/acl/getResourceByCode" => mgmt::acl::ResourceByCode;
        management "management/acl/createResource" => mgmt::acl::CreateResource;
        management "management/acl/updateResource" => mgmt::acl::UpdateResource;
        management "management/acl/deleteResource" => mgmt::acl::DeleteResource;
        management "management/acl/listNamespaces" => mgmt::acl::ListNamespaces;
        management "management/acl/createNamespace" => mgmt::acl::CreateNamespace;
        management "management/acl/updateNamespace" => mgmt::acl::UpdateNamespace;
        management "management/acl/updateNamespaceByCode" => mgmt::acl::UpdateNamespaceByCode;
        management "management/acl/deleteNamespace" => mgmt::acl::DeleteNamespace;
        management "management/acl/deleteNamespaceByCode" => mgmt::acl::DeleteNamespaceByCode;
        management "management/acl/programmaticAccessAccountList" => mgmt::acl::ListProgrammaticAccessAccounts;
        management "management/acl/createProgrammaticAccessAccount" => mgmt::acl::CreateProgrammaticAccessAccount;
        management "management/acl/deleteProgrammaticAccessAccount" => mgmt::acl::DeleteProgrammaticAccessAccount;
        management "management/acl/refreshProgrammaticAccessAccountSecret" => mgmt::acl::UpdateProgrammaticAccessAccount;
        management "management/acl/enableProgrammaticAccessAccount" => mgmt::acl::UpdateProgrammaticAccessAccount;
        management "management/acl/disableProgrammaticAccessAccount" => mgmt::acl::UpdateProgrammaticAccessAccount;
        management "management/applications/activeUsers" => mgmt::applications::ActiveUsers;
        management "management/applications/changeApplicationType" => mgmt::applications::ChangeApplicationType;
        management "management/applications/applicationTenants" => mgmt::applications::ApplicationTenants;
        management "management/users/archivedUsers" => mgmt::users::ListArchivedUsers;
        management "management/users/suspendUser" => mgmt::users::SuspendUser;
        management "management/users/activateUser" => mgmt::users::ActivateUser;
        management "management/users/resignUser" => mgmt::users::ResignUser;
        management "management/users/sendFirstLoginVerifyEmail" => mgmt::users::SendFirstLoginVerifyEmail;
        management "management/users/refreshToken" => mgmt::users::RefreshUserToken;
        management "management/users/kickUsers" => mgmt::users::KickUsers;
        management "management/users/logoutUser" => mgmt::users::LogoutUser;
        management "management/users/userLoginStatus" => mgmt::users::UserLoginStatus;
        management "management/users/listUserActions" => mgmt::users::ListUserActions;
        management "management/users/getUserRoles" => mgmt::users::ListUserRoles;
        management "management/users/getUserRoleList" => mgmt::users::GetUserRoleList;
        management "management/users/userGroups" => mgmt::users::ListUserGroups;
        management "management/users/getUserDepartments" => mgmt::users::ListUserDepartments;
        management "management/users/listUserOrgs" => mgmt::users::ListUserOrgs;
        management "management/users/getUserTenants" => mgmt::users::GetUserTenants;
        management "management/users/linkIdentity" => mgmt::users::LinkIdentity;
        management "management/users/unlinkIdentity" => mgmt::users::UnlinkIdentity;
        management "management/users/userInfo" => mgmt::users::UserInfo;
        management "management/users/filterUsers" => mgmt::users::FilterUsers;
        // mgmtgaps
        management "management/roles/findRoleUsers" => mgmt::roles::FindRoleUsers;
        management "management/client/isPasswordValid" => mgmt::IsPasswordValid;
        management "management/client/sendEmail" => mgmt::SendEmail;
        authentication "authentication/app_config/publicConfig" => authn::app_config::GetApplicationPublicConfig;
    }
}

/// A fixture file.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    /// `management`, `user` or `none`.
    auth: String,
    /// The operation's arguments, as its struct deserialises them.
    arguments: Value,
    /// The request they make.
    request: Request,
    /// A sample answer of Authing's.
    answer: Value,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Request {
    method: String,
    path: String,
    #[serde(default)]
    query: Map<String, Value>,
    /// GraphQL only.
    operation_name: Option<String>,
    /// GraphQL only.
    variables: Option<Value>,
    /// REST POST/PUT only.
    body: Option<Value>,
}

fn fixture_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(format!("{name}.json"))
}

fn read_fixture(name: &str) -> Fixture {
    let path = fixture_path(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn arguments_of<O: DeserializeOwned>(arguments: &Value) -> Result<O, String> {
    O::deserialize(arguments).map_err(|e| format!("the fixture's arguments: {e}"))
}

/// Passwords encrypt to a fixed text, so requests compare exactly.
#[derive(Debug)]
struct FixedEncryptor;

impl Encryptor for FixedEncryptor {
    fn encrypt(&self, _plaintext: &str) -> Result<String, Error> {
        Ok("<encrypted>".to_owned())
    }
}

fn offline_api() -> ApiClient<impl authing_core::Transport> {
    let transport =
        transport_fn(|_request: http::Request<Bytes>| async { panic!("prepare sends nothing") });
    ApiClient::builder(transport)
        .host("https://core.authing.cn")
        .user_pool_id("pool1")
        .encryptor(Arc::new(FixedEncryptor))
        .build()
        .expect("an offline client")
}

/// (a) and (b) for one operation type.
fn shape<O: Operation + DeserializeOwned>(
    fixture: &Fixture,
    schema: &Valid<Schema>,
    own_auth: Auth,
) -> Result<(), String> {
    let op: O = arguments_of(&fixture.arguments)?;
    let auth = match op.auth() {
        Auth::Client => own_auth,
        auth => auth,
    };
    let auth = match auth {
        Auth::Management => "management",
        Auth::User => "user",
        _ => "none",
    };
    if auth != fixture.auth {
        return Err(format!(
            "authorised by {auth}, the fixture says {}",
            fixture.auth
        ));
    }
    let request = offline_api()
        .prepare(&op)
        .map_err(|e| format!("prepare: {e}"))?;
    let expected = &fixture.request;
    if request.method().as_str() != expected.method {
        return Err(format!(
            "method {} != {}",
            request.method(),
            expected.method
        ));
    }
    if request.uri().path() != expected.path {
        return Err(format!(
            "path {} != {}",
            request.uri().path(),
            expected.path
        ));
    }
    let query: Map<String, Value> =
        url::form_urlencoded::parse(request.uri().query().unwrap_or_default().as_bytes())
            .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())))
            .collect();
    if query != expected.query {
        return Err(format!("query {query:?} != {:?}", expected.query));
    }
    let body: Option<Value> = (!request.body().is_empty())
        .then(|| serde_json::from_slice(request.body()))
        .transpose()
        .map_err(|e| format!("the body is not JSON: {e}"))?;
    match op.wire() {
        Wire::Graphql(document) => {
            let body = body.ok_or("a GraphQL request without a body")?;
            if body["operationName"] != document.operation_name()
                || expected.operation_name.as_deref() != Some(document.operation_name())
            {
                return Err(format!(
                    "operationName {} (fixture: {:?})",
                    body["operationName"], expected.operation_name
                ));
            }
            if body["query"] != document.full_document() {
                return Err("the body's query is not the operation's document".into());
            }
            let variables = &body["variables"];
            if Some(variables) != expected.variables.as_ref() {
                return Err(format!(
                    "variables {variables} != {}",
                    expected.variables.clone().unwrap_or_default()
                ));
            }
            declared_variables_match(document, variables, schema)?;
        }
        Wire::Rest { .. } => {
            if body != expected.body {
                return Err(format!("body {body:?} != {:?}", expected.body));
            }
        }
        other => return Err(format!("an unknown wire {other:?}")),
    }
    decodes::<O>(&op, &fixture.answer)
}

/// (b): the arguments are variables the document declares, and its required ones are there.
fn declared_variables_match(
    document: &authing_core::GraphQlOperation,
    variables: &Value,
    schema: &Valid<Schema>,
) -> Result<(), String> {
    let name = document.operation_name();
    let parsed = ExecutableDocument::parse_and_validate(schema, document.full_document(), name)
        .map_err(|e| format!("{name} does not validate:\n{}", e.errors))?;
    let operation = parsed
        .operations
        .get(Some(name))
        .map_err(|_| format!("{name}: no operation of that name in its document"))?;
    let sent = variables.as_object().ok_or("variables are not an object")?;
    for key in sent.keys() {
        if !operation.variables.iter().any(|v| v.name.as_str() == key) {
            return Err(format!(
                "{name} sends ${key}, which its document does not declare"
            ));
        }
    }
    for declared in &operation.variables {
        let required = declared.ty.is_non_null() && declared.default_value.is_none();
        if required && !sent.contains_key(declared.name.as_str()) {
            return Err(format!(
                "{name} requires ${}, which is not sent",
                declared.name
            ));
        }
    }
    Ok(())
}

/// The sample answer decodes into the operation's output.
fn decodes<O: Operation>(op: &O, answer: &Value) -> Result<(), String> {
    let (parts, ()) = http::Response::new(()).into_parts();
    let body = Bytes::from(serde_json::to_vec(answer).map_err(|e| e.to_string())?);
    let decoded = authing_core::operation::decode::<O::Answer>(&op.wire(), &parts, body)
        .map_err(|e| format!("the sample answer does not decode: {e}"))?;
    O::finish(decoded, Lang::ZhCn)
        .map(drop)
        .map_err(|e| format!("the sample answer is an error: {e}"))
}

/// The fake's code for a field of Authing's schema it does not implement yet.
const NOT_SUPPORTED_BY_THE_FAKE: i64 = 501;

/// (c): whether the fake understood a call: any answer but a schema failure, a 404 or the
/// fake's "not supported yet".
fn understood<T>(result: Result<T, Error>) -> Result<(), String> {
    match result {
        Ok(_) => Ok(()),
        Err(Error::Api { code, message, .. }) if code == NOT_SUPPORTED_BY_THE_FAKE => Err(format!(
            "the fake does not implement it yet: {code} {message}"
        )),
        Err(Error::Api { code, message, .. })
            if code == 400
                || message.contains("Cannot query field")
                || message.contains("Unknown") =>
        {
            Err(format!("the fake does not understand it: {code} {message}"))
        }
        // A business answer (user not found, wrong password, ...): understood.
        Err(Error::Api { .. }) => Ok(()),
        Err(other) => Err(format!("the fake failed it: {other}")),
    }
}

async fn management(env: &Env) -> ManagementClient<DynTransport> {
    env.management()
}

/// A client logged in as a user of the fake.
async fn logged_in(env: &Env) -> AuthenticationClient<DynTransport> {
    let client = env.authentication();
    client
        .register_by_username("registry-user", "passw0rd!")
        .await
        .expect("registers");
    client
        .login_by_username("registry-user", "passw0rd!")
        .await
        .expect("logs in");
    client
}

pub(crate) fn fake_schema() -> Valid<Schema> {
    Schema::parse_and_validate(authing_mock::sdl(), "authing-mock.graphql")
        .unwrap_or_else(|e| panic!("the fake's schema is invalid:\n{}", e.errors))
}

/// The schema documents are checked against in (b): Authing's real one when it is there
/// (CI requires it), else the fake's.
fn variables_schema() -> Valid<Schema> {
    match crate::graphql_documents::real_schema() {
        Some(schema) => schema,
        None => {
            println!("Authing's real schema is missing: (b) uses the fake's");
            fake_schema()
        }
    }
}

#[test]
fn request_shapes_and_answers() {
    let schema = variables_schema();
    let fake_schema = fake_schema();
    let mut failures = Vec::new();
    for entry in registry() {
        let fixture = read_fixture(entry.fixture);
        // Root fields Authing's SDKs send that its published schema lacks: the fake's has them.
        let addition = fixture
            .request
            .operation_name
            .as_deref()
            .is_some_and(|name| crate::graphql_documents::NOT_IN_AUTHINGS_SCHEMA.contains(&name));
        let schema = if addition { &fake_schema } else { &schema };
        if let Err(e) = (entry.shape)(&fixture, schema, entry.own_auth) {
            failures.push(format!("{}: {e}", entry.fixture));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn arguments_match_the_documents_variables() {
    // Checked inside `shape` for every GraphQL line; here, the documents every line names
    // are the documents the crates ship, and each fixture is named after its operation.
    let mut shipped: Vec<String> = mgmt::graphql_documents()
        .into_iter()
        .map(|(name, _)| format!("management/{name}"))
        .chain(
            authn::graphql_documents()
                .into_iter()
                .map(|(name, _)| format!("authentication/{name}")),
        )
        .collect();
    shipped.sort();
    let mut registered: Vec<String> = registry()
        .iter()
        .filter(|entry| read_fixture(entry.fixture).request.operation_name.is_some())
        .map(|entry| {
            let (krate, rest) = entry.fixture.split_once('/').expect("crate/area/name");
            let name = rest.rsplit('/').next().expect("a name");
            let fixture = read_fixture(entry.fixture);
            assert_eq!(
                fixture.request.operation_name.as_deref(),
                Some(name),
                "{}: the fixture is named after its operation",
                entry.fixture
            );
            format!("{krate}/{name}")
        })
        .collect();
    registered.sort();
    registered.dedup();
    assert_eq!(
        registered, shipped,
        "every shipped document has a registry line"
    );
}

#[test]
fn every_fixture_has_a_line() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let lines: Vec<&str> = registry().iter().map(|entry| entry.fixture).collect();
    let mut stack = vec![root.clone()];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for item in std::fs::read_dir(&dir).expect("fixtures dir") {
            let path = item.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files += 1;
                let name = path
                    .strip_prefix(&root)
                    .expect("under fixtures")
                    .with_extension("")
                    .to_string_lossy()
                    .replace('\\', "/");
                assert!(
                    lines.contains(&name.as_str()),
                    "{name} has no registry line"
                );
            }
        }
    }
    assert_eq!(files, lines.len(), "one fixture per line");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fake_answers_every_operation() {
    let mut failures = Vec::new();
    let mut missing = Vec::new();
    for entry in registry() {
        let fixture = read_fixture(entry.fixture);
        let env = Arc::new(Env::new(Door::InProcess).await);
        let result = (entry.live)(env, fixture.arguments).await;
        match (entry.fake, result) {
            (Fake::Answers, Ok(())) => {}
            (Fake::Answers, Err(e)) => failures.push(format!("{}: {e}", entry.fixture)),
            (Fake::Missing(why), Err(_)) => missing.push(format!("{}: {why}", entry.fixture)),
            (Fake::Missing(_), Ok(())) => failures.push(format!(
                "{}: marked missing, but the fake answers it: drop the mark",
                entry.fixture
            )),
        }
    }
    if !missing.is_empty() {
        println!(
            "operations the fake does not have yet ({}):\n  {}",
            missing.len(),
            missing.join("\n  ")
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_registry_has_one_line_per_operation() {
    let entries = registry();
    let mut names: Vec<&str> = entries.iter().map(|entry| entry.fixture).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), entries.len(), "no operation twice");
}
