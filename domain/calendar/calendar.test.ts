// Counting days (docs/rules.md): WD follow the State Council schedule with make-up workdays; the event day is not
// counted; a last day that is not a working day moves on only for a party's period.
import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import {
  addCalendarDays,
  addMonths,
  countPeriod,
  addWorkingDays,
  dayInfo,
  isWorkingDay,
  workingDaysBefore,
  workingDaysBetween,
} from './calendar.js';
import { addDays, isIsoDate, weekday } from '../../schema/values/dates.js';
import { expandRanges, mergeCalendar, sliceCalendar } from './sources.js';

const cal = builtinCalendar();
const days = (from: string, to: string) => expandRanges([{ from, to, name: '' }]).map((d) => d.date);

// The State Council notices, item by item: holidays (放假调休) and make-up workdays (上班).
const NOTICES = {
  2025: {
    notice: '国办发明电〔2024〕12号, 2024-11-12',
    items: {
      元旦: { off: days('2025-01-01', '2025-01-01'), work: [] },
      春节: { off: days('2025-01-28', '2025-02-04'), work: ['2025-01-26', '2025-02-08'] },
      清明节: { off: days('2025-04-04', '2025-04-06'), work: [] },
      劳动节: { off: days('2025-05-01', '2025-05-05'), work: ['2025-04-27'] },
      端午节: { off: days('2025-05-31', '2025-06-02'), work: [] },
      '国庆节、中秋节': { off: days('2025-10-01', '2025-10-08'), work: ['2025-09-28', '2025-10-11'] },
    },
  },
  2026: {
    notice: '国办发明电〔2025〕7号, 2025-11-04',
    items: {
      元旦: { off: days('2026-01-01', '2026-01-03'), work: ['2026-01-04'] },
      春节: { off: days('2026-02-15', '2026-02-23'), work: ['2026-02-14', '2026-02-28'] },
      清明节: { off: days('2026-04-04', '2026-04-06'), work: [] },
      劳动节: { off: days('2026-05-01', '2026-05-05'), work: ['2026-05-09'] },
      端午节: { off: days('2026-06-19', '2026-06-21'), work: [] },
      中秋节: { off: days('2026-09-25', '2026-09-27'), work: [] },
      国庆节: { off: days('2026-10-01', '2026-10-07'), work: ['2026-09-20', '2026-10-10'] },
    },
  },
} as const;

for (const [year, { notice, items }] of Object.entries(NOTICES)) {
  describe(`the ${year} schedule (${notice})`, () => {
    for (const [name, { off, work }] of Object.entries(items)) {
      it(`${name}: ${off[0]}–${off.at(-1)} off${work.length ? `, ${work.join(' and ')} worked` : ''}`, () => {
        for (const d of off)
          expect(dayInfo(cal, d), d).toMatchObject({ working: false, kind: 'holiday', provisional: false });
        for (const d of work) {
          expect([0, 6]).toContain(weekday(d));
          expect(dayInfo(cal, d), d).toMatchObject({ working: true, kind: 'makeup-workday' });
        }
      });
    }
    it(`has no other holiday or make-up day in ${year}`, () => {
      const all = Object.values(items);
      const off = new Set<string>(all.flatMap((x) => x.off));
      const work = new Set<string>(all.flatMap((x) => [...x.work]));
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
        const weekend = [0, 6].includes(weekday(d));
        expect(isWorkingDay(cal, d), d).toBe(work.has(d) || (!weekend && !off.has(d)));
      }
    });
  });
}

describe('adding working days', () => {
  it('does not count the event day', () => {
    expect(addWorkingDays(cal, '2026-11-23', 1).due).toBe('2026-11-24'); // Mon → Tue
    expect(addWorkingDays(cal, '2026-11-20', 1).due).toBe('2026-11-23'); // Fri → Mon
  });
  it('counts 15 WD of the filing period across weekends (docs/rules.md)', () => {
    expect(addWorkingDays(cal, '2026-11-20', 15).due).toBe('2026-12-11');
  });
  it('skips the National Day week and counts the make-up Saturday', () => {
    const r = addWorkingDays(cal, '2026-09-28', 5);
    expect(r.due).toBe('2026-10-10');
    expect(r.notes.filter((n) => n.why === 'holiday')).toHaveLength(7);
    expect(r.notes.at(-1)).toMatchObject({ date: '2026-10-10', why: 'makeup-workday' });
    expect(r.provisional).toBe(false);
  });
  it('counts the Sunday make-up day before National Day', () => {
    expect(addWorkingDays(cal, '2026-09-18', 1).due).toBe('2026-09-20');
  });
});

