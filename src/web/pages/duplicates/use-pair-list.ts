import { useState } from 'react';
import type { DuplicateList, DuplicatePairState } from '../../../shared/api/duplicates.schema.ts';
import { duplicatesApi } from '../../api/duplicates-api.ts';
import { useResource } from '../../lib/use-resource.ts';

/**
 * The pairs of one state, page by page: the first page per `key`, then "Show more" appends the
 * next. Pages already shown stay when the next one fails (the error is returned to be said).
 */
export function usePairList(state: DuplicatePairState, key: string) {
  const { state: first } = useResource(key, () => duplicatesApi.list(state));
  const [more, setMore] = useState<{ key: string; page: DuplicateList } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const extra = more?.key === key ? more.page : null;
  const items = first.status === 'ready' ? [...first.data.items, ...(extra?.items ?? [])] : [];
  const cursor =
    first.status === 'ready' ? (extra ? extra.nextCursor : first.data.nextCursor) : null;
  const showMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await duplicatesApi.list(state, cursor);
      setMore({
        key,
        page: { items: [...(extra?.items ?? []), ...page.items], nextCursor: page.nextCursor },
      });
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  };
  return { first, items, hasMore: cursor !== null, showMore, loadingMore, moreError };
}
