// PDF output: the documents laid out by Typst (platform/documents/typst.ts) in a child process of this one. The
// child lays out one document at a time and is replaced after a number of documents (the compiler's memory grows
// with every distinct document, and a process's memory is the only thing that reliably gives it back) or when it
// has been idle a while (its fonts take ~150 MB). A request waits for the one before it: the layout takes
// milliseconds, and one CPU-bound child per process keeps the API's event loop free.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { DocumentBlock, DocumentBody } from '../../schema/document.js';
import { FontsMissingError, missingFonts } from './fonts.js';

export { FontsMissingError };

export interface CaseFileInput {
  cover: { authority: string; rows: [string, string][] };
  documents: DocumentBody[];
  evidence?: Extract<DocumentBlock, { type: 'table' }>;
}

export const layoutLimits = {
  /** Documents a layout process lays out before it is replaced (~0.3 MB each stays in it: ~60 MB at most). */
  perProcess: 200,
  /** An idle layout process exits after this long. */
  idleMs: 60_000,
  /** A layout that takes longer has failed (the process is replaced). */
  timeoutMs: 60_000,
};

/** The layout process's pid, if one runs. */
export const layoutPid = (): number | undefined => child?.pid;

interface Pending {
  resolve(pdf: Buffer): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

let child: ChildProcess | undefined;
let done = 0;
let nextId = 1;
let idle: NodeJS.Timeout | undefined;
const pending = new Map<number, Pending>();
let queue: Promise<unknown> = Promise.resolve();

function retire(reason: string) {
  const c = child;
  child = undefined;
  done = 0;
  if (c) {
    c.removeAllListeners();
    if (c.connected) c.disconnect();
    c.kill();
  }
  for (const [id, p] of pending) {
    clearTimeout(p.timer);
    p.reject(new Error(`document layout failed: ${reason}`));
    pending.delete(id);
  }
}

function layoutProcess(): ChildProcess {
  if (child && done < layoutLimits.perProcess) return child;
  if (child) retire('replaced');
  const c = fork(path.join(import.meta.dirname, 'layout-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  c.on('message', (m: { id: number; pdf?: Uint8Array; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.pdf) p.resolve(Buffer.from(m.pdf));
    else p.reject(new Error(m.error ?? 'document layout failed'));
  });
  c.on('exit', (code, signal) => {
    if (child === c) retire(`the layout process exited (${signal ?? code})`);
  });
  child = c;
  return c;
}

/** The fonts were found once (they are looked for again only while missing: installing them needs no restart). */
let fontsFound = false;

function layout(data: object): Promise<Buffer> {
  if (!fontsFound) {
    const missing = missingFonts();
    if (missing.length) return Promise.reject(new FontsMissingError(missing));
    fontsFound = true;
  }
  const run = () =>
    new Promise<Buffer>((resolve, reject) => {
      clearTimeout(idle);
      const c = layoutProcess();
      const id = nextId++;
      done++;
      const timer = setTimeout(() => retire('it took too long'), layoutLimits.timeoutMs);
      pending.set(id, { resolve, reject, timer });
      // While it works, the child keeps this process alive; idle, it does not (the process may end, and the child
      // with it when its channel closes).
      c.ref();
      c.channel?.ref();
      c.send({ id, data });
    }).finally(() => {
      if (child && !pending.size) {
        child.unref();
        child.channel?.unref();
      }
      idle = setTimeout(() => retire('idle'), layoutLimits.idleMs);
      idle.unref();
    });
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** One document as a PDF. */
export function documentPdf(body: DocumentBody): Promise<Buffer> {
  return layout({
    mode: 'document',
    title: `${body.title} ${body.number}`,
    author: body.authority,
    documents: [body],
  });
}

/** The case file (案卷): a cover, a table of contents, every document in order, the evidence list. */
export function caseFilePdf(input: CaseFileInput): Promise<Buffer> {
  return layout({ mode: 'case_file', title: '行政处罚案卷', author: input.cover.authority, ...input });
}

/** Stops the layout process (at shutdown). */
export function stopLayout(): void {
  clearTimeout(idle);
  retire('stopped');
}
