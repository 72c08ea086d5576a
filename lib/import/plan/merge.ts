/** A later row of the file for the same record: fills what the first left empty, unions arrays, keeps the first's custom keys. */
export function mergeInto(target: Record<string, unknown>, extra: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(extra)) {
    const cur = target[k];
    if (Array.isArray(cur) && Array.isArray(v)) target[k] = [...new Set([...cur, ...v])];
    else if (k === 'custom' && cur && typeof cur === 'object' && v && typeof v === 'object') target[k] = { ...v, ...cur };
    else if ((cur === null || cur === undefined || cur === '') && v !== null && v !== undefined && v !== '') target[k] = v;
  }
}

/** Fields the existing record lacks or arrays it would gain: the update a matching row brings. */
export function fillPatch(existing: Record<string, unknown>, incoming: Record<string, unknown>, skip: string[] = []): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(incoming)) {
    if (skip.includes(k) || k === 'id' || v === null || v === undefined || v === '') continue;
    const cur = existing[k];
    if (Array.isArray(v)) {
      const curArr = Array.isArray(cur) ? cur : [];
      const added = v.filter((x) => !curArr.includes(x));
      if (added.length) patch[k] = [...curArr, ...added];
    } else if (k === 'custom' && typeof v === 'object') {
      const curObj = (cur ?? {}) as Record<string, unknown>;
      const add = Object.fromEntries(Object.entries(v as object).filter(([ck]) => curObj[ck] === undefined));
      if (Object.keys(add).length) patch[k] = { ...curObj, ...add };
    } else if (cur === null || cur === undefined || cur === '' || (k === 'accountId' && !cur)) {
      patch[k] = v;
    }
  }
  return patch;
}
