// Rule packs in the database: loading a national pack or a provincial override (validated, a new version each
// time), and resolving the pack a unit's new cases run under: the latest national pack (the built-in one until
// an administrator loads another) with the latest override of the unit's province (the root of its tree).
import type { Db } from '../platform/db.js';
import { mergePack } from '../domain/rules/packs/merge.js';
import {
  NATIONAL_BUILTIN_VERSION,
  NATIONAL_DEFAULTS,
  NATIONAL_PACK_ID,
} from '../domain/rules/packs/national.js';
import { RulePackFileSchema, type ResolvedRulePack, type RulePackFile } from '../schema/rule-pack.js';
import { AppError } from '../schema/errors.js';

type Overrides = Extract<RulePackFile, { scope: 'province' }>['overrides'];

async function latest(db: Db, id: string) {
  return db.rulePack.findFirst({ where: { id }, orderBy: { version: 'desc' } });
}

async function provinceOf(db: Db, unitId: string): Promise<string> {
  let id = unitId;
  for (let guard = 0; guard < 20; guard++) {
    const u = await db.unit.findUnique({ where: { id }, select: { parentId: true } });
    if (!u?.parentId) return id;
    id = u.parentId;
  }
  return id;
}

export async function resolveRulePack(db: Db, unitId: string): Promise<ResolvedRulePack> {
  const nat = await latest(db, NATIONAL_PACK_ID);
  const natFile = nat ? RulePackFileSchema.parse(nat.content) : undefined;
  const national = natFile?.scope === 'national' ? natFile.content : NATIONAL_DEFAULTS;
  const natRef = `${NATIONAL_PACK_ID}@${nat?.version ?? NATIONAL_BUILTIN_VERSION}`;
  const province = await provinceOf(db, unitId);
  const prv = await latest(db, province);
  if (!prv) return { ref: natRef, content: national };
  const file = RulePackFileSchema.parse(prv.content);
  const overrides: Overrides = file.scope === 'province' ? file.overrides : {};
  return { ref: `${natRef}+${province}@${prv.version}`, content: mergePack(national, overrides) };
}

/** Validates and stores a pack as the next version of its id; returns the id and version. Nothing is written
 * if the file is invalid or names a unit that is not a province (a root unit). */
export async function loadRulePack(
  db: Db,
  raw: unknown,
  loadedBy: string,
): Promise<{ id: string; version: number; resolved: ResolvedRulePack | null }> {
  const parsed = RulePackFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      'VALIDATION_FAILED',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  const file = parsed.data;
  const id = file.scope === 'national' ? NATIONAL_PACK_ID : file.unitId;
  if (file.scope === 'province') {
    const unit = await db.unit.findUnique({ where: { id: file.unitId } });
    if (!unit || unit.parentId)
      throw new AppError('VALIDATION_FAILED', [
        { path: 'unitId', message: '须为省级单位 / must be a province (a unit without a parent)' },
      ]);
  }
  const version = await db.$transaction(async (tx) => {
    const prev = await tx.rulePack.findFirst({ where: { id }, orderBy: { version: 'desc' } });
    const next = (prev?.version ?? (id === NATIONAL_PACK_ID ? NATIONAL_BUILTIN_VERSION : 0)) + 1;
    await tx.rulePack.create({
      data: { id, version: next, content: file as object, source: file.source, loadedBy },
    });
    return next;
  });
  // What a province's new cases now run under (for a national pack: nothing to show per unit).
  const resolved = file.scope === 'province' ? await resolveRulePack(db, file.unitId) : null;
  return { id, version, resolved };
}
