// Authing's official JavaScript SDK (npm `authing-js-sdk`), unchanged, against the fake
// Authing's HTTP door. Run by `.ci/official-sdks`, which starts the fake and passes the file
// holding its credentials (the JSON line `authing-mock serve --json` prints).
'use strict';

const assert = require('assert/strict');
const crypto = require('crypto');
const fs = require('fs');
const { ManagementClient, AuthenticationClient } = require('authing-js-sdk');

const credentials = JSON.parse(fs.readFileSync(process.argv[2], 'utf8').split('\n')[0]);

/** `call` must fail with Authing's `code`; answers the error. */
async function refused(code, call) {
  let error;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  assert.ok(error, `expected Authing's ${code}, the call succeeded`);
  assert.equal(error.code, code, `expected ${code}, got ${JSON.stringify(error)}`);
  return error;
}

/** The TOTP code (RFC 6238: SHA-1, 6 digits, 30 s) of a base32 `secret` now, as an
 * authenticator app computes it. */
function totp(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...secret.replace(/=+$/, '').toUpperCase()]
    .map((ch) => alphabet.indexOf(ch).toString(2).padStart(5, '0'))
    .join('');
  const key = Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000)));
  const mac = crypto.createHmac('sha1', key).update(counter).digest();
  const offset = mac[19] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}

/** The newest code the fake "sent" to `recipient` (its test-only outbox). */
async function outboxCode(recipient) {
  const answer = await fetch(`${credentials.host}/__authing_mock/outbox?recipient=${recipient}`);
  return (await answer.json()).data[0].code;
}

