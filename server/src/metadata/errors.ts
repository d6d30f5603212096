/** Prisma's code for a unique constraint violation (two requests raced to create the same thing). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}
