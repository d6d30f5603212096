import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { leakedSecrets, secret, startTestApp, type TestApp } from './support/app.js';
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

const TTL_HOURS = 48;
const MAIL_FROM = 'Rolecall <noreply@rolecall.test>';
/** Required with SMTP_URL: e-mailed links are built from it, never from a request's Host. */
const PUBLIC_URL = 'https://rolecall.example.test';

const INVITATION = 'id email status access createdAt expiresAt respondedAt role { rolname } invitedBy { username }';
const INVITE = `mutation($input: InviteCollaboratorInput!) { inviteCollaborator(input: $input) { ${ERROR_FIELDS}
  ... on InvitationSent { delivery acceptUrl invitation { ${INVITATION} } } } }`;
const RESEND = `mutation($id: ID!) { resendInvitation(id: $id) { ${ERROR_FIELDS}
  ... on InvitationSent { delivery acceptUrl invitation { ${INVITATION} } } } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { ${ERROR_FIELDS} ... on Invitation { ${INVITATION} } } }`;
const COLLABORATOR = 'id access role { rolname } user { username email emailVerified isAdmin }';
const ACCEPT = `mutation($token: String!, $newAccount: NewAccountInput) {
  acceptInvitation(token: $token, newAccount: $newAccount) { ${ERROR_FIELDS}
    ... on InvitationUnusableError { state } ... on Collaborator { ${COLLABORATOR} } } }`;
const ACCEPT_MINE = `mutation($id: ID!) { acceptMyInvitation(id: $id) { ${ERROR_FIELDS}
  ... on InvitationUnusableError { state } ... on Collaborator { ${COLLABORATOR} } } }`;
const DECLINE = `mutation($id: ID!) { declineInvitation(id: $id) { ${ERROR_FIELDS}
  ... on InvitationUnusableError { state } ... on Invitation { ${INVITATION} } } }`;
const MY_INVITATIONS = `{ myInvitations { ${ERROR_FIELDS} ... on QueryMyInvitationsConnection { nodes {
  ${INVITATION} databaseId databaseName } } } }`;
const INVITATIONS = `query($id: ID!, $statuses: [InvitationStatus!]) { database(id: $id) { ${ERROR_FIELDS}
  ... on Database { invitations(statuses: $statuses) { ${INVITATION} } } } }`;
const CURRENT_ROLE = `query($id: ID!) { database(id: $id) { ${ERROR_FIELDS} ... on Database { viewerAccess
  catalog { ${ERROR_FIELDS} ... on DatabaseCatalog { currentRole } } } } }`;
const AUDIT = `query($db: ID!, $kinds: [String!]) { auditLog(databaseId: $db, kinds: $kinds, first: 10) { ${ERROR_FIELDS}
  ... on EventPage { events { kind actor { username } ... on InvitationEvent { invitationId email role access status }
    ... on CollaboratorEvent { username } } } } }`;
const LEAVE = `mutation($id: ID!) { leaveDatabase(databaseId: $id) { ${ERROR_FIELDS} } }`;
/** What a dashboard watching a database's invitations and collaborators subscribes to. */
const WATCH = `subscription($db: ID!, $kinds: [String!]) { events(databaseId: $db, kinds: $kinds) {
  kind databaseId serverId ... on InvitationEvent { email role access status } ... on CollaboratorEvent { username } } }`;
const DAY_MS = 24 * 3600_000;

interface Invitation {
  id: string;
  email: string;
  status: string;
  access: string;
  createdAt: string;
  expiresAt: string;
  respondedAt: string | null;
  role: { rolname: string };
  invitedBy: { username: string } | null;
}
interface Sent {
  __typename: string;
  delivery?: string;
  acceptUrl?: string | null;
  invitation?: Invitation;
  code?: string;
}

let mailbox: Mailbox;
let testApp: TestApp;
let admin: TestClient;
let atelierId: string;
let annexId: string;
let painterId: string;
let annexRoleId: string;
let manager: TestClient;
let member: TestClient;
let standard: TestClient;
let adminPassword: string;
let managerPassword: string;
const tokensSeen: string[] = [];

