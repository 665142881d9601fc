// Runtime configuration: environment variables, validated once with zod.
// Every component reads it here; unset services fall back to the embedded defaults under the data folder.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const port = z.coerce.number().int().min(1).max(65535);
const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .min(1)
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.join(' or ')}//`,
    )
    .optional();

/** The worker's workflow cache by default (measured: `npm run bench -- open-cases`, README "Sizing"). */
export const CACHED_WORKFLOWS_DEFAULT = 1000;

const EnvSchema = z.object({
  TIEAN_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  /** The tables' owner, for migrations only (default: DATABASE_URL). */
  DATABASE_MIGRATION_URL: optionalUrl(['postgres:', 'postgresql:']),
  TIEAN_PG_PORT: port.default(54329),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:7233')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('tiean-cases'),
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS: z.enum(['true', 'false']).optional(),
  TEMPORAL_TLS_CERT: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS_CA: z.string().min(1).optional(),
  TIEAN_TEMPORAL_PORT: port.default(7233),
  TIEAN_TEMPORAL_UI_PORT: port.default(8233),
  TIEAN_TEMPORAL_CLI: z.string().min(1).optional(),
  TIEAN_TEST_SERVER: z.string().min(1).optional(),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
  TIEAN_SMTP_PORT: port.default(2525),
  MAIL_FROM: z.string().min(3).default("铁案 Tie'an <noreply@tiean.local>"),
  TIEAN_API_HOST: z.string().min(1).default('127.0.0.1'),
  TIEAN_API_PORT: port.default(3000),
  TIEAN_PUBLIC_URL: optionalUrl(['http:', 'https:']),
  TIEAN_RATE_READS: z.coerce.number().int().positive().default(600),
  TIEAN_RATE_WRITES: z.coerce.number().int().positive().default(120),
  TIEAN_RATE_LOGINS: z.coerce.number().int().positive().default(10),
  /** Where `tiean worker` serves the Temporal SDK's metrics for Prometheus (host:port); unset: not served. */
  TIEAN_WORKER_METRICS_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:9464')
    .optional(),
  /** How many case, complaint and phase workflows a worker keeps in memory between their steps (its sticky cache);
   * the others are evicted and replayed from history at their next step. Sized in the README ("Sizing"). */
  TIEAN_WORKER_CACHED_WORKFLOWS: z.coerce
    .number()
    .int()
    .min(0)
    .max(100_000)
    .default(CACHED_WORKFLOWS_DEFAULT),
  /** The port `npm start` gives its worker's metrics (on loopback). */
  TIEAN_WORKER_METRICS_PORT: port.default(9464),
  /** A bearer token that lets Prometheus read the API's /metrics from another machine (loopback needs none). */
  TIEAN_METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /** The key that signs the API's commands to the workflows (base64, at least 32 bytes). */
  TIEAN_COMMAND_KEY: z
    .string()
    .trim()
    .refine((v) => /^[A-Za-z0-9+/]+=*$/.test(v) && Buffer.from(v, 'base64').length >= 32, {
      message: 'must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`)',
    })
    .optional(),
  /** The embedded Temporal dev server's web UI (no sign-in: it shows every unit's cases). Off by default. */
  TIEAN_TEMPORAL_UI: z.enum(['on', 'off']).default('off'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Tracing with OpenTelemetry: `otlp` sends spans to the OTLP endpoint (the default when one is set),
   * `console` writes them with the logs, `off` (the default otherwise) loads no tracing at all. */
  TIEAN_TRACING: z.enum(['off', 'console', 'otlp'], { message: 'must be off, console or otlp' }).optional(),
  /** OpenTelemetry's own variables: the collector's base URL (OTLP over HTTP; `/v1/traces` is added), or the
   * traces URL itself, and the service name (default: tiean-api, tiean-worker). */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(['http:', 'https:']),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl(['http:', 'https:']),
  OTEL_SERVICE_NAME: z.string().trim().min(1).max(200).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  dataDir: string;
  /** TIEAN_COMMAND_KEY, if set (platform/command-auth.ts; otherwise the data folder's key file). */
  commandKey?: string;
  /** `url`: the application's login (a member of tiean_app, never the owner); `migrationUrl`: the owner's. */
  database: { url: string; migrationUrl: string; embedded: boolean; port: number };
  temporal: {
    address: string;
    embedded: boolean;
    namespace: string;
    taskQueue: string;
    uiPort: number;
    /** The dev server's web UI is served (TIEAN_TEMPORAL_UI=on). */
    ui: boolean;
    apiKey?: string;
    tls?: { certPath?: string; keyPath?: string; caPath?: string };
  };
  smtp: { url: string; embedded: boolean; port: number; from: string };
  api: {
    host: string;
    port: number;
    publicUrl: string;
    /** Requests per minute: reads and writes per caller, logins per address and username. */
    rateLimits: { reads: number; writes: number; logins: number };
  };
  tools: { temporalCli?: string; testServer?: string; cacheDir: string };
  /** Prometheus: the worker's SDK metrics address, the port the start command uses, the API's scrape token. */
  metrics: { workerAddress?: string; workerPort: number; token?: string };
  /** The worker's sizing: workflows kept in its cache. */
  worker: { cachedWorkflows: number };
  logLevel: Env['LOG_LEVEL'];
  /** OpenTelemetry tracing (platform/tracing.ts): off, with the logs, or to an OTLP/HTTP collector at `url`. */
  tracing: TracingConfig;
}

export type TracingConfig =
  | { mode: 'off'; serviceName?: string }
  | { mode: 'console'; serviceName?: string }
  | { mode: 'otlp'; url: string; serviceName?: string };

export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      '配置无效 / Invalid configuration:\n' + issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** The embedded installation's application login: `tiean_app_login`, with the password the start command keeps
 * in the data folder (scripts/system.ts creates both). */
export const EMBEDDED_APP_ROLE = 'tiean_app_login';
export const appPasswordFile = (dataDir: string) => path.join(dataDir, 'db-app.password');
function embeddedAppUrl(dataDir: string, port: number): string {
  const file = appPasswordFile(dataDir);
  const password = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  return `postgresql://${EMBEDDED_APP_ROLE}:${encodeURIComponent(password)}@127.0.0.1:${port}/tiean`;
}

/** Reads and validates the environment. Throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.TIEAN_DATA_DIR ?? path.join(projectRoot, 'data'));
  const tls =
    e.TEMPORAL_TLS === 'true' || e.TEMPORAL_TLS_CERT || e.TEMPORAL_API_KEY
      ? { certPath: e.TEMPORAL_TLS_CERT, keyPath: e.TEMPORAL_TLS_KEY, caPath: e.TEMPORAL_TLS_CA }
      : undefined;
  if ((e.TEMPORAL_TLS_CERT && !e.TEMPORAL_TLS_KEY) || (!e.TEMPORAL_TLS_CERT && e.TEMPORAL_TLS_KEY)) {
    throw new ConfigError([
      { variable: 'TEMPORAL_TLS_CERT', message: 'TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together' },
    ]);
  }
  const tracing = tracingConfig(e);
  return {
    dataDir,
    commandKey: e.TIEAN_COMMAND_KEY,
    database: {
      url: e.DATABASE_URL ?? embeddedAppUrl(dataDir, e.TIEAN_PG_PORT),
      migrationUrl:
        e.DATABASE_MIGRATION_URL ??
        e.DATABASE_URL ??
        `postgresql://postgres:postgres@127.0.0.1:${e.TIEAN_PG_PORT}/tiean`,
      embedded: !e.DATABASE_URL,
      port: e.TIEAN_PG_PORT,
    },
    temporal: {
      address: e.TEMPORAL_ADDRESS ?? `127.0.0.1:${e.TIEAN_TEMPORAL_PORT}`,
      embedded: !e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      uiPort: e.TIEAN_TEMPORAL_UI_PORT,
      ui: e.TIEAN_TEMPORAL_UI === 'on',
      apiKey: e.TEMPORAL_API_KEY,
      tls,
    },
    smtp: {
      url: e.SMTP_URL ?? `smtp://127.0.0.1:${e.TIEAN_SMTP_PORT}`,
      embedded: !e.SMTP_URL,
      port: e.TIEAN_SMTP_PORT,
      from: e.MAIL_FROM,
    },
    api: {
      host: e.TIEAN_API_HOST,
      port: e.TIEAN_API_PORT,
      publicUrl: e.TIEAN_PUBLIC_URL ?? `http://${e.TIEAN_API_HOST}:${e.TIEAN_API_PORT}`,
      rateLimits: { reads: e.TIEAN_RATE_READS, writes: e.TIEAN_RATE_WRITES, logins: e.TIEAN_RATE_LOGINS },
    },
    tools: {
      temporalCli: e.TIEAN_TEMPORAL_CLI,
      testServer: e.TIEAN_TEST_SERVER,
      cacheDir: path.join(projectRoot, '.cache', 'tools'),
    },
    metrics: {
      workerAddress: e.TIEAN_WORKER_METRICS_ADDRESS,
      workerPort: e.TIEAN_WORKER_METRICS_PORT,
      token: e.TIEAN_METRICS_TOKEN,
    },
    worker: { cachedWorkflows: e.TIEAN_WORKER_CACHED_WORKFLOWS },
    logLevel: e.LOG_LEVEL,
    tracing,
  };
}

/** Tracing is off unless an OTLP endpoint is configured or TIEAN_TRACING asks for it. */
function tracingConfig(e: Env): TracingConfig {
  const serviceName = e.OTEL_SERVICE_NAME;
  const url =
    e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    (e.OTEL_EXPORTER_OTLP_ENDPOINT && `${e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`);
  const mode = e.TIEAN_TRACING ?? (url ? 'otlp' : 'off');
  if (mode !== 'otlp') return { mode, serviceName };
  if (!url)
    throw new ConfigError([
      {
        variable: 'TIEAN_TRACING',
        message: 'otlp needs OTEL_EXPORTER_OTLP_ENDPOINT (the collector, e.g. http://127.0.0.1:4318)',
      },
    ]);
  return { mode, url, serviceName };
}
