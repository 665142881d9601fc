// Prisma CLI config (Prisma 6.19 with the JS/WASM schema engine: no native engine download).
// The pg adapter is patched for the CLI process only (migrations run offline, with no engine download).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// The WASM schema engine never clears its timers; unref those created from WASM code so the CLI exits.
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = function (this: unknown, ...args: Parameters<typeof setTimeout>) {
  const timer = realSetTimeout.apply(this, args);
  if (new Error().stack?.includes('wasm://')) timer.unref();
  return timer;
} as typeof setTimeout;

const DATABASE_URL = process.env.DATABASE_URL;
// env("DATABASE_URL") must resolve even for `prisma generate`, or Prisma 6 tries to download an engine.
process.env.DATABASE_URL ??= 'postgresql://unset@localhost:5432/unset';

type PgConfig = pg.PoolConfig & { database: string };

function pgConfig(url: string): PgConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    allowExitOnIdle: true,
  };
}

async function admin(cfg: PgConfig, sql: string) {
  const c = new pg.Client(cfg);
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

// Introspection returns catalog columns of type "char" (oid 18) and name (oid 19) that
// @prisma/adapter-pg cannot map (prisma/orm#27403): report name as text and "char" as Character.
const CHAR_MARK = '\u0000char';
const patched = new WeakSet<object>();
function patchCatalogTypes(conn: object) {
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(conn));
  if (patched.has(proto)) return;
  const { performIO, queryRaw } = proto;
  if (typeof performIO !== 'function' || typeof queryRaw !== 'function')
    throw new Error('@prisma/adapter-pg internals changed: performIO/queryRaw not found');
  proto.performIO = async function (this: unknown, query: unknown) {
    const res = await performIO.call(this, query);
    for (const f of res.fields ?? []) {
      if (f.dataTypeID === 19) f.dataTypeID = 25;
      else if (f.dataTypeID === 18) {
        f.dataTypeID = 25;
        f.name += CHAR_MARK;
      }
    }
    return res;
  };
  proto.queryRaw = async function (this: unknown, query: unknown) {
    const res = await queryRaw.call(this, query);
    res.columnNames.forEach((n: string, i: number) => {
      if (n.endsWith(CHAR_MARK)) {
        res.columnNames[i] = n.slice(0, -CHAR_MARK.length);
        res.columnTypes[i] = 6;
      }
    });
    return res;
  };
  patched.add(proto);
}

/** PrismaPg for the CLI: catalog types patched; a shadow database that is really separate and dropped after use. */
class PrismaPgMigrate extends PrismaPg {
  constructor(private readonly cfg: PgConfig) {
    super(cfg);
  }
  override async connect() {
    const conn = await super.connect();
    patchCatalogTypes(conn);
    return conn;
  }
  override async connectToShadowDb() {
    const name = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
    await admin(this.cfg, `CREATE DATABASE "${name}"`);
    const conn = await new PrismaPg({ ...this.cfg, database: name }).connect();
    patchCatalogTypes(conn);
    const dispose = conn.dispose.bind(conn);
    conn.dispose = async () => {
      await dispose();
      await admin(this.cfg, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return conn;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'schema/prisma/schema.prisma',
  migrations: { path: 'schema/prisma/migrations' },
  async adapter() {
    if (!DATABASE_URL) throw new Error('DATABASE_URL is not set');
    return new PrismaPgMigrate(pgConfig(DATABASE_URL));
  },
});
