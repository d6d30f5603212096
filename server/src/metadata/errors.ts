/** Prisma's code for a unique constraint violation (two requests raced to create the same thing). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

/**
 * Prisma's codes for a database it could not reach or lost: DatabaseNotReachable, SocketTimeout, ConnectionClosed,
 * TooManyConnections (its driver adapter's error kinds).
 */
const UNREACHABLE = ['P1001', 'P1008', 'P1017', 'P2037'];

/** A statement sent through node-postgres rather than Prisma (metadata/client.ts) found the database unreachable. */
export class MetadataUnreachableError extends Error {
  constructor(cause: unknown) {
    super(`the metadata database cannot be reached: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'MetadataUnreachableError';
  }
}

/** The metadata database could not be reached, or went away during the request (an outage, a restart). */
export function isMetadataUnreachable(error: unknown): boolean {
  if (error instanceof MetadataUnreachableError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNREACHABLE.includes(code);
}
