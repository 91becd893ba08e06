import { useState } from 'react';
import { useResource, type Resource } from '../../lib/use-resource.ts';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedList<T> {
  state: Resource<Page<T>>;
  /** The first page's items and those "Show more" added. */
  items: T[];
  hasMore: boolean;
  showMore: () => Promise<void>;
  loadingMore: boolean;
  moreError: unknown;
}

/**
 * A list read page by page: the first page per `key`, then "Show more" appends the next one.
 * Pages already shown stay when the next one fails (the error is returned for the page to say).
 */
export function usePagedList<T>(
  key: string,
  load: (cursor?: string) => Promise<Page<T>>,
): PagedList<T> {
  const { state } = useResource(key, () => load());
  const [more, setMore] = useState<{ key: string; items: T[]; cursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const extra = more?.key === key ? more : null;
  const items = state.status === 'ready' ? [...state.data.items, ...(extra?.items ?? [])] : [];
  const cursor = state.status === 'ready' ? (extra ? extra.cursor : state.data.nextCursor) : null;

  const showMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await load(cursor);
      setMore({ key, items: [...(extra?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  };
  return { state, items, hasMore: cursor !== null, showMore, loadingMore, moreError };
}
