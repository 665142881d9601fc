// Issues a case's document through the documents register, as the API does, and reads its PDF back as text
// (pdftotext, from Debian's poppler-utils, installed by the bootstrap) to check what it says.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Db } from '../../platform/db.js';
import type { DocumentKind } from '../../schema/document.js';
import type { Actor } from '../../schema/roles.js';
import { documentVersion, issueDocument, sha256 } from '../../services/documents/register.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tiean-docs-'));

/** The PDF's pages as a reader sees them, whitespace removed (Chinese has no spaces; lines break anywhere). */
export function pdfPages(pdf: Buffer): string[] {
  const file = path.join(dir, `${sha256(pdf)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .split('\f')
    .map((p) => p.replace(/\s+/g, ''));
}
export const pdfText = (pdf: Buffer): string => pdfPages(pdf).join('');

/** Issues the document of `kind` (for `step`, else the latest step that calls for it) and checks its text. */
export async function expectDocument(
  db: Db,
  actor: Actor,
  caseNumber: string,
  kind: DocumentKind,
  says: string[],
  step?: number,
): Promise<{ number: string; text: string }> {
  const issued = await issueDocument(db, actor, caseNumber, { kind, ...(step ? { step } : {}) });
  const text = pdfText((await documentVersion(db, caseNumber, issued.id)).pdf);
  for (const s of [issued.number, ...says])
    expect(text, `${kind} says ${s}`).toContain(s.replace(/\s+/g, ''));
  return { number: issued.number, text };
}