/** The message body as text: quoted-printable soft breaks joined and escapes decoded. */
function decoded(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

async function mailTo(address: string, nth = 1): Promise<Mail> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const received = mailbox.mails.filter((mail) => mail.to.includes(address));
    const mail = received[nth - 1];
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no e-mail #${nth} to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Follows what a person would click: the accept link in the e-mail. */
async function linkIn(mail: Mail): Promise<{ url: string; token: string }> {
  const match = decoded(mail.raw).match(/(https?:\/\/[^\s"<>]+\/invitations\/accept\?token=([A-Za-z0-9_%-]+))/);
  if (!match?.[1] || !match[2]) throw new Error(`no link in ${mail.raw}`);
  const token = decodeURIComponent(match[2]);
  tokensSeen.push(token);
  return { url: match[1], token };
}

function invite(client: TestClient, databaseId: string, email: string, configuredRoleId: string, access = 'MEMBER') {
  return client.field<Sent>(INVITE, { input: { databaseId, email, configuredRoleId, access } });
}

async function invitationsOf(databaseId: string, statuses?: string[], client = admin): Promise<Invitation[]> {
  const database = await client.field<{ invitations: Invitation[] }>(INVITATIONS, { id: databaseId, statuses });
  return database.invitations;
}

async function auditKinds(kinds: string[]) {
  const page = await admin.field<{ events: Record<string, unknown>[] }>(AUDIT, { db: atelierId, kinds });
  return page.events;
}

/** Moves an invitation's expiry into the past, as time passing would, without going through Rolecall. */
async function backdate(email: string): Promise<void> {
  await testApp.sql(
    `UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE email = $1 AND status = 'PENDING'`,
    [email],
    'rolecall_metadata',
  );
}

async function eventRows(kind: string, email: string): Promise<unknown[]> {
  return testApp.sql(
    `SELECT id FROM "Event" WHERE kind = $1 AND payload->>'email' = $2`,
    [kind, email],
    'rolecall_metadata',
  );
}

async function configuredRoleId(databaseId: string, rolname: string): Promise<string> {
  const database = await admin.field<{ configuredRoles: { id: string; rolname: string }[] }>(
    'query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { id rolname } } } }',
    { id: databaseId },
  );
  return database.configuredRoles.find((role) => role.rolname === rolname)?.id ?? '';
}

async function signedIn(username: string, password: string): Promise<TestClient> {
  const client = testApp.client();
  await signIn(client, username, password);
  return client;
}

beforeAll(async () => {
  mailbox = await startMailbox();
  testApp = await startTestApp({
    SMTP_URL: mailbox.url,
    PUBLIC_URL,
    MAIL_FROM,
    INVITATION_TTL_HOURS: String(TTL_HOURS),
  });
  admin = testApp.client();
  adminPassword = (await setupAdmin(admin)).password;
  atelierId = await connect(admin, testApp, await createManagedDatabase(testApp, 'atelier', 'atelier_owner'));
  annexId = await connect(admin, testApp, await createManagedDatabase(testApp, 'annex', 'annex_owner'));
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
  managerPassword = maria.password;
  manager = await signedIn('maria', maria.password);
  const mel = await createUser(admin, 'mel');
  await addCollaborator(admin, { databaseId: atelierId, userId: mel.id, configuredRoleId: painterId });
  member = await signedIn('mel', mel.password);
  const stan = await createUser(admin, 'stan');
  standard = await signedIn('stan', stan.password);
});

afterAll(async () => {
  await testApp?.stop();
  await mailbox?.stop();
});

describe('inviting by e-mail', () => {
  let invitation: Invitation;
  let token: string;

  it("shows the invitation as PENDING in the database's invitations at once, and e-mails the link over SMTP", async () => {
    const sent = await invite(admin, atelierId, 'Nina@Example.com', painterId, 'MANAGER');
    expect(sent).toMatchObject({ __typename: 'InvitationSent', delivery: 'EMAIL', acceptUrl: null });
    invitation = sent.invitation as Invitation;
    expect(invitation).toMatchObject({
      email: 'nina@example.com',
      status: 'PENDING',
      access: 'MANAGER',
      role: { rolname: 'painter' },
      invitedBy: { username: 'admin' },
    });
    const ttl = Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt);
    expect(Math.abs(ttl - TTL_HOURS * 3600_000)).toBeLessThan(5_000);
    for (const client of [admin, manager, member]) {
      expect(await invitationsOf(atelierId, undefined, client)).toContainEqual(invitation);
    }

    const mail = await mailTo('nina@example.com');
    expect(mail.raw).toContain(`From: ${MAIL_FROM}`);
    expect(mail.raw).toContain('Subject: Invitation to collaborate on atelier');
    expect(decoded(mail.raw)).toContain('as role painter (manager)');
    const link = await linkIn(mail);
    expect(link.url.startsWith(`${PUBLIC_URL}/invitations/accept?token=rci_`)).toBe(true);
    token = link.token;
  });

  it('makes a new person who follows the link a signed-in collaborator with the invited role and access, in one step', async () => {
    const nina = testApp.client();
    const password = secret('nina');
    const accepted = await nina.field(ACCEPT, { token, newAccount: { username: 'nina', password } });
    expect(accepted).toMatchObject({
      __typename: 'Collaborator',
      access: 'MANAGER',
      role: { rolname: 'painter' },
      // The link went to that address by e-mail: using it proves the address is hers.
      user: { username: 'nina', email: 'nina@example.com', emailVerified: true, isAdmin: false },
    });
    // The same client is now signed in as nina, and works through the invited role.
    expect((await nina.request('{ viewer { username } }')).data).toEqual({ viewer: { username: 'nina' } });
    expect(await nina.field(CURRENT_ROLE, { id: atelierId })).toMatchObject({
      viewerAccess: 'MANAGER',
      catalog: { currentRole: 'painter' },
    });
    // And can sign in again with the password chosen.
    await signedIn('nina', password);

    expect(await invitationsOf(atelierId)).not.toContainEqual(expect.objectContaining({ id: invitation.id }));
    const [answered] = (await invitationsOf(atelierId, ['ACCEPTED'])).filter((row) => row.id === invitation.id);
    expect(answered).toMatchObject({ status: 'ACCEPTED', respondedAt: expect.any(String) });
    const events = await auditKinds(['invitation.created', 'invitation.accepted', 'collaborator.added']);
    expect(events.slice(0, 3)).toMatchObject([
      { kind: 'invitation.accepted', actor: { username: 'nina' }, email: 'nina@example.com', status: 'ACCEPTED' },
      { kind: 'collaborator.added', actor: { username: 'nina' } },
      {
        kind: 'invitation.created',
        actor: { username: 'admin' },
        email: 'nina@example.com',
        role: 'painter',
        access: 'MANAGER',
      },
    ]);
  });

  it('refuses to use the same link twice', async () => {
    const again = await testApp
      .client()
      .field(ACCEPT, { token, newAccount: { username: 'nina2', password: secret('nina2') } });
    expect(again).toMatchObject({
      __typename: 'InvitationUnusableError',
      code: 'INVITATION_UNUSABLE',
      state: 'ACCEPTED',
    });
    const users = await testApp.sql('SELECT 1 FROM "User" WHERE username = $1', ['nina2'], 'rolecall_metadata');
    expect(users).toEqual([]);
  });

  it('refuses made-up and malformed tokens with the same typed error', async () => {
    for (const bogus of [`rci_${'A'.repeat(43)}`, 'not a token', '']) {
      const result = await testApp.client().field(ACCEPT, { token: bogus });
      expect(result).toMatchObject({ __typename: 'InvitationUnusableError', state: 'UNKNOWN' });
    }
  });
});

describe('existing users', () => {
  it('accept from their own invitations list; nobody else sees or answers that invitation', async () => {
    await invite(admin, atelierId, 'stan@example.com', painterId);
    const mine = await standard.field<{ nodes: (Invitation & { databaseName: string; databaseId: string })[] }>(
      MY_INVITATIONS,
    );
    expect(mine.nodes).toHaveLength(1);
    const [invitation] = mine.nodes;
    expect(invitation).toMatchObject({
      email: 'stan@example.com',
      status: 'PENDING',
      databaseName: 'atelier',
      databaseId: atelierId,
      role: { rolname: 'painter' },
      invitedBy: { username: 'admin' },
    });
    expect((await member.field<{ nodes: unknown[] }>(MY_INVITATIONS)).nodes).toEqual([]);
    expect(await member.field(ACCEPT_MINE, { id: invitation?.id })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await member.field(DECLINE, { id: invitation?.id })).toMatchObject({ __typename: 'NotFoundError' });

    const accepted = await standard.field(ACCEPT_MINE, { id: invitation?.id });
    expect(accepted).toMatchObject({ __typename: 'Collaborator', access: 'MEMBER', user: { username: 'stan' } });
    expect(await standard.field(CURRENT_ROLE, { id: atelierId })).toMatchObject({
      catalog: { currentRole: 'painter' },
    });
    expect((await standard.field<{ nodes: unknown[] }>(MY_INVITATIONS)).nodes).toEqual([]);
    // Their link is used up too.
    const link = await linkIn(await mailTo('stan@example.com'));
    expect(await standard.field(ACCEPT, { token: link.token })).toMatchObject({ state: 'ACCEPTED' });
    await standard.field('mutation($id: ID!) { leaveDatabase(databaseId: $id) { __typename } }', { id: atelierId });
  });

  it('decline from their list, which closes the invitation and its link', async () => {
    const dora = await createUser(admin, 'dora');
    const doraClient = await signedIn('dora', dora.password);
    const sent = await invite(manager, atelierId, 'dora@example.com', painterId);
    const declined = await doraClient.field(DECLINE, { id: sent.invitation?.id });
    expect(declined).toMatchObject({ __typename: 'Invitation', status: 'DECLINED', respondedAt: expect.any(String) });
    const link = await linkIn(await mailTo('dora@example.com'));
    expect(await doraClient.field(ACCEPT, { token: link.token })).toMatchObject({ state: 'DECLINED' });
    expect(await doraClient.field(DECLINE, { id: sent.invitation?.id })).toMatchObject({ state: 'DECLINED' });
    const [event] = await auditKinds(['invitation.declined']);
    expect(event).toMatchObject({ actor: { username: 'dora' }, email: 'dora@example.com', status: 'DECLINED' });
  });

  it('accept a link as themselves, but a signed-in user with another e-mail gets WrongUserError', async () => {
    const sent = await invite(admin, atelierId, 'omar@example.com', painterId);
    const link = await linkIn(await mailTo('omar@example.com'));
    const wrong = await member.field(ACCEPT, { token: link.token });
    expect(wrong).toMatchObject({ __typename: 'WrongUserError', code: 'WRONG_USER' });
    // Signed in, one cannot make another account either; anonymous without an account is asked to sign in.
    const another = await member.field(ACCEPT, {
      token: link.token,
      newAccount: { username: 'omar', password: secret('omar') },
    });
    expect(another).toMatchObject({ __typename: 'ValidationError' });
    expect(await testApp.client().field(ACCEPT, { token: link.token })).toMatchObject({
      __typename: 'UnauthenticatedError',
    });
    expect((await invitationsOf(atelierId)).find((row) => row.id === sent.invitation?.id)?.status).toBe('PENDING');

    const omar = await createUser(admin, 'omar');
    const omarClient = await signedIn('omar', omar.password);
    // The address has an account now: a second one cannot take it.
    const taken = await testApp
      .client()
      .field(ACCEPT, { token: link.token, newAccount: { username: 'omar2', password: secret('omar2') } });
    expect(taken).toMatchObject({ __typename: 'ConflictError' });
    expect(await omarClient.field(ACCEPT, { token: link.token })).toMatchObject({
      __typename: 'Collaborator',
      user: { username: 'omar' },
    });
  });
});

describe('re-sending, revoking and expiry', () => {
  it('re-sends with a new link and a new expiry: the old link is refused, the new one works', async () => {
    const sent = await invite(admin, atelierId, 'rita@example.com', painterId);
    const id = sent.invitation?.id as string;
    const first = await linkIn(await mailTo('rita@example.com'));
    await testApp.sql(
      `UPDATE "Invitation" SET "expiresAt" = now() + interval '1 hour' WHERE id = $1`,
      [Buffer.from(id, 'base64').toString().split(':')[1]],
      'rolecall_metadata',
    );
    const resent = await manager.field<Sent>(RESEND, { id });
    expect(resent).toMatchObject({
      __typename: 'InvitationSent',
      delivery: 'EMAIL',
      invitation: { status: 'PENDING' },
    });
    expect(Date.parse(resent.invitation?.expiresAt ?? '') - Date.now()).toBeGreaterThan((TTL_HOURS - 1) * 3600_000);
    const second = await linkIn(await mailTo('rita@example.com', 2));
    expect(second.token).not.toBe(first.token);

    const old = await testApp
      .client()
      .field(ACCEPT, { token: first.token, newAccount: { username: 'rita', password: secret('rita') } });
    expect(old).toMatchObject({ __typename: 'InvitationUnusableError', state: 'UNKNOWN' });
    const fresh = await testApp
      .client()
      .field(ACCEPT, { token: second.token, newAccount: { username: 'rita', password: secret('rita') } });
    expect(fresh).toMatchObject({ __typename: 'Collaborator', user: { username: 'rita' } });
    const [event] = await auditKinds(['invitation.resent']);
    expect(event).toMatchObject({ actor: { username: 'maria' }, email: 'rita@example.com' });
  });

  it("refuses a revoked invitation's link, and keeps the revoked invitation in the history", async () => {
    const sent = await invite(manager, atelierId, 'vic@example.com', painterId);
    const link = await linkIn(await mailTo('vic@example.com'));
    const revoked = await manager.field(REVOKE, { id: sent.invitation?.id });
    expect(revoked).toMatchObject({ __typename: 'Invitation', status: 'REVOKED' });
    expect(await invitationsOf(atelierId)).not.toContainEqual(expect.objectContaining({ email: 'vic@example.com' }));
    expect(await invitationsOf(atelierId, ['REVOKED'])).toContainEqual(
      expect.objectContaining({ email: 'vic@example.com', status: 'REVOKED' }),
    );
    const refused = await testApp
      .client()
      .field(ACCEPT, { token: link.token, newAccount: { username: 'vic', password: secret('vic') } });
    expect(refused).toMatchObject({ __typename: 'InvitationUnusableError', state: 'REVOKED' });
    expect(await manager.field(REVOKE, { id: sent.invitation?.id })).toMatchObject({ __typename: 'ConflictError' });
    expect(await manager.field(RESEND, { id: sent.invitation?.id })).toMatchObject({ __typename: 'ConflictError' });
  });

  it('expires an unanswered invitation: its link is refused, it shows as EXPIRED once, and re-sending revives it', async () => {
    const sent = await invite(admin, atelierId, 'eve@example.com', painterId);
    const link = await linkIn(await mailTo('eve@example.com'));
    await testApp.sql(
      `UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE email = 'eve@example.com'`,
      [],
      'rolecall_metadata',
    );
    const refused = await testApp
      .client()
      .field(ACCEPT, { token: link.token, newAccount: { username: 'eve', password: secret('eve') } });
    expect(refused).toMatchObject({ __typename: 'InvitationUnusableError', state: 'EXPIRED' });
    expect(await invitationsOf(atelierId)).not.toContainEqual(expect.objectContaining({ email: 'eve@example.com' }));
    expect(await invitationsOf(atelierId, ['EXPIRED'])).toContainEqual(
      expect.objectContaining({ email: 'eve@example.com', status: 'EXPIRED' }),
    );
    const expiredEvents = (await auditKinds(['invitation.expired'])).filter(
      (event) => event.email === 'eve@example.com',
    );
    expect(expiredEvents).toMatchObject([{ actor: null, status: 'EXPIRED' }]);

    const resent = await admin.field<Sent>(RESEND, { id: sent.invitation?.id });
    expect(resent).toMatchObject({ invitation: { status: 'PENDING' } });
    const fresh = await linkIn(await mailTo('eve@example.com', 2));
    const accepted = await testApp
      .client()
      .field(ACCEPT, { token: fresh.token, newAccount: { username: 'eve', password: secret('eve') } });
    expect(accepted).toMatchObject({ __typename: 'Collaborator', user: { username: 'eve' } });
  });
});

describe('expiry without anyone looking', () => {
  it('expires an overdue invitation on its own and streams invitation.expired, with no invitation read at all', async () => {
    const sweeper = await testApp.startInstance({ INVITATION_EXPIRY_SWEEP_MS: '150' });
    const client = wsClient(testApp.url, await createApiToken(admin, 'expiry-watch'));
    const received = collect<Record<string, unknown>>(client, WATCH, {
      db: atelierId,
      kinds: ['invitation.expired'],
    });
    try {
      await invite(admin, atelierId, 'idle@example.com', painterId);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await backdate('idle@example.com');
      // The subscriber is on the first instance; the sweep that notices runs on another one.
      const [event] = await received.waitFor(1, 5_000);
      expect(event).toMatchObject({ kind: 'invitation.expired', email: 'idle@example.com', status: 'EXPIRED' });
      const stored = await testApp.sql(
        `SELECT status FROM "Invitation" WHERE email = 'idle@example.com'`,
        [],
        'rolecall_metadata',
      );
      expect(stored).toEqual([{ status: 'EXPIRED' }]);
    } finally {
      received.stop();
      await client.dispose();
      await sweeper.stop();
    }
  });

  it('records each expiry once, however many instances sweep and read at the same moment', async () => {
    const sweepers = await Promise.all([
      testApp.startInstance({ INVITATION_EXPIRY_SWEEP_MS: '100' }),
      testApp.startInstance({ INVITATION_EXPIRY_SWEEP_MS: '100' }),
    ]);
    try {
      const addresses = ['once1@example.com', 'once2@example.com', 'once3@example.com'];
      for (const address of addresses) await invite(admin, atelierId, address, painterId);
      for (const address of addresses) await backdate(address);
      // Lazy expiry on every read races the sweeps of both other instances.
      const readers = sweepers.map((instance) => instance.client());
      for (const [index, reader] of readers.entries()) {
        await signIn(reader, index === 0 ? 'admin' : 'maria', index === 0 ? adminPassword : managerPassword);
      }
      await Promise.all(
        [admin, manager, ...readers, admin, ...readers].map((client) => invitationsOf(atelierId, undefined, client)),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const address of addresses) expect(await eventRows('invitation.expired', address)).toHaveLength(1);
    } finally {
      await Promise.all(sweepers.map((instance) => instance.stop()));
    }
  });

  it('keeps invitations for 7 days unless INVITATION_TTL_HOURS says otherwise, and sweeps every minute by default', () => {
    expect(loadConfig({}).invitationTtlMs).toBe(7 * DAY_MS);
    expect(loadConfig({ INVITATION_TTL_HOURS: '48' }).invitationTtlMs).toBe(2 * DAY_MS);
    expect(() => loadConfig({ INVITATION_TTL_HOURS: '0' })).toThrow();
    expect(loadConfig({}).invitationExpirySweepMs).toBe(60_000);
    expect(loadConfig({ INVITATION_EXPIRY_SWEEP_MS: '5000' }).invitationExpirySweepMs).toBe(5_000);
    expect(() => loadConfig({ INVITATION_EXPIRY_SWEEP_MS: '10' })).toThrow();
  });
});

describe('adding someone who has a pending invitation', () => {
  it('revokes their invitation in the same change, so the address is listed once, as a collaborator', async () => {
    const sent = await invite(manager, atelierId, 'hal@example.com', painterId);
    const link = await linkIn(await mailTo('hal@example.com'));
    const hal = await createUser(admin, 'hal');
    const added = await addCollaborator(manager, {
      databaseId: atelierId,
      userId: hal.id,
      configuredRoleId: painterId,
    });
    expect(added).toMatchObject({ __typename: 'Collaborator' });

    expect(await invitationsOf(atelierId)).not.toContainEqual(expect.objectContaining({ email: 'hal@example.com' }));
    expect(await invitationsOf(atelierId, ['REVOKED'])).toContainEqual(
      expect.objectContaining({ id: sent.invitation?.id, status: 'REVOKED' }),
    );
    const [event] = (await auditKinds(['invitation.revoked'])).filter((row) => row.email === 'hal@example.com');
    expect(event).toMatchObject({ actor: { username: 'maria' }, status: 'REVOKED', role: 'painter' });
    const halClient = await signedIn('hal', hal.password);
    expect(await halClient.field(ACCEPT, { token: link.token })).toMatchObject({ state: 'REVOKED' });
    expect(await manager.field(RESEND, { id: sent.invitation?.id })).toMatchObject({ __typename: 'ConflictError' });
  });

  it('refuses to re-send an expired invitation to someone who has since become a collaborator', async () => {
    const sent = await invite(admin, atelierId, 'ivy@example.com', painterId);
    await backdate('ivy@example.com');
    expect(await invitationsOf(atelierId, ['EXPIRED'])).toContainEqual(
      expect.objectContaining({ id: sent.invitation?.id }),
    );
    const ivy = await createUser(admin, 'ivy');
    await addCollaborator(admin, { databaseId: atelierId, userId: ivy.id, configuredRoleId: painterId });
    const before = mailbox.mails.length;
    expect(await admin.field(RESEND, { id: sent.invitation?.id })).toMatchObject({ __typename: 'ConflictError' });
    expect(await invitationsOf(atelierId, ['EXPIRED'])).toContainEqual(
      expect.objectContaining({ id: sent.invitation?.id, status: 'EXPIRED' }),
    );
    expect(mailbox.mails.length).toBe(before);
  });
});

describe('who may invite', () => {
  it('lets a MANAGER invite to its own database only, never an admin, and never touch invitations elsewhere', async () => {
    expect(await invite(manager, atelierId, 'pat@example.com', painterId)).toMatchObject({ delivery: 'EMAIL' });
    expect(await invite(manager, annexId, 'pat@example.com', annexRoleId)).toMatchObject({
      __typename: 'ForbiddenError',
    });
    expect(await invite(manager, atelierId, 'admin@example.com', painterId)).toMatchObject({
      __typename: 'ForbiddenError',
    });
    const elsewhere = await invite(admin, annexId, 'quinn@example.com', annexRoleId);
    expect(elsewhere).toMatchObject({ delivery: 'EMAIL' });
    expect(await manager.field(REVOKE, { id: elsewhere.invitation?.id })).toMatchObject({
      __typename: 'ForbiddenError',
    });
    expect(await manager.field(RESEND, { id: elsewhere.invitation?.id })).toMatchObject({
      __typename: 'ForbiddenError',
    });
    expect(await manager.field(INVITATIONS, { id: annexId })).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('refuses a MEMBER and a standard user, sending nothing', async () => {
    const before = mailbox.mails.length;
    expect(await invite(member, atelierId, 'sly@example.com', painterId)).toMatchObject({
      __typename: 'ForbiddenError',
    });
    expect(await invite(standard, annexId, 'sly@example.com', annexRoleId)).toMatchObject({
      __typename: 'ForbiddenError',
    });
    expect(
      await testApp
        .client()
        .field(INVITE, { input: { databaseId: atelierId, email: 'x@example.com', configuredRoleId: painterId } }),
    ).toMatchObject({ __typename: 'UnauthenticatedError' });
    expect(mailbox.mails.length).toBe(before);
  });

  it('refuses a duplicate pending invitation, a current collaborator and a malformed address', async () => {
    expect(await invite(admin, atelierId, 'pat@example.com', painterId)).toMatchObject({ __typename: 'ConflictError' });
    expect(await invite(admin, atelierId, 'mel@example.com', painterId)).toMatchObject({ __typename: 'ConflictError' });
    expect(await invite(admin, atelierId, 'not an address', painterId)).toMatchObject({
      __typename: 'ValidationError',
    });
    expect(await invite(admin, atelierId, 'zed@example.com', annexId)).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('offers only a role whose stored password still logs in, at invitation and again at acceptance', async () => {
    const sketcher = await configureRole(admin, atelierId, 'sketcher', await createLoginRole(testApp, 'sketcher'));
    const sent = await invite(admin, atelierId, 'sam@example.com', sketcher.id as string);
    expect(sent).toMatchObject({ delivery: 'EMAIL' });
    const link = await linkIn(await mailTo('sam@example.com'));
    await testApp.sql(`ALTER ROLE sketcher PASSWORD '${secret('changed')}'`);
    const accepted = await testApp
      .client()
      .field(ACCEPT, { token: link.token, newAccount: { username: 'sam', password: secret('sam') } });
    expect(accepted).toMatchObject({ __typename: 'AuthenticationFailedError', sqlstate: '28P01' });
    expect((await invitationsOf(atelierId)).find((row) => row.email === 'sam@example.com')?.status).toBe('PENDING');
    expect(await invite(admin, atelierId, 'sue@example.com', sketcher.id as string)).toMatchObject({
      __typename: 'AuthenticationFailedError',
    });
  });
});

describe('live and private', () => {
  it("streams every invitation step and a collaborator leaving to the database's subscribers, and logs each for the audit", async () => {
    const client = wsClient(testApp.url, await createApiToken(admin, 'watch'));
    const kinds = [
      'invitation.created',
      'invitation.resent',
      'invitation.revoked',
      'invitation.accepted',
      'invitation.declined',
      'invitation.expired',
      'collaborator.left',
    ];
    const received = collect<Record<string, unknown>>(client, WATCH, { db: atelierId, kinds });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const sent = await invite(manager, atelierId, 'live@example.com', painterId, 'MANAGER');
      await manager.field(RESEND, { id: sent.invitation?.id });
      await manager.field(REVOKE, { id: sent.invitation?.id });

      await invite(manager, atelierId, 'lena@example.com', painterId);
      const lena = testApp.client();
      const { token } = await linkIn(await mailTo('lena@example.com'));
      await lena.field(ACCEPT, { token, newAccount: { username: 'lena', password: secret('lena') } });
      expect(await lena.field(LEAVE, { id: atelierId })).toMatchObject({ __typename: 'Removed' });

      const leo = await createUser(admin, 'leo');
      const toLeo = await invite(manager, atelierId, 'leo@example.com', painterId);
      await (await signedIn('leo', leo.password)).field(DECLINE, { id: toLeo.invitation?.id });

      await invite(manager, atelierId, 'lapse@example.com', painterId);
      await backdate('lapse@example.com');
      await invitationsOf(atelierId);

      const steps = [
        ['invitation.created', 'live@example.com', 'PENDING'],
        ['invitation.resent', 'live@example.com', 'PENDING'],
        ['invitation.revoked', 'live@example.com', 'REVOKED'],
        ['invitation.created', 'lena@example.com', 'PENDING'],
        ['invitation.accepted', 'lena@example.com', 'ACCEPTED'],
        ['collaborator.left', 'lena', undefined],
        ['invitation.created', 'leo@example.com', 'PENDING'],
        ['invitation.declined', 'leo@example.com', 'DECLINED'],
        ['invitation.created', 'lapse@example.com', 'PENDING'],
        ['invitation.expired', 'lapse@example.com', 'EXPIRED'],
      ];
      const events = await received.waitFor(steps.length);
      expect(events.map((event) => [event.kind, event.email ?? event.username, event.status ?? undefined])).toEqual(
        steps,
      );
      expect(events[0]).toMatchObject({ role: 'painter', access: 'MANAGER', databaseId: atelierId });
      for (const event of events) expect(event.serverId).toEqual(expect.any(String));

      const audit = await admin.field<{ events: Record<string, unknown>[] }>(AUDIT.replace('first: 10', 'first: 30'), {
        db: atelierId,
        kinds,
      });
      const logged = audit.events.map((event) => [event.kind, event.email ?? event.username]);
      for (const [kind, who] of steps) expect(logged).toContainEqual([kind, who]);
      expect(audit.events.find((event) => event.kind === 'collaborator.left')).toMatchObject({
        actor: { username: 'lena' },
        username: 'lena',
      });
    } finally {
      received.stop();
      await client.dispose();
    }
  });

  it('stores only a hash of each link token: no stored invitation or event contains one', async () => {
    const invitations = await testApp.sql<{ tokenHash: string; row: string }>(
      `SELECT "tokenHash", row_to_json(i)::text AS row FROM "Invitation" i`,
      [],
      'rolecall_metadata',
    );
    const events = await testApp.sql<{ payload: string }>(
      `SELECT payload::text FROM "Event" WHERE kind LIKE 'invitation.%'`,
      [],
      'rolecall_metadata',
    );
    expect(invitations.length).toBeGreaterThan(5);
    expect(tokensSeen.length).toBeGreaterThan(5);
    for (const { tokenHash } of invitations) expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    for (const token of tokensSeen) {
      const randomPart = token.slice('rci_'.length);
      for (const { tokenHash, row } of invitations) {
        expect(tokenHash).not.toBe(token);
        expect(row).not.toContain(randomPart);
      }
      for (const { payload } of events) expect(payload).not.toContain(randomPart);
    }
  });

  it('lets managers and admins leave: every admin still manages the database, so leaving locks nobody out', async () => {
    const leave = 'mutation($id: ID!) { leaveDatabase(databaseId: $id) { __typename } }';
    await manager.field(leave, { id: atelierId });
    await admin.field(leave, { id: atelierId });
    expect(await invite(admin, atelierId, 'after@example.com', painterId)).toMatchObject({ delivery: 'EMAIL' });
  });

  it('never logs an invitation token, a password or the SMTP credentials', () => {
    expect(tokensSeen.length).toBeGreaterThan(5);
    expect(testApp.logs.filter((line) => tokensSeen.some((token) => line.includes(token)))).toEqual([]);
    expect(leakedSecrets(testApp.logs)).toEqual([]);
    expect(testApp.logs.some((line) => line.includes('invitation e-mail sent'))).toBe(true);
  });
});
