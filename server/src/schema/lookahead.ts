import { collectSubFields } from '@graphql-tools/utils';
import { type GraphQLObjectType, type GraphQLResolveInfo, getNamedType } from 'graphql';

/**
 * Whether the objects a field returns are asked for any of these fields (through fragments too, @skip and @include
 * applied). GraphQL resolves a list's children only once the list is in; a resolver that knows what they will read
 * can start reading it at the same time.
 */
export function asksFor(info: GraphQLResolveInfo, fieldNames: readonly string[]): boolean {
  const type = getNamedType(info.returnType) as GraphQLObjectType;
  const { fields } = collectSubFields(info.schema, info.fragments, info.variableValues, type, [...info.fieldNodes]);
  for (const nodes of fields.values()) {
    if (nodes.some((node) => fieldNames.includes(node.name.value))) return true;
  }
  return false;
}
