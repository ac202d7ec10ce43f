"""Authing's official Python SDK (package `authing`, its `authing.v2` clients), unchanged,
against the fake Authing's HTTP door.

The SDK introspects the server and validates each document before sending it, so every call
here also proves the fake's schema accepts what the SDK asks. Run by `.ci/official-sdks`,
which starts the fake and passes its credentials (the JSON line `authing-mock serve --json`
prints) as the first argument.
"""

import json
import sys
import urllib.error
import urllib.request
from urllib.parse import parse_qsl, urlencode, urlparse

from authing.v2.authentication import AuthenticationClient, AuthenticationClientOptions
from authing.v2.exceptions import AuthingException
from authing.v2.management import ManagementClient, ManagementClientOptions

credentials = json.loads(open(sys.argv[1]).readline())
host = credentials["host"]


def refused(code, call):
    """`call` must fail with Authing's `code`."""
    try:
        call()
    except AuthingException as error:
        assert error.code == code, f"expected {code}, got {error.code}: {error}"
        return error
    raise AssertionError(f"expected Authing's {code}, the call succeeded")


def outbox_code(recipient):
    """The newest code the fake "sent" to `recipient` (its test-only outbox)."""
    url = f"{host}/__authing_mock/outbox?recipient={recipient}"
    with urllib.request.urlopen(url) as answer:
        return json.load(answer)["data"][0]["code"]


management = ManagementClient(ManagementClientOptions(
    user_pool_id=credentials["userPoolId"],
    secret=credentials["secret"],
    host=host,
    enc_public_key=credentials["publicKey"],
))

# Users: create (the password travels encrypted), read, update, search, uniqueness.
bob = management.users.create({"username": "py-bob", "password": "passw0rd!", "email": "bob@example.com"})
assert bob["username"] == "py-bob" and bob["id"]
assert management.users.detail(bob["id"])["email"] == "bob@example.com"
assert management.users.update(bob["id"], {"nickname": "Bob"})["nickname"] == "Bob"
assert management.users.exists(username="py-bob") is True
assert management.users.exists(username="nobody") is False
page = management.users.list(page=1, limit=10)
assert page["totalCount"] == 1 and page["list"][0]["username"] == "py-bob"
refused(2026, lambda: management.users.create({"username": "py-bob", "password": "x12345678"}))

# Roles and groups, and what the user belongs to.
management.roles.create(code="editor", description="Editors")
management.roles.add_users("editor", [bob["id"]])
assert management.roles.list_users("editor")["totalCount"] == 1
assert [role["code"] for role in management.users.list_roles(bob["id"])["list"]] == ["editor"]
management.groups.create("devs", "Developers")
management.groups.add_users("devs", [bob["id"]])
assert management.groups.list_users("devs")["totalCount"] == 1

# Custom fields and values, policies, the ACL, applications.
management.udf.set("USER", "age", "NUMBER", "Age")
management.users.set_udf_value(bob["id"], {"age": 42})
assert management.users.get_udf_value(bob["id"]) == {"age": 42}, management.users.get_udf_value(bob["id"])
management.users.remove_udv(bob["id"], "age")
assert management.users.get_udf_value(bob["id"]) == {}
management.policies.create("books-reader", [{"resource": "books:*", "actions": ["books:read"], "effect": "ALLOW"}])
management.policies.add_assignments(["books-reader"], "USER", [bob["id"]])
assert management.policies.list_assignments("books-reader")["totalCount"] == 1
assert management.acl.is_allowed(bob["id"], "books:read", "books:1", "default") is True
assert management.acl.is_allowed(bob["id"], "books:delete", "books:1", "default") is False
management.acl.create_namespace("shop", "Shop")
management.acl.create_resource("shop", "orders", "DATA", [{"name": "read", "description": "Read"}])
assert [r["code"] for r in management.acl.list_resources("shop")["list"]] == ["orders"]
assert management.applications.find_by_id(credentials["appId"])["id"] == credentials["appId"]

