// The workbench's reads: my tasks across cases, the deadline board, the figures (api/routes/supervision.ts).
import { z } from 'zod';
import { IsoDateSchema } from './common.js';

export const MyTaskSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  kind: z.string(),
  title: z.string(),
  role: z.string(),
  unitId: z.string(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  /** Working days from today to the due day (negative: overdue by that many), on the holiday calendar. */
  workingDaysLeft: z.number().int().nullable(),
});

export const BoardQuerySchema = z
  .object({
    /** At risk: due within this many days (default 5). */
    horizonDays: z.coerce.number().int().min(0).max(90).default(5),
    /** One unit of the caller's subtree; default: all of it. */
    unitId: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const BoardSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      caseNumber: z.string(),
      clock: z.string(),
      /** The period's title (null for a clock the catalogue does not name). */
      title: z.object({ zh: z.string(), en: z.string() }).nullable(),
      status: z.string(),
      unitId: z.string(),
      dueOn: z.string().nullable(),
      dueAt: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  byUnit: z.array(z.object({ unitId: z.string(), overdue: z.number(), atRisk: z.number() })),
  /** The officers named on the open tasks of these deadlines' cases (at most 200, the most overdue first). */
  byOfficer: z.array(z.object({ officerId: z.string(), overdue: z.number(), atRisk: z.number() })).max(200),
});

export const FiguresQuerySchema = z
  .object({ from: IsoDateSchema, to: IsoDateSchema, unitId: z.string().max(64).optional() })
  .strict();

const count = z.number().int().min(0);
/** A share between 0 and 1 (four decimals); null when there is nothing to divide by. */
const rate = z.number().min(0).max(1).nullable();

/** One unit's figures for the period. Periods are China time, both days included. Every figure is read by SQL from
 * the projection (case rows, deadlines, submissions, the figure entries written with the steps that count), never
 * from a workflow. */
export const UnitFiguresSchema = z.object({
  unitId: z.string(),
  /** Cases registered in the period (case rows created in it). */
  filed: count,
  /** Of those, the cases closed by now. */
  closed: count,
  /** Decisions made in the period, by the day recorded. A decision annulled and made again counts twice; a remedy
   * that changes it later does not change these. */
  decisions: z.object({
    /** Decisions made: penalty decisions (行政处罚决定, also 不予行政处罚) and on-the-spot decisions (当场处罚). */
    count,
    /** Of which on the spot (简易程序, never published). */
    onTheSpot: count,
    /** Fines imposed (罚款), in fen; an on-the-spot fine, decided in yuan, is counted in fen. */
    fineFen: count,
    /** Illegal gains confiscated (没收违法所得), in fen. */
    confiscatedGainsFen: count,
    /** Illegal property confiscated (没收非法财物), in fen: the value the decision states. */
    confiscatedPropertyFen: count,
  }),
  /** Complaints (投诉) received in the period and the 7 WD to decide on acceptance (CRM 14), from the deadline rows
   * of their acceptance clocks. */
  complaints: z.object({
    /** Complaints received in the period (their acceptance period started on the day received). */
    received: count,
    /** Of those, decided by now: accepted, not accepted, or transferred to the competent office (each ends the
     * acceptance period). */
    decided: count,
    /** Of those decided, decided within the 7 WD: the acceptance clock stopped by its due time. */
    decidedOnTime: count,
  }),
  /** Mediations (调解, CRM 16–21) that ended in the period, by the day they ended. */
  mediation: z.object({
    /** Mediations that began (both parties consented) and ended in the period, however they ended; a party's
     * refusal before one began is not an attempt. */
    attempted: count,
    /** Of those, ended with an agreement (达成调解协议). */
    succeeded: count,
    /** succeeded / attempted. */
    successRate: rate,
  }),
  /** Complaints and reports received through the 12315 platform in the period, counted at the office that holds
   * the submission (a mixed submission counts once for its complaint and once for its report). */
  channel12315: z.object({
    /** Complaints and reports received through 12315 in the period. */
    received: count,
    /** Of those, closed by now: the complaint closed, or the case the report started closed. */
    closed: count,
    /** closed / received. */
    closureRate: rate,
  }),
  /** Decisions published on the public list (行政处罚信息公示) in the period, by the day published. */
  publicity: z.object({
    /** Decisions published in the period (whatever their record's state now: shown, ended, withdrawn). */
    published: count,
    /** Of those, published within the 20 WD (PUB 9, or the rule pack's period): the day published is not after
     * the due day of the case's publicity clock, as the workflow computed it and projected it with the step that
     * published. Null when a publication of the unit in the period came without that clock's deadline row (then
     * whether it was on time cannot be told from the projection). */
    onTime: count.nullable(),
  }),
  /** Transfers of suspected crimes to the police (移送司法机关, TR), by the day recorded. */
  transfers: z.object({
    /** Transfers the principal head decided in the period (决定移送). */
    decided: count,
    /** Cases the police filed in the period, which closed here as transferred (公安机关立案). */
    accepted: count,
  }),
});
export type UnitFigures = z.infer<typeof UnitFiguresSchema>;

export const FiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** One row per unit with any figure in the period, by unit id. */
  byUnit: z.array(UnitFiguresSchema),
  /** Per statutory period (clock), of the caller's units: the clocks stopped in the period, and how many of them
   * stopped by their due time. */
  onTime: z.array(
    z.object({
      clock: z.string(),
      /** Clocks of this period stopped in the period. */
      ended: count,
      /** Of those, stopped by their due time. */
      onTime: count,
    }),
  ),
});
export type Figures = z.infer<typeof FiguresSchema>;
