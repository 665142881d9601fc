// PDF output: the documents laid out by Typst (platform/documents/document.typ) through its Node compiler.
// Typst sets Chinese text properly (line breaking, punctuation), needs no browser, and lays out a page in
// milliseconds; the template is plain text that reads like the standard it follows. Output is deterministic: the
// same document gives the same bytes (no timestamp), so a version's SHA-256 identifies its content.
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { DocumentBlock, DocumentBody } from '../../schema/document.js';
import { fontDirs, FONTS_HINT, missingFonts, templatePath } from './fonts.js';

export interface CaseFileInput {
  cover: { authority: string; rows: [string, string][] };
  documents: DocumentBody[];
  evidence?: Extract<DocumentBlock, { type: 'table' }>;
}

export class FontsMissingError extends Error {
  constructor(missing: string[]) {
    super(`the documents' fonts are missing (${missing.join(', ')}): ${FONTS_HINT}`);
  }
}

let compiler: NodeCompiler | undefined;
function typst(): NodeCompiler {
  if (compiler) return compiler;
  const missing = missingFonts();
  if (missing.length) throw new FontsMissingError(missing);
  compiler = NodeCompiler.create({
    workspace: templatePath('.'),
    fontArgs: [{ fontPaths: fontDirs() }],
  });
  return compiler;
}

function compile(data: object): Buffer {
  const c = typst();
  const result = c.compile({
    mainFilePath: templatePath('document.typ'),
    inputs: { data: JSON.stringify(data) },
  });
  const doc = result.result;
  if (!doc || result.hasError()) {
    const diag = result.takeDiagnostics() ?? result.takeError();
    throw new Error(
      `document layout failed: ${diag ? JSON.stringify(c.fetchDiagnostics(diag)) : 'no output'}`,
    );
  }
  const pdf = c.pdf(doc, { creationTimestamp: 0 });
  // Keep memory flat in a long-running process: results not used again are dropped.
  c.evictCache(10);
  return pdf;
}

/** One document as a PDF. */
export function documentPdf(body: DocumentBody): Buffer {
  return compile({
    mode: 'document',
    title: `${body.title} ${body.number}`,
    author: body.authority,
    documents: [body],
  });
}

/** The case file (案卷): a cover, a table of contents, every document in order, the evidence list. */
export function caseFilePdf(input: CaseFileInput): Buffer {
  return compile({ mode: 'case_file', title: '行政处罚案卷', author: input.cover.authority, ...input });
}
