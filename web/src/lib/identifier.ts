/** PostgreSQL's NAMEDATALEN - 1: a longer name is cut (with only a NOTICE), so another object's name could result. */
const MAX_NAME_BYTES = 63;

/**
 * Why a name is too long for PostgreSQL, or null. Counted in UTF-8 bytes, as PostgreSQL counts: an input's
 * `maxlength` counts characters, and cutting the name silently would name a different role.
 */
export function nameTooLong(name: string): string | null {
  const bytes = new TextEncoder().encode(name).length;
  return bytes > MAX_NAME_BYTES
    ? `Too long: PostgreSQL names are at most ${MAX_NAME_BYTES} bytes, and this one is ${bytes}.`
    : null;
}

/** The input refuses the form's submission (and says why) while its name is too long. */
export function checkNameLength(input: HTMLInputElement): string | null {
  const problem = nameTooLong(input.value.trim());
  input.setCustomValidity(problem ?? '');
  return problem;
}
