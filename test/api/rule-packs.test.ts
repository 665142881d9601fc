// Rule packs through the API (docs/rules.md: every number a province may change is configuration): validated,
// versioned, merged onto the national defaults, and resolved for the cases a unit registers next.
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_DEFAULTS } from '../../domain/rules/packs/national.js';
import { signIn, testApi } from '../helpers/api.js';
import { freshDb, type TestDb } from '../helpers/db.js';

let tdb: TestDb;
let app: FastifyInstance;
const tokens: Record<string, string> = {};
const example = JSON.parse(readFileSync('config/rule-packs/prv.example.json', 'utf8'));

beforeAll(async () => {
  tdb = await freshDb();
  app = await testApi(tdb.db);
  Object.assign(tokens, await signIn(app, ['admin', 'officer1'], '10.3.0'));
});
afterAll(async () => {
  await app?.close();
  await tdb?.drop();
});

const call = (user: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[user]}` } });

describe('rule packs', () => {
  it('new cases run under the national defaults until a pack is loaded', async () => {
    const r = await call('officer1', 'GET', '/api/rule-packs/effective');
    expect(r.json()).toEqual({ ref: 'national@1', content: NATIONAL_DEFAULTS });
  });

  it('refuses an invalid pack with field details and writes nothing', async () => {
    const bad = structuredClone(example);
    bad.overrides.reminders.warnBeforeWD = [3, 3];
    bad.overrides.exemptionLists[0].items.push({ ...bad.overrides.exemptionLists[0].items[0] });
    bad.overrides.thresholds.hearingLargeAmount.organisation = -1;
    const r = await call('admin', 'POST', '/api/admin/rule-packs', bad);
    expect(r.statusCode).toBe(400);
    const paths = r
      .json()
      .errors.map((e: { path: string }) => e.path)
      .join(' ');
    expect(paths).toContain('hearingLargeAmount');
    expect(await tdb.db.rulePack.count()).toBe(0);
    const notProvince = await call('admin', 'POST', '/api/admin/rule-packs', { ...example, unitId: 'city' });
    expect(notProvince.json()).toMatchObject({ status: 403, code: 'FORBIDDEN_UNIT' });
    expect(await tdb.db.rulePack.count()).toBe(0);
  });

  it('a provincial pack overrides field by field, versioned; a national pack becomes national@2', async () => {
    const first = await call('admin', 'POST', '/api/admin/rule-packs', example);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ id: 'prv', version: 1, resolved: { ref: 'national@1+prv@1' } });
    const again = await call('admin', 'POST', '/api/admin/rule-packs', {
      ...example,
      overrides: { ...example.overrides, reminders: { warnBeforeWD: [2] } },
    });
    expect(again.json()).toMatchObject({ version: 2 });
    const eff = (await call('officer1', 'GET', '/api/rule-packs/effective')).json();
    expect(eff.ref).toBe('national@1+prv@2');
    expect(eff.content.reminders.warnBeforeWD).toEqual([2]);
    // Overridden field by field: the organisation's hearing amount from the province, the rest national.
    expect(eff.content.thresholds).toEqual({
      ...NATIONAL_DEFAULTS.thresholds,
      hearingLargeAmount: example.overrides.thresholds.hearingLargeAmount,
    });
    expect(eff.content.exemptionLists.map((l: { id: string }) => l.id)).toEqual(['prv-first-2026']);

    const national = await call('admin', 'POST', '/api/admin/rule-packs', {
      scope: 'national',
      title: { zh: '全国默认', en: 'national defaults' },
      source: '测试 test',
      content: {
        ...NATIONAL_DEFAULTS,
        thresholds: { ...NATIONAL_DEFAULTS.thresholds, collectiveDiscussionAmount: 80_000 },
      },
    });
    expect(national.json()).toMatchObject({ id: 'national', version: 2, resolved: null });
    const eff2 = (await call('officer1', 'GET', '/api/rule-packs/effective')).json();
    expect(eff2.ref).toBe('national@2+prv@2');
    expect(eff2.content.thresholds.collectiveDiscussionAmount).toBe(80_000);
    const versions = (await call('admin', 'GET', '/api/admin/rule-packs')).json().items;
    expect(versions.map((v: { id: string; version: number }) => `${v.id}@${v.version}`)).toEqual([
      'national@2',
      'prv@2',
      'prv@1',
    ]);
  });
});
