/**
 * Every expected failure is one of these classes; the schema exposes each as a GraphQL type implementing
 * `Error`, so clients branch on `__typename` or `code`. Anything else is masked and logged.
 */
export abstract class RolecallError extends Error {
  abstract readonly code: string;
}

export class UnauthenticatedError extends RolecallError {
  readonly code = 'UNAUTHENTICATED';
  constructor() {
    super('Sign in first.');
  }
}

export class ForbiddenError extends RolecallError {
  readonly code = 'FORBIDDEN';
}

export class NotFoundError extends RolecallError {
  readonly code = 'NOT_FOUND';
  constructor(readonly kind: string) {
    super(`No such ${kind}.`);
  }
}

export class ValidationError extends RolecallError {
  readonly code = 'INVALID_INPUT';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class InvalidCredentialsError extends RolecallError {
  readonly code = 'INVALID_CREDENTIALS';
  constructor() {
    super('Wrong username or password.');
  }
}

export class TooManyAttemptsError extends RolecallError {
  readonly code = 'TOO_MANY_ATTEMPTS';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed attempts; try again in ${retryAfterSeconds} s.`);
  }
}

export class SetupAlreadyDoneError extends RolecallError {
  readonly code = 'SETUP_ALREADY_DONE';
  constructor() {
    super('Rolecall is already set up; sign in instead.');
  }
}

export class ConflictError extends RolecallError {
  readonly code = 'CONFLICT';
}

/**
 * PostgreSQL ran the statements and changed nothing (a GRANT or REVOKE it answered with only a WARNING): nothing is
 * recorded as a change. Its warnings say why.
 */
export class NothingChangedError extends RolecallError {
  readonly code = 'NOTHING_CHANGED';
  constructor(
    readonly warnings: string[],
    readonly sql: string[],
    readonly dryRun: boolean,
  ) {
    super(
      `PostgreSQL ${dryRun ? 'would change' : 'changed'} nothing${warnings.length ? `: ${warnings.join(' ')}` : '.'}`,
    );
  }
}

/** A change applied with a preview's token, after what the preview read or would touch had changed. */
export class CatalogChangedError extends RolecallError {
  readonly code = 'CATALOG_CHANGED';
  constructor() {
    super(
      'The catalog changed since this was previewed (the objects or roles it touches, or your role’s own grants and memberships): nothing was applied. Preview it again.',
    );
  }
}

export class LastAdminError extends RolecallError {
  readonly code = 'LAST_ADMIN';
  constructor() {
    super('This would leave Rolecall without an active admin.');
  }
}

export type InvitationState = 'UNKNOWN' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED' | 'DECLINED';

const INVITATION_STATE_MESSAGES: Record<InvitationState, string> = {
  UNKNOWN: 'This invitation link is not valid.',
  ACCEPTED: 'This invitation has already been used.',
  REVOKED: 'This invitation was revoked; ask for a new one.',
  EXPIRED: 'This invitation has expired; ask for it to be sent again.',
  DECLINED: 'This invitation was declined.',
};

/** An invitation token (or id) that can no longer be accepted, and why. */
export class InvitationUnusableError extends RolecallError {
  readonly code = 'INVITATION_UNUSABLE';
  constructor(readonly state: InvitationState) {
    super(INVITATION_STATE_MESSAGES[state]);
  }
}

/** The signed-in user is not the one the invitation is addressed to. */
export class WrongUserError extends RolecallError {
  readonly code = 'WRONG_USER';
  constructor() {
    super('This invitation is for another e-mail address: sign in as that user, or sign out to create an account.');
  }
}

export class InUseError extends RolecallError {
  readonly code = 'IN_USE';
  constructor(
    message: string,
    readonly usedBy: string[],
  ) {
    super(message);
  }
}

/** PostgreSQL refused (or could not be reached); `sqlstate` says why in PostgreSQL's own terms. */
export class PostgresError extends RolecallError {
  readonly code: string = 'POSTGRES_ERROR';
  constructor(
    message: string,
    readonly sqlstate: string | null,
    readonly detail: string | null = null,
  ) {
    super(message);
  }
}

export class ServerUnavailableError extends PostgresError {
  override readonly code = 'SERVER_UNAVAILABLE';
}
export class AuthenticationFailedError extends PostgresError {
  override readonly code = 'AUTHENTICATION_FAILED';
}
export class DatabaseDoesNotExistError extends PostgresError {
  override readonly code = 'DATABASE_DOES_NOT_EXIST';
}
export class PermissionDeniedError extends PostgresError {
  override readonly code = 'PERMISSION_DENIED';
}
export class UndefinedObjectError extends PostgresError {
  override readonly code = 'UNDEFINED_OBJECT';
}
export class DuplicateObjectError extends PostgresError {
  override readonly code = 'DUPLICATE_OBJECT';
}
export class DependentObjectsError extends PostgresError {
  override readonly code = 'DEPENDENT_OBJECTS';
}
export class InvalidGrantError extends PostgresError {
  override readonly code = 'INVALID_GRANT';
}
export class InvalidNameError extends PostgresError {
  override readonly code = 'INVALID_NAME';
}
export class ObjectInUseError extends PostgresError {
  override readonly code = 'OBJECT_IN_USE';
}
/** Another session changed the same catalog row at the same moment; the whole change was rolled back. */
export class ConcurrentChangeError extends PostgresError {
  override readonly code = 'CONCURRENT_CHANGE';
}

export type TlsFailure =
  | 'SERVER_WITHOUT_TLS'
  | 'TLS_REQUIRED_BY_SERVER'
  | 'UNTRUSTED_CERTIFICATE'
  | 'HOST_NAME_MISMATCH'
  | 'CERTIFICATE_NOT_VALID_NOW'
  | 'HANDSHAKE_FAILED';

const TLS_FAILURE_MESSAGES: Record<TlsFailure, string> = {
  SERVER_WITHOUT_TLS: 'The server does not accept TLS connections; choose the TLS mode DISABLE, or turn ssl on there.',
  TLS_REQUIRED_BY_SERVER: 'The server accepts only TLS connections from here; choose a TLS mode other than DISABLE.',
  UNTRUSTED_CERTIFICATE:
    "The server's certificate is not signed by the CA certificate given (or, without one, by a CA Node trusts).",
  HOST_NAME_MISMATCH:
    "The server's certificate does not name the host connected to; connect by a name it covers, or use VERIFY_CA.",
  CERTIFICATE_NOT_VALID_NOW: "The server's certificate (or its CA's) has expired or is not valid yet.",
  HANDSHAKE_FAILED: 'The TLS handshake with the server failed.',
};

/** A TLS connection to a PostgreSQL server could not be made as its TLS settings require; nothing was sent. */
export class TlsError extends RolecallError {
  readonly code = 'TLS_FAILED';
  constructor(readonly reason: TlsFailure) {
    super(TLS_FAILURE_MESSAGES[reason]);
  }
}

const TLS_FAILURES_BY_CODE: Record<string, TlsFailure> = {
  ERR_TLS_CERT_ALTNAME_INVALID: 'HOST_NAME_MISMATCH',
  CERT_HAS_EXPIRED: 'CERTIFICATE_NOT_VALID_NOW',
  CERT_NOT_YET_VALID: 'CERTIFICATE_NOT_VALID_NOW',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'UNTRUSTED_CERTIFICATE',
  UNABLE_TO_GET_ISSUER_CERT: 'UNTRUSTED_CERTIFICATE',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'UNTRUSTED_CERTIFICATE',
  SELF_SIGNED_CERT_IN_CHAIN: 'UNTRUSTED_CERTIFICATE',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'UNTRUSTED_CERTIFICATE',
  CERT_SIGNATURE_FAILURE: 'UNTRUSTED_CERTIFICATE',
  CERT_UNTRUSTED: 'UNTRUSTED_CERTIFICATE',
  CERT_REJECTED: 'UNTRUSTED_CERTIFICATE',
  INVALID_CA: 'UNTRUSTED_CERTIFICATE',
};

/** What went wrong with TLS, from Node's certificate checks, `pg`'s SSLRequest and PostgreSQL's pg_hba.conf. */
function tlsFailure(error: DriverError): TlsFailure | null {
  const code = error.code ?? '';
  const message = error.message ?? '';
  if (TLS_FAILURES_BY_CODE[code]) return TLS_FAILURES_BY_CODE[code];
  if (message === 'The server does not support SSL connections') return 'SERVER_WITHOUT_TLS';
  if (message === 'There was an error establishing an SSL connection' || code.startsWith('ERR_SSL_'))
    return 'HANDSHAKE_FAILED';
  // pg_hba.conf has only `hostssl` lines for this client: PostgreSQL ends its message with "no encryption".
  if (code === '28000' && /no encryption$/.test(message)) return 'TLS_REQUIRED_BY_SERVER';
  return null;
}

type PostgresErrorClass = new (message: string, sqlstate: string | null, detail?: string | null) => PostgresError;

/** SQLSTATE → error class, by exact code first and then by class (the first two characters). */
const BY_SQLSTATE: Record<string, PostgresErrorClass> = {
  '28P01': AuthenticationFailedError,
  '28000': AuthenticationFailedError,
  '3D000': DatabaseDoesNotExistError,
  '42501': PermissionDeniedError,
  '42704': UndefinedObjectError,
  '42P01': UndefinedObjectError,
  '3F000': UndefinedObjectError,
  '42710': DuplicateObjectError,
  '42P06': DuplicateObjectError,
  '42P07': DuplicateObjectError,
  '2BP01': DependentObjectsError,
  '0LP01': InvalidGrantError,
  '42602': InvalidNameError,
  '42939': InvalidNameError,
  '42622': InvalidNameError,
  '55006': ObjectInUseError,
  '40001': ConcurrentChangeError,
  '40P01': ConcurrentChangeError,
  '57P01': ServerUnavailableError,
  '57P02': ServerUnavailableError,
  '57P03': ServerUnavailableError,
  '53300': ServerUnavailableError,
};
const BY_CLASS: Record<string, PostgresErrorClass> = { '08': ServerUnavailableError, '28': AuthenticationFailedError };

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

interface DriverError {
  code?: string;
  message?: string;
  detail?: string;
}

function isNetworkFailure(error: DriverError): boolean {
  if (error.code && NETWORK_CODES.has(error.code)) return true;
  const message = error.message ?? '';
  return /timeout|Connection terminated|connection is closed|Client was closed|not queryable/i.test(message);
}

/**
 * Two GRANTs (or ALTERs) racing on one catalog row: PostgreSQL reports the loser as an internal error (XX000) rather
 * than a serialization failure, though nothing is wrong but the timing.
 */
function isConcurrentCatalogUpdate(code: string, message = ''): boolean {
  return code === 'XX000' && /tuple concurrently (updated|deleted)/.test(message);
}

/**
 * PostgreSQL 16+ reports a GRANT or REVOKE of a role whose ADMIN OPTION the session holds only through a membership
 * without INHERIT as an internal error (XX000); it is a refusal of the role's rights.
 */
function isMissingGrantor(code: string, message = ''): boolean {
  return code === 'XX000' && message === 'no possible grantors';
}

/** Turns what `pg` throws into a typed error; anything unrecognised is returned unchanged (and later masked). */
export function fromPostgres(error: unknown): unknown {
  if (error instanceof RolecallError || typeof error !== 'object' || error === null) return error;
  const driverError = error as DriverError;
  const code = driverError.code ?? '';
  const tls = tlsFailure(driverError);
  if (tls) return new TlsError(tls);
  if (isConcurrentCatalogUpdate(code, driverError.message)) {
    return new ConcurrentChangeError(
      'Another session changed this object at the same moment, so nothing was applied; try again.',
      code,
      driverError.message ?? null,
    );
  }
  if (isMissingGrantor(code, driverError.message)) {
    return new PermissionDeniedError(
      'Your role holds ADMIN OPTION on this role only through a membership without INHERIT, so PostgreSQL finds no grantor.',
      code,
      null,
    );
  }
  if (/^[0-9A-Z]{5}$/.test(code)) {
    const ErrorClass = BY_SQLSTATE[code] ?? BY_CLASS[code.slice(0, 2)] ?? PostgresError;
    return new ErrorClass(driverError.message ?? 'PostgreSQL refused.', code, driverError.detail ?? null);
  }
  if (isNetworkFailure(driverError)) {
    return new ServerUnavailableError(
      `The PostgreSQL server could not be reached (${driverError.code ?? driverError.message}).`,
      null,
    );
  }
  return error;
}
