// Input the database cannot store, or that would take the server down, is refused for every endpoint at once,
// before it reaches validation, a query or a workflow (400 naming the field):
// - the NUL character (PostgreSQL text cannot hold it);
// - a lone UTF-16 surrogate (not valid UTF-8: the insert would fail after a case number was allocated);
// - JSON nested deeper than MAX_DEPTH (walked without recursion, so the guard itself cannot overflow).
// Bodies over the size limit are refused by Fastify with 413 (api/errors.ts).
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/** Deeper than any request of the API needs (a command is at most a few levels deep). */
export const MAX_DEPTH = 32;

export interface InputFault {
  path: string;
  message: string;
}

const NUL = '不能包含空字符 / must not contain NUL characters';
const SURROGATE = '包含无效字符（孤立代理项） / contains an invalid character (a lone surrogate)';
const DEEP = `嵌套层级过深（最多 ${MAX_DEPTH} 层） / nested too deeply (at most ${MAX_DEPTH} levels)`;

function textFault(s: string): string | undefined {
  if (s.includes('\u0000')) return NUL;
  // In Unicode mode a valid pair is one code point, so only a lone surrogate matches.
  return /\p{Cs}/u.test(s) ? SURROGATE : undefined;
}

/** The first value under `path` that cannot be stored, walking iteratively. */
export function findFault(value: unknown, path: string): InputFault | undefined {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path, depth: 0 }];
  while (stack.length) {
    const { v, path: p, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const message = textFault(v);
      if (message) return { path: p, message };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) return { path: p, message: DEEP };
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    // Pushed in reverse so the first field is looked at first.
    for (const [k, x] of entries.reverse()) {
      const message = textFault(k);
      if (message) return { path: `${p}.${k}`, message };
      stack.push({ v: x, path: `${p}.${k}`, depth: depth + 1 });
    }
  }
  return undefined;
}

export function rejectUnstorableInput(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const hit =
      findFault(req.params, 'params') ?? findFault(req.query, 'querystring') ?? findFault(req.body, 'body');
    if (hit) throw new AppError('VALIDATION_FAILED', [hit]);
  });
}
