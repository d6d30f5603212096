import { hashPassword } from '../auth/passwords.js';
import { type CredentialEndReason, endAllCredentials } from '../auth/revocation.js';
import type { Context } from '../context.js';
import { ConflictError, LastAdminError, NotFoundError } from '../errors.js';
import type { Prisma, User } from '../generated/prisma/client.js';
import { isUniqueViolation } from '../metadata/errors.js';
import { requireAdmin } from '../policy/capabilities.js';
import { checkEmail, checkPassword, checkText, checkUsername } from './validation.js';

export interface CreateUserInput {
  username: string;
  email: string;
  password: string;
  displayName?: string | null;
  isAdmin?: boolean | null;
}

/** Whether the new account's address is proven: set by an admin, or reached by a token e-mailed to it. */
export interface AddressProof {
  emailProven: boolean;
}

export async function insertUser(
  writer: Prisma.TransactionClient | Context['metadata'],
  input: CreateUserInput,
  { emailProven }: AddressProof,
): Promise<User> {
  const data = {
    username: checkUsername(input.username),
    email: checkEmail(input.email),
    emailVerifiedAt: emailProven ? new Date() : null,
    passwordHash: await hashPassword(checkPassword(input.password)),
    displayName: input.displayName ? checkText(input.displayName, 'displayName').trim() || null : null,
    isAdmin: input.isAdmin ?? false,
  };
  try {
    return await writer.user.create({ data });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('That username or e-mail is already taken.');
    throw error;
  }
}

export async function createUser(context: Context, input: CreateUserInput): Promise<User> {
  const admin = requireAdmin(context.viewer);
  return context.metadata.$transaction(async (tx) => {
    // An admin vouches for the address they type.
    const user = await insertUser(tx, input, { emailProven: true });
    await context.events.record(tx, {
      kind: 'user.created',
      actorId: admin.user.id,
      payload: { user: user.username, isAdmin: user.isAdmin },
    });
    return user;
  });
}

export interface UpdateUserInput {
  email?: string | null;
  displayName?: string | null;
  isAdmin?: boolean | null;
  isActive?: boolean | null;
  password?: string | null;
}

async function updateData(input: UpdateUserInput): Promise<Prisma.UserUpdateInput> {
  return {
    email: input.email == null ? undefined : checkEmail(input.email),
    // An address an admin sets counts as proven: the admin vouches for it.
    emailVerifiedAt: input.email == null ? undefined : new Date(),
    displayName:
      input.displayName === undefined
        ? undefined
        : (input.displayName && checkText(input.displayName, 'displayName').trim()) || null,
    isAdmin: input.isAdmin ?? undefined,
    isActive: input.isActive ?? undefined,
    passwordHash: input.password == null ? undefined : await hashPassword(checkPassword(input.password)),
  };
}

/**
 * A deactivated account keeps no session or API token (revoked, so reactivating it brings none back), nor does one
 * whose password an admin reset: the account is presumed compromised.
 */
function credentialEndReason(input: UpdateUserInput): CredentialEndReason | null {
  if (input.isActive === false) return 'deactivated';
  return input.password != null ? 'password_reset' : null;
}

/** Admins update users; demoting or deactivating the last active admin is refused; see credentialEndReason. */
export async function updateUser(context: Context, userId: string, input: UpdateUserInput): Promise<User> {
  const admin = requireAdmin(context.viewer);
  const user = await context.metadata.user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFoundError('user');
  const data = await updateData(input);
  const losesAdmin = user.isAdmin && user.isActive && (input.isAdmin === false || input.isActive === false);
  try {
    return await context.metadata.$transaction(async (tx) => {
      // Serialises concurrent demotions so two admins cannot demote each other at once.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rolecall.admins'))`;
      if (losesAdmin) {
        const otherAdmins = await tx.user.count({ where: { isAdmin: true, isActive: true, id: { not: userId } } });
        if (otherAdmins === 0) throw new LastAdminError();
      }
      const updated = await tx.user.update({ where: { id: userId }, data });
      const reason = credentialEndReason(input);
      if (reason) await endAllCredentials(tx, context.events, { userId, actorId: admin.user.id, reason });
      const changed = Object.keys(input).filter((key) => input[key as keyof UpdateUserInput] !== undefined);
      await context.events.record(tx, {
        kind: 'user.updated',
        actorId: admin.user.id,
        payload: { user: updated.username, changed },
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('That e-mail is already taken.');
    throw error;
  }
}
