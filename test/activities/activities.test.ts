// Activities against real PostgreSQL and a real SMTP server: a retried step or notification changes nothing,
// an SMTP outage delays a notification and loses nothing, and the database refuses to rewrite the audit trail.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import type { StepRecord } from '../../activities/persistence/record-step.js';
import { createMailer } from '../../platform/mailer.js';
import { startSmtpServer } from '../../platform/smtp-server.js';
import { demoEmail } from '../../scripts/seed.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { freePort } from '../helpers/ports.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

let tdb: TestDb;
let smtp: TestSmtp;
beforeAll(async () => {
  [tdb, smtp] = await Promise.all([freshDb(), startTestSmtp()]);
});
afterAll(async () => {
  await tdb?.drop();
  await smtp?.stop();
});

const step = (seq: number, action: string): StepRecord => ({
  caseNumber: 'DC-2026-90001',
  seq,
  at: new Date(Date.UTC(2026, 10, 20, 1, seq)).toISOString(),
  actorId: 'officer1',
  action,
  details: { seq },
  case: {
    number: 'DC-2026-90001',
    unitId: 'dc',
    stage: 'filing',
    status: 'open',
    source: 'media',
    respondent: { kind: 'natural_person', name: '张三' },
    summary: '媒体曝光',
    discoveredOn: '2026-11-20',
    overdue: false,
    nextDueOn: '2026-12-11',
    nextDueAt: '2026-12-11T16:00:00.000Z',
    createdBy: 'officer1',
    createdAt: '2026-11-20T01:00:00.000Z',
  },
  deadlines: [],
  openTasks:
    seq === 1
      ? [
          {
            id: 'DC-2026-90001:decide-filing',
            kind: 'decide-filing',
            role: 'agency_head',
            unitId: 'dc',
            dueOn: '2026-12-11',
          },
        ]
      : [],
});

describe('recordStep', () => {
  it('applies a step once, however often it is retried, and chains the audit entries', async () => {
    const { recordStep } = createActivities({ db: tdb.db, mailer: smtp.mailer });
    const first = await recordStep(step(1, 'clue.registered'));
    const again = await recordStep(step(1, 'clue.registered'));
    expect(first.applied).toBe(true);
    expect(again).toEqual({ applied: false, hash: first.hash });
    await recordStep(step(2, 'filing.extended'));
    const rows = await tdb.db.auditEntry.findMany({
      where: { caseNumber: 'DC-2026-90001' },
      orderBy: { seq: 'asc' },
    });
    expect(rows.map((r) => r.seq)).toEqual([1, 2]);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(await tdb.db.task.count({ where: { caseNumber: 'DC-2026-90001' } })).toBe(1);
  });

  it('the database refuses to change, delete or truncate an audit entry; the case row anchors the chain', async () => {
    await expect(tdb.db.auditEntry.updateMany({ data: { action: 'forged' } })).rejects.toThrow(/append-only/);
    await expect(tdb.db.auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    for (const table of ['AuditEntry', 'SensitiveRead', 'CommandRefusal'])
      await expect(tdb.db.$executeRawUnsafe(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(/append-only/);
    const row = await tdb.db.case.findUniqueOrThrow({ where: { number: 'DC-2026-90001' } });
    expect(row.auditSeq).toBe(2);
  });

  it('the application’s role (not the owner) reads and writes, but cannot truncate, delete the audit trail or change the schema', async () => {
    // A login in the tiean_app role the migrations grant, as the running system's worker and API use.
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    await admin.query(
      `do $$ begin if not exists (select 1 from pg_roles where rolname = 'tiean_test_app') then ` +
        `create role tiean_test_app login password 'test' in role tiean_app; end if; end $$`,
    );
    await admin.end();
    const url = new URL(tdb.url);
    url.username = 'tiean_test_app';
    url.password = 'test';
    const app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
    try {
      expect((await app.query('select count(*) from "AuditEntry"')).rowCount).toBe(1);
      await app.query(`update "Case" set "updatedAt" = now() where number = 'DC-2026-90001'`);
      const refused = async (sql: string) => {
        const e = await app.query(sql).then(
          () => undefined,
          (err: { code?: string }) => err,
        );
        expect(e?.code, sql).toBe('42501'); // insufficient_privilege (not the append-only trigger: no right at all)
      };
      await refused('truncate "Case" cascade');
      await refused('truncate "AuditEntry"');
      await refused('delete from "AuditEntry"');
      await refused('update "SensitiveRead" set purpose = purpose');
      await refused('alter table "AuditEntry" disable trigger all');
      await refused('drop table "Session"');
      await refused('select * from "_prisma_migrations"');
    } finally {
      await app.end();
    }
  });
});

describe('notify', () => {
  const request = (key: string) => ({
    key,
    caseNumber: 'DC-2026-90001',
    kind: 'deadline.overdue',
    audience: { unitId: 'dc', role: 'supervisor' as const },
    subject: `【逾期】${key}`,
    text: '期限已届满',
  });

  it('sends once per key through the real SMTP server', async () => {
    const { notify } = createActivities({ db: tdb.db, mailer: smtp.mailer });
    expect(await notify(request('k-once'))).toMatchObject({
      status: 'sent',
      recipients: [demoEmail('supervisor1')],
    });
    expect(await notify(request('k-once'))).toMatchObject({ status: 'already-sent' });
    const got = await smtp.waitFor((m) => m.some((x) => x.subject === '【逾期】k-once'));
    expect(got.filter((x) => x.subject === '【逾期】k-once')).toHaveLength(1);
  });

  it('walks up the unit tree when a unit has no one in the role', async () => {
    const { notify } = createActivities({ db: tdb.db, mailer: smtp.mailer });
    const r = await notify({ ...request('k-up'), audience: { unitId: 'dc-cg', role: 'supervisor' } });
    expect(r.recipients).toEqual([demoEmail('supervisor1')]);
  });

  it('an SMTP outage fails the attempt (Temporal retries it), keeps the row, and a later attempt sends it once', async () => {
    const port = await freePort();
    const mailer = createMailer(`smtp://127.0.0.1:${port}`, 'noreply@tiean.local');
    const { notify } = createActivities({ db: tdb.db, mailer });
    await expect(notify(request('k-outage'))).rejects.toThrow();
    const pending = await tdb.db.notification.findUniqueOrThrow({ where: { key: 'k-outage' } });
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
    expect(pending.lastError).toBeTruthy();
    const server = await startSmtpServer({ port, mailDir: smtp.mailDir });
    try {
      expect(await notify(request('k-outage'))).toMatchObject({ status: 'sent' });
      const row = await tdb.db.notification.findUniqueOrThrow({ where: { key: 'k-outage' } });
      expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    } finally {
      await server.stop();
      mailer.close();
    }
  });
});
