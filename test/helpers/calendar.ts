// A year's schedule file that differs from what the engine already assumes for that year by exactly one
// extra holiday (the official days off, or the fixed-date holidays of a year without a schedule).
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { dayInfo } from '../../domain/calendar/calendar.js';
import { expandRanges } from '../../domain/calendar/sources.js';
import type { CalendarYearFile } from '../../schema/calendar.js';

export function yearWithExtraHoliday(date: string, name = '临时假日 extra holiday'): CalendarYearFile {
  const year = Number(date.slice(0, 4));
  const cal = builtinCalendar();
  const assumedOff = expandRanges([{ from: `${year}-01-01`, to: `${year}-12-31`, name: '' }])
    .map((d) => dayInfo(cal, d.date))
    .filter((d) => d.kind === 'holiday')
    .map((d) => ({ from: d.date, to: d.date, name: d.name ?? '假日' }));
  return {
    year,
    source: '测试通知 test notice',
    holidays: [...assumedOff, { from: date, to: date, name }],
    workdays: Object.entries(cal.workdays)
      .filter(([d]) => d.startsWith(`${year}-`))
      .map(([d, n]) => ({ date: d, name: n })),
  };
}
