// The documents register (文书登记): issuing a document (numbered once, rendered, its SHA-256 chained into the
// case's register), correcting it (a new version with its reason), recording its service, and the case file.
// Each write is one transaction under the case's register lock: the number, the row and its hash, or nothing.
import { createHash } from 'node:crypto';
import { KINDS, documentId } from '../../domain/documents/catalogue.js';
import { d, EVIDENCE_ZH, dateZh, SOURCE_ZH } from '../../domain/documents/common.js';
import type { CaseFacts, Step } from '../../domain/documents/facts.js';
import type { Db } from '../../platform/db.js';
import { caseFilePdf, documentPdf } from '../../platform/documents/pdf.js';
import {
  DOCUMENT_KINDS,
  DocumentBodySchema,
  type DocumentBody,
  type DocumentKind,
  type ServeDocument,
} from '../../schema/document.js';
import type { Actor } from '../../schema/roles.js';
import { chinaDateOf } from '../../schema/values/dates.js';
import { maskLiterals } from '../../domain/case/redaction.js';
import { canonicalJson, GENESIS_HASH } from '../audit-hash.js';
import { allocateDocumentNumberIn } from '../document-numbers.js';
import { AppError } from '../../schema/errors.js';
import { loadCaseFacts } from './facts.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** A transaction that lays out a document (it needs the number the transaction allocates) may take a while: the
 * first layout starts the layout process. */
const LAYOUT_TX = { timeout: 60_000, maxWait: 20_000 };

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A register entry's hash: the previous entry's hash and the entry's canonical content (the PDF by its hash). */
export function documentEntryHash(
  prevHash: string,
  e: {
    caseNumber: string;
    seq: number;
    at: string;
    actorId: string;
    action: string;
    documentId: string;
    number: string | null;
    version: number | null;
    reason: string | null;
    sha256: string | null;
    content: unknown;
  },
): string {
  return sha256(prevHash + canonicalJson({ ...e, at: new Date(e.at).toISOString() }));
}

interface NewEntry {
  caseNumber: string;
  actorId: string;
  action: 'document.issued' | 'document.served' | 'case_file.archived';
  documentId: string;
  kind: string;
  number: string | null;
  version: number | null;
  reason: string | null;
  title: string;
  content: object;
  pdf: Buffer | null;
}

/** Appends to the case's register chain (the caller holds the register lock). */
async function append(tx: Tx, e: NewEntry, now: Date) {
  const last = await tx.documentEntry.findFirst({
    where: { caseNumber: e.caseNumber },
    orderBy: { seq: 'desc' },
    select: { seq: true, hash: true },
  });
  const seq = (last?.seq ?? 0) + 1;
  const digest = e.pdf ? sha256(e.pdf) : null;
  const hash = documentEntryHash(last?.hash ?? GENESIS_HASH, {
    caseNumber: e.caseNumber,
    seq,
    at: now.toISOString(),
    actorId: e.actorId,
    action: e.action,
    documentId: e.documentId,
    number: e.number,
    version: e.version,
    reason: e.reason,
    sha256: digest,
    content: e.content,
  });
  return tx.documentEntry.create({
    data: {
      ...e,
      pdf: e.pdf ? new Uint8Array(e.pdf) : null,
      seq,
      at: now,
      sha256: digest,
      prevHash: last?.hash ?? GENESIS_HASH,
      hash,
    },
    select: { seq: true, documentId: true, version: true, sha256: true, number: true },
  });
}

