import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

/** Loads `load()` once per `key`; `reload` fetches again, `set` replaces the data after a write. */
export function useResource<T>(key: string, load: () => Promise<T>) {
  const [result, setResult] = useState<{ key: string; value: Resource<T> } | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setResult({ key, value: { status: 'ready', data } }),
      (error: unknown) => live && setResult({ key, value: { status: 'error', error } }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `key` (and `generation`) say when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const set = useCallback((data: T) => setResult({ key, value: { status: 'ready', data } }), [key]);
  const state: Resource<T> = result?.key === key ? result.value : { status: 'loading' };
  return { state, reload, set };
}
