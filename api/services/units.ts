// The unit hierarchy: a user sees the cases of their unit and of the units below it.
import type { Db } from '../../platform/db.js';

export async function unitSubtree(db: Db, rootId: string): Promise<string[]> {
  const units = await db.unit.findMany({ select: { id: true, parentId: true } });
  const children = new Map<string, string[]>();
  for (const u of units)
    if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const out: string[] = [];
  for (const queue = [rootId]; queue.length;) {
    const id = queue.shift()!;
    out.push(id);
    queue.push(...(children.get(id) ?? []));
  }
  return out;
}
