// The workbench offers the case commands the API serves, each with the very body schema the API validates with
// and the same roles (web/src/commands.ts against the routes' registry); and the workbench is served at `/`.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_COMMANDS as API_COMMANDS } from '../../api/routes/cases/commands.js';
import { COMPLAINT_COMMANDS as API_COMPLAINT_COMMANDS } from '../../api/routes/complaints.js';
import {
  CASE_COMMANDS as WEB_COMMANDS,
  COMPLAINT_COMMANDS as WEB_COMPLAINT_COMMANDS,
  commandsFor,
} from '../../web/src/commands.js';
import { testApi } from '../helpers/api.js';
import { freshDb, type TestDb } from '../helpers/db.js';

let tdb: TestDb;
let app: FastifyInstance;

beforeAll(async () => {
  tdb = await freshDb();
  app = await testApi(tdb.db);
});
afterAll(async () => {
  await app?.close();
  await tdb?.drop();
});

describe('the workbench and the API', () => {
  it('offers every case command with the API’s schema and roles, and nothing else', () => {
    const web = new Map(WEB_COMMANDS.map((c) => [`/api/cases/:number/${c.path}`, c]));
    expect([...web.keys()].sort()).toEqual([...API_COMMANDS.keys()].sort());
    for (const [path, api] of API_COMMANDS) {
      const mine = web.get(path)!;
      expect(mine.body, path).toBe(api.body);
      expect([...mine.roles].sort(), path).toEqual([...api.roles].sort());
      expect(mine.stages.length, path).toBeGreaterThan(0);
    }
  });

  it('offers every complaint command with the API’s schema', () => {
    const web = new Map(WEB_COMPLAINT_COMMANDS.map((c) => [`/api/complaints/:number/${c.path}`, c.body]));
    expect([...web.keys()].sort()).toEqual([...API_COMPLAINT_COMMANDS.keys()].sort());
    for (const [path, body] of API_COMPLAINT_COMMANDS) expect(web.get(path), path).toBe(body);
  });

  it('offers the expected next step first, and only to those who may take it', () => {
    expect(commandsFor('filing', ['agency_head'])[0]!.path).toBe('filing-decision');
    expect(commandsFor('filing', ['case_officer']).map((c) => c.path)).not.toContain('filing-decision');
    expect(commandsFor('review', ['legal_reviewer']).map((c) => c.path)).toEqual([
      'case-review',
      'legal-review',
    ]);
    expect(commandsFor('served', ['agency_head'])[0]!.path).toBe('closure');
    expect(commandsFor('investigation', ['supervisor'])).toEqual([]);
  });

  it('serves the app at / and at its pages, and keeps /api/… a JSON 404', async () => {
    for (const url of ['/', '/cases/DC-2026-00001', '/board']) {
      const r = await app.inject({ method: 'GET', url });
      // Built by the test command's bootstrap (scripts/web.ts).
      expect([r.statusCode, r.headers['content-type']], url).toEqual([200, 'text/html; charset=utf-8']);
    }
    const page = await app.inject({ method: 'GET', url: '/' });
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)![1]!;
    const asset = await app.inject({ method: 'GET', url: script });
    expect([asset.statusCode, asset.headers['content-type']]).toEqual([
      200,
      expect.stringMatching(/javascript/),
    ]);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const api = await app.inject({ method: 'GET', url: '/api/nope' });
    expect([api.statusCode, api.headers['content-type']]).toEqual([
      404,
      'application/problem+json; charset=utf-8',
    ]);
    const missing = await app.inject({ method: 'GET', url: '/assets/none.js' });
    expect(missing.statusCode).toBe(404);
  });
});
