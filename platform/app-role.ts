// The embedded installation's application login (the tables' owner only migrates): `tiean_app_login`, a member
// of the `tiean_app` role the migrations grant (read and write, never TRUNCATE, never UPDATE or DELETE on the
// append-only tables, no schema changes). Its password is kept in the data folder, readable only by its owner.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { appPasswordFile, EMBEDDED_APP_ROLE } from './config.js';

export async function ensureAppLogin(ownerUrl: string, dataDir: string): Promise<void> {
  const file = appPasswordFile(dataDir);
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600, flag: 'wx' });
  const password = readFileSync(file, 'utf8').trim();
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    const exists = (await c.query('select 1 from pg_roles where rolname = $1', [EMBEDDED_APP_ROLE])).rowCount;
    // The password is hex: safe to place in the statement (roles take no bind parameters).
    await c.query(
      exists
        ? `alter role ${EMBEDDED_APP_ROLE} with login password '${password}'`
        : `create role ${EMBEDDED_APP_ROLE} with login password '${password}' in role tiean_app`,
    );
  } finally {
    await c.end();
  }
}
