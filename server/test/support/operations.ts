import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { schema } from '../../src/schema/index.js';

export type OperationKind = 'query' | 'mutation' | 'subscription';

/**
 * A real value for the argument or input field at `path` (e.g. `['addCollaborator', 'input', 'databaseId']`), or
 * undefined to use a made-up one. Optional arguments are sent only when it returns a value for them.
 */
export type ValueFor = (path: readonly string[], type: GraphQLInputType) => unknown;

/** A well-formed value for an input type; unless `valueFor` names a real one, ids are random and name nothing. */
function sampleValue(type: GraphQLInputType, path: readonly string[] = [], valueFor?: ValueFor): unknown {
  const chosen = valueFor?.(path, type);
  if (chosen !== undefined) return chosen;
  if (isNonNullType(type)) return sampleValue(type.ofType, path, valueFor);
  if (isListType(type)) return [sampleValue(type.ofType, path, valueFor)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) && field.defaultValue === undefined,
    );
    return Object.fromEntries(
      fields.map((field) => [field.name, sampleValue(field.type, [...path, field.name], valueFor)]),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return Buffer.from(`Thing:${crypto.randomUUID()}`).toString('base64');
      case 'Int':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTime':
        return new Date().toISOString();
      default:
        return 'sample-value-1';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

export interface GeneratedOperation {
  kind: OperationKind;
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface OperationOptions {
  valueFor?: ValueFor;
  /** Select this deep into the result (all argument-free fields) instead of just `__typename` and error codes. */
  depth?: number;
}

/** Every argument-free field of `type` down to `depth` levels, with `__typename` and every possible type of abstract ones. */
export function deepSelection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (depth <= 0) return '{ __typename }';
  if (isAbstractType(named)) {
    const fragments = schema.getPossibleTypes(named).map((member) => {
      const inner = deepSelection(member, depth).slice(1, -1);
      return `... on ${member.name} {${inner}}`;
    });
    return `{ __typename ${fragments.join(' ')} }`;
  }
  if (!isObjectType(named)) return '';
  const fields = Object.values(named.getFields())
    .filter((field) => !field.args.some((arg) => isNonNullType(arg.type)))
    .map((field) => `${field.name} ${deepSelection(field.type, depth - 1)}`.trim());
  return `{ __typename ${fields.join(' ')} }`;
}

function shallowSelection(type: GraphQLOutputType): string {
  const returned = getNamedType(type);
  if (isUnionType(returned)) return '{ __typename ... on Error { code } }';
  return isLeafType(returned) ? '' : '{ __typename }';
}

/**
 * node(id:) may be any type with an id: their fields cannot share one selection (expiresAt is nullable on ApiToken,
 * not on Invitation), and all of them deep pass the cost limit. Its outcome is a typename or null.
 */
const depthOf = (field: GraphQLField<unknown, unknown>, depth: number) =>
  getNamedType(field.type).name === 'Node' ? 0 : depth;

function operationFor(
  kind: OperationKind,
  field: GraphQLField<unknown, unknown>,
  { valueFor, depth }: OperationOptions = {},
): GeneratedOperation {
  const values = new Map<string, unknown>();
  for (const arg of field.args as readonly GraphQLArgument[]) {
    const value = isNonNullType(arg.type)
      ? sampleValue(arg.type, [field.name, arg.name], valueFor)
      : valueFor?.([field.name, arg.name], arg.type);
    if (value !== undefined) values.set(arg.name, value);
  }
  const sent = field.args.filter((arg) => values.has(arg.name));
  const declarations = sent.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passing = sent.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection =
    depth === undefined ? shallowSelection(field.type) : deepSelection(field.type, depthOf(field, depth));
  return {
    kind,
    field: field.name,
    query: `${kind}${declarations ? `(${declarations})` : ''} { ${field.name}${passing ? `(${passing})` : ''} ${selection} }`,
    variables: Object.fromEntries(values),
  };
}

/** The root fields of one operation type of the schema. */
export function rootFields(kind: OperationKind): GraphQLField<unknown, unknown>[] {
  const root = {
    query: schema.getQueryType(),
    mutation: schema.getMutationType(),
    subscription: schema.getSubscriptionType(),
  }[kind];
  return Object.values(root?.getFields() ?? {});
}

/** One operation per root field of `kind`, so new fields are covered without editing the tests. */
export function allOperations(kind: OperationKind, options: OperationOptions = {}): GeneratedOperation[] {
  return rootFields(kind).map((field) => operationFor(kind, field, options));
}

export function allMutations(options: OperationOptions = {}): GeneratedOperation[] {
  return allOperations('mutation', options);
}

export function allQueries(options: OperationOptions = {}): GeneratedOperation[] {
  return allOperations('query', options);
}

/**
 * How a table keyed `kind.field` (e.g. `mutation.login`) falls short of the schema: root fields it does not classify,
 * and entries that name no root field. A matrix with both empty covers every field, so new ones cannot escape it.
 */
export function classificationGaps(table: Record<string, unknown>): { unclassified: string[]; unknown: string[] } {
  const fields = (['query', 'mutation', 'subscription'] as OperationKind[]).flatMap((kind) =>
    rootFields(kind).map((field) => `${kind}.${field.name}`),
  );
  return {
    unclassified: fields.filter((field) => !(field in table)),
    unknown: Object.keys(table).filter((field) => !fields.includes(field)),
  };
}
