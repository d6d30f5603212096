import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { schema } from '../../src/schema/index.js';

/** A well-formed value for an input type; ids are random, so they name nothing that exists. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) && field.defaultValue === undefined,
    );
    return Object.fromEntries(fields.map((field) => [field.name, sampleValue(field.type)]));
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
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

function operationFor(kind: 'mutation' | 'query', field: GraphQLField<unknown, unknown>): GeneratedOperation {
  const required = field.args.filter((arg: GraphQLArgument) => isNonNullType(arg.type));
  const declarations = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passing = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const returned = getNamedType(field.type);
  const leaf = isScalarType(returned) || isEnumType(returned);
  const selection = isUnionType(returned) ? '{ __typename ... on Error { code } }' : leaf ? '' : '{ __typename }';
  return {
    field: field.name,
    query: `${kind}${declarations ? `(${declarations})` : ''} { ${field.name}${passing ? `(${passing})` : ''} ${selection} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, sampleValue(arg.type)])),
  };
}

/** One operation per root field of the schema, so new mutations are covered without editing the tests. */
export function allMutations(): GeneratedOperation[] {
  return Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => operationFor('mutation', field));
}
