// Enforcement documents from a real case: the case is driven by its workflow on the time-skipping server (real
// PostgreSQL, real SMTP), and at each step the document the law calls for is issued through the documents
// register, its PDF parsed back (pdftotext) and checked for its number, party, amounts, dates, legal basis and
// rights notice. Refused before its step; numbered once under concurrent issue; corrected as a new version;
// the case file's pages in order; the public text free of the redacted fields.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../platform/config.js';
import { describe, expect, it } from 'vitest';
import { documentDocx } from '../../platform/documents/docx.js';
import {
  archiveCaseFile,
  caseFile,
  documentVersion,
  issueDocument,
  listDocuments,
  reissueDocument,
  serveDocument,
  sha256,
  verifyDocumentChain,
} from '../../services/documents/register.js';
import { pdfPages as pages, pdfText } from '../helpers/documents.js';
import type { DocumentKind } from '../../schema/document.js';
import { chinaDateOf } from '../../schema/values/dates.js';
import * as M from '../../workflows/case/messages.js';
import { actor, head, officer1, ref, team, TEAM_IDS, useCaseHarness } from '../helpers/case-harness.js';
import { proposal } from '../helpers/cases.js';
import { eventually } from '../helpers/eventually.js';

const reviewer = actor('reviewer1', ['legal_reviewer']);
const reviewerRef = { ...ref('reviewer1', ['legal_reviewer'], 'dc', null), legalQualified: true };
describe('enforcement documents', () => {
  const { h, startCase } = useCaseHarness('docs');

  it('a case from clue to closure: each document issued when its step has happened, with the right contents, and the case file', async () => {
    const c = await startCase({
      clue: {
        respondent: {
          kind: 'organisation',
          name: '演示商贸有限公司',
          uscc: '91350100M000100Y43',
          address: '演示县人民路1号',
        },
      },
    });
    const db = h.tdb.db;
    const officer = { ...officer1, displayName: '王敏' };
    const issue = (kind: DocumentKind, step?: number) =>
      issueDocument(db, officer, c.caseNumber, { kind, ...(step ? { step } : {}) });
    const textOf = async (kind: DocumentKind) => {
      const list = await listDocuments(db, c.caseNumber);
      const doc = list.items.filter((d) => d.kind === kind).at(-1)!;
      return pdfText((await documentVersion(db, c.caseNumber, doc.id)).pdf);
    };

    await c.worker.runUntil(async () => {
      await eventually(async () => {
        if (!(await db.auditEntry.count({ where: { caseNumber: c.caseNumber } }))) throw new Error('not yet');
      });
      // Before the head's decision: the source register exists, the filing approval does not.
      const source = await issue('case_source_register');
      expect(source.number).toMatch(/^DC市监案源〔\d{4}〕\d+号$/);
      await expect(issue('filing_approval')).rejects.toMatchObject({ code: 'DOCUMENT_NOT_DUE' });
      expect(await textOf('case_source_register')).toContain('投诉、举报');
      expect(await textOf('case_source_register')).toContain('演示商贸有限公司');

      await c.file();
      const filing = await issue('filing_approval');
      const filingText = await textOf('filing_approval');
      for (const s of [
        '立案审批表',
        filing.number,
        '演示商贸有限公司',
        '91350100M000100Y43',
        '同意立案',
        '有违法事实，符合立案条件',
      ])
        expect(filingText).toContain(s);
      // Issued once: the same document again is refused; a correction is a new version with the same number.
      await expect(issue('filing_approval')).rejects.toMatchObject({ code: 'DOCUMENT_ALREADY_ISSUED' });
      const v2 = await reissueDocument(db, head, c.caseNumber, filing.id, '当事人名称笔误更正');
      expect(v2).toMatchObject({ number: filing.number, version: 2 });
      expect(v2.sha256).not.toBe(filing.sha256);
      expect(pdfText((await documentVersion(db, c.caseNumber, filing.id, 2)).pdf)).toContain(
        '更正理由：当事人名称笔误更正',
      );
      expect(sha256((await documentVersion(db, c.caseNumber, filing.id, 1)).pdf)).toBe(filing.sha256);

      await c.send(M.recordEvidenceUpdate, {
        actor: officer1,
        team,
        command: {
          officers: TEAM_IDS,
          type: 'physical',
          description: '超过保质期的饼干20袋',
          collectedAt: new Date(await h.env.currentTimeMs()).toISOString(),
          place: '当事人经营场所',
          attachments: [],
        },
      });
      await c.send(M.startTestingUpdate, {
        actor: officer1,
        team,
        command: {
          officers: TEAM_IDS,
          kind: 'testing',
          description: '饼干样品的菌落总数检测',
          seizureIds: [],
        },
      });
      const commission = await issue('testing_commission');
      expect(await textOf('testing_commission')).toContain('饼干样品的菌落总数检测');
      const periodNotice = await issue('testing_period_notice');
      expect(await textOf('testing_period_notice')).toContain('不计入办案期限');
      // A document no step of the procedure serves is served through the register.
      await serveDocument(db, officer, c.caseNumber, periodNotice.id, {
        method: 'in_person',
        servedAt: new Date(await h.env.currentTimeMs()).toISOString(),
        receiver: '当事人法定代表人',
      });
      await c.send(M.finishTestingUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, testingId: 'T1', result: '菌落总数不合格' },
      });
      expect(commission.number).toMatch(/检委/);

      await c.send(M.concludeInvestigationUpdate, {
        actor: officer1,
        team,
        reviewer: reviewerRef,
        command: {
          officers: TEAM_IDS,
          reviewerId: 'reviewer1',
          report: '经调查，当事人销售过期食品属实',
          proposal: proposal(),
        },
      });
      await issue('investigation_report');
      const report = await textOf('investigation_report');
      for (const s of [
        '经调查，当事人销售过期食品属实',
        '罚款人民币5,000.00元',
        '《中华人民共和国食品安全法》第一百二十四条',
        '超过保质期的饼干20袋',
      ])
        expect(report).toContain(s);
      await expect(issue('penalty_notice')).rejects.toMatchObject({ code: 'DOCUMENT_NOT_DUE' });

      await c.send(M.caseReviewUpdate, {
        actor: reviewer,
        reviewer: reviewerRef,
        command: { result: 'approve', opinion: '事实清楚，证据确凿，同意' },
      });
      await issue('case_review_form');
      expect(await textOf('case_review_form')).toContain('事实清楚，证据确凿，同意');
      const notice = await issue('penalty_notice');
      const noticeText = await textOf('penalty_notice');
      for (const s of [
        '行政处罚告知书',
        notice.number,
        '罚款人民币5,000.00元',
        '陈述和申辩',
        '五个工作日内',
        '第四十四条',
      ])
        expect(noticeText).toContain(s);

      const on = chinaDateOf(await h.env.currentTimeMs());
      await c.send(M.serveNoticeUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, service: { method: 'in_person', on, receiver: '当事人法定代表人' } },
      });
      await c.send(M.waiveDefenceUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, on, note: '当事人书面放弃陈述申辩' },
      });
      const p = proposal();
      await expect(issue('penalty_decision')).rejects.toMatchObject({ code: 'DOCUMENT_NOT_DUE' });
      await c.send(M.decideCaseUpdate, {
        actor: head,
        command: {
          outcome: p.outcome,
          facts: '当事人于店内销售超过保质期的饼干20袋',
          legalBasis: p.legalBasis,
          correctiveOrder: p.correctiveOrder,
        },
      });
      const decision = await issue('penalty_decision');
      // The decision's number is the one allocated when it was made.
      const v = await c.view();
      expect(decision.number).toBe(v.proceedings!.decision!.documentNumber);
      const decisionText = await textOf('penalty_decision');
      for (const s of [
        '行政处罚决定书',
        decision.number,
        '演示商贸有限公司',
        '91350100M000100Y43',
        '当事人于店内销售超过保质期的饼干20袋',
        '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
        '罚款人民币5,000.00元',
        '十五日内',
        '百分之三',
        '申请行政复议',
        '六个月内',
        (await db.unit.findUniqueOrThrow({ where: { id: 'dc' } })).name,
      ])
        expect(decisionText).toContain(s);
      await issue('credit_repair_notice');
      expect(await textOf('credit_repair_notice')).toContain('信用修复');

      await c.send(M.serveDecisionUpdate, {
        actor: officer1,
        team,
        command: {
          officers: TEAM_IDS,
          service: { method: 'in_person', on, receiver: '当事人法定代表人' },
          creditRepairNotice: true,
        },
      });
      // The service receipts of the notice and of the decision (with the credit-repair notice: 双书送达).
      const steps = (await listDocuments(db, c.caseNumber)).available.filter(
        (a) => a.kind === 'service_receipt',
      );
      expect(steps).toHaveLength(2);
      await issue('service_receipt', steps[0]!.step);
      await issue('service_receipt', steps[1]!.step);
      const receipt = await textOf('service_receipt');
      for (const s of [decision.number, '信用修复告知书', '直接送达', '当事人法定代表人'])
        expect(receipt).toContain(s);
      // The decision's service is the case's own step: linked, not recorded again.
      const list = await listDocuments(db, c.caseNumber);
      expect(list.items.find((d) => d.kind === 'penalty_decision')!.services).toEqual([
        expect.objectContaining({
          method: 'in_person',
          at: on,
          receiver: '当事人法定代表人',
          source: 'audit',
        }),
      ]);
      expect(list.items.find((d) => d.kind === 'testing_period_notice')!.services).toEqual([
        expect.objectContaining({ source: 'register', receiver: '当事人法定代表人' }),
      ]);
      await expect(
        serveDocument(db, officer, c.caseNumber, decision.id, {
          method: 'in_person',
          servedAt: new Date().toISOString(),
          receiver: 'x',
        }),
      ).rejects.toMatchObject({ code: 'DOCUMENT_SERVED_BY_PROCEDURE' });

      // Paid, published, closed: the closure approval form, and the case file archived.
      await eventually(async () =>
        (await c.view()).execution ? true : Promise.reject(new Error('no execution yet')),
      );
      await c.send(M.recordPaymentUpdate, {
        actor: officer1,
        command: { paidOn: on, amountFen: 500_000, toward: 'penalty', bankReference: 'BANK-1' },
      });
      await c.send(M.publishDecisionUpdate, {
        actor: officer1,
        team,
        command: { officers: TEAM_IDS, publishedOn: on },
      });
      await expect(issue('closure_approval')).rejects.toMatchObject({ code: 'DOCUMENT_NOT_DUE' });
      await c.send(M.closeCaseUpdate, {
        actor: head,
        command: { closedOn: on, report: '结案报告：罚款已缴清，公示已录入' },
      });
      await issue('closure_approval');
      const closure = await textOf('closure_approval');
      for (const s of [
        '结案审批表',
        decision.number,
        '已履行完毕',
        '同意结案',
        '结案报告：罚款已缴清，公示已录入',
      ])
        expect(closure).toContain(s);

      // The public text comes from the same decision: its number and facts, none of the redacted fields.
      const pub = await db.publication.findUniqueOrThrow({ where: { caseNumber: c.caseNumber } });
      expect(pub.text).toContain(decision.number);
      expect(pub.text).toContain('当事人于店内销售超过保质期的饼干20袋');
      expect(pub.text).not.toContain('演示县人民路1号');

      // The case file: cover, contents, then every document in the order of the steps, the evidence last.
      const before = await caseFile(db, c.caseNumber);
      expect(before.archived).toBe(false);
      const issuedTitles = (await listDocuments(db, c.caseNumber)).items
        .sort((a, b) => a.step - b.step)
        .map((d) => d.title);
      const p1 = pages(before.pdf);
      expect(p1[0]).toContain('行政处罚案卷');
      expect(p1[1]).toContain('卷内文件目录');
      let at = 2;
      for (const title of issuedTitles) {
        const found = p1.findIndex((pg, i) => i >= at && pg.includes(title));
        expect(found, title).toBeGreaterThanOrEqual(at);
        at = found;
      }
      expect(p1.at(-2) ?? '').toContain('证据目录');
      // Kept for people to look at (the README's example pages are made from these: docs/documents.md).
      const keep = path.join(projectRoot, '.cache', 'test', 'documents');
      mkdirSync(keep, { recursive: true });
      writeFileSync(path.join(keep, 'case-file.pdf'), before.pdf);
      writeFileSync(
        path.join(keep, 'penalty-decision.pdf'),
        (await documentVersion(db, c.caseNumber, decision.id)).pdf,
      );
      const archived = await archiveCaseFile(db, head, c.caseNumber);
      const after = await caseFile(db, c.caseNumber);
      expect(after).toMatchObject({ archived: true, sha256: archived.sha256 });
      await expect(issue('service_receipt', steps[0]!.step)).rejects.toMatchObject({
        code: 'CASE_FILE_ARCHIVED',
      });
      await expect(reissueDocument(db, head, c.caseNumber, decision.id, '更正')).rejects.toMatchObject({
        code: 'CASE_FILE_ARCHIVED',
      });

      // The register is a hash chain whose every issued version names its PDF's SHA-256.
      const entries = await db.documentEntry.findMany({
        where: { caseNumber: c.caseNumber },
        orderBy: { seq: 'asc' },
      });
      for (const [i, e] of entries.entries()) {
        expect(e.seq).toBe(i + 1);
        if (i) expect(e.prevHash).toBe(entries[i - 1]!.hash);
        if (e.pdf) expect(sha256(Buffer.from(e.pdf))).toBe(e.sha256);
      }
      expect(await verifyDocumentChain(db, c.caseNumber)).toEqual({ ok: true, entries: entries.length });
      // The .docx of a version opens as a Word document (a zip with the document part).
      const docx = await documentDocx((await documentVersion(db, c.caseNumber, decision.id)).content);
      expect(docx.subarray(0, 2).toString()).toBe('PK');
    });
  });

  it('numbers are unique under concurrent issue: four cases each issue their source register twice at once', async () => {
    const db = h.tdb.db;
    const cases = await Promise.all(Array.from({ length: 4 }, () => startCase()));
    await Promise.all(
      cases.map((c) =>
        c.worker.runUntil(() =>
          eventually(async () => {
            if (!(await db.auditEntry.count({ where: { caseNumber: c.caseNumber } })))
              throw new Error('not yet');
          }),
        ),
      ),
    );
    const issued = await Promise.all(
      cases.flatMap((c) =>
        [1, 2].map(() =>
          issueDocument(db, officer1, c.caseNumber, { kind: 'case_source_register' }).catch(
            (e: { code: string }) => e.code,
          ),
        ),
      ),
    );
    const numbers = issued
      .filter((x): x is Exclude<typeof x, string> => typeof x !== 'string')
      .map((x) => x.number);
    expect(issued.filter((x) => x === 'DOCUMENT_ALREADY_ISSUED')).toHaveLength(4);
    expect(new Set(numbers).size).toBe(4);
  });
});