const lockRegister = (tx: Tx, caseNumber: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`documents:${caseNumber}`}))`;

/** The step a document records, from its id (`<case>/<kind>/<step>`). */
const stepOf = (id: string): number => Number(id.split('/').at(-1));

/** The latest issued version of a document (the caller holds the register lock), or 404. */
async function latestIssued(tx: Tx, caseNumber: string, id: string) {
  const last = await tx.documentEntry.findFirst({
    where: { caseNumber, documentId: id, action: 'document.issued' },
    orderBy: { version: 'desc' },
  });
  if (!last) throw new AppError('NOT_FOUND', [], id);
  return last;
}

/** A write to the register: under the case's register lock, refused once the case file is archived. */
async function openRegister(tx: Tx, caseNumber: string) {
  await lockRegister(tx, caseNumber);
  await refuseIfArchived(tx, caseNumber);
}

async function refuseIfArchived(tx: Tx, caseNumber: string) {
  const archived = await tx.documentEntry.findFirst({ where: { caseNumber, action: 'case_file.archived' } });
  if (archived)
    throw new AppError(
      'CASE_FILE_ARCHIVED',
      [],
      `the case file was archived on ${chinaDateOf(archived.at.getTime())}`,
    );
}

/** The step a document of `kind` records: the one asked for, else the latest that calls for it. */
function anchorOf(f: CaseFacts, kind: DocumentKind, step?: number): Step {
  const anchors = KINDS[kind].anchors(f);
  const anchor = step === undefined ? anchors.at(-1) : anchors.find((s) => s.seq === step);
  if (!anchor)
    throw new AppError(
      'DOCUMENT_NOT_DUE',
      [
        {
          path: step === undefined ? 'body.kind' : 'body.step',
          message: `${KINDS[kind].title}：案件尚未进行到需要该文书的步骤 / the case has not reached the step this document records`,
        },
      ],
      `${kind}${step === undefined ? '' : ` for step ${step}`}`,
    );
  return anchor;
}

/** The reporter of the report a case came from, in every form a text may name them: never printed in a document
 * (officers' texts sometimes name them). Read here only to mask it, never returned. */
async function reporterLiterals(db: Db, caseNumber: string): Promise<string[]> {
  const people = await db.person.findMany({ where: { submission: { caseNumber } } });
  return people
    .flatMap((p) => [p.name, p.phone, p.email, p.idNumber, p.address])
    .filter((x): x is string => !!x?.trim());
}

/** Every text of a document with the given strings masked. */
function masked(body: DocumentBody, literals: string[]): DocumentBody {
  if (!literals.length) return body;
  const m = (t: string) => maskLiterals(t, literals);
  return {
    ...body,
    ...(body.addressee ? { addressee: m(body.addressee) } : {}),
    notes: body.notes.map(m),
    blocks: body.blocks.map((b) => {
      switch (b.type) {
        case 'para':
        case 'heading':
          return { ...b, text: m(b.text) };
        case 'fields':
          return { ...b, rows: b.rows.map(([k, v]) => [k, m(v)] as [string, string]) };
        case 'table':
          return { ...b, rows: b.rows.map((r) => r.map(m)) };
        case 'opinion':
          return { ...b, text: m(b.text) };
      }
    }),
  };
}

async function render(
  f: CaseFacts,
  kind: DocumentKind,
  anchor: Step,
  number: string,
  version: number,
  reporter: string[],
  reason?: string,
) {
  const content: DocumentBody = masked(
    DocumentBodySchema.parse({ recordedOn: anchor.on, ...KINDS[kind].build(f, anchor, number) }),
    reporter,
  );
  if (version > 1) content.notes.push(`本文书为第${version}版，更正理由：${reason}`);
  return { content, pdf: await documentPdf(content) };
}

export interface Issued {
  id: string;
  kind: DocumentKind;
  number: string;
  version: number;
  sha256: string;
}

/** Issues a document of `kind` for a step of the case: numbered once, rendered, chained. */
export async function issueDocument(
  db: Db,
  actor: Actor,
  caseNumber: string,
  req: { kind: DocumentKind; step?: number },
): Promise<Issued> {
  const f = await loadCaseFacts(db, caseNumber);
  const reporter = await reporterLiterals(db, caseNumber);
  const anchor = anchorOf(f, req.kind, req.step);
  const id = documentId(caseNumber, req.kind, anchor.seq);
  const now = new Date();
  return db.$transaction(async (tx) => {
    await openRegister(tx, caseNumber);
    if (await tx.documentEntry.findFirst({ where: { documentId: id, action: 'document.issued' } }))
      throw new AppError('DOCUMENT_ALREADY_ISSUED', [], id);
    const spec = KINDS[req.kind];
    const number =
      spec.fixedNumber?.(f, anchor) ??
      (await allocateDocumentNumberIn(tx, {
        key: id,
        unitId: f.unit.id,
        kind: req.kind,
        year: Number(chinaDateOf(now.getTime()).slice(0, 4)),
      }));
    const { content, pdf } = await render(f, req.kind, anchor, number, 1, reporter);
    const row = await append(
      tx,
      {
        caseNumber,
        actorId: actor.id,
        action: 'document.issued',
        documentId: id,
        kind: req.kind,
        number,
        version: 1,
        reason: null,
        title: spec.title,
        content,
        pdf,
      },
      now,
    );
    return { id, kind: req.kind, number, version: 1, sha256: row.sha256! };
  }, LAYOUT_TX);
}

/** A correction: a new version of an issued document, made from the case as it stands, with the reason. */
export async function reissueDocument(
  db: Db,
  actor: Actor,
  caseNumber: string,
  id: string,
  reason: string,
): Promise<Issued> {
  const f = await loadCaseFacts(db, caseNumber);
  const reporter = await reporterLiterals(db, caseNumber);
  const now = new Date();
  return db.$transaction(async (tx) => {
    await openRegister(tx, caseNumber);
    const last = await latestIssued(tx, caseNumber, id);
    const kind = last.kind as DocumentKind;
    const anchor = f.steps.find((s) => s.seq === stepOf(id))!;
    const version = last.version! + 1;
    const { content, pdf } = await render(f, kind, anchor, last.number!, version, reporter, reason);
    const row = await append(
      tx,
      {
        caseNumber,
        actorId: actor.id,
        action: 'document.issued',
        documentId: id,
        kind,
        number: last.number,
        version,
        reason,
        title: last.title,
        content,
        pdf,
      },
      now,
    );
    return { id, kind, number: last.number!, version, sha256: row.sha256! };
  }, LAYOUT_TX);
}

/** Records the service of an issued document that no step of the procedure serves (e.g. a seizure decision). */
export async function serveDocument(
  db: Db,
  actor: Actor,
  caseNumber: string,
  id: string,
  service: ServeDocument,
): Promise<{ seq: number }> {
  const f = await loadCaseFacts(db, caseNumber);
  const now = new Date();
  if (new Date(service.servedAt).getTime() > now.getTime() + 60_000)
    throw new AppError('DATE_IN_FUTURE', [
      { path: 'body.servedAt', message: '送达时间不能晚于现在 / not later than now' },
    ]);
  return db.$transaction(async (tx) => {
    await openRegister(tx, caseNumber);
    const last = await latestIssued(tx, caseNumber, id);
    const anchor = f.steps.find((s) => s.seq === stepOf(id));
    if (anchor && KINDS[last.kind as DocumentKind].servedBy?.(f, anchor))
      throw new AppError(
        'DOCUMENT_SERVED_BY_PROCEDURE',
        [],
        `${last.title}: its service is recorded by the case's own step`,
      );
    const row = await append(
      tx,
      {
        caseNumber,
        actorId: actor.id,
        action: 'document.served',
        documentId: id,
        kind: last.kind,
        number: last.number,
        version: null,
        reason: null,
        title: last.title,
        content: { ...service, version: last.version },
        pdf: null,
      },
      now,
    );
    return { seq: row.seq };
  });
}

