import { describe, expect, it } from 'vitest';
import { CalendarYearFileSchema } from './calendar.js';

const valid = {
  year: 2027,
  source: '国办发明电〔2026〕X号',
  holidays: [{ from: '2027-10-01', to: '2027-10-07', name: '国庆节' }],
  workdays: [{ date: '2027-09-26', name: '国庆节' }],
};

describe('calendar year file', () => {
  it('accepts a well-formed year', () => {
    expect(CalendarYearFileSchema.safeParse(valid).success).toBe(true);
  });
  it.each([
    ['a make-up workday on a weekday', { workdays: [{ date: '2027-09-27', name: 'x' }] }, 'workdays.0.date'],
    ['a date both off and worked', { workdays: [{ date: '2027-10-02', name: 'x' }] }, 'workdays.0.date'],
    [
      'a range outside the year',
      { holidays: [{ from: '2026-12-31', to: '2027-01-01', name: '元旦' }] },
      'holidays.0',
    ],
    [
      'a range ending before it starts',
      { holidays: [{ from: '2027-10-07', to: '2027-10-01', name: 'x' }] },
      'holidays.0.to',
    ],
    [
      'an impossible date',
      { holidays: [{ from: '2027-02-29', to: '2027-03-01', name: 'x' }] },
      'holidays.0.from',
    ],
    ['an unknown field', { extra: true }, ''],
  ])('rejects %s, naming the field', (_name, patch, path) => {
    const r = CalendarYearFileSchema.safeParse({ ...valid, ...patch });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
