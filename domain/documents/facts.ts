// What a document is made of: the case as its projection and its audit trail hold it. Documents are generated
// from recorded facts only, never typed twice; nothing here knows a reporter's identity (it is not in the trail).
import type { Respondent } from '../../schema/case.js';

export interface Step {
  seq: number;
  /** ISO timestamp of the recording. */
  at: string;
  /** The China date of `at`. */
  on: string;
  actorId: string;
  action: string;
  details: Record<string, unknown>;
}

export interface Person {
  name: string;
  certificateNo: string | null;
}

export interface EvidenceItem {
  id: string;
  type: string;
  description: string;
  collectedAt: string;
  place: string;
  collectedBy: string[];
}

export interface CaseFacts {
  number: string;
  unit: { id: string; code: string; name: string; parentName: string | null };
  stage: string;
  status: string;
  source: string;
  respondent: Respondent;
  summary: string;
  discoveredOn: string;
  createdAt: string;
  createdBy: string;
  /** The audit trail, in order. */
  steps: Step[];
  evidence: EvidenceItem[];
  /** People named by the trail, by user id. */
  people: Record<string, Person>;
  /** Numbers of documents already issued, by document id (a service receipt names the document it proves). */
  issued: Record<string, { number: string; title: string }>;
}

/** A person's name (or the id, for someone no longer in the directory). */
export const nameOf = (f: CaseFacts, id: string | undefined): string =>
  id ? (f.people[id]?.name ?? id) : '';
/** Names with their certificate numbers: "王敏（执法证号 ZF-1）、李强（…）". */
export const officersOf = (f: CaseFacts, ids: readonly string[]): string =>
  ids
    .map((id) => {
      const p = f.people[id];
      return p?.certificateNo ? `${p.name}（执法证号 ${p.certificateNo}）` : (p?.name ?? id);
    })
    .join('、');

export const stepsOf = (f: CaseFacts, ...actions: string[]): Step[] =>
  f.steps.filter((s) => actions.includes(s.action));
export const lastOf = (f: CaseFacts, ...actions: string[]): Step | undefined => stepsOf(f, ...actions).at(-1);
/** The last step of `actions` recorded before step `seq`. */
export const lastBefore = (f: CaseFacts, seq: number, ...actions: string[]): Step | undefined =>
  f.steps.filter((s) => s.seq < seq && actions.includes(s.action)).at(-1);
/** The first step of `actions` recorded after step `seq`. */
export const firstAfter = (f: CaseFacts, seq: number, ...actions: string[]): Step | undefined =>
  f.steps.find((s) => s.seq > seq && actions.includes(s.action));
