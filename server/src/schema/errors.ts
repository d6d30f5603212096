import { builder } from '../builder.js';
import {
  AuthenticationFailedError,
  CatalogChangedError,
  ConcurrentChangeError,
  ConflictError,
  DatabaseDoesNotExistError,
  DependentObjectsError,
  DuplicateObjectError,
  ForbiddenError,
  InUseError,
  InvalidCredentialsError,
  InvalidGrantError,
  InvalidNameError,
  InvitationUnusableError,
  LastAdminError,
  NotFoundError,
  NothingChangedError,
  ObjectInUseError,
  PermissionDeniedError,
  PostgresError,
  type RolecallError,
  ServerUnavailableError,
  SetupAlreadyDoneError,
  TlsError,
  TooManyAttemptsError,
  UnauthenticatedError,
  UndefinedObjectError,
  ValidationError,
  WrongUserError,
} from '../errors.js';
import { SecretUnreadableError } from '../secrets/cipher.js';

export const ErrorInterface = builder.interfaceRef<RolecallError>('Error').implement({
  description: 'Every expected failure. `code` is stable; `message` is for people.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code'),
  }),
});

const PostgresFailure = builder.interfaceRef<PostgresError>('PostgresFailure').implement({
  description: 'PostgreSQL refused or could not be reached.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    sqlstate: t.exposeString('sqlstate', { nullable: true, description: 'SQLSTATE, when the server answered.' }),
    detail: t.exposeString('detail', { nullable: true }),
  }),
});

type ErrorClass = abstract new (...args: never[]) => RolecallError;

function plainError(errorClass: ErrorClass, name: string) {
  builder.objectType(errorClass as unknown as typeof ForbiddenError, {
    name,
    interfaces: [ErrorInterface],
    isTypeOf: (value: unknown) => value instanceof errorClass,
  });
}

/** Exact class match: every PostgreSQL error class extends PostgresError, which must not claim its subclasses. */
function postgresError(errorClass: ErrorClass, name: string) {
  builder.objectType(errorClass as unknown as typeof PostgresError, {
    name,
    interfaces: [ErrorInterface, PostgresFailure],
    isTypeOf: (value: unknown) => value instanceof errorClass && value.constructor === errorClass,
  });
}

plainError(UnauthenticatedError, 'UnauthenticatedError');
plainError(ForbiddenError, 'ForbiddenError');
plainError(InvalidCredentialsError, 'InvalidCredentialsError');
plainError(SetupAlreadyDoneError, 'SetupAlreadyDoneError');
plainError(ConflictError, 'ConflictError');
plainError(LastAdminError, 'LastAdminError');
plainError(WrongUserError, 'WrongUserError');
plainError(CatalogChangedError, 'CatalogChangedError');

builder.objectType(NothingChangedError, {
  name: 'NothingChanged',
  description: 'PostgreSQL ran the statements and changed nothing (only a WARNING): no event is recorded.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    dryRun: t.exposeBoolean('dryRun'),
    sql: t.exposeStringList('sql'),
    warnings: t.exposeStringList('warnings', { description: "PostgreSQL's warnings and Rolecall's notes on why." }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ kind: t.exposeString('kind') }),
});
builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString('field') }),
});
builder.objectType(TooManyAttemptsError, {
  name: 'TooManyAttemptsError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});
builder.objectType(InvitationUnusableError, {
  name: 'InvitationUnusableError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    state: t.exposeString('state', { description: 'UNKNOWN, ACCEPTED, REVOKED, EXPIRED or DECLINED.' }),
  }),
});
builder.objectType(SecretUnreadableError, {
  name: 'SecretUnreadableError',
  description: 'A stored role password that does not decrypt; configuring the role again replaces it.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ reason: t.exposeString('reason', { description: 'malformed or unauthenticated.' }) }),
});
builder.objectType(TlsError, {
  name: 'TlsError',
  description: "A connection to a PostgreSQL server failed its TLS settings (the server's or the input's).",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    reason: t.exposeString('reason', {
      description:
        'SERVER_WITHOUT_TLS, TLS_REQUIRED_BY_SERVER, UNTRUSTED_CERTIFICATE, HOST_NAME_MISMATCH, CERTIFICATE_NOT_VALID_NOW or HANDSHAKE_FAILED.',
    }),
  }),
});
builder.objectType(InUseError, {
  name: 'InUseError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ usedBy: t.exposeStringList('usedBy') }),
});

postgresError(PostgresError, 'PostgresError');
postgresError(ServerUnavailableError, 'ServerUnavailableError');
postgresError(AuthenticationFailedError, 'AuthenticationFailedError');
postgresError(DatabaseDoesNotExistError, 'DatabaseDoesNotExistError');
postgresError(PermissionDeniedError, 'PermissionDeniedError');
postgresError(UndefinedObjectError, 'UndefinedObjectError');
postgresError(DuplicateObjectError, 'DuplicateObjectError');
postgresError(DependentObjectsError, 'DependentObjectsError');
postgresError(InvalidGrantError, 'InvalidGrantError');
postgresError(InvalidNameError, 'InvalidNameError');
postgresError(ObjectInUseError, 'ObjectInUseError');
postgresError(ConcurrentChangeError, 'ConcurrentChangeError');

/**
 * PostgreSQL refused (each SQLSTATE Rolecall maps), could not be reached, or refused the login or its TLS: every field
 * that talks to a managed server can meet any of them, since one mapper reads them all.
 */
export const POSTGRES_ERRORS = [
  PostgresError,
  ServerUnavailableError,
  AuthenticationFailedError,
  DatabaseDoesNotExistError,
  PermissionDeniedError,
  UndefinedObjectError,
  DuplicateObjectError,
  DependentObjectsError,
  InvalidGrantError,
  InvalidNameError,
  ObjectInUseError,
  ConcurrentChangeError,
  TlsError,
];

/**
 * Reading or changing a database as the viewer's configured role: signed in, a collaborator there, its stored password
 * readable, and PostgreSQL's verdict.
 */
export const AS_VIEWER_ROLE = [
  UnauthenticatedError,
  ForbiddenError,
  NotFoundError,
  SecretUnreadableError,
  ...POSTGRES_ERRORS,
];
