// The probe registers its field before the app's schema is built: keep this import first.
import './support/undeclared-error-probe.js';
import { type GraphQLField, type GraphQLNamedType, isObjectType, isUnionType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { raisableErrors } from './support/raisable-errors.js';

const root = new URL('../../', import.meta.url).pathname;
const METRICS_TOKEN = 'error-unions-metrics';

/**
 * The analysis cannot see one condition: applyChange raises NothingChangedError only for a request that says how to
 * tell "nothing changed" (`changed` or `nothingUnlessObserved`), which only these GRANTs and REVOKEs do. Every other
 * difference between what a field declares and what its code can raise fails the test.
 */
const MAY_CHANGE_NOTHING = new Set([
  'Mutation.grantOnAllTables',
  'Mutation.grantPrivileges',
  'Mutation.revokePrivileges',
  'Mutation.setPrivileges',
  'Mutation.setDefaultPrivileges',
  'Mutation.grantMembership',
  'Mutation.revokeMembership',
  // A setting set to the value it has or reset when not set, a comment it already has: `changed` tells.
  'Mutation.setRoleSetting',
  'Mutation.resetRoleSetting',
  'Mutation.setRoleComment',
]);

function unwrap(field: GraphQLField<unknown, unknown>): GraphQLNamedType {
  let type = field.type as { ofType?: unknown };
  while (type.ofType) type = type.ofType as { ofType?: unknown };
  return type as GraphQLNamedType;
}

/** `Parent.field` → the error classes its result union declares (the `Error` implementations among its members). */
function declaredErrors(): Map<string, string[]> {
  const declared = new Map<string, string[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const result = unwrap(field);
      if (!isUnionType(result)) continue;
      const errors = result
        .getTypes()
        .filter((member) => member.getInterfaces().some((face) => face.name === 'Error'))
        .map((member) => (member.name.endsWith('Error') ? member.name : `${member.name}Error`));
      if (errors.length > 0 && field.name !== 'errorProbe') declared.set(`${type.name}.${field.name}`, errors.sort());
    }
  }
  return declared;
}

describe('each field declares exactly the errors its code can raise', () => {
  const declared = declaredErrors();
  const analysis = raisableErrors(root);

  it('finds the resolver of every field that has an error union', () => {
    const missing = [...declared.keys()].filter((field) => !analysis.byField.has(field));
    expect(missing).toEqual([]);
    expect(declared.size).toBeGreaterThanOrEqual(50);
  });

  it.each([...declared.keys()].map((field) => [field]))('%s', (field) => {
    const raisable = [...(analysis.byField.get(field) ?? [])].filter(
      (error) => error !== 'NothingChangedError' || MAY_CHANGE_NOTHING.has(field),
    );
    expect(declared.get(field)).toEqual(raisable.sort());
  });

  it('no field declares every error any more (the old 26-member unions)', () => {
    const sizes = [...declared.values()].map((errors) => errors.length);
    expect(Math.min(...sizes)).toBeLessThanOrEqual(2);
    expect(declared.get('Mutation.login')).toEqual(['InvalidCredentialsError', 'TooManyAttemptsError']);
    expect(declared.get('Mutation.login')).not.toContain('DependentObjectsError');
  });
});

describe('an error a field does not declare never reaches a client', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ROLECALL_METRICS_TOKEN: METRICS_TOKEN });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const probe = (undeclared: boolean) =>
    app
      .client()
      .request<{ errorProbe: { __typename: string; code?: string } }>(
        `query($undeclared: Boolean!) { errorProbe(undeclared: $undeclared) { __typename ... on Error { code message } } }`,
        { undeclared },
      );

  it('a declared error is a typed result', async () => {
    const result = await probe(false);
    expect(result.errors).toBeUndefined();
    expect(result.data?.errorProbe).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_INPUT' });
  });

  it('an undeclared one is masked as "Unexpected error.", logged and counted', async () => {
    const before = await unexpectedCount(app);
    const result = await probe(true);
    expect(result.data).toBeNull();
    expect(result.errors?.map((error) => error.message)).toEqual(['Unexpected error.']);
    expect(JSON.stringify(result)).not.toMatch(/FORBIDDEN|no client may read/);
    expect(app.logs.some((line) => line.includes('unexpected error') && line.includes('no client may read'))).toBe(
      true,
    );
    expect(await unexpectedCount(app)).toBe(before + 1);
  });
});

async function unexpectedCount(app: TestApp): Promise<number> {
  const response = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await response.text();
  const line = text.split('\n').find((row) => row.includes('type="unexpected"') && !row.startsWith('#'));
  return line ? Number(line.split(' ').pop()) : 0;
}
