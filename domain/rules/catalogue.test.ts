import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { chinaInstant } from '../../schema/values/dates.js';
import { findPeriod, PERIODS, periodDue } from './catalogue.js';

const cal = builtinCalendar();
const due = (id: string, start: string | number) => periodDue(cal, findPeriod(id)!, start).due;

describe('the period catalogue', () => {
  it('has one entry per id, each citing its law without internal references', () => {
    const ids = PERIODS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'filing',
      'filing-extension',
      'case',
      'preservation',
      'seizure',
      'seizure-extension',
      'transfer-decision',
      'transfer-handover',
      'complaint-acceptance',
      'mediation',
      'report-feedback',
      'case-review',
      'defence',
      'hearing-notice',
      'service',
      'payment',
      'reconsideration',
      'lawsuit',
      'payment-demand',
      'publicity',
      'publicity-withdrawal',
      'credit-repair-decision',
    ])
      expect(ids).toContain(id);
    for (const p of PERIODS) {
      expect(p.rule).toMatch(/[法定规办]/);
      expect(p.rule).not.toMatch(/RULES\.md|\[sec\]|\[law\]/);
      // A party's period rolls over; an agency's does not.
      expect(p.rollOver).toBe(p.binds === 'party');
    }
  });

  it('a seizure from 2026-09-03 is due 10-03: an agency maximum does not roll over the National Day holiday', () => {
    expect(due('seizure', '2026-09-03')).toBe('2026-10-03');
  });

  it('the 24-hour hand-over approved 2026-09-30 15:00 is due 2026-10-01 15:00', () => {
    expect(due('transfer-handover', chinaInstant('2026-09-30', 15))).toBe('2026-10-01T15:00');
  });

  it('a party’s payment period ending on a holiday moves to the next working day', () => {
    // 15 CD after 2026-09-18 is 2026-10-03 (holiday) → the first working day after the holiday.
    expect(due('payment', '2026-09-18')).toBe('2026-10-08');
    expect(periodDue(cal, findPeriod('payment')!, '2026-09-18').explanation.join('\n')).toContain('顺延');
  });

  it('the lawsuit’s 6 months end on the corresponding day, moved off a holiday', () => {
    expect(due('lawsuit', '2026-04-03')).toBe('2026-10-08');
    expect(due('lawsuit', '2026-03-10')).toBe('2026-09-10');
  });

  it('working-day periods skip the holiday and count make-up days', () => {
    expect(due('report-feedback', '2026-09-28')).toBe('2026-10-10');
  });

  it('refuses a start that does not fit the unit', () => {
    expect(() => periodDue(cal, findPeriod('transfer-handover')!, '2026-09-30')).toThrow(RangeError);
    expect(() => periodDue(cal, findPeriod('seizure')!, 0)).toThrow(RangeError);
  });
});
