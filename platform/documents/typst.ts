// The layout itself: the documents laid out by Typst (platform/documents/document.typ) through its Node compiler,
// in the process that calls it. Only the layout process (layout-process.ts) calls it: the compiler keeps about a
// quarter of a megabyte for every distinct document it has laid out (measured: linear over 4,000 documents,
// `evictCache` does not return it), so the API hands the work to a child process it replaces now and then.
// Typst sets Chinese text properly (line breaking, punctuation), needs no browser, and lays out a page in
// milliseconds; the template is plain text that reads like the standard it follows. Output is deterministic: the
// same document gives the same bytes (no timestamp), so a version's SHA-256 identifies its content.
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { FontsMissingError, fontDirs, missingFonts, templatePath } from './fonts.js';

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

/** Lays out the template's input (`{mode, documents, cover?, evidence?}`) as a PDF. */
export function layoutPdf(data: object): Buffer {
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
  // Drops the memoised results it can (it slows the growth; the layout process's replacement bounds it).
  c.evictCache(0);
  return pdf;
}
