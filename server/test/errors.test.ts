import { describe, expect, it } from 'vitest';
import {
  ConcurrentChangeError,
  fromPostgres,
  PermissionDeniedError,
  PostgresError,
  ServerUnavailableError,
} from '../src/errors.js';

describe("PostgreSQL's errors as typed errors", () => {
  it('a race on one catalog row ("tuple concurrently updated", XX000) is a ConcurrentChangeError', () => {
    const error = fromPostgres({ code: 'XX000', message: 'tuple concurrently updated' });
    expect(error).toBeInstanceOf(ConcurrentChangeError);
    expect((error as ConcurrentChangeError).sqlstate).toBe('XX000');
  });

  it('serialization failures and deadlocks are ConcurrentChangeErrors too', () => {
    expect(fromPostgres({ code: '40001', message: 'could not serialize access' })).toBeInstanceOf(
      ConcurrentChangeError,
    );
    expect(fromPostgres({ code: '40P01', message: 'deadlock detected' })).toBeInstanceOf(ConcurrentChangeError);
  });

  it('other internal errors stay generic PostgresErrors with their SQLSTATE', () => {
    const error = fromPostgres({ code: 'XX000', message: 'cache lookup failed for relation 1' });
    expect(error?.constructor).toBe(PostgresError);
    expect((error as PostgresError).sqlstate).toBe('XX000');
  });

  it('maps by exact SQLSTATE, then by class, and network failures without one', () => {
    expect(fromPostgres({ code: '42501', message: 'permission denied' })).toBeInstanceOf(PermissionDeniedError);
    expect(fromPostgres({ code: '08006', message: 'connection failure' })).toBeInstanceOf(ServerUnavailableError);
    expect(fromPostgres({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' })).toBeInstanceOf(
      ServerUnavailableError,
    );
  });
});
