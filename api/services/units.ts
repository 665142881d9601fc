// The unit hierarchy: a user sees the cases of their unit and of the units below it.
import type { Db } from '../../platform/db.js';

export async function unitSubtree(db: Db, rootId: string): Promise<string[]> {
  return (await unitScope(db, rootId)).units;
}

/** The units a unit covers (itself and those below it), and whether it is the installation's root unit (which
 * also sees what belongs to no unit: e-mails about no matter, refusals of no signed-in user). */
export async function unitScope(db: Db, unitId: string): Promise<{ units: string[]; root: boolean }> {
  const all = await db.unit.findMany({ select: { id: true, parentId: true } });
  const children = new Map<string, string[]>();
  for (const u of all) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const units: string[] = [];
  for (const queue = [unitId]; queue.length;) {
    const id = queue.shift()!;
    units.push(id);
    queue.push(...(children.get(id) ?? []));
  }
  const self = all.find((u) => u.id === unitId);
  return { units, root: self !== undefined && self.parentId === null };
}