# The end user: log in, wrong password, login status, profile, password change, phone code.
authentication = AuthenticationClient(AuthenticationClientOptions(
    app_id=credentials["appId"],
    app_host=credentials["appHost"],
    enc_public_key=credentials["publicKey"],
))
me = authentication.login_by_username("py-bob", "passw0rd!")
assert me["username"] == "py-bob" and me["token"]
status = authentication.check_login_status(me["token"])
assert status["status"] is True, status
refused(2333, lambda: authentication.login_by_username("py-bob", "wrong"))
assert authentication.update_profile({"nickname": "Robert"})["nickname"] == "Robert"
authentication.update_password("n3w-passw0rd!", "passw0rd!")
refused(2333, lambda: authentication.login_by_email("bob@example.com", "passw0rd!"))
assert authentication.login_by_email("bob@example.com", "n3w-passw0rd!")["username"] == "py-bob"

authentication.send_sms_code("13800000042")
code = outbox_code("13800000042")
wrong = "000000" if code != "000000" else "111111"
refused(2001, lambda: authentication.register_by_phone_code("13800000042", wrong, "ph0ne-passw0rd!"))
new_user = authentication.register_by_phone_code("13800000042", code, "ph0ne-passw0rd!")
assert new_user["phone"] == "13800000042"
refused(2004, lambda: authentication.login_by_phone_code("13900000000", code))

# The application as an OIDC provider: the SDK's authorize URL, the fake's login form (its
# documented shortcut: the URL's parameters plus username and password, posted), then the
# SDK's code exchange, userinfo, introspection, revocation, refresh and online validation.
oidc = AuthenticationClient(AuthenticationClientOptions(
    app_id=credentials["appId"],
    app_host=credentials["appHost"],
    secret=credentials["appSecret"],
    redirect_uri="https://app.example.com/callback",
    protocol="oidc",
    # The SDK's own defaults are None (a known defect): name the methods.
    token_endpoint_auth_method="client_secret_post",
    introspection_endpoint_auth_method="client_secret_post",
    revocation_endpoint_auth_method="client_secret_post",
))
authorize = oidc.build_authorize_url(scope="openid profile email offline_access", state="s1", nonce="n1")
form = dict(parse_qsl(urlparse(authorize).query), username="py-bob", password="n3w-passw0rd!")


class KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


try:
    urllib.request.build_opener(KeepRedirects).open(
        urllib.request.Request(f"{host}/oidc/auth", data=urlencode(form).encode(), method="POST"))
    raise AssertionError("the login form should redirect to the callback")
except urllib.error.HTTPError as redirect:
    assert redirect.code == 303, redirect
    callback = dict(parse_qsl(urlparse(redirect.headers["Location"]).query))
assert callback["state"] == "s1"
tokens = oidc.get_access_token_by_code(callback["code"])
assert {"access_token", "id_token", "refresh_token"} <= tokens.keys(), tokens
assert oidc.get_user_info_by_access_token(tokens["access_token"])["sub"] == bob["id"]
assert oidc.introspect_token(tokens["access_token"])["active"] is True
oidc.revoke_token(tokens["access_token"])
assert oidc.introspect_token(tokens["access_token"])["active"] is False
assert "access_token" in oidc.get_new_access_token_by_refresh_token(tokens["refresh_token"])
assert oidc.validate_token(id_token=tokens["id_token"])["nonce"] == "n1"

# Errors in English when the client asks for them.
english = AuthenticationClient(AuthenticationClientOptions(
    app_id=credentials["appId"],
    app_host=credentials["appHost"],
    enc_public_key=credentials["publicKey"],
    lang="en-US",
))
error = refused(2333, lambda: english.login_by_username("py-bob", "wrong"))
assert "password" in str(error).lower(), error

print("python SDK: every call answered as Authing does")
