// Structured JSON logs (pino) for every process.
import { pino, type Logger } from 'pino';

export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, base: { svc: name }, timestamp: pino.stdTimeFunctions.isoTime });
}
export type { Logger };