/** A case's documents: every issued one with its versions and services, and what may be issued now. */
export async function listDocuments(db: Db, caseNumber: string) {
  const f = await loadCaseFacts(db, caseNumber);
  const entries = await db.documentEntry.findMany({
    where: { caseNumber },
    orderBy: { seq: 'asc' },
    select: {
      seq: true,
      at: true,
      actorId: true,
      action: true,
      documentId: true,
      kind: true,
      number: true,
      version: true,
      reason: true,
      title: true,
      content: true,
      sha256: true,
    },
  });
  const issued = new Map<string, (typeof entries)[number][]>();
  for (const e of entries)
    if (e.action === 'document.issued') issued.set(e.documentId, [...(issued.get(e.documentId) ?? []), e]);
  const items = [...issued.entries()].map(([id, versions]) => {
    const kind = versions[0]!.kind as DocumentKind;
    const step = stepOf(id);
    const anchor = f.steps.find((s) => s.seq === step);
    const byProcedure = anchor
      ? (KINDS[kind].servedBy?.(f, anchor) ?? []).map((s) => {
          const x = d<{ method: string; on: string; receiver: string }>(s);
          return { method: x.method, at: x.on, receiver: x.receiver, source: 'audit' as const, seq: s.seq };
        })
      : [];
    const byRegister = entries
      .filter((e) => e.action === 'document.served' && e.documentId === id)
      .map((e) => {
        const x = e.content as { method: string; servedAt: string; receiver: string };
        return {
          method: x.method,
          at: x.servedAt,
          receiver: x.receiver,
          source: 'register' as const,
          seq: e.seq,
        };
      });
    return {
      id,
      kind,
      title: versions[0]!.title,
      number: versions[0]!.number ?? '',
      step,
      versions: versions.map((v) => ({
        version: v.version!,
        issuedAt: v.at.toISOString(),
        issuedBy: v.actorId,
        reason: v.reason,
        sha256: v.sha256!,
      })),
      services: [...byProcedure, ...byRegister],
    };
  });
  const available = DOCUMENT_KINDS.flatMap((kind) =>
    KINDS[kind].anchors(f).map((s) => ({
      kind,
      title: KINDS[kind].title,
      step: s.seq,
      issued: issued.has(documentId(caseNumber, kind, s.seq)),
    })),
  );
  const archived = entries.find((e) => e.action === 'case_file.archived');
  return {
    items,
    available,
    archivedCaseFile: archived ? { at: archived.at.toISOString(), sha256: archived.sha256! } : null,
  };
}

