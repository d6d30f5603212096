/**
 * The member of a result union named `typename`, with the type codegen wrote for it; undefined for any other member
 * (a typed error) and for a missing value. Select `__typename` where the union is read.
 */
export function member<T extends { __typename?: string }, Name extends string>(
  value: T | null | undefined,
  typename: Name,
): Extract<T, { __typename?: Name }> | undefined {
  return value?.__typename === typename ? (value as Extract<T, { __typename?: Name }>) : undefined;
}