describe('adding calendar days', () => {
  it('counts every day and ends on the next working day when the last day is a holiday', () => {
    const r = addCalendarDays(cal, '2026-09-30', 3, { rollOver: true }); // 10-03 is a holiday → 10-08
    expect(r.due).toBe('2026-10-08');
    expect(r.notes.every((n) => n.why === 'rolled-over')).toBe(true);
  });
  it('ends on a weekend make-up workday as it is a working day', () => {
    expect(addCalendarDays(cal, '2026-10-01', 9, { rollOver: true }).due).toBe('2026-10-10');
  });
  it('a party’s 90 CD from 2026-03-02 ends on Sunday 05-31 and moves to Monday', () => {
    expect(addCalendarDays(cal, '2026-03-02', 90, { rollOver: true }).due).toBe('2026-06-01');
  });
  it('an agency’s maximum stays on its last day, holiday or not: a seizure from 2026-09-03 ends 10-03', () => {
    const r = addCalendarDays(cal, '2026-09-03', 30, { rollOver: false });
    expect(r.due).toBe('2026-10-03');
    expect(r.notes).toEqual([]);
    expect(addCalendarDays(cal, '2026-09-03', 30, { rollOver: true }).due).toBe('2026-10-08');
  });
});

describe('adding months', () => {
  it('ends on the corresponding day, or the last day of a shorter month (民法典第二百零二条)', () => {
    expect(addMonths('2026-03-15', 6)).toBe('2026-09-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-12-10', 1)).toBe('2027-01-10');
  });
  it('a party’s months roll over a holiday; an agency’s do not', () => {
    // 2026-04-03 + 6 months = 2026-10-03, inside the National Day holiday.
    expect(countPeriod(cal, '2026-04-03', 6, 'M', { rollOver: true }).due).toBe('2026-10-08');
    expect(countPeriod(cal, '2026-04-03', 6, 'M', { rollOver: false }).due).toBe('2026-10-03');
  });
});

describe('a year without an official schedule', () => {
  it('falls back to weekends and fixed-date holidays and marks the answer provisional', () => {
    expect(dayInfo(cal, '2027-01-01')).toMatchObject({ working: false, kind: 'holiday', provisional: true });
    expect(dayInfo(cal, '2027-10-02')).toMatchObject({ working: false, provisional: true });
    expect(dayInfo(cal, '2027-03-03')).toMatchObject({ working: true, provisional: true });
    const r = addWorkingDays(cal, '2026-12-28', 5);
    expect(r.due).toBe('2027-01-05');
    expect(r.provisional).toBe(true);
    expect(addWorkingDays(cal, '2026-12-01', 5).provisional).toBe(false);
  });
  it('becomes official when an administrator loads it', () => {
    const loaded = mergeCalendar(cal, {
      years: [{ year: 2027, source: 'test notice' }],
      days: expandRanges([{ from: '2027-01-01', to: '2027-01-03', name: '元旦' }]).map((d) => ({
        ...d,
        kind: 'HOLIDAY' as const,
      })),
    });
    expect(dayInfo(loaded, '2027-01-01')).toMatchObject({ working: false, provisional: false, name: '元旦' });
    expect(dayInfo(loaded, '2027-10-02')).toMatchObject({
      working: false,
      kind: 'weekend',
      provisional: false,
    });
    expect(dayInfo(loaded, '2027-10-01')).toMatchObject({ working: true, provisional: false });
  });
  it('takes corrections: NORMAL removes a built-in entry', () => {
    const fixed = mergeCalendar(cal, {
      years: [],
      days: [{ date: '2026-10-10', kind: 'NORMAL', name: 'correction' }],
    });
    expect(isWorkingDay(fixed, '2026-10-10')).toBe(false);
  });
});

describe('helpers', () => {
  it('counts working days between dates and finds the working day N days before', () => {
    expect(workingDaysBetween(cal, '2026-11-20', '2026-12-11')).toBe(15);
    expect(workingDaysBefore(cal, '2026-12-11', 3)).toBe('2026-12-08');
    expect(workingDaysBefore(cal, '2026-10-12', 1)).toBe('2026-10-10');
  });
  it('validates ISO dates strictly', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    for (const bad of ['2026-02-29', '2026-2-3', '20260203', '2026-13-01', '', '2026-02-03T00:00'])
      expect(isIsoDate(bad), bad).toBe(false);
  });
  it('slices the years a workflow needs', () => {
    const s = sliceCalendar(cal, 2026, 2026);
    expect(Object.keys(s.officialYears)).toEqual(['2026']);
    expect(Object.keys(s.holidays).every((d) => d.startsWith('2026'))).toBe(true);
  });
});
