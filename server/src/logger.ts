import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Field names whose values are secrets wherever they appear in a logged object. */
const SECRET_KEYS = ['password', 'newPassword', 'currentPassword', 'token', 'secret', 'cookie', 'authorization'];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const paths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `req.headers.${key}`]);
  return pino({ level, redact: { paths, censor: '[redacted]' } }, destination);
}
