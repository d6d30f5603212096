import { z } from 'zod';
import { ValidationError } from '../errors.js';

const Username = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_.@-]+$/u, 'letters, digits, _ . @ - only');
const Email = z.string().trim().toLowerCase().pipe(z.email());
const Password = z.string().min(8, 'at least 8 characters').max(1024);
const Host = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[^\s/]+$/, 'a host name or address');
const Port = z.number().int().min(1).max(65535);
/** Free text kept in the metadata database, whose text columns cannot hold NUL. */
const Text = z
  .string()
  .max(200)
  .refine((value) => !value.includes('\0'), 'must not contain a NUL character');

function check<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const reason = result.error.issues[0]?.message ?? 'invalid';
  throw new ValidationError(field, `${field}: ${reason}.`);
}

export const checkUsername = (value: string) => check(Username, value, 'username');
export const checkEmail = (value: string) => check(Email, value, 'email');
export const checkPassword = (value: string, field = 'password') => check(Password, value, field);
export const checkHost = (value: string) => check(Host, value, 'host');
export const checkPort = (value: number) => check(Port, value, 'port');
export const checkText = (value: string, field: string) => check(Text, value, field);
