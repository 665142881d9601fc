// A real SMTP server on loopback for a test file, and a way to wait for the mail it received.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMailer, type Mailer } from '../../platform/mailer.js';
import {
  readMailbox,
  startSmtpServer,
  type RunningSmtp,
  type StoredMail,
} from '../../platform/smtp-server.js';

export interface TestSmtp extends RunningSmtp {
  mailer: Mailer;
  url: string;
  inbox(): Promise<StoredMail[]>;
  waitFor(pred: (m: StoredMail[]) => boolean, timeoutMs?: number): Promise<StoredMail[]>;
}

export async function startTestSmtp(
  opts: { rejects?: (address: string) => boolean } = {},
): Promise<TestSmtp> {
  const mailDir = mkdtempSync(path.join(os.tmpdir(), 'tiean-mail-'));
  const smtp = await startSmtpServer({ port: 0, mailDir, ...opts });
  const url = `smtp://127.0.0.1:${smtp.port}`;
  const inbox = () => readMailbox(mailDir);
  return {
    ...smtp,
    url,
    mailer: createMailer(url, "铁案 Tie'an <noreply@tiean.local>"),
    inbox,
    async waitFor(pred, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = await inbox();
        if (pred(m)) return m;
        if (Date.now() > deadline)
          throw new Error(
            `mail not received in ${timeoutMs} ms; inbox: ${m.map((x) => x.subject).join(' | ')}`,
          );
        await new Promise((r) => setTimeout(r, 200));
      }
    },
  };
}