/** One version (by default the latest) of an issued document: its content and its printable original. */
export async function documentVersion(db: Db, caseNumber: string, id: string, version?: number) {
  const row = await db.documentEntry.findFirst({
    where: { caseNumber, documentId: id, action: 'document.issued', ...(version ? { version } : {}) },
    orderBy: { version: 'desc' },
  });
  if (!row) throw new AppError('NOT_FOUND', [], version ? `${id} v${version}` : id);
  return { ...row, content: row.content as DocumentBody, pdf: Buffer.from(row.pdf!) };
}

/** The case file: a cover, the table of contents, the latest version of every document in order, the evidence. */
export async function caseFile(
  db: Db,
  caseNumber: string,
): Promise<{ pdf: Buffer; sha256: string; archived: boolean }> {
  const archived = await db.documentEntry.findFirst({ where: { caseNumber, action: 'case_file.archived' } });
  if (archived) return { pdf: Buffer.from(archived.pdf!), sha256: archived.sha256!, archived: true };
  const pdf = await renderCaseFile(db, caseNumber);
  return { pdf, sha256: sha256(pdf), archived: false };
}

async function renderCaseFile(db: Db, caseNumber: string): Promise<Buffer> {
  const f = await loadCaseFacts(db, caseNumber);
  const rows = await db.documentEntry.findMany({
    where: { caseNumber, action: 'document.issued' },
    orderBy: { seq: 'asc' },
    select: { documentId: true, kind: true, version: true, content: true },
  });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.documentId, r);
  const order = (r: (typeof rows)[number]) =>
    [stepOf(r.documentId), DOCUMENT_KINDS.indexOf(r.kind as DocumentKind)] as const;
  const docs = [...latest.values()].sort((a, b) => {
    const [sa, ka] = order(a);
    const [sb, kb] = order(b);
    return sa - sb || ka - kb;
  });
  const closed = f.steps.find((s) => s.action === 'case.closed');
  return caseFilePdf({
    cover: {
      authority: f.unit.name,
      rows: [
        ['案件编号', f.number],
        ['案由', f.summary],
        ['当事人', f.respondent.name],
        ['案件来源', SOURCE_ZH[f.source] ?? f.source],
        ['立案日期', dateZh(f.steps.find((s) => s.action === 'filing.approved')?.on)],
        ['结案日期', dateZh(closed?.on)],
        ['卷内文书', `${docs.length}件`],
      ],
    },
    documents: docs.map((r) => r.content as DocumentBody),
    evidence: {
      type: 'table',
      head: ['序号', '证据种类', '证据内容', '收集时间', '收集地点'],
      rows: f.evidence.map((e, i) => [
        String(i + 1),
        EVIDENCE_ZH[e.type] ?? e.type,
        e.description,
        e.collectedAt.slice(0, 10),
        e.place,
      ]),
    },
  });
}

