import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { fromRoot } from '../src/paths.js';
import { type Instance, secret, startTestApp, type TestApp, transcript } from './support/app.js';
import type { TestClient } from './support/client.js';
import {
  addCollaborator,
  configureRole,
  connect,
  createApiToken,
  createLoginRole,
  createManagedDatabase,
  createUser,
  ERROR_FIELDS,
  setupAdmin,
  signIn,
} from './support/fixtures.js';
import { type Mail, type Mailbox, startMailbox } from './support/mailbox.js';
import { collect, wsClient } from './support/subscriptions.js';

/**
 * Two instances on one metadata store: `testApp` has no SMTP (links are shown to the inviter, on its own address),
 * `mailing` has SMTP and PUBLIC_URL, as after an operator configured mail. A MANAGER on the first can make an account
 * with any address; these tests hold that the address then reaches nothing it was not handed.
 */
const PUBLIC_URL = 'https://rolecall.example.test';
const SPOOFED_HOST = 'evil.example';

const USER = 'username email emailVerified';
const INVITE = `mutation($input: InviteCollaboratorInput!) { inviteCollaborator(input: $input) { ${ERROR_FIELDS}
  ... on InvitationSent { delivery acceptUrl invitation { id email status } } } }`;
const RESEND = `mutation($id: ID!) { resendInvitation(id: $id) { ${ERROR_FIELDS}
  ... on InvitationSent { delivery acceptUrl } } }`;
const ACCEPT = `mutation($token: String!, $newAccount: NewAccountInput) {
  acceptInvitation(token: $token, newAccount: $newAccount) { ${ERROR_FIELDS}
    ... on InvitationUnusableError { state } ... on Collaborator { access user { ${USER} } } } }`;
const ACCEPT_MINE = `mutation($id: ID!) { acceptMyInvitation(id: $id) { ${ERROR_FIELDS}
  ... on Collaborator { user { ${USER} } } } }`;
const DECLINE = `mutation($id: ID!) { declineInvitation(id: $id) { ${ERROR_FIELDS} } }`;
const MY_INVITATIONS = `{ myInvitations { ${ERROR_FIELDS} ... on QueryMyInvitationsConnection { nodes { id email databaseName } } } }`;
const VIEWER = `{ viewer { ${USER} emailVerifiedAt } }`;
const CAN_SEND = '{ canSendEmail }';
const REQUEST = `mutation { requestEmailVerification { ${ERROR_FIELDS}
  ... on EmailNotSentError { reason } ... on TooManyAttemptsError { retryAfterSeconds }
  ... on EmailVerificationSent { email expiresAt } } }`;
const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) { ${ERROR_FIELDS}
  ... on VerificationUnusableError { state } ... on User { ${USER} } } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { ${ERROR_FIELDS} ... on User { id ${USER} } } }`;
const UPDATE_USER = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${ERROR_FIELDS}
  ... on User { ${USER} } } }`;
const ACCESS = `query($id: ID!) { database(id: $id) { ${ERROR_FIELDS} ... on Database { viewerAccess } } }`;
const USERS = `{ users { ${ERROR_FIELDS} ... on QueryUsersConnection { nodes { id ${USER} } } } }`;
const INVITATION_KINDS = ['invitation.created', 'invitation.resent', 'invitation.revoked', 'invitation.expired'];
const WATCH = `subscription($kinds: [String!]) { events(kinds: $kinds) {
  kind ... on InvitationEvent { email role } } }`;
const AUDIT = `query($kinds: [String!]) { auditLog(kinds: $kinds, first: 50) { ${ERROR_FIELDS}
  ... on EventPage { events { kind ... on InvitationEvent { email role } } } } }`;

interface Sent {
  __typename: string;
  delivery?: string;
  acceptUrl?: string | null;
  invitation?: { id: string; email: string; status: string };
}

