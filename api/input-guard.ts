// PostgreSQL text cannot hold the NUL character: input containing one is refused for every endpoint at once
// (400 with the field), before it can reach a query and fail there.
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/** The path of the first string containing U+0000, or undefined. */
export function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = findNul(v, `${path}.${i}`);
      if (hit) return hit;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNul(k, `${path}.${k}`) ?? findNul(v, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return undefined;
}

export function rejectNulCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const hit =
      findNul(req.params, 'params') ?? findNul(req.query, 'querystring') ?? findNul(req.body, 'body');
    if (hit)
      throw new AppError('VALIDATION_FAILED', [
        { path: hit, message: '不能包含空字符 / must not contain NUL characters' },
      ]);
  });
}
