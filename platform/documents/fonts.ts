// Where the documents' CJK fonts are: the serif and sans faces of Noto CJK (Debian's fonts-noto-cjk, installed by
// the bootstrap) or any folder in TIEAN_FONT_DIRS (":"-separated) that holds them.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const DEBIAN_FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto'];
/** The files the layout needs (the serif face for the text, the sans face for headings). */
export const REQUIRED_FONTS = ['NotoSerifCJK-Regular.ttc', 'NotoSansCJK-Regular.ttc'];

export function fontDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const extra = (env.TIEAN_FONT_DIRS ?? '').split(':').filter(Boolean);
  return [...extra, ...DEBIAN_FONT_DIRS].filter((d) => existsSync(d));
}

/** The required font files that no font folder holds. */
export function missingFonts(env: NodeJS.ProcessEnv = process.env): string[] {
  const present = new Set(fontDirs(env).flatMap((d) => readdirSync(d)));
  return REQUIRED_FONTS.filter((f) => !present.has(f));
}

export const FONTS_HINT =
  'apt-get install fonts-noto-cjk (or set TIEAN_FONT_DIRS to a folder with NotoSerifCJK-Regular.ttc and NotoSansCJK-Regular.ttc)';

export const templatePath = (name: string) => path.join(import.meta.dirname, name);

export class FontsMissingError extends Error {
  constructor(missing: string[]) {
    super(`the documents' fonts are missing (${missing.join(', ')}): ${FONTS_HINT}`);
  }
}
