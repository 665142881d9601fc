// The workbench in a real Chromium against the running system (`npm start`'s entry, on the dev server): each user
// group's main journey through the pages and forms, a case from clue to closure across six users, a refused
// action showing its reason on its form, and access checks (another unit's case; a reporter's name). Screenshots
// of the key pages go to docs/screenshots/ (the README shows them).
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { chinaDateOf } from '../../schema/values/dates.js';
import {
  choose,
  date,
  hasText,
  lacksText,
  launchBrowser,
  openAction,
  signIn,
  submit,
  tags,
  toggle,
  type,
  visible,
} from '../helpers/browser.js';
import { yearWithExtraHoliday } from '../helpers/calendar.js';
import { createSystem, type System } from '../helpers/system.js';

let sys: System | undefined;
/** The system under test; TIEAN_E2E_BASE points the test at one already running (while writing a test). */
let base = process.env.TIEAN_E2E_BASE ?? '';
let browser: Browser;
const pages: Record<string, Page> = {};
const today = chinaDateOf(Date.now());
const SHOTS = path.join(projectRoot, 'docs', 'screenshots');
const REPORTER = '举报人上官云舒';

beforeAll(async () => {
  if (!base) {
    sys = await createSystem();
    await sys.start();
    base = sys.api;
  }
  browser = await launchBrowser(inject('chromium'));
  mkdirSync(SHOTS, { recursive: true });
}, 240_000);
// A failed step leaves a picture of every open page (in the temporary folder the failure names).
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tiean-workbench-failure-'));
  for (const [user, page] of Object.entries(pages))
    await page.screenshot({ path: path.join(dir, `${user}.png`), fullPage: true }).catch(() => undefined);
  console.error(`workbench test failed: screenshots of the open pages in ${dir}`);
});
afterAll(async () => {
  await browser?.close();
  await sys?.destroy();
});

const as = async (user: string) => (pages[user] ??= await signIn(browser, base, user));
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
const open = async (page: Page, url: string) => {
  await page.goto(`${base}${url}`);
};
/** The case page's stage, once it reads `stage` (the page refreshes by itself). */
const stageIs = (page: Page, stage: string) =>
  hasText(page.getByTestId('case-stage'), stage, { exact: true });

/** Officers are named by user id: the two who took part in a step. */
const officers = (page: Page, form: string) => tags(page, `${form}_officers`, ['officer1', 'officer2']);

/** Sends a form and waits for its own answer: a new success message (one from an earlier command may still be
 * showing, so those are marked first), or the form's refusal, which fails the test with its text. */
