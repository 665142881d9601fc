// What a step adds to the bureau's figures (GET /api/figures): a decision with its amounts, an on-the-spot
// decision, a criminal transfer decided or filed by the police, a mediation that ended after it began, a decision
// published and whether within its period. The projection writes it with the step's audit entry, with the
// matter's unit and the day it happened, so a period's figures are read from one narrow index. The migration
// that added the table wrote the same rows for the steps recorded before it (20261204090000_figures).
import type { ClockView } from '../schema/case.js';
import { chinaDateOf } from '../schema/values/dates.js';

export type FigureKind =
  'decision' | 'on_the_spot' | 'transfer_decided' | 'transfer_accepted' | 'mediation' | 'publication';

export interface FigureRow {
  kind: FigureKind;
  /** The day it happened, China time. */
  day: string;
  fineFen: number;
  gainsFen: number;
  propertyFen: number;
  /** A mediation ended with an agreement; a decision published within its period (null: cannot be told). */
  met: boolean | null;
}

interface StepFacts {
  at: string;
  action: string;
  details: Record<string, unknown>;
  case: { details?: Record<string, unknown> };
  deadlines: ClockView[];
}

const none = { fineFen: 0, gainsFen: 0, propertyFen: 0, met: false };
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The sum of the amounts of one kind of penalty in a decision's outcome (fen). */
function amount(outcome: unknown, kind: string): number {
  const penalties = (outcome as { penalties?: unknown } | null)?.penalties;
  if (!Array.isArray(penalties)) return 0;
  return penalties.reduce<number>((sum, p: { kind?: unknown; amountFen?: unknown }) => {
    return sum + (p?.kind === kind && typeof p.amountFen === 'number' ? p.amountFen : 0);
  }, 0);
}

/** The figure a step counts, or null if it counts none. */
export function figureOf(step: StepFacts): FigureRow | null {
  const d = step.details;
  const recordedOn = chinaDateOf(new Date(step.at).getTime());
  switch (step.action) {
    case 'decision.made':
      return {
        ...none,
        kind: 'decision',
        day: recordedOn,
        fineFen: amount(d.outcome, 'fine'),
        gainsFen: amount(d.outcome, 'confiscate_gains'),
        propertyFen: amount(d.outcome, 'confiscate_property'),
      };
    case 'simplified.decided': {
      // An on-the-spot fine is decided in yuan (the simplified procedure's form).
      const p = d.penalty as { kind?: unknown; amount?: unknown } | undefined;
      const yuan = p?.kind === 'fine' && typeof p.amount === 'number' ? p.amount : 0;
      return { ...none, kind: 'on_the_spot', day: recordedOn, fineFen: yuan * 100 };
    }
    case 'transfer.approved':
      return { ...none, kind: 'transfer_decided', day: recordedOn };
    case 'case.transferred_to_police':
      return { ...none, kind: 'transfer_accepted', day: recordedOn };
    case 'mediation.ended': {
      // Only a mediation that began (both parties consented) was attempted; a refusal before it is not.
      const mediation = step.case.details?.mediation as { startedOn?: unknown } | undefined;
      if (!str(mediation?.startedOn)) return null;
      return {
        ...none,
        kind: 'mediation',
        day: str(d.endedOn) ?? recordedOn,
        met: d.outcome === 'agreement',
      };
    }
    case 'publicity.published': {
      // Within the period when the day published is not after the due day of the publicity clock, which stops
      // in this step; without that clock it cannot be told.
      const publishedOn = str(d.publishedOn) ?? recordedOn;
      const dueOn = step.deadlines.find((k) => k.name === 'publicity')?.dueOn;
      return { ...none, kind: 'publication', day: publishedOn, met: dueOn ? publishedOn <= dueOn : null };
    }
    default:
      return null;
  }
}