const tokensSeen: string[] = [];
let mailbox: Mailbox;
let testApp: TestApp;
let mailing: Instance;
let admin: TestClient;
let adminByMail: TestClient;
let adminToken: string;
let manager: TestClient;
let atelierId: string;
let vaultId: string;
let annexId: string;
let painterId: string;
let vaultRoleId: string;
let annexRoleId: string;

/** The message body as text: quoted-printable soft breaks joined and escapes decoded. */
function decoded(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

type LinkPath = '/invitations/accept' | '/verify-email';

const linkPattern = (path: LinkPath) => new RegExp(`(https?://[^\\s"<>]+${path}\\?token=([A-Za-z0-9_%-]+))`);

/** The nth e-mail to `address` with a link to `path`, waiting for it. */
async function mailTo(address: string, path: LinkPath, nth = 1): Promise<Mail> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const mail = mailbox.mails.filter((each) => each.to.includes(address) && linkPattern(path).test(decoded(each.raw)))[
      nth - 1
    ];
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no e-mail #${nth} to ${address} with ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The link a person would click in the nth such e-mail. */
async function linkTo(address: string, path: LinkPath, nth = 1): Promise<{ url: string; token: string }> {
  const match = decoded((await mailTo(address, path, nth)).raw).match(linkPattern(path));
  if (!match?.[1] || !match[2]) throw new Error(`no ${path} link to ${address}`);
  const token = decodeURIComponent(match[2]);
  tokensSeen.push(token);
  return { url: match[1], token };
}

function tokenOf(acceptUrl: string | null | undefined): string {
  const token = new URL(acceptUrl ?? '').searchParams.get('token') ?? '';
  tokensSeen.push(token);
  return token;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function invite(client: TestClient, databaseId: string, email: string, configuredRoleId: string) {
  return client.field<Sent>(INVITE, { input: { databaseId, email, configuredRoleId } });
}

async function myInvitations(client: TestClient): Promise<{ id: string; email: string; databaseName: string }[]> {
  return (await client.field<{ nodes: { id: string; email: string; databaseName: string }[] }>(MY_INVITATIONS)).nodes;
}

async function viewer(client: TestClient) {
  const result = await client.request<{ viewer: Record<string, unknown> }>(VIEWER);
  return result.data?.viewer;
}

async function configuredRoleId(databaseId: string, rolname: string): Promise<string> {
  const database = await admin.field<{ configuredRoles: { id: string; rolname: string }[] }>(
    'query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { id rolname } } } }',
    { id: databaseId },
  );
  return database.configuredRoles.find((role) => role.rolname === rolname)?.id ?? '';
}

async function signedIn(instance: { client(): TestClient }, username: string, password: string) {
  const client = instance.client();
  await signIn(client, username, password);
  return client;
}

/** A new person follows a link the inviter was shown (no SMTP): their account's address is only a claim. */
async function accountFromShownLink(username: string, databaseId = atelierId, roleId = painterId) {
  const sent = await invite(admin, databaseId, `${username}@example.com`, roleId);
  expect(sent).toMatchObject({ delivery: 'LINK' });
  const password = secret(username);
  const client = testApp.client();
  const joined = await client.field(ACCEPT, { token: tokenOf(sent.acceptUrl), newAccount: { username, password } });
  expect(joined).toMatchObject({ __typename: 'Collaborator', user: { emailVerified: false } });
  return { client, password };
}

async function verificationRows(email: string) {
  return testApp.sql<{ tokenHash: string; row: string; expiresAt: Date; usedAt: Date | null }>(
    `SELECT "tokenHash", row_to_json(v)::text AS row, "expiresAt", "usedAt" FROM "EmailVerification" v WHERE email = $1 ORDER BY "createdAt"`,
    [email],
    'rolecall_metadata',
  );
}

/** Lets an account ask for another link at once, as if the minute between requests had passed. */
async function aMinuteLater(email: string): Promise<void> {
  await testApp.sql(
    `UPDATE "EmailVerification" SET "createdAt" = "createdAt" - interval '2 minutes' WHERE email = $1`,
    [email],
    'rolecall_metadata',
  );
}

/** A GraphQL POST whose Host (and X-Forwarded-Host) header says another site, as an attacker can send it. */
function postWithHost(url: string, token: string, query: string, variables: Record<string, unknown> = {}) {
  const body = JSON.stringify({ query, variables });
  return new Promise<Record<string, { __typename: string } & Record<string, unknown>>>((resolve, reject) => {
    const outgoing = httpRequest(
      `${url}/graphql`,
      {
        method: 'POST',
        headers: {
          host: SPOOFED_HOST,
          'x-forwarded-host': SPOOFED_HOST,
          'x-forwarded-proto': 'https',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          [CSRF_HEADER]: '1',
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => {
          transcript.push(text);
          const parsed = JSON.parse(text) as { data?: Record<string, { __typename: string }>; errors?: unknown };
          if (!parsed.data) reject(new Error(text));
          else resolve(parsed.data);
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

beforeAll(async () => {
  mailbox = await startMailbox();
  testApp = await startTestApp();
  mailing = await testApp.startInstance({
    SMTP_URL: mailbox.url,
    PUBLIC_URL,
  });
  admin = testApp.client();
  const { password: adminPassword } = await setupAdmin(admin);
  adminByMail = await signedIn(mailing, 'admin', adminPassword);
  adminToken = await createApiToken(admin, 'spoof');
  atelierId = await connect(admin, testApp, await createManagedDatabase(testApp, 'atelier', 'atelier_owner'));
  vaultId = await connect(admin, testApp, await createManagedDatabase(testApp, 'vault', 'vault_owner'));
  annexId = await connect(admin, testApp, await createManagedDatabase(testApp, 'annex', 'annex_owner'));
  vaultRoleId = await configuredRoleId(vaultId, 'vault_owner');
  annexRoleId = await configuredRoleId(annexId, 'annex_owner');
  const painter = await configureRole(admin, atelierId, 'painter', await createLoginRole(testApp, 'painter'));
  painterId = painter.id as string;
  const maria = await createUser(admin, 'maria');
  await addCollaborator(admin, {
    databaseId: atelierId,
    userId: maria.id,
    configuredRoleId: painterId,
    access: 'MANAGER',
  });
  manager = await signedIn(testApp, 'maria', maria.password);
});

afterAll(async () => {
  await mailing?.stop();
  await testApp?.stop();
  await mailbox?.stop();
});

describe('a MANAGER claiming an address through a link they were shown', () => {
  let puppet: TestClient;
  let puppetPassword: string;
  let toVault: Sent;

  it("gives the account only the invitation it came with: an admin's later invitation to that address is neither listed, answerable, streamed nor logged to it", async () => {
    const shown = await invite(manager, atelierId, 'victim@example.com', painterId);
    expect(shown).toMatchObject({ delivery: 'LINK' });
    puppet = testApp.client();
    puppetPassword = secret('puppet');
    const joined = await puppet.field(ACCEPT, {
      token: tokenOf(shown.acceptUrl),
      newAccount: { username: 'puppet', password: puppetPassword },
    });
    expect(joined).toMatchObject({
      __typename: 'Collaborator',
      user: { username: 'puppet', email: 'victim@example.com', emailVerified: false },
    });

    const watcher = wsClient(testApp.url, await createApiToken(puppet, 'watch'));
    const received = collect<Record<string, unknown>>(watcher, WATCH, { kinds: INVITATION_KINDS });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      toVault = await invite(adminByMail, vaultId, 'victim@example.com', vaultRoleId);
      expect(toVault).toMatchObject({ delivery: 'EMAIL', acceptUrl: null });
      // A later invitation on the database the puppet works on: the stream is in order, so had the one to the vault
      // reached the puppet, it would have come first.
      await invite(manager, atelierId, 'marker@example.com', painterId);
      const [first] = await received.waitFor(1);
      expect(first).toMatchObject({ kind: 'invitation.created', email: 'marker@example.com' });
    } finally {
      received.stop();
      await watcher.dispose();
    }

    expect(await myInvitations(puppet)).toEqual([]);
    const id = toVault.invitation?.id;
    expect(await puppet.field(ACCEPT_MINE, { id })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await puppet.field(DECLINE, { id })).toMatchObject({ __typename: 'NotFoundError' });
    const audit = await puppet.field<{ events: { kind: string; email: string; role: string }[] }>(AUDIT, {
      kinds: INVITATION_KINDS,
    });
    expect(audit.events.map((event) => event.email)).toContain('marker@example.com');
    expect(audit.events.filter((event) => event.role === 'vault_owner')).toEqual([]);
    const pending = await testApp.sql(
      `SELECT status FROM "Invitation" WHERE email = 'victim@example.com' AND "databaseId" = $1`,
      [Buffer.from(vaultId, 'base64').toString().split(':')[1]],
      'rolecall_metadata',
    );
    expect(pending).toEqual([{ status: 'PENDING' }]);
  });

  it('cannot prove the address: no link without SMTP, and with SMTP the link goes to the address, not to the MANAGER', async () => {
    const refused = await puppet.field(REQUEST);
    expect(refused).toMatchObject({
      __typename: 'EmailNotSentError',
      code: 'EMAIL_NOT_SENT',
      reason: 'SMTP_NOT_CONFIGURED',
    });
    expect(await verificationRows('victim@example.com')).toEqual([]);

    const puppetByMail = await signedIn(mailing, 'puppet', puppetPassword);
    const sent = await puppetByMail.field(REQUEST);
    expect(sent).toMatchObject({ __typename: 'EmailVerificationSent', email: 'victim@example.com' });
    expect(JSON.stringify(sent)).not.toContain('rcv_');
    await linkTo('victim@example.com', '/verify-email');
    expect(await puppetByMail.field(VERIFY, { token: `rcv_${'A'.repeat(43)}` })).toMatchObject({
      __typename: 'VerificationUnusableError',
      state: 'UNKNOWN',
    });
    expect(await viewer(puppet)).toMatchObject({ emailVerified: false });
  });

  it('lets the real owner take the address with the e-mailed link: the account that only claimed it loses it', async () => {
    const link = await linkTo('victim@example.com', '/invitations/accept');
    expect(link.url.startsWith(`${PUBLIC_URL}/invitations/accept?token=rci_`)).toBe(true);
    const owner = testApp.client();
    const accepted = await owner.field(ACCEPT, {
      token: link.token,
      newAccount: { username: 'victim', password: secret('victim') },
    });
    expect(accepted).toMatchObject({
      __typename: 'Collaborator',
      user: { username: 'victim', email: 'victim@example.com', emailVerified: true },
    });
    const puppetNow = await viewer(puppet);
    expect(puppetNow).toMatchObject({ username: 'puppet', emailVerified: false });
    expect(puppetNow?.email).toMatch(/@released\.invalid$/);
    // What the MANAGER handed the puppet, it keeps.
    expect(await puppet.field(ACCESS, { id: atelierId })).toMatchObject({ viewerAccess: 'MEMBER' });
    // The verification link the puppet had sent to that address proves nothing for the owner's account either.
    const verification = await linkTo('victim@example.com', '/verify-email');
    expect(await owner.field(VERIFY, { token: verification.token })).toMatchObject({ state: 'OTHER_ACCOUNT' });
    expect(await puppet.field(VERIFY, { token: verification.token })).toMatchObject({ state: 'ADDRESS_CHANGED' });
    expect(await viewer(puppet)).toMatchObject({ emailVerified: false });

    // The owner's proven address now reaches them without any token; the puppet still sees nothing.
    const toAnnex = await invite(admin, annexId, 'victim@example.com', annexRoleId);
    expect(toAnnex).toMatchObject({ delivery: 'LINK' });
    expect((await myInvitations(owner)).map((invitation) => invitation.databaseName)).toEqual(['annex']);
    expect(await owner.field(ACCEPT_MINE, { id: toAnnex.invitation?.id })).toMatchObject({
      __typename: 'Collaborator',
      user: { username: 'victim' },
    });
    expect(await myInvitations(puppet)).toEqual([]);
  });
});

describe('accepting an invitation by its link', () => {
  it('proves the address only when the link went out by e-mail', async () => {
    const { client: una } = await accountFromShownLink('una');
    // Handed a link, an account with that (unproven) address may accept it, and stays unproven.
    const shown = await invite(admin, annexId, 'una@example.com', annexRoleId);
    expect(await myInvitations(una)).toEqual([]);
    expect(await una.field(ACCEPT, { token: tokenOf(shown.acceptUrl) })).toMatchObject({
      __typename: 'Collaborator',
      user: { username: 'una', emailVerified: false },
    });

    const emailed = await invite(adminByMail, vaultId, 'una@example.com', vaultRoleId);
    expect(emailed).toMatchObject({ delivery: 'EMAIL' });
    expect(await myInvitations(una)).toEqual([]);
    const link = await linkTo('una@example.com', '/invitations/accept');
    expect(await una.field(ACCEPT, { token: link.token })).toMatchObject({
      __typename: 'Collaborator',
      user: { username: 'una', emailVerified: true },
    });
    const stored = await testApp.sql<{ emailed: boolean }>(
      `SELECT emailed FROM "Invitation" WHERE email = 'una@example.com' ORDER BY "createdAt"`,
      [],
      'rolecall_metadata',
    );
    expect(stored.map((row) => row.emailed)).toEqual([false, false, true]);
  });

  it('refuses a new account for an address someone proved, even with an e-mailed link', async () => {
    const { client: ola } = await accountFromShownLink('ola');
    // An admin confirms the address by setting it.
    await adminByMail.field(UPDATE_USER, { id: await userId('ola'), input: { email: 'ola@example.com' } });
    const toVault = await invite(adminByMail, vaultId, 'ola@example.com', vaultRoleId);
    expect(toVault).toMatchObject({ delivery: 'EMAIL' });
    const link = await linkTo('ola@example.com', '/invitations/accept');
    const taken = await testApp
      .client()
      .field(ACCEPT, { token: link.token, newAccount: { username: 'ola2', password: secret('ola2') } });
    expect(taken).toMatchObject({ __typename: 'ConflictError' });
    expect(await viewer(ola)).toMatchObject({ email: 'ola@example.com', emailVerified: true });
  });
});

async function userId(username: string): Promise<string> {
  const users = await admin.field<{ nodes: { id: string; username: string }[] }>(USERS);
  return users.nodes.find((user) => user.username === username)?.id ?? '';
}

describe('proving an address by e-mail', () => {
  it('says whether e-mail can be sent; without SMTP it refuses with a typed error and shows no link', async () => {
    expect((await testApp.client().request(CAN_SEND)).data).toEqual({ canSendEmail: false });
    expect((await mailing.client().request(CAN_SEND)).data).toEqual({ canSendEmail: true });
    const { client: nell } = await accountFromShownLink('nell');
    const before = mailbox.mails.length;
    const refused = await nell.field(REQUEST);
    expect(refused).toMatchObject({ __typename: 'EmailNotSentError', reason: 'SMTP_NOT_CONFIGURED' });
    expect(refused).not.toHaveProperty('expiresAt');
    expect(await verificationRows('nell@example.com')).toEqual([]);
    expect(mailbox.mails.length).toBe(before);
  });

  it('e-mails a link on PUBLIC_URL that works once, for the account that asked, and stores only its hash', async () => {
    const { password } = await accountFromShownLink('vera');
    const vera = await signedIn(mailing, 'vera', password);
    const sent = await vera.field<{ email: string; expiresAt: string }>(REQUEST);
    expect(sent).toMatchObject({ __typename: 'EmailVerificationSent', email: 'vera@example.com' });
    const ttl = Date.parse(sent.expiresAt) - Date.now();
    expect(Math.abs(ttl - 24 * 3600_000)).toBeLessThan(60_000);
    const link = await linkTo('vera@example.com', '/verify-email');
    expect(link.url.startsWith(`${PUBLIC_URL}/verify-email?token=rcv_`)).toBe(true);

    const [row] = await verificationRows('vera@example.com');
    expect(row?.tokenHash).toBe(sha256(link.token));
    expect(row?.row).not.toContain(link.token.slice('rcv_'.length));

    // Someone else signed in, with the link: the link proves the address of the account that asked, for it only.
    const sid = await createUser(admin, 'sid');
    const stranger = await signedIn(mailing, 'sid', sid.password);
    expect(await stranger.field(VERIFY, { token: link.token })).toMatchObject({ state: 'OTHER_ACCOUNT' });
    expect(await testApp.client().field(VERIFY, { token: link.token })).toMatchObject({
      __typename: 'UnauthenticatedError',
    });
    expect(await viewer(vera)).toMatchObject({ emailVerified: false });

    expect(await vera.field(VERIFY, { token: link.token })).toMatchObject({
      __typename: 'User',
      username: 'vera',
      emailVerified: true,
    });
    expect(await vera.field(VERIFY, { token: link.token })).toMatchObject({ state: 'USED' });
    expect(await vera.field(REQUEST)).toMatchObject({ __typename: 'ConflictError' });
    for (const bogus of [`rcv_${'A'.repeat(43)}`, 'not a token', '']) {
      expect(await vera.field(VERIFY, { token: bogus })).toMatchObject({ state: 'UNKNOWN' });
    }

    // Proven, the address now brings invitations to the account's list.
    await invite(admin, annexId, 'vera@example.com', annexRoleId);
    expect((await myInvitations(vera)).map((invitation) => invitation.databaseName)).toEqual(['annex']);
  });

  it('expires a link after 24 hours', async () => {
    const { password } = await accountFromShownLink('exa');
    const exa = await signedIn(mailing, 'exa', password);
    await exa.field(REQUEST);
    const link = await linkTo('exa@example.com', '/verify-email');
    await testApp.sql(
      `UPDATE "EmailVerification" SET "expiresAt" = now() - interval '1 second' WHERE email = 'exa@example.com'`,
      [],
      'rolecall_metadata',
    );
    expect(await exa.field(VERIFY, { token: link.token })).toMatchObject({
      __typename: 'VerificationUnusableError',
      state: 'EXPIRED',
    });
    expect(await viewer(exa)).toMatchObject({ emailVerified: false });
  });

  it('binds a link to the address it was sent to: once the address changes, the link proves nothing', async () => {
    const { password } = await accountFromShownLink('cam');
    const cam = await signedIn(mailing, 'cam', password);
    await cam.field(REQUEST);
    const link = await linkTo('cam@example.com', '/verify-email');
    // As a change of address by its holder would: a new, unproven address.
    await testApp.sql(
      `UPDATE "User" SET email = 'cam.new@example.com', "emailVerifiedAt" = NULL WHERE username = 'cam'`,
      [],
      'rolecall_metadata',
    );
    expect(await cam.field(VERIFY, { token: link.token })).toMatchObject({ state: 'ADDRESS_CHANGED' });
    // Signed in again: a session's verified credential is believed for a few seconds, and an edit made in the
    // metadata database itself (not through Rolecall, which records it) announces nothing to end that sooner.
    expect(await viewer(await signedIn(mailing, 'cam', password))).toMatchObject({
      email: 'cam.new@example.com',
      emailVerified: false,
    });
    // Changed back, the link works again: it proves the address it went to, nothing else.
    await testApp.sql(`UPDATE "User" SET email = 'cam@example.com' WHERE username = 'cam'`, [], 'rolecall_metadata');
    expect(await cam.field(VERIFY, { token: link.token })).toMatchObject({ emailVerified: true });
  });

  it('replaces the previous link with each new request, at most one request a minute', async () => {
    const { password } = await accountFromShownLink('rey');
    const rey = await signedIn(mailing, 'rey', password);
    await rey.field(REQUEST);
    const first = await linkTo('rey@example.com', '/verify-email');
    const before = mailbox.mails.length;
    expect(await rey.field(REQUEST)).toMatchObject({ __typename: 'TooManyAttemptsError' });
    expect(mailbox.mails.length).toBe(before);
    await aMinuteLater('rey@example.com');
    expect(await rey.field(REQUEST)).toMatchObject({ __typename: 'EmailVerificationSent' });
    const second = await linkTo('rey@example.com', '/verify-email', 2);
    expect(second.token).not.toBe(first.token);
    expect(await rey.field(VERIFY, { token: first.token })).toMatchObject({ state: 'UNKNOWN' });
    expect(await rey.field(VERIFY, { token: second.token })).toMatchObject({ emailVerified: true });
  });
});

describe('addresses an admin sets', () => {
  it('count as proven: the first admin, users an admin creates, and an address an admin changes', async () => {
    expect(await viewer(admin)).toMatchObject({ username: 'admin', emailVerified: true });
    const created = await admin.field(CREATE_USER, {
      input: { username: 'ned', email: 'ned@example.com', password: secret('ned') },
    });
    expect(created).toMatchObject({ __typename: 'User', emailVerified: true });

    const { client: pia } = await accountFromShownLink('pia');
    await invite(admin, annexId, 'pia.work@example.com', annexRoleId);
    const updated = await admin.field(UPDATE_USER, {
      id: await userId('pia'),
      input: { email: 'pia.work@example.com' },
    });
    expect(updated).toMatchObject({ email: 'pia.work@example.com', emailVerified: true });
    expect((await myInvitations(pia)).map((invitation) => invitation.email)).toEqual(['pia.work@example.com']);

    const users = await admin.field<{ nodes: { username: string; emailVerified: boolean }[] }>(USERS);
    const proven = Object.fromEntries(users.nodes.map((user) => [user.username, user.emailVerified]));
    expect(proven).toMatchObject({ admin: true, maria: true, ned: true, pia: true, nell: false, puppet: false });
  });
});

describe('links', () => {
  it('never come from a spoofed Host header: without SMTP they are on the address the server listens at', async () => {
    const sent = await postWithHost(testApp.url, adminToken, INVITE, {
      input: { databaseId: atelierId, email: 'host@example.com', configuredRoleId: painterId },
    });
    const url = (sent.inviteCollaborator as Sent).acceptUrl ?? '';
    tokenOf(url);
    // PORT 0 in tests: the port the server really got, not the configured 0.
    expect(url.startsWith(`${testApp.url}/invitations/accept?token=rci_`)).toBe(true);
    expect(new URL(url).port).not.toBe('0');
    const resent = await postWithHost(testApp.url, adminToken, RESEND, {
      id: (sent.inviteCollaborator as Sent).invitation?.id,
    });
    const again = (resent.resendInvitation as Sent).acceptUrl ?? '';
    tokenOf(again);
    expect(again.startsWith(`${testApp.url}/invitations/accept?token=rci_`)).toBe(true);
    expect(`${url} ${again}`).not.toContain(SPOOFED_HOST);
  });

  it('never come from a spoofed Host header: with SMTP the e-mailed links are on PUBLIC_URL', async () => {
    const token = await createApiToken(adminByMail, 'spoof-mail');
    await postWithHost(mailing.url, token, INVITE, {
      input: { databaseId: atelierId, email: 'host.mail@example.com', configuredRoleId: painterId },
    });
    const invitation = await linkTo('host.mail@example.com', '/invitations/accept');
    expect(invitation.url.startsWith(`${PUBLIC_URL}/invitations/accept?token=rci_`)).toBe(true);

    const { password } = await accountFromShownLink('hugo');
    const hugo = await signedIn(mailing, 'hugo', password);
    const hugoToken = await createApiToken(hugo, 'spoof-verify');
    const requested = await postWithHost(mailing.url, hugoToken, REQUEST);
    expect(requested.requestEmailVerification).toMatchObject({ __typename: 'EmailVerificationSent' });
    const verification = await linkTo('hugo@example.com', '/verify-email');
    expect(verification.url.startsWith(`${PUBLIC_URL}/verify-email?token=rcv_`)).toBe(true);
    expect(mailbox.mails.filter((mail) => decoded(mail.raw).includes(SPOOFED_HOST))).toEqual([]);
  });

  it('require PUBLIC_URL once SMTP_URL is set: config loading fails with an error that says so', () => {
    const smtpUrl = 'smtp://127.0.0.1:2525';
    expect(() => loadConfig({ SMTP_URL: smtpUrl })).toThrow(/PUBLIC_URL is required when SMTP_URL is set/);
    expect(loadConfig({ SMTP_URL: smtpUrl, PUBLIC_URL: `${PUBLIC_URL}/` }).publicUrl).toBe(PUBLIC_URL);
    expect(loadConfig({}).publicUrl).toBeUndefined();
  });

  it('require PUBLIC_URL once SMTP_URL is set: Rolecall does not start without it', async () => {
    const { PUBLIC_URL: _unset, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: fromRoot(),
      env: {
        ...env,
        SMTP_URL: 'smtp://127.0.0.1:2525',
        PORT: '0',
        ROLECALL_DATA_DIR: await mkdtemp(join(tmpdir(), 'rc-')),
      },
    });
    // Should it start after all, it must not outlive the test.
    const deadline = setTimeout(() => child.kill('SIGTERM'), 20_000);
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += String(chunk);
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(deadline);
    expect(code).toBe(1);
    expect(output).toContain('PUBLIC_URL is required when SMTP_URL is set');
  });
});

describe('tokens', () => {
  it('appear in no response, log line or event, except the invitation links shown once to an inviter without SMTP', async () => {
    expect(tokensSeen.length).toBeGreaterThan(10);
    const verificationTokens = tokensSeen.filter((token) => token.startsWith('rcv_'));
    const emailedInvitations = await Promise.all(
      ['victim', 'una', 'host.mail'].map((name) => linkTo(`${name}@example.com`, '/invitations/accept')),
    );
    const secretTokens = [...verificationTokens, ...emailedInvitations.map((link) => link.token)];
    expect(verificationTokens.length).toBeGreaterThan(4);
    const events = await testApp.sql<{ text: string }>(
      `SELECT row_to_json(e)::text AS text FROM "Event" e`,
      [],
      'rolecall_metadata',
    );
    for (const token of secretTokens) {
      expect(transcript.filter((text) => text.includes(token))).toEqual([]);
      expect(testApp.logs.filter((line) => line.includes(token))).toEqual([]);
      expect(events.filter((row) => row.text.includes(token))).toEqual([]);
    }
    // A link handed to an inviter without SMTP is in that answer only: never in the server's log, nor in an event.
    const handedOver = tokensSeen.filter((token) => token.startsWith('rci_') && !secretTokens.includes(token));
    expect(handedOver.length).toBeGreaterThan(2);
    for (const token of handedOver) {
      expect(testApp.logs.filter((line) => line.includes(token))).toEqual([]);
      expect(events.filter((row) => row.text.includes(token))).toEqual([]);
    }
    expect(testApp.logs.some((line) => line.includes('invitation link handed to the inviter'))).toBe(true);
  });
});
