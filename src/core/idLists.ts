// Article ids kept per key (a word, a name): most keys belong to one article, and a one-item array
// costs several times the id itself, so one id stands alone and only two or more make a list.

/** Article ids: one id alone, or a list of two or more, in the order they came. */
export type Ids = string | string[];

export function idsOf(ids: Ids | undefined): readonly string[] {
  return ids === undefined ? [] : typeof ids === 'string' ? [ids] : ids;
}

export function packIds(list: string[]): Ids {
  return list.length === 1 ? list[0] : list;
}

/** Adds an id the list does not hold. */
export function idsAdd(m: Map<string, Ids>, k: string, id: string) {
  const ids = m.get(k);
  if (ids === undefined) m.set(k, id);
  else if (typeof ids === 'string') m.set(k, [ids, id]);
  else ids.push(id);
}

export function idsDelete(m: Map<string, Ids>, k: string, id: string) {
  const ids = m.get(k);
  if (ids === undefined) return;
  if (typeof ids === 'string') {
    if (ids === id) m.delete(k);
    return;
  }
  const i = ids.indexOf(id);
  if (i < 0) return;
  ids.splice(i, 1);
  if (ids.length === 1) m.set(k, ids[0]);
}
