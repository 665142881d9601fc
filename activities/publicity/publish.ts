// The public text of a decision, written to the public list: generated from the decision itself (never typed
// twice) with personal data redacted, and the reporter's identity in any form, which only this activity reads
// (the workflow holds a reference to the report, never the person). Idempotent: the same version writes once.
import { publicText, assertNoLeak } from '../../domain/case/redaction.js';
import type { Db } from '../../platform/db.js';
import type { Respondent } from '../../schema/case.js';
import type { DecisionOutcome } from '../../schema/decision.js';
import type { IsoDate } from '../../schema/values/dates.js';
import {
  endPublication,
  sha256,
  writePublication,
  type PublicationStatus,
} from '../../services/publications.js';

export interface PublicationContent {
  documentNumber: string;
  decidedOn: IsoDate;
  publishedOn: IsoDate;
  endsOn: IsoDate;
  respondent: Respondent;
  outcome: DecisionOutcome;
  facts: string;
  legalBasis: string;
  correctiveOrder?: string;
  /** The report the case came from: its reporter is redacted from the text. */
  submissionId?: string;
}

export interface PublicationRequest {
  caseNumber: string;
  unitId: string;
  /** The case's publicity version: a write of an older version never overwrites a newer one. */
  version: number;
  status: PublicationStatus;
  /** For "published": what to publish. */
  content?: PublicationContent;
}

export interface PublicationResult {
  textSha256: string;
  respondentShown: string;
  penaltySummary: string;
}

export function publicationActivity(db: Db) {
  return async function publication(req: PublicationRequest): Promise<PublicationResult | null> {
    if (req.status !== 'published') {
      await endPublication(db, req.caseNumber, req.status, req.version);
      return null;
    }
    const c = req.content!;
    const unit = await db.unit.findUniqueOrThrow({ where: { id: req.unitId } });
    const person = c.submissionId
      ? await db.person.findUnique({ where: { submissionId: c.submissionId } })
      : null;
    const reporter = person
      ? {
          name: person.name,
          phone: person.phone ?? undefined,
          email: person.email ?? undefined,
          idNumber: person.idNumber ?? undefined,
          address: person.address ?? undefined,
        }
      : null;
    const made = publicText({
      documentNumber: c.documentNumber,
      unitName: unit.name,
      decidedOn: c.decidedOn,
      respondent: c.respondent,
      outcome: c.outcome,
      facts: c.facts,
      legalBasis: c.legalBasis,
      ...(c.correctiveOrder ? { correctiveOrder: c.correctiveOrder } : {}),
      reporter,
    });
    // The reporter must not appear in any form: a leak stops the publication (the activity fails, the officers
    // see the step retried and the supervisors the overdue publicity) rather than publishing it.
    const leaks = reporter
      ? assertNoLeak(made.text, {
          personNames: [reporter.name],
          literals: [reporter.phone, reporter.email, reporter.idNumber, reporter.address].filter(
            (s): s is string => !!s,
          ),
        })
      : [];
    if (leaks.length) throw new Error(`public text of ${req.caseNumber} still names the reporter`);
    const uscc = 'uscc' in c.respondent && c.respondent.uscc ? c.respondent.uscc : null;
    await writePublication(
      db,
      {
        caseNumber: req.caseNumber,
        unitId: req.unitId,
        documentNumber: c.documentNumber,
        respondent: made.respondentShown,
        uscc,
        penaltySummary: made.penaltySummary,
        decidedOn: c.decidedOn,
        publishedOn: c.publishedOn,
        endsOn: c.endsOn,
        text: made.text,
      },
      req.version,
    );
    return {
      textSha256: sha256(made.text),
      respondentShown: made.respondentShown,
      penaltySummary: made.penaltySummary,
    };
  };
}