async function send(page: Page, form: string) {
  await page.$$eval('.ant-message-success', (els) => els.forEach((e) => e.setAttribute('data-seen', '')));
  await submit(page, `form-${form}`);
  const done = page.locator('.ant-message-success:not([data-seen])');
  const refused = page.getByTestId(`form-${form}`).getByRole('alert');
  const t0 = Date.now();
  for (;;) {
    if (await done.count()) return;
    if (await refused.count()) throw new Error(`${form} refused: ${await refused.first().textContent()}`);
    if (Date.now() - t0 > 30_000) throw new Error(`${form}: no answer within 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the workbench in a browser', () => {
  let n = '';

  it('signs in in Chinese, switches to English, and tells a wrong password', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/cases`);
    await hasText(page.locator('button[type=submit]'), /登\s*录/, { exact: true });
    await page.locator('#username').fill('officer1');
    await page.locator('#password').fill('wrong-password');
    await page.locator('button[type=submit]').click();
    await visible(page.getByRole('alert'));
    await page.getByRole('button', { name: 'English' }).click();
    await hasText(page.locator('button[type=submit]'), 'Sign in', { exact: true });
    await context.close();
  });

  it('a case officer registers a clue and the head files it, from their task lists', async () => {
    const officer = await as('officer1');
    await open(officer, '/cases');
    await officer.getByTestId('register-clue').click();
    await choose(officer, 'clue_source', '监督检查发现');
    await choose(officer, 'clue_respondent_kind', '单位');
    await type(officer, 'clue_respondent_name', '东城某食品批发有限公司');
    await type(officer, 'clue_respondent_uscc', '91350100M000100Y43');
    await type(officer, 'clue_summary', '日常检查发现批量销售超过保质期的食品');
    await date(officer, 'clue_discoveredOn', today);
    await submit(officer, 'form-clue');
    await officer.getByTestId('case-number').waitFor();
    n = (await officer.getByTestId('case-number').textContent())!;
    expect(n).toMatch(/^DC-\d{4}-\d{5}$/);
    await stageIs(officer, '核查立案');

    // The head's approvals: the filing decision, with its due date and working-day countdown.
    const head = await as('head1');
    await open(head, '/approvals');
    const row = head.getByTestId('tasks').locator('tr', { hasText: n });
    await hasText(row, '决定是否立案');
    await hasText(row, /剩\d+个工作日/);
    await shot(head, 'approvals');
    await row.getByRole('link', { name: n }).click();
    await openAction(head, 'filing-decision');
    await choose(head, 'filing-decision_decision', '立案');
    await type(head, 'filing-decision_reasons', '涉嫌销售过期食品，符合立案条件');
    await send(head, 'filing-decision');
    await stageIs(head, '调查取证');
  });

  it('an unknown officer is refused on the field; the evidence is recorded; the deadlines say how they were computed', async () => {
    const officer = await as('officer1');
    await open(officer, `/cases/${n}`);
    await stageIs(officer, '调查取证');
    await openAction(officer, 'evidence');
    await tags(officer, 'evidence_officers', ['officer1', 'nobody9']);
    await choose(officer, 'evidence_type', '书证');
    await type(officer, 'evidence_description', '进货单据及库存记录');
    await date(officer, 'evidence_collectedAt', `${today} 10:00:00`);
    await type(officer, 'evidence_place', '当事人仓库');
    await submit(officer, 'form-evidence');
    // The server's field error, on the field it names.
    const field = officer
      .getByTestId('form-evidence')
      .locator('.ant-form-item', { has: officer.locator('[id="evidence_officers"]') });
    await hasText(field.locator('.ant-form-item-explain-error'), 'nobody9');
    await shot(officer, 'refused-on-field');
    // Corrected: the unknown id removed, the other officer named.
    await field.locator('.ant-select-selection-item-remove').last().click();
    await tags(officer, 'evidence_officers', ['officer2']);
    await send(officer, 'evidence');
    await officer.getByRole('tab', { name: /^证据/ }).first().click();
    await hasText(officer.getByRole('tabpanel'), '进货单据及库存记录');
    // The time typed is China's wall time and reads back as typed, whatever the browser's time zone.
    await hasText(officer.getByRole('tabpanel'), '10:00:00');

    await officer.getByRole('tab', { name: '期限' }).click();
    const deadlines = officer.getByTestId('deadlines');
    await hasText(deadlines, '个工作日');
    await deadlines.locator('.ant-table-row-expand-icon').first().click();
    await visible(officer.locator('[data-testid^="explain-"]').first());
    await shot(officer, 'case-page');
  });

  it('the investigation is concluded and reviewed; the reviewer works from the review queue', async () => {
    const officer = await as('officer1');
    await open(officer, `/cases/${n}`);
    await openAction(officer, 'investigation-conclusion');
    const f = 'investigation-conclusion';
    await officers(officer, f);
    await type(officer, `${f}_reviewerId`, 'reviewer1');
    await type(officer, `${f}_report`, '调查终结报告：事实清楚，证据确凿');
    await type(officer, `${f}_proposal_facts`, '当事人销售超过保质期的食品，货值金额三千元');
    await type(
      officer,
      `${f}_proposal_legalBasis`,
      '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
    );
    await choose(officer, `${f}_proposal_outcome_kind`, '给予处罚');
    await officer.getByTestId('add-proposal.outcome.penalties').click();
    await choose(officer, `${f}_proposal_outcome_penalties_0_kind`, '罚款');
    await type(officer, `${f}_proposal_outcome_penalties_0_amountFen`, '500000');
    await send(officer, f);
    await stageIs(officer, '审核');

    const reviewer = await as('reviewer1');
    await open(reviewer, '/review');
    await reviewer.getByTestId('cases').getByRole('link', { name: n }).click();
    // The review package: the report, the proposal with its fine, the evidence.
    await reviewer.getByRole('tab', { name: '审核材料' }).first().click();
    await hasText(reviewer.getByTestId('review-package'), '¥5,000.00');
    await hasText(reviewer.getByTestId('review-package'), '进货单据及库存记录');
    await shot(reviewer, 'review-package');
    await reviewer.getByRole('tab', { name: '可办理事项' }).first().click();
    await openAction(reviewer, 'case-review');
    await choose(reviewer, 'case-review_result', '同意');
    await type(reviewer, 'case-review_opinion', '事实清楚，证据确凿，同意');
    await send(reviewer, 'case-review');
    await stageIs(reviewer, '告知');
  });

  it('notice, waiver, the head decides, service: the case is served', async () => {
    const officer = await as('officer1');
    await open(officer, `/cases/${n}`);
    await openAction(officer, 'notice');
    await officers(officer, 'notice');
    await choose(officer, 'notice_service_method', '当面');
    await date(officer, 'notice_service_on', today);
    await type(officer, 'notice_service_receiver', '当事人法定代表人');
    await send(officer, 'notice');
    await openAction(officer, 'defence-waiver');
    await officers(officer, 'defence-waiver');
    await date(officer, 'defence-waiver_on', today);
    await type(officer, 'defence-waiver_note', '当事人书面放弃陈述申辩和听证');
    await send(officer, 'defence-waiver');
    await stageIs(officer, '决定');

    const head = await as('head1');
    await open(head, `/cases/${n}`);
    await openAction(head, 'decision');
    await choose(head, 'decision_outcome_kind', '给予处罚');
    await head.getByTestId('add-outcome.penalties').click();
    await choose(head, 'decision_outcome_penalties_0_kind', '罚款');
    await type(head, 'decision_outcome_penalties_0_amountFen', '500000');
    await type(head, 'decision_facts', '当事人销售超过保质期的食品');
    await type(head, 'decision_legalBasis', '《中华人民共和国食品安全法》第一百二十四条');
    await send(head, 'decision');
    await stageIs(head, '送达');

    await open(officer, `/cases/${n}`);
    await openAction(officer, 'service');
    await officers(officer, 'service');
    await choose(officer, 'service_service_method', '当面');
    await date(officer, 'service_service_on', today);
    await type(officer, 'service_service_receiver', '当事人法定代表人');
    await send(officer, 'service');
    await stageIs(officer, '执行');
  });

  it('closing too early is refused with its reason on the form; paid and published, the head closes the case', async () => {
    const head = await as('head1');
    await open(head, `/cases/${n}`);
    await openAction(head, 'closure');
    await date(head, 'closure_closedOn', today);
    await type(head, 'closure_report', '结案报告');
    await submit(head, 'form-closure');
    const refusal = head.getByTestId('form-closure').getByRole('alert');
    await hasText(refusal, 'CLOSURE_CONDITIONS_OPEN');
    await shot(head, 'refused-on-form');

    const officer = await as('officer1');
    await open(officer, `/cases/${n}`);
    await openAction(officer, 'payments');
    await date(officer, 'payments_paidOn', today);
    await type(officer, 'payments_amountFen', '500000');
    await choose(officer, 'payments_toward', '罚款');
    await type(officer, 'payments_bankReference', 'ICBC-20261203-0001');
    await send(officer, 'payments');
    await openAction(officer, 'publicity');
    await officers(officer, 'publicity');
    await date(officer, 'publicity_publishedOn', today);
    await send(officer, 'publicity');

    await open(head, `/cases/${n}`);
    await openAction(head, 'closure');
    await date(head, 'closure_closedOn', today);
    await type(head, 'closure_report', '结案报告：罚款已缴清，公示已录入');
    await send(head, 'closure');
    await stageIs(head, '结案');
    await head.getByRole('tab', { name: '办案记录' }).click();
    await hasText(head.getByTestId('timeline'), 'case.closed');
    await shot(head, 'timeline');
  });

  it('the intake office registers a report; only it sees the reporter, with a logged purpose', async () => {
    const intake = await as('intake1');
    await open(intake, '/intake');
    await intake.getByRole('tab', { name: '登记' }).click();
    const f = 'form-submission';
    await intake.getByTestId(f).waitFor();
    await choose(intake, 'kind', '投诉并举报');
    await choose(intake, 'channel', '12315 平台');
    await type(intake, 'submitter_name', REPORTER);
    await type(intake, 'submitter_phone', '13912345678');
    await toggle(intake, 'submitter_realName');
    await choose(intake, 'respondent_kind', '单位');
    await type(intake, 'respondent_name', '南城某超市有限公司');
    await type(intake, 'subject', '过期牛奶');
    await type(intake, 'claim', '退货并赔偿');
    await type(intake, 'allegation', '该超市销售超过保质期的牛奶');
    await date(intake, 'receivedOn', today);
    await submit(intake, f);
    // The registration's answer names both tracks: the complaint and the report's case.
    const answer = intake.locator('.ant-message-success').last();
    await hasText(answer, /-TS-/);
    const [complaintNumber] = /DC-TS-\d{4}-\d{5}/.exec((await answer.textContent())!)!;
    const [reportCase] = /DC-\d{4}-\d{5}/.exec((await answer.textContent())!)!;
    await intake.getByRole('tab', { name: '投诉' }).first().click();
    await intake.getByTestId('complaints').getByRole('link', { name: complaintNumber }).click();
    await intake.getByTestId('case-number').waitFor();
    await intake.getByPlaceholder('查阅目的').fill('回复投诉人受理结果');
    await intake.getByRole('button', { name: /查\s*阅/ }).click();
    await hasText(intake.getByTestId('submitter'), REPORTER);
    // The acceptance decision, then mediation with its record.
    await openAction(intake, 'acceptance-decision');
    await toggle(intake, 'acceptance-decision_accept');
    await send(intake, 'acceptance-decision');
    await hasText(intake.getByTestId('case-stage'), '已受理', { exact: true });
    await openAction(intake, 'mediation');
    await toggle(intake, 'mediation_complainantConsents');
    await toggle(intake, 'mediation_respondentConsents');
    await send(intake, 'mediation');
    await hasText(intake.getByTestId('case-stage'), '调解中', { exact: true });
    await openAction(intake, 'mediation/end');
    await choose(intake, 'mediation-end_outcome', '达成协议');
    await type(intake, 'mediation-end_note', '双方达成退货赔偿协议');
    await send(intake, 'mediation/end');
    await shot(intake, 'complaint');

    // The report's case, as an officer sees it: no reporter anywhere on the page.
    const officer = await as('officer1');
    await open(officer, '/cases');
    await officer.getByTestId('case-search').locator('input').fill(reportCase!);
    await officer.getByTestId('case-search').locator('input').press('Enter');
    const row = officer.getByTestId('cases').locator('tr', { hasText: '南城某超市有限公司' });
    await hasText(row, reportCase!);
    await row.getByRole('link', { name: reportCase }).click();
    await officer.getByTestId('case-number').waitFor();
    for (const tab of ['办案记录', '期限', '可办理事项']) {
      await officer.getByRole('tab', { name: tab }).first().click();
      await lacksText(officer.locator('body'), REPORTER);
    }
    expect(await officer.content()).not.toContain('13912345678');
  });

  it('an officer of another unit cannot open the case, nor learn that it exists', async () => {
    const other = await as('officer-cg');
    await open(other, `/cases/${n}`);
    await hasText(other.getByTestId('case-error'), '未找到');
    await lacksText(other.locator('body'), '东城某食品批发有限公司');
    await open(other, '/cases');
    await lacksText(other.getByTestId('cases'), n);
    await open(other, '/admin');
    await visible(other.locator('.ant-result-403'));
  });

  it('the supervisor sees the deadline board and the figures, by unit, with a CSV export', async () => {
    const sup = await as('supervisor1');
    await open(sup, '/board');
    await sup.getByTestId('horizon').locator('input').fill('60');
    await hasText(sup.getByTestId('board'), 'DC-');
    await hasText(sup.getByTestId('board'), '核查立案期限');
    await visible(sup.getByTestId('board-chart').locator('canvas'));
    // The report's case waits for its filing decision by the head: a deadline counted under no officer; the
    // officers named on open tasks (the decided case's publicity, none here) are listed when there are any.
    await visible(sup.getByTestId('by-officer'));
    await shot(sup, 'board');
    await open(sup, '/figures');
    const table = sup.getByTestId('figures');
    await hasText(table, 'dc');

    // The period is the bureau's year to date, in China's days, whatever the browser's time zone: a browser
    // placed where the date differs from China's right now still ends the period on China's today.
    const chinaHour = (new Date().getUTCHours() + 8) % 24;
    const elsewhere = await signIn(
      browser,
      base,
      'supervisor1',
      'zh',
      chinaHour < 20 ? 'Etc/GMT+12' : 'Pacific/Kiritimati',
    );
    await open(elsewhere, '/figures');
    expect(await elsewhere.evaluate(() => new Date().toDateString())).not.toBe(
      new Date(`${today}T12:00:00`).toDateString(),
    );
    await hasText(elsewhere.getByTestId('figures'), 'dc');
    expect(await elsewhere.locator('.ant-picker-range input').nth(1).inputValue()).toBe(today);
    await elsewhere.context().close();
    await visible(sup.getByTestId('figures-chart').locator('canvas'));
    await shot(sup, 'figures');
    const csv = await sup.getByTestId('csv').getAttribute('href');
    const res = await sup.request.get(`${base}${csv}`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('dc');
  });

  it('the administrator sees users, refused commands, and a bad calendar file is refused with its reason', async () => {
    const admin = await as('admin');
    await open(admin, '/admin');
    await hasText(admin.getByTestId('users'), 'officer1');
    // The second reviewer gains the head's role: the roles field, then the user's row says so.
    await admin.getByTestId('edit-reviewer2').click();
    await tags(admin, 'user_roles', ['负责人']);
    await submit(admin, 'form-edit-user');
    await hasText(admin.getByTestId('users').locator('tr', { hasText: 'reviewer2' }), '负责人');
    await admin.getByRole('tab', { name: '被拒绝的操作' }).click();
    await hasText(admin.getByTestId('refused'), 'CLOSURE_CONDITIONS_OPEN');
    await shot(admin, 'admin-refused');
    await admin.getByRole('tab', { name: '节假日日历' }).click();
    await admin.getByTestId('calendar-upload').locator('textarea').fill('{"year": 1800, "days": "x"}');
    await admin
      .getByTestId('calendar-upload')
      .getByRole('button', { name: /载\s*入/ })
      .click();
    await hasText(admin.getByTestId('calendar-upload').getByRole('alert'), 'VALIDATION_FAILED');
    // A good file: the year is loaded at once, and the open deadlines' recomputation runs to its end on the page.
    const later = yearWithExtraHoliday(`${Number(today.slice(0, 4)) + 3}-06-16`);
    await admin.getByTestId('calendar-upload').locator('textarea').fill(JSON.stringify(later));
    await admin
      .getByTestId('calendar-upload')
      .getByRole('button', { name: /载\s*入/ })
      .click();
    await hasText(admin.getByTestId('calendar-result'), `${later.year} 年已载入`);
    await hasText(admin.getByTestId('calendar-recompute-status'), '已完成');
    await hasText(admin.getByTestId('calendar-recompute-status'), /未结案件 (\d+)\/\1 件已处理/);
    await shot(admin, 'admin-calendar');
  });

  it('each page has its own address: a reload keeps the page', async () => {
    const officer = await as('officer1');
    await open(officer, `/cases/${n}`);
    await officer.reload();
    await hasText(officer.getByTestId('case-number'), n, { exact: true });
    // The API's own paths are not the app's: an unknown one is still a JSON 404.
    const res = await fetch(`${base}/api/nope`);
    expect([res.status, res.headers.get('content-type')]).toEqual([
      404,
      'application/problem+json; charset=utf-8',
    ]);
  });
});
