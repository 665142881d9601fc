// The lifecycle end to end on the dev server, through the HTTP API of the running system (`npm start`'s
// entry): a complaint whose mediation turns up a violation that becomes a case; the case is filed and
// investigated, a test pauses its clock, and it is transferred to the police. A mixed submission's reporter is
// told by e-mail, and their identity appears nowhere a non-intake user, the respondent or an operator looks.
import { pdfText } from '../helpers/documents.js';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '../../schema/values/dates.js';
import { eventually } from '../helpers/eventually.js';
import { createSystem, type System } from '../helpers/system.js';

let sys: System;
const t: Record<string, string> = {};
const today = chinaDateOf(Date.now());
const O = { officers: ['officer1', 'officer2'] };
const REPORTER = { name: '举报人欧阳明轩', phone: '13912345678', idNumber: '350102199001011234' };

beforeAll(async () => {
  sys = await createSystem();
  await sys.start();
  for (const u of [
    'intake1',
    'officer1',
    'head1',
    'head2',
    'cityhead',
    'supervisor1',
    'admin',
    'reviewer1',
    'reviewer2',
  ])
    t[u] = await sys.login(u);
}, 240_000);
afterAll(async () => {
  await sys?.destroy();
});

const post = async (
  user: string,
  url: string,
  body: unknown,
  key = createHash('sha256')
    .update(`${user}:${url}:${JSON.stringify(body)}`)
    .digest('hex'),
) => {
  const r = await sys.call('POST', url, { token: t[user], body, key });
  expect(r.status, `${url} ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return r.body;
};
const get = async (user: string, url: string) => (await sys.call('GET', url, { token: t[user] })).body;
/** Retries while the workflow has not yet projected its first step (the list is eventually consistent). */
const soon = <T>(fn: () => Promise<T>) => eventually(fn, 30_000, 250);

describe('the lifecycle end to end (dev server, through the API)', () => {
  let caseNumber = '';
  let servedCase = '';

  it('a complaint is accepted, mediated, and the violation it reveals becomes a case', async () => {
    const sub = await post('intake1', '/api/submissions', {
      kind: 'complaint',
      channel: '12315',
      submitter: { name: '消费者张女士', phone: '13700001111', realName: true },
      respondent: { kind: 'organisation', name: '东城某超市有限公司' },
      subject: '过期牛奶',
      claim: '退一赔十',
      purchaseDate: today,
      receivedOn: today,
    });
    const number = sub.complaintNumber as string;
    const c = (path: string, body: unknown) =>
      soon(() => post('intake1', `/api/complaints/${number}/${path}`, body));
    await c('acceptance-decision', { accept: true });
    await c('mediation', { complainantConsents: true, respondentConsents: true });
    const v = await c('violations', { summary: '现场发现货架上仍有大量过期乳制品在售' });
    caseNumber = await soon(async () => {
      const view = await get('intake1', `/api/complaints/${number}`);
      const n = (view.live ?? view.complaint)?.violations?.[0]?.caseNumber ?? v.violations?.[0]?.caseNumber;
      expect(n).toBeTruthy();
      return n as string;
    });
    const detail = await soon(async () => {
      const d = await get('officer1', `/api/cases/${caseNumber}`);
      expect(d.case).toBeTruthy();
      return d;
    });
    expect(detail.case).toMatchObject({ source: 'complaint_report', stage: 'filing' });
    expect(detail.case.respondent.name).toBe('东城某超市有限公司');
  });

  it('the case is filed, a test pauses its clock, and it is transferred to the police', async () => {
    const cmd = (user: string, p: string, body: unknown) => post(user, `/api/cases/${caseNumber}/${p}`, body);
    const filed = await cmd('head1', 'filing-decision', { decision: 'file', reasons: '涉嫌销售过期食品' });
    expect(filed.stage).toBe('investigation');
    const running = await soon(async () => {
      const live = (await get('supervisor1', `/api/cases/${caseNumber}`)).live;
      const clock = live.clocks.find((k: { name: string }) => k.name === 'case');
      expect(clock).toBeTruthy();
      return clock;
    });
    expect(running).toMatchObject({ status: 'running', unit: 'CD', length: 90 });
    await cmd('officer1', 'evidence', {
      ...O,
      type: 'physical',
      description: '过期乳制品 36 盒',
      collectedAt: new Date().toISOString(),
      place: '东城某超市货架',
      attachments: [{ name: 'shelf.jpg', mediaType: 'image/jpeg', size: 2048, sha256: 'b'.repeat(64) }],
    });
    const testing = await cmd('officer1', 'testing', { ...O, kind: 'testing', description: '送检样品' });
    expect(testing.clocks.find((k: { name: string }) => k.name === 'case').status).toBe('paused');
    // A supervisor sees the pause and how the due date is computed.
    const sup = (await get('supervisor1', `/api/cases/${caseNumber}`)).live.clocks.find(
      (k: { name: string }) => k.name === 'case',
    );
    expect(sup.pauses).toHaveLength(1);
    expect(sup.explanation.join('\n')).toContain('paused');
    const result = await cmd('officer1', 'testing-result', { ...O, testingId: 'T1', result: '菌落总数超标' });
    expect(result.clocks.find((k: { name: string }) => k.name === 'case').status).toBe('running');

    const proposed = await cmd('officer1', 'criminal-transfer', {
      ...O,
      suspectedOffence: '销售不符合安全标准的食品罪',
      facts: '货值金额较大，足以造成严重食物中毒',
    });
    const approvalId = proposed.investigation.approvals.at(-1).id;
    await cmd('head1', 'approvals', { approvalId, approve: true, note: '批准移送' });
    await cmd('officer1', 'criminal-transfer/steps', {
      ...O,
      step: 'handed_over',
      policeOffice: '东城公安分局',
      note: '移送',
    });
    const done = await cmd('officer1', 'criminal-transfer/steps', {
      ...O,
      step: 'police_decision',
      accepted: true,
      note: '公安机关已立案',
    });
    expect(done).toMatchObject({ stage: 'closed', outcome: { kind: 'transferred_to_police' } });
    const verify = await get('head1', `/api/cases/${caseNumber}/audit/verify`);
    expect(verify.ok).toBe(true);
  });

  it('a clue to a served decision: case review, legal review, notice, waiver, collective decision, service', async () => {
    const reg = await post('officer1', '/api/clues', {
      source: 'own_inspection',
      respondent: { kind: 'organisation', name: '东城某食品批发有限公司', uscc: '91350100M000100Y43' },
      summary: '日常检查发现批量销售超过保质期的食品',
      discoveredOn: today,
    });
    const n = reg.caseNumber as string;
    const cmd = (user: string, p: string, body: unknown) =>
      soon(() => post(user, `/api/cases/${n}/${p}`, body));
    await cmd('head1', 'filing-decision', { decision: 'file', reasons: '涉嫌销售过期食品' });
    await cmd('officer1', 'evidence', {
      ...O,
      type: 'documentary',
      description: '进货单据及库存记录',
      collectedAt: new Date().toISOString(),
      place: '当事人仓库',
      attachments: [],
    });
    const fine = { kind: 'penalty', penalties: [{ kind: 'fine', amountFen: 6_000_000 }] };
    const concluded = await cmd('officer1', 'investigation-conclusion', {
      ...O,
      reviewerId: 'reviewer1',
      report: '调查终结报告：事实清楚，证据确凿',
      proposal: {
        facts: '当事人销售超过保质期的食品，货值金额一万二千元',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
        outcome: fine,
        correctiveOrder: '责令改正',
        majorPublicInterest: true,
      },
    });
    expect(concluded.proceedings).toMatchObject({
      legalReview: { required: true, reasons: ['major_public_interest'] },
      collective: { required: true },
    });
    // The review package: the report, the proposal with its amounts and basis, the evidence list, the gates.
    const pkg = await soon(async () => {
      const p = await get('reviewer1', `/api/cases/${n}/review-package`);
      expect(p.legalReview).toEqual(['major_public_interest']);
      return p;
    });
    expect(pkg).toMatchObject({
      round: 1,
      report: '调查终结报告：事实清楚，证据确凿',
      proposal: { outcome: fine, legalBasis: expect.stringContaining('食品安全法') },
      evidence: [expect.objectContaining({ description: '进货单据及库存记录', collectedBy: O.officers })],
    });
    // The reviewer's task, with its due date once review has opened.
    const reviewTask = await soon(async () => {
      const tasks = (await get('reviewer1', `/api/cases/${n}`)).tasks as {
        kind: string;
        dueOn: string | null;
      }[];
      const task = tasks.find((x) => x.kind === 'case-review');
      expect(task?.dueOn).toBeTruthy();
      return task!;
    });
    expect(reviewTask.dueOn! > today).toBe(true);
    // An officer may not review; a reviewer without the qualification may not do the legal review.
    const refused = await sys.call('POST', `/api/cases/${n}/legal-review`, {
      token: t.reviewer2,
      body: { result: 'approve', opinion: '同意' },
      key: `legal-review-${n}-r2`,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('LEGAL_QUALIFICATION_MISSING');
    const key = `case-review-${n}`;
    const review = (opinion: string) =>
      sys.call('POST', `/api/cases/${n}/case-review`, {
        token: t.reviewer2,
        body: { result: 'approve', opinion },
        key,
      });
    expect(
      (
        await soon(async () => {
          const r = await review('事实清楚，同意');
          expect(r.status).toBe(200);
          return r;
        })
      ).body.proceedings.caseReview,
    ).toMatchObject({ by: 'reviewer2' });
    // The same key again: the same request is answered again; another request under it is refused (422).
    expect((await review('事实清楚，同意')).status).toBe(200);
    const reused = await review('另一意见');
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const toNotice = await cmd('reviewer1', 'legal-review', {
      result: 'approve',
      opinion: '法律适用正确，同意',
    });
    expect(toNotice.stage).toBe('notice');
    const noticed = await cmd('officer1', 'notice', {
      ...O,
      service: { method: 'in_person', on: today, receiver: '当事人法定代表人' },
    });
    expect(noticed.proceedings.notice).toMatchObject({ hearingRight: false });
    await cmd('officer1', 'defences', {
      ...O,
      receivedOn: today,
      form: 'written',
      content: '当事人称已全部下架，请求从轻处罚',
      answer: { verdict: 'partly_accepted', reasons: '已下架属实，予以从轻' },
    });
    const waived = await cmd('officer1', 'defence-waiver', { ...O, on: today, note: '当事人书面放弃听证' });
    expect(waived.stage).toBe('decision');
    // A decision without the collective discussion the amount calls for is refused with a 422.
    const alone = await sys.call('POST', `/api/cases/${n}/decision`, {
      token: t.head1,
      body: { outcome: fine, facts: '事实', legalBasis: '依据' },
      key: `decision-${n}-alone`,
    });
    expect([alone.status, alone.body.code]).toEqual([422, 'COLLECTIVE_DISCUSSION_REQUIRED']);
    const decided = await cmd('head1', 'decision', {
      outcome: { kind: 'penalty', penalties: [{ kind: 'fine', amountFen: 5_000_000 }] },
      facts: '当事人销售超过保质期的食品',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
      correctiveOrder: '责令改正',
      collective: { heldOn: today, participants: ['head1', 'head2'], minutes: '局务会议：同意罚款五万元' },
    });
    expect(decided.stage).toBe('service');
    expect(decided.proceedings.decision.documentNumber).toMatch(/^DC市监处罚〔\d{4}〕\d+号$/);
    const served = await cmd('officer1', 'service', {
      ...O,
      service: { method: 'in_person', on: today, receiver: '当事人法定代表人' },
    });
    expect(served.stage).toBe('served');
    const row = await soon(async () => {
      const d = await get('supervisor1', `/api/cases/${n}`);
      expect(d.case.stage).toBe('served');
      return d;
    });
    // Every task up to service is closed; execution opens the publicity entry (the decision is published).
    expect(
      row.tasks
        .filter((x: { status: string; kind: string }) => x.status === 'open' && x.kind !== 'publish')
        .map((x: { kind: string }) => x.kind),
    ).toEqual([]);
    const verify = await get('head1', `/api/cases/${n}/audit/verify`);
    expect(verify.ok).toBe(true);
    // The OpenAPI document describes the new commands.
    const spec = await get('officer1', '/api/openapi.json');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/cases/{number}/legal-review',
        '/api/cases/{number}/decision',
        '/api/cases/{number}/service',
      ]),
    );
    // The documents' downloads are described as what they are (a PDF, a Word document), not as JSON.
    expect(Object.keys(spec.paths['/api/cases/{number}/case-file'].get.responses['200'].content)).toContain(
      'application/pdf',
    );
    expect(
      Object.keys(
        spec.paths['/api/cases/{number}/documents/{kind}/{step}/docx'].get.responses['200'].content,
      ),
    ).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    servedCase = n;
  });

  it('credit lists: the abnormal list by the county’s head, the serious list for the served decision one level up, both on the public lists; a removal takes the entry down', async () => {
    expect(servedCase).toBeTruthy();
    const entity = { kind: 'organisation', name: '东城某食品批发有限公司', uscc: '91350100M000100Y43' };
    const listing = async (body: unknown) => {
      const r = await post('officer1', '/api/listings', body);
      return r.number as string;
    };
    const cmd = (user: string, number: string, p: string, body: unknown) =>
      soon(() => post(user, `/api/listings/${number}/${p}`, body));
    const publicLists = async () => {
      const r = await sys.call('GET', '/api/public/credit-lists?limit=100');
      expect(r.status).toBe(200);
      return r.body.items as { list: string; entityName: string; reason: string; endsOn: string | null }[];
    };

    // The abnormal operations list: unreachable at the registered address.
    const abnormal = await listing({
      list: 'abnormal',
      reason: 'unreachable',
      entity,
      facts: '通过登记的住所无法取得联系',
      foundOn: today,
    });
    expect(abnormal).toMatch(/-XY-\d{4}-\d{5}$/);
    const listed = await cmd('head1', abnormal, 'decision', {
      decision: 'list',
      on: today,
      reasons: '无法联系',
    });
    expect(listed).toMatchObject({ stage: 'listed', list: 'abnormal', listedOn: today });
    expect(listed.escalatesOn > today).toBe(true);
    expect(await soon(publicLists)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          list: 'abnormal',
          entityName: entity.name,
          reason: '通过登记的住所或者经营场所无法联系',
        }),
      ]),
    );

    // The serious violations list needs a served decision of the unit against the same entity.
    const bad = await sys.call('POST', '/api/listings', {
      token: t.officer1,
      body: { list: 'serious', caseNumber: 'DC-2026-99999', entity, facts: '情节严重', foundOn: today },
      key: `listing-bad-${servedCase}`,
    });
    expect([bad.status, bad.body.code]).toEqual([422, 'LISTING_CASE_INVALID']);
    const serious = await listing({
      list: 'serious',
      caseNumber: servedCase,
      entity,
      facts: '销售超过保质期的食品，情节严重',
      foundOn: today,
    });
    // The county's serious listing is approved one level up.
    const byCounty = await soon(async () => {
      const r = await sys.call('POST', `/api/listings/${serious}/decision`, {
        token: t.head1,
        body: { decision: 'list', on: today, reasons: '情节严重' },
        key: `serious-county-${serious}`,
      });
      expect(r.status).not.toBe(404);
      return r;
    });
    expect([byCounty.status, byCounty.body.code]).toEqual([403, 'LISTING_APPROVAL_ELSEWHERE']);
    const task = await soon(async () => {
      const d = await get('cityhead', `/api/listings/${serious}`);
      const x = d.tasks.find((k: { kind: string }) => k.kind === 'decide-listing');
      expect(x).toBeTruthy();
      return x;
    });
    expect(task.status).toBe('open');
    const onSerious = await cmd('cityhead', serious, 'decision', {
      decision: 'list',
      on: today,
      reasons: '情节严重',
    });
    expect(onSerious).toMatchObject({ stage: 'listed', list: 'serious' });
    expect(onSerious.endsOn > onSerious.earliestRemovalOn).toBe(true);
    // Early removal before a year on the list: refused.
    const early = await sys.call('POST', `/api/listings/${serious}/removal-application`, {
      token: t.officer1,
      body: { appliedOn: today, grounds: '已整改' },
      key: `serious-early-${serious}`,
    });
    expect([early.status, early.body.code]).toEqual([409, 'LISTING_REMOVAL_TOO_EARLY']);
    expect(await soon(publicLists)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ list: 'serious', entityName: entity.name, endsOn: onSerious.endsOn }),
      ]),
    );

    // The entity is reachable again and applies: the head removes it; the public list no longer shows it.
    await cmd('officer1', abnormal, 'removal-application', {
      appliedOn: today,
      grounds: '已恢复联系并变更住所登记',
    });
    const removed = await cmd('head1', abnormal, 'removal-decision', {
      decision: 'remove',
      on: today,
      reasons: '已恢复联系',
    });
    expect(removed).toMatchObject({ stage: 'closed', outcome: 'removed' });
    await soon(async () =>
      expect(
        (await publicLists()).filter((i) => i.list === 'abnormal' && i.entityName === entity.name),
      ).toEqual([]),
    );
    const mine = await get('officer1', '/api/listings');
    expect(mine.items.map((i: { number: string }) => i.number)).toEqual(
      expect.arrayContaining([abnormal, serious]),
    );
    // Every matter's audit trail is a hash chain, a listing's too.
    expect((await get('head1', `/api/cases/${abnormal}/audit/verify`)).ok).toBe(true);
  });

  it('a report to closure: paid, published (the reporter absent from the public text), closed, the reward; a late annulment takes the record down', async () => {
    const reporter = { name: '司马青云', phone: '13787654321', idNumber: '350102198502023456' };
    const sub = await post('intake1', '/api/submissions', {
      kind: 'report',
      channel: '12315',
      submitter: { ...reporter, realName: true },
      respondent: { kind: 'organisation', name: '南城某超市有限公司', uscc: '91350100M000100Y43' },
      subject: '销售过期食品',
      allegation: '该超市货架上有大量过期牛奶',
      receivedOn: today,
    });
    const n = sub.caseNumber as string;
    const cmd = (user: string, p: string, body: unknown) =>
      soon(() => post(user, `/api/cases/${n}/${p}`, body));
    await cmd('head1', 'filing-decision', { decision: 'file', reasons: '举报属实，符合立案条件' });
    const fine = { kind: 'penalty', penalties: [{ kind: 'fine', amountFen: 500_000 }] };
    // The officers' facts name the reporter: the public text must not.
    const facts = `经${reporter.name}（电话${reporter.phone}）举报，当事人销售超过保质期的牛奶`;
    await cmd('officer1', 'investigation-conclusion', {
      ...O,
      reviewerId: 'reviewer1',
      report: '调查终结报告',
      proposal: { facts, legalBasis: '《中华人民共和国食品安全法》第一百二十四条', outcome: fine },
    });
    await cmd('reviewer1', 'case-review', { result: 'approve', opinion: '同意' });
    await cmd('officer1', 'notice', {
      ...O,
      service: { method: 'in_person', on: today, receiver: '当事人' },
    });
    await cmd('officer1', 'defence-waiver', { ...O, on: today, note: '当事人书面放弃陈述申辩' });
    const decided = await cmd('head1', 'decision', {
      outcome: fine,
      facts,
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    });
    const documentNumber = decided.proceedings.decision.documentNumber as string;
    // The decision document: issued through the API with the decision's own number, downloaded as the printable
    // PDF (its SHA-256 as recorded) and as .docx.
    const issued = await sys.call('POST', `/api/cases/${n}/documents`, {
      token: t.officer1,
      body: { kind: 'penalty_decision' },
    });
    expect([issued.status, issued.body.number]).toEqual([201, documentNumber]);
    const download = async (url: string) => {
      const res = await fetch(`${sys.api}${url}`, { headers: { authorization: `Bearer ${t.officer1}` } });
      return { res, bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const pdf = await download(
      `/api/cases/${n}/documents/penalty_decision/${issued.body.id.split('/').at(-1)}/pdf`,
    );
    expect(pdf.res.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf.bytes).digest('hex')).toBe(issued.body.sha256);
    // The officers' facts name the reporter; the decision, which goes to the party, does not.
    const printed = pdfText(pdf.bytes);
    expect(printed).toContain('当事人销售超过保质期的牛奶');
    for (const secret of [reporter.name, reporter.phone]) expect(printed).not.toContain(secret);
    const docx = await download(
      `/api/cases/${n}/documents/penalty_decision/${issued.body.id.split('/').at(-1)}/docx`,
    );
    expect([docx.res.status, docx.bytes.subarray(0, 2).toString()]).toEqual([200, 'PK']);
    const early = await sys.call('POST', `/api/cases/${n}/documents`, {
      token: t.officer1,
      body: { kind: 'closure_approval' },
    });
    expect([early.status, early.body.code]).toEqual([409, 'DOCUMENT_NOT_DUE']);
    await cmd('officer1', 'service', {
      ...O,
      service: { method: 'in_person', on: today, receiver: '当事人' },
    });
    // The execution phase opens: the fine is due in 15 CD, the publicity in 20 WD.
    const served = await soon(async () => {
      const live = (await get('officer1', `/api/cases/${n}`)).live;
      expect(live.execution).toMatchObject({ fineFen: 500_000, publicity: { status: 'due' } });
      return live;
    });
    expect(served.clocks.map((k: { name: string }) => k.name)).toEqual(
      expect.arrayContaining(['payment', 'reconsideration', 'lawsuit', 'publicity']),
    );
    const closeEarly = await sys.call('POST', `/api/cases/${n}/closure`, {
      token: t.head1,
      body: { closedOn: today, report: '结案报告' },
      key: `closure-${n}-early`,
    });
    expect([closeEarly.status, closeEarly.body.code]).toEqual([409, 'CLOSURE_CONDITIONS_OPEN']);
    const surcharge = await get('officer1', `/api/cases/${n}/surcharge`);
    expect(surcharge).toMatchObject({ fineFen: 500_000, surchargeFen: 0 });
    await cmd('officer1', 'payments', {
      paidOn: today,
      amountFen: 500_000,
      toward: 'penalty',
      bankReference: 'ICBC-20261202-0001',
    });
    const published = await cmd('officer1', 'publicity', { ...O, publishedOn: today });
    expect(published.execution.publicity).toMatchObject({ status: 'published', tier: 'minor' });

    // The public list: no sign-in, the decision shown, the reporter in no form.
    const list = await sys.call('GET', '/api/public/publicity?limit=100');
    expect(list.status).toBe(200);
    const shown = list.body.items.find(
      (i: { documentNumber: string }) => i.documentNumber === documentNumber,
    );
    expect(shown).toMatchObject({
      respondent: '南城某超市有限公司',
      penaltySummary: expect.stringContaining('罚款'),
    });
    expect(shown.text).toContain('销售超过保质期的牛奶');
    const publicText = JSON.stringify(list.body);
    for (const secret of [...Object.values(reporter), '司马']) expect(publicText).not.toContain(secret);

    const closed = await cmd('head1', 'closure', {
      closedOn: today,
      report: '结案报告：罚款已缴清，公示已录入',
    });
    expect(closed).toMatchObject({ stage: 'closed', outcome: { kind: 'decided' } });
    // Closure archives the case file: downloaded as archived, and the register takes no more documents.
    const docs = await get('officer1', `/api/cases/${n}/documents`);
    expect(docs.archivedCaseFile).toMatchObject({ sha256: expect.any(String) });
    const file = await download(`/api/cases/${n}/case-file`);
    expect(file.res.headers.get('x-archived')).toBe('true');
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(docs.archivedCaseFile.sha256);
    const late = await sys.call('POST', `/api/cases/${n}/documents`, {
      token: t.officer1,
      body: { kind: 'closure_approval' },
    });
    expect([late.status, late.body.code]).toEqual([409, 'CASE_FILE_ARCHIVED']);
    const trail = await get('head1', `/api/cases/${n}/audit`);
    expect(trail.documents.map((e: { action: string }) => e.action)).toEqual([
      'document.issued',
      'case_file.archived',
    ]);
    // The reward after closure: grade 3 of ¥5,000 is ¥50, below the minimum of ¥1,000.
    const rewarded = await cmd('head1', 'reward', { eligible: true, grade: 3, reasons: '举报内容属实' });
    expect(rewarded.execution.reward).toMatchObject({ amountFen: 100_000, grade: 3 });
    // A minor record ends by itself: credit repair is refused with a 409.
    const repair = await sys.call('POST', `/api/cases/${n}/credit-repair`, {
      token: t.officer1,
      body: {
        appliedOn: today,
        declarations: { harmRemedied: true, noRepeat: true, notOnCreditList: true },
        commitment: '承诺守法经营',
      },
      key: `repair-${n}`,
    });
    expect([repair.status, repair.body.code]).toEqual([409, 'REPAIR_NOT_NEEDED']);
    // After closure the party sues; the court annuls the decision: the record comes down.
    await cmd('officer1', 'remedies', { kind: 'lawsuit', filedOn: today, body: '某区人民法院' });
    // A closed case is archived: an order to decide again is refused (a new decision is a new round of an open case).
    const redo = await sys.call('POST', `/api/cases/${n}/remedy-outcome`, {
      token: t.officer1,
      body: { remedyId: 'RM1', on: today, result: 'annulled', note: '判决撤销并责令重作', newDecision: {} },
      key: `redecide-${n}`,
    });
    expect([redo.status, redo.body.code]).toEqual([409, 'STAGE_NOT_ALLOWED']);
    const annulled = await cmd('officer1', 'remedy-outcome', {
      remedyId: 'RM1',
      on: today,
      result: 'annulled',
      note: '判决撤销',
    });
    expect(annulled.execution.publicity.withdrawal).toMatchObject({ reason: 'annulled', done: null });
    await cmd('officer1', 'publicity-withdrawal', {
      ...O,
      on: today,
      action: 'withdraw',
      note: '决定被撤销，撤下公示',
    });
    const after = await sys.call('GET', '/api/public/publicity?limit=100');
    expect(after.body.items.map((i: { documentNumber: string }) => i.documentNumber)).not.toContain(
      documentNumber,
    );
    expect((await get('head1', `/api/cases/${n}/audit/verify`)).ok).toBe(true);
  });

  it('a case whose workflow was terminated under it is flagged and shown to the supervisors', async () => {
    const reg = await post('officer1', '/api/clues', {
      source: 'media',
      respondent: { kind: 'natural_person', name: '张某' },
      summary: '媒体曝光的无证经营线索',
      discoveredOn: today,
    });
    const n = reg.caseNumber as string;
    await soon(async () => expect((await get('supervisor1', `/api/cases/${n}`)).case).toBeTruthy());
    const client = new Client({ connection: await Connection.connect({ address: sys.temporalAddress }) });
    await client.workflow.getHandle(n).terminate('operator error');
    await client.connection.close();
    const listed = await soon(async () => {
      const page = await get('supervisor1', '/api/cases?engine=stopped');
      const row = page.items.find((c: { number: string }) => c.number === n);
      expect(row).toBeTruthy();
      return row;
    });
    expect(listed).toMatchObject({ status: 'open', engineStatus: 'TERMINATED', overdue: true });
    // A case whose workflow runs is not listed.
    const page = await get('supervisor1', '/api/cases?engine=stopped');
    expect(page.items.every((c: { engineStatus: string | null }) => c.engineStatus !== null)).toBe(true);
  });

  it('a mixed submission: the real-name reporter is told by e-mail; their identity leaks nowhere else', async () => {
    const sub = await post('intake1', '/api/submissions', {
      kind: 'mixed',
      channel: 'walk_in',
      submitter: { ...REPORTER, email: 'reporter@example.test', realName: true },
      respondent: { kind: 'organisation', name: '西城某餐饮管理有限公司' },
      subject: '后厨卫生',
      claim: '退还餐费',
      allegation: '后厨使用过期原料加工菜品',
      receivedOn: today,
    });
    const number = sub.caseNumber as string;
    await soon(() =>
      post('head1', `/api/cases/${number}/filing-decision`, { decision: 'file', reasons: '符合立案条件' }),
    );
    const inbox = path.join(sys.dataDir, 'mail');
    const mails = () =>
      readdirSync(inbox)
        .filter((f) => statSync(path.join(inbox, f)).isFile())
        .map((f) => readFileSync(path.join(inbox, f), 'utf8'));
    const toReporter = await soon(async () => {
      const m = mails().filter((x) => x.includes('reporter@example.test') && x.includes(number));
      expect(m).toHaveLength(1);
      return m[0]!;
    });
    expect(toReporter).not.toContain(REPORTER.name); // the feedback says what was decided, nothing more
    const live = await soon(async () => {
      const l = (await get('head1', `/api/cases/${number}`)).live;
      expect(l.report.feedback).toMatchObject({ channel: 'email' });
      return l;
    });
    expect(live.clocks.find((k: { name: string }) => k.name === 'report-feedback').status).toBe('stopped');

    // Intake may read the identity; each read is logged. Nobody else may.
    const who = await sys.call(
      'GET',
      `/api/submissions/${sub.submissionId}/submitter?purpose=${encodeURIComponent('回访核实')}`,
      {
        token: t.intake1,
      },
    );
    expect(who.body.name).toBe(REPORTER.name);
    for (const u of ['officer1', 'head1', 'supervisor1', 'reviewer1']) {
      const r = await sys.call(
        'GET',
        `/api/submissions/${sub.submissionId}/submitter?purpose=${encodeURIComponent('回访核实')}`,
        {
          token: t[u],
        },
      );
      expect(r.status).toBe(403);
    }

    // Where staff, operators and the respondent's side look: no name, phone or ID number.
    const secrets = Object.values(REPORTER);
    const seen: string[] = [];
    for (const u of ['officer1', 'head1', 'supervisor1', 'reviewer1'])
      for (const url of [
        `/api/cases/${number}`,
        `/api/cases/${number}/audit`,
        '/api/cases',
        '/api/complaints',
        `/api/complaints/${sub.complaintNumber}`,
      ])
        seen.push(`${u} ${url}: ${JSON.stringify((await sys.call('GET', url, { token: t[u] })).body)}`);
    seen.push(`notifications: ${JSON.stringify(await get('supervisor1', '/api/notifications?limit=500'))}`);
    seen.push(...mails().filter((x) => !x.includes('reporter@example.test')));
    const logs = path.join(sys.dataDir, 'logs');
    seen.push(...readdirSync(logs).map((f) => readFileSync(path.join(logs, f), 'utf8')));
    // Temporal's histories (the Web UI shows them to operators): the workflow inputs and every payload.
    const client = new Client({ connection: await Connection.connect({ address: sys.temporalAddress }) });
    // The case's workflow and each of its phases' (those it reached).
    const phases = ['filing', 'investigation', 'review', 'aftercare'].map((p) => `${number}:${p}`);
    for (const id of [number, ...phases, sub.complaintNumber]) {
      const h = await client.workflow
        .getHandle(id)
        .fetchHistory()
        .catch(() => undefined);
      if (!h) continue;
      seen.push(
        JSON.stringify(h, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : v)),
      );
    }
    await client.connection.close();
    const all = seen.join('\n');
    expect(all).toContain('后厨使用过期原料加工菜品'); // the search reaches the content it should
    for (const s of secrets) expect(all, s).not.toContain(s);
  });
});
