/**
 * setData sends only what changed: a reload that finds the same timeline sends nothing for it.
 * Values are compared as JSON, which is exactly what crosses to the view layer.
 */
export function changedData<T extends object>(current: Partial<T>, next: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(next[key])) changed[key] = next[key];
  }
  return changed;
}

export function isEmpty(data: object): boolean {
  return Object.keys(data).length === 0;
}

/**
 * The setData payload that turns list `current` into `next`: one `key[i]` path per changed or
 * added row, or the whole list when it got shorter (setData cannot delete array items by path).
 */
export function listPatch<T>(
  key: string,
  current: readonly T[],
  next: readonly T[],
): Record<string, unknown> {
  if (next.length < current.length) return { [key]: next };
  const patch: Record<string, unknown> = {};
  next.forEach((row, index) => {
    if (JSON.stringify(current[index]) !== JSON.stringify(row)) patch[`${key}[${index}]`] = row;
  });
  return patch;
}