/** At closure: the case file is rendered once more and archived; the register takes no further entries. */
export async function archiveCaseFile(db: Db, actor: Actor, caseNumber: string): Promise<{ sha256: string }> {
  const f = await loadCaseFacts(db, caseNumber);
  if (f.stage !== 'closed' && !f.steps.some((s) => s.action === 'case.closed'))
    throw new AppError('CASE_NOT_CLOSED', [], 'the case file is archived at closure');
  const pdf = await renderCaseFile(db, caseNumber);
  return db.$transaction(async (tx) => {
    await lockRegister(tx, caseNumber);
    const prior = await tx.documentEntry.findFirst({ where: { caseNumber, action: 'case_file.archived' } });
    if (prior) return { sha256: prior.sha256! };
    const row = await append(
      tx,
      {
        caseNumber,
        actorId: actor.id,
        action: 'case_file.archived',
        documentId: `${caseNumber}/case_file`,
        kind: 'case_file',
        number: null,
        version: 1,
        reason: null,
        title: '行政处罚案卷',
        content: {
          documents: await tx.documentEntry.count({ where: { caseNumber, action: 'document.issued' } }),
        },
        pdf,
      },
      new Date(),
    );
    return { sha256: row.sha256! };
  });
}

/** Checks the case's register chain: each entry's hash, its link to the one before, and each PDF's SHA-256. */
export async function verifyDocumentChain(
  db: Db,
  caseNumber: string,
): Promise<{ ok: boolean; entries: number; brokenAt?: number; reason?: string }> {
  const rows = await db.documentEntry.findMany({ where: { caseNumber }, orderBy: { seq: 'asc' } });
  let prev = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    const broken = (reason: string) => ({ ok: false, entries: rows.length, brokenAt: r.seq, reason });
    if (r.seq !== i + 1) return broken('a sequence number is missing');
    if (r.prevHash !== prev) return broken('the link to the previous entry does not match');
    if (r.pdf && sha256(Buffer.from(r.pdf)) !== r.sha256) return broken('the PDF does not match its SHA-256');
    const hash = documentEntryHash(prev, {
      caseNumber: r.caseNumber,
      seq: r.seq,
      at: r.at.toISOString(),
      actorId: r.actorId,
      action: r.action,
      documentId: r.documentId,
      number: r.number,
      version: r.version,
      reason: r.reason,
      sha256: r.sha256,
      content: r.content,
    });
    if (hash !== r.hash) return broken('the entry does not match its hash');
    prev = r.hash;
  }
  return { ok: true, entries: rows.length };
}
