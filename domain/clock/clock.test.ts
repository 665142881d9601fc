// The statutory clock's arithmetic (docs/rules.md): pauses keep what was left, extensions add, explanations cite.
import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { CASE_DECISION, CASE_EXTENSION_BY_HEAD, FILING_DECISION } from '../rules/periods.js';
import {
  checkExtend,
  checkPause,
  checkResume,
  clockEvents,
  computeClock,
  extendClock,
  nextClockEvent,
  pauseClock,
  resumeClock,
  startClock,
} from './clock.js';

const cal = builtinCalendar();

describe('computeClock', () => {
  it('computes the filing period and explains it with its rule', () => {
    const c = computeClock(cal, startClock(FILING_DECISION, '2026-11-20', [3, 1]));
    expect(c.dueOn).toBe('2026-12-11');
    expect(c.dueAt).toBe(Date.parse('2026-12-12T00:00:00+08:00'));
    expect(c.explanation[0]).toContain('市场监督管理行政处罚程序规定');
    expect(c.explanation).toContain('2026-11-21  周末 weekend');
  });

  it('pauses: no due date while paused, and the days left are kept', () => {
    let s = startClock(FILING_DECISION, '2026-11-20', []);
    s = pauseClock(s, { from: '2026-11-25', reason: '检测 testing', approvedBy: 'head1' });
    const paused = computeClock(cal, s);
    expect(paused.paused).toBe(true);
    expect(paused.dueOn).toBeUndefined();
    expect(paused.remaining).toBe(12); // 11-23, 11-24, 11-25 used
    s = resumeClock(s, '2026-12-04');
    const resumed = computeClock(cal, s);
    // 12 WD after 2026-12-04
    expect(resumed.dueOn).toBe('2026-12-22');
    expect(resumed.explanation.some((l) => l.includes('中止 paused: 2026-11-25 → 2026-12-04'))).toBe(true);
  });

  it('pauses a CD clock by calendar days; the case period, an agency maximum, ends on its last day', () => {
    let s = startClock(CASE_DECISION, '2026-03-02', []);
    expect(computeClock(cal, s).dueOn).toBe('2026-05-31'); // a Sunday: it does not move on
    expect(computeClock(cal, s).explanation).toContain(
      '期满日遇节假日不顺延 a last day on a holiday stays (an agency’s maximum)',
    );
    // A definition recorded before roll-over was per period rolled over, as it did then.
    expect(
      computeClock(cal, startClock({ ...CASE_DECISION, rollOver: undefined }, '2026-03-02', [])).dueOn,
    ).toBe('2026-06-01');
    s = pauseClock(s, { from: '2026-03-10', reason: '听证 hearing', approvedBy: 'head1' });
    s = resumeClock(s, '2026-03-20'); // 10 CD not counted
    expect(computeClock(cal, s).dueOn).toBe('2026-06-10');
  });

  it('extends: +30 CD by the head', () => {
    const s = extendClock(startClock(CASE_DECISION, '2026-03-02', []), {
      days: CASE_EXTENSION_BY_HEAD.days,
      on: '2026-05-01',
      approvedBy: 'head1',
      basis: '复杂',
    });
    const c = computeClock(cal, s);
    expect(c.totalDays).toBe(120);
    expect(c.dueOn).toBe('2026-06-30');
  });

  it('refuses impossible changes', () => {
    const s = startClock(FILING_DECISION, '2026-11-20', []);
    expect(checkResume(s, '2026-11-25')).toEqual({ code: 'CLOCK_NOT_PAUSED' });
    expect(checkPause(s, '2026-11-19')).toMatchObject({ code: 'DATE_BEFORE_START' });
    expect(checkExtend(s, 0)).toMatchObject({ code: 'INVALID_DAYS' });
    const p = pauseClock(s, { from: '2026-11-25', reason: 'x', approvedBy: 'y' });
    expect(checkPause(p, '2026-11-26')).toEqual({ code: 'CLOCK_ALREADY_PAUSED' });
    expect(checkResume(p, '2026-11-24')).toMatchObject({ code: 'DATE_BEFORE_PAUSE' });
  });
});

describe('clock events', () => {
  const s = startClock(FILING_DECISION, '2026-11-20', [3, 1]);
  const events = clockEvents(cal, s, computeClock(cal, s));

  it('warns 3 and 1 WD before the due date at 09:00 China time, then overdue at the end of the due date', () => {
    expect(events.map((e) => [e.kind, new Date(e.at).toISOString()])).toEqual([
      ['warning', '2026-12-08T01:00:00.000Z'],
      ['warning', '2026-12-10T01:00:00.000Z'],
      ['overdue', '2026-12-11T16:00:00.000Z'],
    ]);
  });

  it('sends one warning, the latest, when several are already due, and none once overdue', () => {
    const late = nextClockEvent(events, new Set(), Date.parse('2026-12-10T12:00:00Z'));
    expect(late?.event.daysBefore).toBe(1);
    expect(late?.superseded).toEqual([events[0]!.key]);
    const over = nextClockEvent(events, new Set(), Date.parse('2026-12-12T00:00:00Z'));
    expect(over?.event.kind).toBe('overdue');
    expect(over?.superseded).toHaveLength(2);
    expect(nextClockEvent(events, new Set(events.map((e) => e.key)), Date.now())).toBeUndefined();
  });
});
