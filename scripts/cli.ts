// `tiean` — the operators' command line.
import { Command, CommanderError } from 'commander';
import { readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { ZodType } from 'zod';
import { builtinCalendar } from '../services/calendar/builtin.js';
import { calendarFromDb } from '../services/calendar/load.js';
import { verifyChain } from '../services/audit-hash.js';
import {
  countPeriod,
  dayInfo,
  explainNotes,
  periodLine,
  PROVISIONAL_LINE,
  startLine,
  type CalendarData,
} from '../domain/calendar/calendar.js';
import { chinaInstant, isIsoDate } from '../schema/values/dates.js';
import { findPeriod, PERIODS, periodDue } from '../domain/rules/catalogue.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import { createDb, migrateDeploy, reachable, type Db } from '../platform/db.js';
import { readMailbox } from '../platform/smtp-server.js';
import { CalendarYearFileSchema } from '../schema/calendar.js';
import type { Running } from './components.js';
import { seedDemo } from './seed.js';

/** The largest file an administrator hands in (a calendar year, a rule pack): far above any real one. */
const MAX_INPUT_BYTES = 1024 * 1024;

/** A user error: printed on stderr in Chinese and English, exit code 2, nothing changed. */
class UsageError extends Error {}
const fail = (zh: string, en: string): never => {
  throw new UsageError(`错误：${zh}\nerror: ${en}`);
};

/** A JSON file an administrator hands in, validated: a clear message per problem, and nothing done otherwise. */
function readJsonFile<T>(file: string, schema: ZodType<T>, invalid: { zh: string; en: string }): T {
  const full = path.resolve(file);
  let st: Stats;
  try {
    st = statSync(full);
  } catch (err) {
    return fail(`无法读取文件「${file}」`, `cannot read "${file}": ${(err as NodeJS.ErrnoException).code}`);
  }
  if (!st.isFile()) return fail(`「${file}」不是普通文件`, `"${file}" is not a regular file`);
  if (st.size > MAX_INPUT_BYTES)
    return fail(`文件「${file}」过大（上限 1 MiB）`, `"${file}" is too large (at most 1 MiB)`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(full, 'utf8'));
  } catch {
    // The parser's message quotes the file's first bytes: never echoed (the file may be anything).
    return fail(`文件「${file}」不是有效的 JSON`, `"${file}" is not valid JSON`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    return fail(
      `${invalid.zh}：\n` +
        parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`).join('\n'),
      `${invalid.en} (see above)`,
    );
  return parsed.data;
}

function parseDate(s: string): string {
  if (!isIsoDate(s))
    fail(`日期无效「${s}」，格式应为 YYYY-MM-DD`, `invalid date "${s}": expected YYYY-MM-DD`);
  return s;
}

function config() {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(config().database.url, 2);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

/** The calendar as the engine sees it: built-in data plus the database's overrides when the database is up. */
async function currentCalendar(): Promise<CalendarData> {
  if (!(await reachable(config().database.url))) {
    process.stderr.write(
      '（数据库不可用，仅使用内置节假日数据 / database unreachable: built-in holiday data only）\n',
    );
    return builtinCalendar();
  }
  return withDb(calendarFromDb);
}

async function runUntilSignal(parts: Running[]) {
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  for (const p of parts.reverse()) await p.stop();
}

export function buildCli(): Command {
  const program = new Command('tiean')
    .description("铁案 Tie'an — operators' command line")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  const calendar = program
    .command('calendar')
    .description('节假日与期限计算 holiday calendar and period arithmetic');
  calendar
    .command('add <date> <n>')
    .description(
      '期满日：事件日后 N 个工作日/自然日 the due date N days after an event (the event day is not counted)',
    )
    .option('--unit <unit>', 'wd (working days) or cd (calendar days)', 'wd')
    .option(
      '--no-roll-over',
      '期满日遇节假日不顺延（机关一方的最长期限）a last day on a holiday stays (an agency’s maximum)',
    )
    .action(async (date: string, n: string, opts: { unit: string; rollOver: boolean }) => {
      parseDate(date);
      if (!/^\d+$/.test(n) || Number(n) > 100_000)
        fail(`天数无效「${n}」，应为非负整数`, `invalid number of days "${n}": expected a whole number ≥ 0`);
      const unit = opts.unit.toLowerCase();
      if (unit !== 'wd' && unit !== 'cd')
        fail(`单位无效「${opts.unit}」，应为 wd 或 cd`, `unknown unit "${opts.unit}": use wd or cd`);
      const u = unit === 'wd' ? 'WD' : 'CD';
      const r = countPeriod(await currentCalendar(), date, Number(n), u, { rollOver: opts.rollOver });
      console.log(r.due);
      const lines = [
        startLine(date),
        periodLine(Number(n), u),
        ...explainNotes(r.notes),
        `期满 due: ${r.due}`,
      ];
      if (r.provisional) lines.push(PROVISIONAL_LINE);
      console.log(lines.join('\n'));
    });
  calendar
    .command('is-workday <date>')
    .description('是否工作日 is this a working day')
    .action(async (date: string) => {
      const info = dayInfo(await currentCalendar(), parseDate(date));
      console.log(info.working ? 'true' : 'false');
    });
  calendar
    .command('load <file>')
    .description(
      "载入某年国务院节假日安排（JSON）并重算所有未结期限 load a year's official schedule and recompute open deadlines",
    )
    .option('--by <user>', 'who loads it (recorded)', 'administrator')
    .option('--no-wait', 'start the recomputation and return (follow it in the workbench)')
    .action(async (file: string, opts: { by: string; wait: boolean }) => {
      const data = readJsonFile(file, CalendarYearFileSchema, {
        zh: '节假日安排文件无效',
        en: 'invalid calendar file',
      });
      const { loadCalendarYear, recomputeStatus, startRecompute } =
        await import('../services/calendar-admin.js');
      const { connectClient } = await import('../platform/temporal.js');
      const cfg = config();
      // The engine must answer before the year is written: an outage leaves the calendar as it was.
      const temporal = await connectClient(cfg.temporal);
      try {
        await temporal.workflowService.getSystemInfo({});
        const counts = await withDb((db) => loadCalendarYear(db, data, opts.by));
        console.log(
          `loaded ${data.year}: ${counts.holidays} holidays, ${counts.workdays} make-up workdays (${data.source})`,
        );
        await startRecompute(temporal, cfg.temporal.taskQueue, {
          loadId: `${data.year}-${Date.now().toString(36)}`,
          year: data.year,
          loadedBy: opts.by,
        });
        console.log('重算未结期限 recomputing open deadlines in the background…');
        if (!opts.wait) return;
        for (;;) {
          await new Promise((r) => setTimeout(r, 2000));
          const p = await recomputeStatus(temporal);
          if (!p) continue;
          console.log(`  ${p.casesDone}/${p.cases} open matters, ${p.deadlinesChanged} deadlines moved`);
          if (p.status === 'running') continue;
          console.log(
            `${p.status}: ${p.deadlinesChanged} deadlines in ${p.casesChanged} matters moved` +
              (p.casesNotRecomputed
                ? `; ${p.casesNotRecomputed} did not answer (load the year again): ${p.notRecomputed.join(', ')}`
                : ''),
          );
          if (p.status !== 'done') process.exitCode = 1;
          return;
        }
      } finally {
        await temporal.connection.close();
      }
    });

  const period = program
    .command('period')
    .description('法定期限 statutory periods: what each is and when one is due');
  period
    .command('list')
    .description('列出全部法定期限 every statutory period with its unit, length, roll-over rule and source')
    .action(() => {
      for (const p of PERIODS) {
        const roll = p.unit === 'H' ? 'hours' : p.rollOver ? 'rolls-over' : 'no-roll-over';
        console.log(
          [
            p.id,
            p.unit,
            String(p.length),
            roll,
            p.binds,
            p.confidence,
            `${p.title.zh} ${p.title.en}`,
            p.rule,
          ].join('\t'),
        );
      }
    });
  period
    .command('due <id> <start>')
    .description(
      '期满日 the due date of a period from its event: YYYY-MM-DD, or YYYY-MM-DDTHH:MM (China time) for hour periods',
    )
    .action(async (id: string, start: string) => {
      const p = findPeriod(id);
      if (!p)
        return fail(
          `未知的期限「${id}」，可用 tiean period list 查看`,
          `unknown period "${id}": see tiean period list`,
        );
      let from: string | number;
      if (p.unit === 'H') {
        const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/.exec(start);
        if (!m || !isIsoDate(m[1]))
          return fail(
            `「${id}」按小时计算，起算时间应为 YYYY-MM-DDTHH:MM（北京时间），而不是「${start}」`,
            `"${id}" is counted in hours: start as YYYY-MM-DDTHH:MM (China time), not "${start}"`,
          );
        from = chinaInstant(m[1]!, Number(m[2])) + Number(m[3]) * 60_000;
      } else {
        if (!isIsoDate(start))
          return fail(
            `「${id}」按日计算，起算日应为 YYYY-MM-DD，而不是「${start}」`,
            `"${id}" is counted in days: start as YYYY-MM-DD, not "${start}"`,
          );
        from = start;
      }
      const r = periodDue(await currentCalendar(), p, from);
      console.log(r.due);
      console.log(r.explanation.join('\n'));
    });

  program
    .command('audit')
    .description('审计记录 audit trail')
    .command('verify <caseNumber>')
    .description("校验案件审计链 verify a case's hash chain")
    .action(async (caseNumber: string) => {
      const [rows, matter] = await withDb((db) =>
        Promise.all([
          db.auditEntry.findMany({ where: { caseNumber }, orderBy: { seq: 'asc' } }),
          db.case.findUnique({ where: { number: caseNumber }, select: { auditSeq: true } }),
        ]),
      );
      if (rows.length === 0 && !matter?.auditSeq)
        fail(`案件「${caseNumber}」没有审计记录`, `no audit entries for case "${caseNumber}"`);
      const r = verifyChain(
        rows.map((a) => ({ ...a, at: a.at.toISOString() })),
        matter?.auditSeq ?? 0,
      );
      if (r.ok)
        console.log(`OK: ${r.entries} entries, chain intact (last hash ${rows.at(-1)?.hash.slice(0, 16)}…)`);
      else {
        console.log(`BROKEN at entry ${r.brokenAt}: ${r.reason}`);
        process.exitCode = 1;
      }
    });

  program
    .command('rule-pack')
    .description('规则包 rule packs')
    .command('load <file>')
    .description('载入规则包（JSON），校验后存为新版本 load a rule pack (JSON) as a new version')
    .option('--by <user>', 'who loads it (recorded)', 'administrator')
    .action(async (file: string, opts: { by: string }) => {
      const { RulePackFileSchema } = await import('../schema/rule-pack.js');
      const pack = readJsonFile(file, RulePackFileSchema, { zh: '规则包文件无效', en: 'invalid rule pack' });
      const { loadRulePack } = await import('../services/rule-packs.js');
      const r = await withDb((db) => loadRulePack(db, pack, opts.by)).catch((err: Error) =>
        fail('规则包未载入', `rule pack not loaded: ${err.message}`),
      );
      console.log(
        `loaded ${r!.id}@${r!.version}${r!.resolved ? ` (new cases run under ${r!.resolved.ref})` : ''}`,
      );
    });

  const mail = program.command('mail').description('通知邮件 e-mail');
  mail
    .command('list')
    .description('发件记录 the notification outbox')
    .option('--case <caseNumber>')
    .action(async (opts: { case?: string }) => {
      const rows = await withDb((db) =>
        db.notification.findMany({
          where: opts.case ? { caseNumber: opts.case } : {},
          orderBy: { createdAt: 'asc' },
        }),
      );
      for (const n of rows)
        console.log(
          `${n.createdAt.toISOString()}  ${n.status.padEnd(13)} ${n.recipients.join(',')}  ${n.subject}`,
        );
      if (!rows.length) console.log('(no notifications)');
    });
  mail
    .command('inbox')
    .description('内置 SMTP 服务器收到的邮件 mail received by the embedded SMTP server')
    .action(async () => {
      const msgs = await readMailbox(path.join(config().dataDir, 'mail'));
      for (const m of msgs) console.log(`${m.date ?? '?'}  ${m.to.join(',')}  ${m.subject ?? ''}`);
      if (!msgs.length) console.log('(empty)');
    });

  program
    .command('migrate')
    .description('应用数据库迁移 apply database migrations')
    .action(async () => migrateDeploy(config().database.migrationUrl, (l) => console.log(l)));
  program
    .command('seed')
    .description('写入演示单位和用户 seed the demo units and users')
    .action(async () => console.log(await withDb(seedDemo)));
  program
    .command('worker')
    .description('只运行 worker（连接外部服务） run a worker alone')
    .option('--log-file <file>', '日志写入文件 write the logs to a file (default: standard output)')
    .action(async (o: { logFile?: string }) => {
      const cfg = config();
      const { createLogger, installTemporalLogging } = await import('../platform/log.js');
      const { startWorkerComponent } = await import('./components.js');
      const { tracingSummary } = await import('../platform/tracing.js');
      const log = createLogger('worker', { level: cfg.logLevel, file: o.logFile });
      installTemporalLogging(log, { metricsAddress: cfg.metrics.workerAddress });
      const worker = await startWorkerComponent(cfg, log);
      const traces = tracingSummary(cfg.tracing);
      console.log(
        `worker running on task queue ${cfg.temporal.taskQueue}${cfg.metrics.workerAddress ? ` (metrics http://${cfg.metrics.workerAddress}/metrics)` : ''}${traces ? ` (traces ${traces})` : ''}`,
      );
      await runUntilSignal([worker]);
    });
  program
    .command('api')
    .description('只运行 API run the API alone')
    .option('--log-file <file>', '日志写入文件 write the logs to a file (default: standard output)')
    .action(async (o: { logFile?: string }) => {
      const cfg = config();
      const { createLogger } = await import('../platform/log.js');
      const { startApiComponent } = await import('./components.js');
      const log = createLogger('api', { level: cfg.logLevel, file: o.logFile });
      const api = await startApiComponent(cfg, log);
      const { tracingSummary } = await import('../platform/tracing.js');
      const traces = tracingSummary(cfg.tracing);
      console.log(`API on ${api.url}${traces ? ` (traces ${traces})` : ''}`);
      await runUntilSignal([api]);
    });
  program
    .command('start')
    .description('启动全部组件 start everything (same as npm start)')
    .action(async () => (await import('./start.js')).main());
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`错误 error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
