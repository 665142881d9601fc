// Schemathesis (from PyPI) against /api/openapi.json on the running stack: no 5xx, every status code is one the
// OpenAPI document declares, and every response matches the schema it promises.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSystem, type System } from '../helpers/system.js';

let sys: System;

beforeAll(async () => {
  // Generous limits: the fuzzer is one caller sending hundreds of requests a minute.
  sys = await createSystem({
    TIEAN_RATE_READS: '100000',
    TIEAN_RATE_WRITES: '100000',
    TIEAN_RATE_LOGINS: '100000',
  });
  await sys.start();
});
afterAll(async () => {
  await sys?.destroy();
});

function schemathesis(token: string): Promise<{ code: number | null; out: string }> {
  const reportDir = mkdtempSync(path.join(os.tmpdir(), 'tiean-st-'));
  const args = [
    'run',
    `${sys.api}/api/openapi.json`,
    '--header',
    `Authorization: Bearer ${token}`,
    '--checks',
    'not_a_server_error,response_schema_conformance,status_code_conformance',
    // Signing out would end the fuzzer's own session.
    '--exclude-method',
    'DELETE',
    '--max-examples',
    '25',
    '--seed',
    '20261121',
    '--report-dir',
    reportDir,
    '--no-color',
  ];
  return new Promise((resolve) => {
    const child = spawn(inject('schemathesis'), args, {
      cwd: reportDir,
      env: { ...process.env, SCHEMATHESIS_HOOKS: '' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('error', (err) => resolve({ code: -1, out: `${out}\n${String(err)}` }));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('Schemathesis against the OpenAPI document', () => {
  it.each(['admin', 'officer1'])(
    'finds no server error and no response outside the schema, signed in as %s',
    async (user) => {
      const { code, out } = await schemathesis(await sys.login(user));
      expect(out).toMatch(/passed/);
      expect(out).not.toMatch(/unresolvable reference/i);
      expect(code, out.slice(-6000)).toBe(0);
    },
    // Each operation gets its examples: about 90 operations, on 2 cores shared with the running stack.
    540_000,
  );
});
