// The on-time rate reads a period as its whole months (counts per month) and the days before and after them (counts
// per day): for every period between two days over two years, the months and the days cover each day of the period
// once, and no day outside it.
import { describe, expect, it } from 'vitest';
import { wholeMonths } from '../../api/services/figures.js';
import { addDays, daysBetween } from '../../schema/values/dates.js';

describe('a period as whole months and the days at its ends', () => {
  it('covers every day of the period exactly once', () => {
    const first = '2025-12-25';
    const days = Array.from({ length: 430 }, (_, i) => addDays(first, i));
    const wrong: string[] = [];
    // Every start within the first 40 days (month ends, a year end) with every end after it.
    for (const from of days.slice(0, 40))
      for (const to of days.filter((d) => d >= from)) {
        const m = wholeMonths({ from, to });
        const read = days.filter(
          (d) => (d >= from && d < m.from) || (d >= m.until && d <= to) || (d >= m.from && d < m.until),
        );
        const ok =
          m.from <= m.until &&
          read.length === daysBetween(from, to) + 1 &&
          read[0] === from &&
          read.at(-1) === to &&
          // The months read are whole: each begins on a first day and the period holds all of their days.
          (m.from === m.until ||
            (m.from.endsWith('-01') &&
              m.until.endsWith('-01') &&
              m.from >= from &&
              addDays(m.until, -1) <= to));
        if (!ok) wrong.push(`${from}…${to}: ${JSON.stringify(m)}`);
      }
    expect(wrong).toEqual([]);
  });

  it('a period of whole months is all months; one inside a month is all days', () => {
    expect(wholeMonths({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      from: '2026-01-01',
      until: '2027-01-01',
    });
    expect(wholeMonths({ from: '2025-12-03', to: '2026-12-03' })).toEqual({
      from: '2026-01-01',
      until: '2026-12-01',
    });
    expect(wholeMonths({ from: '2026-02-01', to: '2026-02-28' })).toEqual({
      from: '2026-02-01',
      until: '2026-03-01',
    });
    expect(wholeMonths({ from: '2024-02-01', to: '2024-02-28' })).toEqual({
      from: '2024-02-29',
      until: '2024-02-29',
    });
    expect(wholeMonths({ from: '2026-01-15', to: '2026-02-10' })).toEqual({
      from: '2026-02-11',
      until: '2026-02-11',
    });
    expect(wholeMonths({ from: '2026-03-15', to: '2026-03-15' })).toEqual({
      from: '2026-03-16',
      until: '2026-03-16',
    });
  });
});
