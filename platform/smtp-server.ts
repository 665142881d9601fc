// A real SMTP server on loopback for the embedded default and tests: it accepts mail for anyone and keeps each
// message as an .eml file under <data>/mail, where operators (`tiean mail inbox`) and tests read it.
import { simpleParser } from 'mailparser';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface RunningSmtp {
  port: number;
  mailDir: string;
  stop(): Promise<void>;
}

export async function startSmtpServer(opts: {
  port: number;
  mailDir: string;
  host?: string;
  /** Recipients this server refuses permanently (550 5.1.1), as a relay does for an unknown mailbox. */
  rejects?: (address: string) => boolean;
}): Promise<RunningSmtp> {
  mkdirSync(opts.mailDir, { recursive: true });
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: "Tie'an embedded SMTP",
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!opts.rejects?.(address.address)) return callback();
      const err = Object.assign(
        new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`),
        {
          responseCode: 550,
        },
      );
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const name = `${Date.now()}-${process.pid}-${++seq}-${session.id}.eml`;
        try {
          writeFileSync(path.join(opts.mailDir, name), Buffer.concat(chunks));
          callback();
        } catch (err) {
          callback(err as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return { port, mailDir: opts.mailDir, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

export interface StoredMail {
  file: string;
  messageId?: string;
  from?: string;
  to: string[];
  subject?: string;
  date?: string;
  text: string;
}

/** The messages the embedded server received, oldest first. */
export async function readMailbox(mailDir: string): Promise<StoredMail[]> {
  let files: string[];
  try {
    files = readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  files.sort((a, b) => Number(a.split('-')[0]) - Number(b.split('-')[0]) || a.localeCompare(b));
  return Promise.all(
    files.map(async (file) => {
      const m = await simpleParser(readFileSync(path.join(mailDir, file)));
      const to = (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) =>
        a.value.map((v) => v.address ?? ''),
      );
      return {
        file,
        messageId: m.messageId,
        from: m.from?.text,
        to,
        subject: m.subject,
        date: m.date?.toISOString(),
        text: m.text ?? '',
      };
    }),
  );
}
