// The statutory clock primitive on the time-skipping test server: expiry, pause/resume, extension,
// recomputation after a calendar change, warnings and overdue exactly once (also across a worker restart).
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { workingDaysBefore, type CalendarData } from '../../domain/calendar/calendar.js';
import { chinaDateOf, chinaInstant } from '../../schema/values/dates.js';
import {
  computeClock,
  startClock,
  WARNING_HOUR,
  type ClockDefinition,
  type ClockEvent,
} from '../../domain/clock/clock.js';
import {
  calendarSignal,
  continueAsNewSignal,
  extendSignal,
  pauseSignal,
  resumeSignal,
  viewQuery,
} from '../fixtures/clock-host.workflow.js';
import { eventually } from '../helpers/eventually.js';
import { testWorker, timeSkippingEnv } from '../helpers/temporal.js';

const DAY = 86_400_000;
const def = (length: number): ClockDefinition => ({
  name: 't',
  title: { zh: '测试期限', en: 'test period' },
  rule: 'test',
  unit: 'WD',
  length,
});

let env: TestWorkflowEnvironment;
let calendar: CalendarData;
let events: (ClockEvent & { firedAt: number })[];
let n = 0;

const activities = {
  loadCalendar: async () => calendar,
  clockEvent: async (e: ClockEvent & { firedAt: number }) => {
    events.push(e);
  },
};

beforeAll(async () => {
  env = await timeSkippingEnv();
});
afterAll(async () => {
  await env?.teardown();
});
// A workflow left running with no worker would hold the test server's clock for the next test.
const started: { terminate(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((h) => h.terminate().catch(() => undefined)));
});

async function start(length: number, warnBefore = [3, 1], workerOptions = {}) {
  calendar = builtinCalendar();
  events = [];
  const taskQueue = `clock-${++n}`;
  const worker = await testWorker(env, taskQueue, activities, workerOptions);
  const startedOn = chinaDateOf(await env.currentTimeMs());
  const handle = await env.client.workflow.start('clockHostWorkflow', {
    taskQueue,
    workflowId: `clock-${n}-${Date.now()}`,
    args: [{ def: def(length), startedOn, warnBefore, calendar }],
  });
  started.push(handle);
  return { worker, handle, startedOn, taskQueue };
}

