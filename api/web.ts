// The workbench (web/dist, built by the start command) at `/`: its assets as files, and every other GET outside
// /api answered with its page, so that a link to /cases/… opens the app there. Without a build, `/` says how to
// get one; the API itself never depends on it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

/** Paths the app routes itself (everything but the API and the built assets). */
const isAppPath = (url: string) => !url.startsWith('/api/') && url !== '/api' && !url.startsWith('/assets/');

export async function serveWorkbench(app: FastifyInstance, dist = WEB_DIST): Promise<void> {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send(
          '工作台尚未构建：请运行 npm start。\nThe workbench is not built: run npm start.\nAPI: /api/docs\n',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: path.join(dist, 'assets'),
    prefix: '/assets/',
    // Hashed names: a file never changes under its name.
    immutable: true,
    maxAge: '365d',
  });
  // Read on each request (half a kilobyte): a rebuild while the API runs is served at once.
  const sendPage = (reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(readFileSync(index));
  app.get('/', { schema: { hide: true } }, async (_req, reply) => sendPage(reply));
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    if (!isAppPath(req.url)) return reply.callNotFound();
    return sendPage(reply);
  });
}