(async () => {
  const management = new ManagementClient({
    userPoolId: credentials.userPoolId,
    secret: credentials.secret,
    host: credentials.host,
    encrptionPublicKey: credentials.publicKey,
  });

  // Users: create (the password travels encrypted), read, update, list, uniqueness.
  const ada = await management.users.create({ username: 'js-ada', password: 'passw0rd!', email: 'ada@example.com' });
  assert.equal(ada.username, 'js-ada');
  assert.equal((await management.users.detail(ada.id)).email, 'ada@example.com');
  assert.equal((await management.users.update(ada.id, { nickname: 'Ada' })).nickname, 'Ada');
  const page = await management.users.list(1, 10);
  assert.equal(page.totalCount, 1);
  await refused(2026, () => management.users.create({ username: 'js-ada', password: 'x12345678' }));

  // Roles and groups.
  await management.roles.create('reviewer', 'Reviewers');
  await management.roles.addUsers('reviewer', [ada.id]);
  assert.equal((await management.roles.listUsers('reviewer')).totalCount, 1);
  await management.groups.create('devs', 'Developers');
  await management.groups.addUsers('devs', [ada.id]);
  assert.equal((await management.groups.listUsers('devs')).totalCount, 1);

  // Reads by batch and the ACL's verdict (both REST calls in this SDK).
  const batch = await management.users.batch([ada.id, 'nobody']);
  assert.deepEqual(batch.map((user) => user.username), ['js-ada']);
  await management.acl.allow(ada.id, 'books:1', 'books:read');
  assert.equal(await management.acl.isAllowed(ada.id, 'books:1', 'books:read'), true);
  assert.equal(await management.acl.isAllowed(ada.id, 'books:1', 'books:delete'), false);

  // Resources, and grants of several at once (4.23's REST batch calls).
  for (const code of ['books', 'films']) {
    await management.acl.createResource({
      namespace: 'default', code, type: 'DATA',
      actions: [{ name: 'read', description: 'Read' }, { name: 'write', description: 'Write' }],
    });
  }
  const grant = (actions) => ({
    namespace: 'default',
    opts: [{
      targetType: 'USER', targetIdentifiers: [ada.id],
      resources: [{ code: 'books', resourceType: 'DATA', actions }, { code: 'films', resourceType: 'DATA', actions }],
    }],
  });
  const granted = async () => (await management.acl.listAuthorizedResources('USER', ada.id, 'default')).list
    .map((resource) => resource.code)
    .filter((code) => code === 'books' || code === 'films') // not the books:1 allowed above
    .sort();
  await management.acl.authorizeResources(grant(['read']));
  assert.deepEqual(await granted(), ['books', 'films']);
  const batch2 = await management.acl.listAuthorizedResourcesBatch({
    namespace: 'default', resourceType: 'DATA', targets: [{ targetType: 'USER', targetIdentifier: ada.id }],
  });
  assert.deepEqual(batch2.list[0].list.map((resource) => resource.code).sort(), ['books', 'films']);
  await management.acl.revokeResources(grant(['read']));
  assert.deepEqual(await granted(), []);

  // Custom fields and values, policies, applications.
  await management.udf.set('USER', 'age', 'NUMBER', 'Age');
  await management.users.setUdfValue(ada.id, { age: 36 });
  assert.deepEqual(await management.users.getUdfValue(ada.id), { age: 36 });
  await management.users.removeUdfValue(ada.id, 'age');
  assert.deepEqual(await management.users.getUdfValue(ada.id), {});
  await management.policies.create({
    code: 'books-reader',
    statements: [{ resource: 'books:*', actions: ['books:read'], effect: 'ALLOW' }],
  });
  await management.policies.addAssignments(['books-reader'], 'USER', [ada.id]);
  assert.equal((await management.policies.listAssignments('books-reader')).totalCount, 1);
  assert.equal((await management.applications.findById(credentials.appId)).id, credentials.appId);

  // The end user: log in, newlyCreated, login status, profile, password, phone code, logout.
  const authentication = new AuthenticationClient({
    appId: credentials.appId,
    appHost: credentials.appHost,
    encrptionPublicKey: credentials.publicKey,
  });
  const me = await authentication.loginByUsername('js-ada', 'passw0rd!');
  assert.equal(me.username, 'js-ada');
  assert.equal(me.newlyCreated, false);
  const status = await authentication.checkLoginStatus(me.token);
  assert.equal(status.status, true, JSON.stringify(status));
  await refused(2333, () => authentication.loginByUsername('js-ada', 'wrong'));
  assert.equal((await authentication.getCurrentUser()).username, 'js-ada');
  assert.equal((await authentication.updateProfile({ nickname: 'Augusta' })).nickname, 'Augusta');
  assert.equal((await authentication.getCurrentUser()).nickname, 'Augusta', 'the session survives a profile update');
  await authentication.updatePassword('n3w-passw0rd!', 'passw0rd!');
  await refused(2333, () => authentication.loginByEmail('ada@example.com', 'passw0rd!'));
  assert.equal((await authentication.loginByEmail('ada@example.com', 'n3w-passw0rd!')).username, 'js-ada');

  const newcomer = await authentication.loginByEmail('new@example.com', 'passw0rd!', { autoRegister: true });
  assert.equal(newcomer.newlyCreated, true, 'the login registered the user');

  await authentication.sendSmsCode('13800000043');
  const code = await outboxCode('13800000043');
  const byPhone = await authentication.registerByPhoneCode('13800000043', code, 'ph0ne-passw0rd!');
  assert.equal(byPhone.phone, '13800000043');

  const token = (await authentication.loginByUsername('js-ada', 'n3w-passw0rd!')).token;
  await authentication.logout();
  const after = await authentication.checkLoginStatus(token);
  assert.equal(after.status, false, `a logged-out token is dead: ${JSON.stringify(after)}`);

  // TOTP MFA: bind an authenticator, then a login stops at 1635 with an mfaToken that a
  // TOTP code, or the recovery code, completes.
  await management.users.create({ username: 'js-mfa', password: 'passw0rd!' });
  await authentication.loginByUsername('js-mfa', 'passw0rd!');
  const authenticator = await authentication.mfa.assosicateMfaAuthenticator({ authenticatorType: 'totp' });
  await authentication.mfa.confirmAssosicateMfaAuthenticator({
    authenticatorType: 'totp', totp: totp(authenticator.secret),
  });
  const mfaStep = async () => (await refused(1635, () => authentication.loginByUsername('js-mfa', 'passw0rd!'))).data.mfaToken;
  const wrongCode = totp(authenticator.secret) === '000000' ? '111111' : '000000';
  const mfaToken = await mfaStep();
  await refused(6001, () => authentication.mfa.verifyTotpMfa({ totp: wrongCode, mfaToken }));
  const verified = await authentication.mfa.verifyTotpMfa({ totp: totp(authenticator.secret), mfaToken: await mfaStep() });
  assert.equal(verified.username, 'js-mfa');
  assert.ok(verified.token);
  const recovered = await authentication.mfa.verifyTotpRecoveryCode({
    recoveryCode: authenticator.recovery_code, mfaToken: await mfaStep(),
  });
  assert.equal(recovered.username, 'js-mfa');

  // QR-code login: the SDK makes the code and polls it; the fake's test-only phone (a
  // control endpoint) scans and confirms; the SDK exchanges the ticket for the user.
  const phone = async (action, body) => {
    const answer = await fetch(`${credentials.host}/__authing_mock/qrcode/${action}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    assert.equal((await answer.json()).code, 200);
  };
  const qr = await authentication.qrcode.geneCode();
  assert.equal((await authentication.qrcode.checkStatus(qr.random)).status, 0, 'not scanned yet');
  await phone('scan', { random: qr.random, userId: ada.id });
  assert.equal((await authentication.qrcode.checkStatus(qr.random)).status, 1, 'scanned');
  await phone('confirm', { random: qr.random });
  const confirmed = await authentication.qrcode.checkStatus(qr.random);
  assert.equal(confirmed.status, 2, 'confirmed');
  const byQr = await authentication.qrcode.exchangeUserInfo(confirmed.ticket);
  assert.equal(byQr.username, 'js-ada');
  assert.ok(byQr.token);

  // The application as an OIDC provider: the SDK's authorize URL, the fake's login form (its
  // documented shortcut: the URL's parameters plus username and password, posted), then the
  // SDK's code exchange, userinfo, introspection, revocation, refresh and online validation.
  const oidc = new AuthenticationClient({
    appId: credentials.appId,
    appHost: credentials.appHost,
    secret: credentials.appSecret,
    redirectUri: 'https://app.example.com/callback',
    protocol: 'oidc',
    tokenEndPointAuthMethod: 'client_secret_post',
    introspectionEndPointAuthMethod: 'client_secret_post',
    revocationEndPointAuthMethod: 'client_secret_post',
  });
  const authorize = new URL(oidc.buildAuthorizeUrl({ scope: 'openid profile email offline_access', state: 's1', nonce: 'n1' }));
  const form = new URLSearchParams(authorize.search);
  form.set('username', 'js-ada');
  form.set('password', 'n3w-passw0rd!');
  const redirect = await fetch(`${credentials.host}/oidc/auth`, { method: 'POST', body: form, redirect: 'manual' });
  assert.equal(redirect.status, 303);
  const callback = new URL(redirect.headers.get('location')).searchParams;
  assert.equal(callback.get('state'), 's1');
  const tokens = await oidc.getAccessTokenByCode(callback.get('code'));
  assert.ok(tokens.access_token && tokens.id_token && tokens.refresh_token, JSON.stringify(Object.keys(tokens)));
  assert.equal((await oidc.getUserInfoByAccessToken(tokens.access_token)).sub, ada.id);
  assert.equal((await oidc.introspectToken(tokens.access_token)).active, true);
  await oidc.revokeToken(tokens.access_token);
  assert.equal((await oidc.introspectToken(tokens.access_token)).active, false);
  assert.ok((await oidc.getNewAccessTokenByRefreshToken(tokens.refresh_token)).access_token);
  assert.equal((await oidc.validateToken({ idToken: tokens.id_token })).nonce, 'n1');

  // The application as a CAS server: the SDK's login URL (its own form, without `/login`),
  // the login form, CAS 2.0 validation as JSON, CAS 1.0 validation of a single-use ticket,
  // and the SDK's logout URL.
  const cas = new AuthenticationClient({ appId: credentials.appId, appHost: credentials.appHost, protocol: 'cas' });
  const service = 'https://site.example.com/cas/callback';
  const casLogin = new URL(cas.buildAuthorizeUrl({ service }));
  const casForm = new URLSearchParams(casLogin.search);
  casForm.set('username', 'js-ada');
  casForm.set('password', 'n3w-passw0rd!');
  const ticketFor = async () => {
    const answer = await fetch(`${casLogin.origin}${casLogin.pathname}`, { method: 'POST', body: casForm, redirect: 'manual' });
    assert.equal(answer.status, 303);
    return new URL(answer.headers.get('location')).searchParams.get('ticket');
  };
  const v2 = await cas.validateTicketV2(await ticketFor(), service, 'JSON');
  assert.equal(v2.serviceResponse.authenticationSuccess.user, 'js-ada', JSON.stringify(v2));
  const ticket = await ticketFor();
  assert.deepEqual(await cas.validateTicketV1(ticket, service), { valid: true });
  assert.equal((await cas.validateTicketV1(ticket, service)).valid, false, 'a ticket is single-use');
  const casLogout = await fetch(cas.buildLogoutUrl({ redirectUri: 'https://site.example.com/bye' }), { redirect: 'manual' });
  assert.equal(casLogout.headers.get('location'), 'https://site.example.com/bye');

  // Errors in English when the client asks for them.
  const english = new AuthenticationClient({
    appId: credentials.appId,
    appHost: credentials.appHost,
    encrptionPublicKey: credentials.publicKey,
    lang: 'en-US',
  });
  const error = await refused(2333, () => english.loginByUsername('js-ada', 'wrong'));
  assert.match(error.message, /password/i);

  console.log('JavaScript SDK: every call answered as Authing does');
})().catch((error) => {
  console.error('FAILED', error);
  process.exit(1);
});
