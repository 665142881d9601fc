import { z } from 'zod';
import { isIsoDate } from '../domain/calendar/dates.js';

export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD / a date as YYYY-MM-DD' })
  .meta({ format: 'date', example: '2026-11-20' });
