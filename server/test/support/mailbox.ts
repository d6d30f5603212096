import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { secret } from './app.js';

export interface Mail {
  to: string[];
  raw: string;
}

export interface Mailbox {
  /** Every message received, in order. */
  mails: Mail[];
  /** `SMTP_URL` for Rolecall, with credentials only this mailbox accepts. */
  url: string;
  stop(): Promise<void>;
}

/** A real SMTP server on a free loopback port that keeps what it receives, as an operator's relay would accept it. */
export async function startMailbox(): Promise<Mailbox> {
  const password = secret('smtp');
  const mails: Mail[] = [];
  const smtp = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'rolecall' && auth.password === password) return callback(null, { user: 'rolecall' });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        raw += chunk;
      });
      stream.on('end', () => {
        mails.push({ to: (session.envelope.rcptTo || []).map((rcpt) => rcpt.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    mails,
    url: `smtp://rolecall:${password}@127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
