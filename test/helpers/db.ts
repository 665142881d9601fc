// A fresh database per test file, copied from the migrated template (fast, isolated, no mocks).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../../platform/db.js';
import { seedDemo } from '../../scripts/seed.js';

export interface TestDb {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function freshDb(opts: { seed?: boolean } = { seed: true }): Promise<TestDb> {
  const name = `t_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await admin(`create database "${name}" template "${inject('templateDb')}"`);
  const url = inject('pgAdminUrl').replace(/\/postgres$/, `/${name}`);
  const db = createDb(url, 5);
  if (opts.seed ?? true) await seedDemo(db);
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      await admin(`drop database if exists "${name}" with (force)`);
    },
  };
}
