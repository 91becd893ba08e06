/** Dotted paths into plain objects (`person.givenName`), as the column map names fields. */

type Bag = Record<string, unknown>;
const isBag = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at `path`, or undefined when any step is missing. */
export function getPath(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const key of path.split('.')) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, key)) return undefined;
    v = (v as Bag)[key];
  }
  return v;
}

/** Sets the value at `path`, creating the objects on the way. */
export function setPath(obj: Bag, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let v = obj;
  for (const key of keys) {
    const next = v[key];
    if (isBag(next)) v = next;
    else {
      const created: Bag = {};
      v[key] = created;
      v = created;
    }
  }
  v[last] = value;
}
