/** Helpers to compare translation catalogues (used by the catalogue tests and tooling). */

export type Catalogue = { readonly [key: string]: string | Catalogue };

/** i18next plural suffixes (JSON v4): `total_one`, `total_other`, Arabic's `_zero` … `_many`. */
export const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf as `dotted.key` → text. */
export function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The key without its plural suffix: what `t()` is called with. */
export const baseKey = (key: string): string => key.replace(PLURAL_SUFFIX, '');

/** Base keys, each with the plural categories present ([] for a plain key). */
export function baseKeys(flat: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of flat.keys()) {
    const base = baseKey(key);
    const forms = out.get(base) ?? [];
    const suffix = PLURAL_SUFFIX.exec(key)?.[1];
    if (suffix) forms.push(suffix);
    out.set(base, forms);
  }
  return out;
}

/** Interpolation variables of a text: "{{count, number}} of {{total}}" → ["count", "total"]. */
export function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^,}\s]+)/g)].map((m) => m[1] ?? '').sort();
}
