// The timer storm's workflow (`npm run bench -- timer-storm`): one statutory clock per workflow, due at an instant
// the benchmark chooses, with the matter machinery the case phases use (workflows/matter/matter-context.ts). The
// clock is handed to the matter as a phase hands its clocks to the next one (a snapshot in the carried state), so
// it is the production `StatutoryClock` that sleeps on its own durable timer and the production hook that runs
// when it fires: the overdue step projected by the `recordStep` local activity (case row, deadline, audit entry,
// and the supervisors' e-mail as an outbox row in the same statement), the search attributes; the worker's mail
// outbox then sends the e-mail to SMTP.
// An hour period is used because it runs from an instant: its due moment can be put anywhere. It has no warnings
// (day periods warn at 09:00 China time and run out at 00:00 China time, instants the benchmark cannot move).
import { condition, proxyLocalActivities, sleep } from '@temporalio/workflow';
import type { CalendarData } from '../domain/calendar/calendar.js';
import { startClock, type ClockDefinition } from '../domain/clock/clock.js';
import { chinaDateOf } from '../schema/values/dates.js';
import { MatterContext, type MatterRow, type MatterState } from '../workflows/matter/matter-context.js';

export interface StormClockInput {
  number: string;
  unitId: string;
  /** The instant the clock runs out (epoch ms). */
  dueAt: number;
  /** The calendar a matter carries (five years, as the phases carry it). */
  calendar: CalendarData;
}

export interface StormClockResult {
  number: string;
  armedAt: number;
  firedAt: number;
}

export const STORM_CLOCK: ClockDefinition = {
  name: 'storm',
  title: { zh: '基准测试期间', en: 'benchmark period' },
  rule: '基准测试 benchmark',
  unit: 'H',
  length: 1,
};

class StormMatter extends MatterContext {
  stage = 'investigation';

  constructor(
    private readonly input: StormClockInput,
    private readonly armedAt: number,
    carried: MatterState,
  ) {
    super(input.number, input.unitId, [], Number(chinaDateOf(input.dueAt).slice(0, 4)), carried);
  }

  protected row(): MatterRow {
    return {
      number: this.number,
      unitId: this.unitId,
      stage: this.stage,
      status: 'open',
      source: 'own_inspection',
      respondent: { kind: 'organisation', name: '基准测试商贸有限公司', uscc: '91350100M000100Y43' },
      summary: '计时器风暴基准测试 timer-storm benchmark',
      discoveredOn: chinaDateOf(this.input.dueAt - 3_600_000),
      // When this workflow armed its timer: the benchmark checks every clock was armed before the due instant.
      details: { storm: { armedAt: this.armedAt, dueAt: this.input.dueAt } },
      createdBy: 'system',
      createdAt: this.createdAt,
    };
  }

  protected mailHeader(): string[] {
    return [`案件 Case: ${this.number}`, '计时器风暴基准测试 timer-storm benchmark'];
  }
}

export async function stormClock(input: StormClockInput): Promise<StormClockResult> {
  const armedAt = Date.now();
  const startedAt = input.dueAt - STORM_CLOCK.length * 3_600_000;
  const matter = new StormMatter(input, armedAt, {
    seq: 0,
    createdAt: new Date(armedAt).toISOString(),
    clocks: [
      {
        snapshot: {
          state: startClock(STORM_CLOCK, chinaDateOf(startedAt), [], startedAt),
          fired: [],
          holds: [],
        },
        responsible: 'case_officer',
      },
    ],
    projected: {},
    mail: [],
    calendar: input.calendar,
  });
  // The clock runs in the background (as a restored clock does); its overdue step and e-mail are the hook's.
  await condition(() => matter.overdue);
  const firedAt = Date.now();
  await condition(() => matter.settled());
  await matter.finish(matter.today(), '基准测试结束 benchmark over');
  return { number: input.number, armedAt, firedAt };
}

const { stormNoop } = proxyLocalActivities<{ stormNoop(): Promise<number> }>({ startToCloseTimeout: '10s' });

/** The floor the storm is measured against, in the same run: a bare workflow that sleeps on a Temporal timer until
 * the same kind of instant, runs one no-op local activity (where the clock records its step) and ends. What the
 * Temporal server and the SDK alone cost per firing, with nothing of the product's. */
export async function bareTimer(dueAt: number): Promise<void> {
  await sleep(Math.max(1, dueAt - Date.now()));
  await stormNoop();
}