describe('statutory clock (time-skipping server)', () => {
  it('expires: warnings 3 and 1 WD before, then overdue, each once and on time', async () => {
    const { worker, handle, startedOn } = await start(10);
    await worker.runUntil(async () => {
      const expected = computeClock(calendar, startClock(def(10), startedOn, [3, 1]));
      expect((await handle.query(viewQuery)).dueOn).toBe(expected.dueOn);
      await env.sleep(30 * DAY);
      const view = await handle.query(viewQuery);
      expect(view.status).toBe('overdue');
      expect(view.remaining).toBe(0);
    });
    expect(events.map((e) => e.kind + (e.daysBefore ?? ''))).toEqual(['warning3', 'warning1', 'overdue']);
    for (const e of events) {
      expect(e.firedAt).toBeGreaterThanOrEqual(e.at);
      expect(e.firedAt - e.at).toBeLessThan(60_000);
    }
  });

  it('pauses and resumes: the due date moves by exactly the paused working days', async () => {
    const { worker, handle, startedOn } = await start(10, []);
    await worker.runUntil(async () => {
      const before = await handle.query(viewQuery);
      await env.sleep(2 * DAY);
      await handle.signal(pauseSignal, { reason: '检验检测 testing', approvedBy: 'head1' });
      const paused = await handle.query(viewQuery);
      expect(paused.status).toBe('paused');
      expect(paused.dueOn).toBeNull();
      await env.sleep(12 * DAY); // longer than the whole period: nothing may fire while paused
      expect(events).toEqual([]);
      await handle.signal(resumeSignal);
      const resumed = await handle.query(viewQuery);
      const [p] = resumed.pauses;
      const expected = computeClock(calendar, {
        ...startClock(def(10), startedOn, []),
        pauses: [{ from: p!.from, to: p!.to!, reason: 'x', approvedBy: 'x' }],
      });
      expect(resumed.status).toBe('running');
      expect(resumed.dueOn).toBe(expected.dueOn);
      expect(resumed.dueOn! > before.dueOn!).toBe(true);
      // What was left when the pause began is what is left after it ended.
      expect(resumed.remaining).toBe(paused.remaining);
      await env.sleep(30 * DAY);
      expect((await handle.query(viewQuery)).status).toBe('overdue');
    });
    expect(events.filter((e) => e.kind === 'overdue')).toHaveLength(1);
  });

  it('extends: the due date moves, warnings re-arm for the new due date, overdue fires once', async () => {
    const { worker, handle } = await start(5, [1]);
    let dueAfter = '';
    await worker.runUntil(async () => {
      const before = await handle.query(viewQuery);
      await env.sleep(1 * DAY);
      await handle.signal(extendSignal, { days: 5, approvedBy: 'head1', basis: '案情复杂 complex' });
      const after = await handle.query(viewQuery);
      expect(after.extensions).toHaveLength(1);
      expect(after.dueOn! > before.dueOn!).toBe(true);
      dueAfter = after.dueOn!;
      await env.sleep(40 * DAY);
    });
    expect(events.map((e) => `${e.kind}@${e.dueOn}`)).toEqual([`warning@${dueAfter}`, `overdue@${dueAfter}`]);
  });

  it('recomputes when the calendar changes: a new holiday on the due date moves it', async () => {
    const { worker, handle } = await start(10, []);
    await worker.runUntil(async () => {
      const before = await handle.query(viewQuery);
      // An administrator loads the due year's official schedule, with a holiday on the due date.
      calendar = {
        officialYears: { ...calendar.officialYears, [before.dueOn!.slice(0, 4)]: 'test notice' },
        holidays: { ...calendar.holidays, [before.dueOn!]: '测试假日 test holiday' },
        workdays: calendar.workdays,
      };
      await handle.signal(calendarSignal);
      const after = await eventually(async () => {
        const v = await handle.query(viewQuery);
        expect(v.dueOn! > before.dueOn!).toBe(true);
        return v;
      });
      expect(after.explanation.join('\n')).toContain('测试假日');
      expect(after.provisional).toBe(false);
      await env.sleep(40 * DAY);
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.kind).toBe('overdue');
  });

  it('continues as new with its snapshot: the pause, the days left and the fired events carry over', async () => {
    const { worker, handle } = await start(10);
    await worker.runUntil(async () => {
      await env.sleep(2 * DAY);
      await handle.signal(pauseSignal, { reason: '检测 testing', approvedBy: 'head1' });
      const before = await eventually(async () => {
        const v = await handle.query(viewQuery);
        expect(v.status).toBe('paused');
        return v;
      });
      await handle.signal(continueAsNewSignal);
      const latest = env.client.workflow.getHandle(handle.workflowId);
      await eventually(async () =>
        expect((await latest.describe()).runId).not.toBe(handle.firstExecutionRunId),
      );
      const after = await latest.query(viewQuery);
      expect(after).toMatchObject({
        status: 'paused',
        remaining: before.remaining,
        startedOn: before.startedOn,
        pauses: before.pauses,
      });
      await latest.signal(resumeSignal);
      await env.sleep(40 * DAY);
      expect((await latest.query(viewQuery)).status).toBe('overdue');
    });
    expect(events.map((e) => e.kind + (e.daysBefore ?? ''))).toEqual(['warning3', 'warning1', 'overdue']);
  });

  it('continues as new after a warning went out: the warning is not sent again', async () => {
    const { worker, handle } = await start(10);
    await worker.runUntil(async () => {
      const { dueOn } = await handle.query(viewQuery);
      const warning3 = chinaInstant(workingDaysBefore(calendar, dueOn!, 3), 9);
      await env.sleep(warning3 + 3_600_000 - (await env.currentTimeMs()));
      await eventually(async () => expect(events.map((e) => e.kind)).toEqual(['warning']));
      await handle.signal(continueAsNewSignal);
      const latest = env.client.workflow.getHandle(handle.workflowId);
      await eventually(async () =>
        expect((await latest.describe()).runId).not.toBe(handle.firstExecutionRunId),
      );
      await env.sleep(30 * DAY);
      expect((await latest.query(viewQuery)).status).toBe('overdue');
    });
    expect(events.map((e) => e.kind + (e.daysBefore ?? ''))).toEqual(['warning3', 'warning1', 'overdue']);
  });

  it('fires every event exactly once across a worker restart', async () => {
    // No workflow cache (hence no sticky queue): the next worker must rebuild the state from history alone.
    const { worker, handle, taskQueue } = await start(10, [3, 1], { maxCachedWorkflows: 0 });
    await worker.runUntil(async () => {
      const view = await handle.query(viewQuery);
      // One hour after the 3-WD warning, well before the 1-WD one.
      const after3 = chinaInstant(workingDaysBefore(calendar, view.dueOn!, 3), WARNING_HOUR + 1);
      await env.sleep(after3 - (await env.currentTimeMs()));
      await eventually(async () => expect(events).toHaveLength(1));
    });
    expect(events.map((e) => e.kind + (e.daysBefore ?? ''))).toEqual(['warning3']);
    // A new worker (no cache) replays the history and carries on.
    const worker2 = await testWorker(env, taskQueue, activities);
    await worker2.runUntil(async () => {
      await env.sleep(40 * DAY);
      expect((await handle.query(viewQuery)).status).toBe('overdue');
    });
    expect(events.map((e) => e.kind + (e.daysBefore ?? ''))).toEqual(['warning3', 'warning1', 'overdue']);
  });
});
