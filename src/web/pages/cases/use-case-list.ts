import { useEffect, useState } from 'react';
import type { CaseList } from '../../../shared/api/cases.schema.ts';
import { casesApi, type CaseFilters } from '../../api/cases-api.ts';

export type CaseListOutcome =
  { status: 'error'; error: unknown } | { status: 'ready'; list: CaseList };

export interface CaseListView {
  /** True while the page asked for is on its way; `outcome` is then the previous one, if any. */
  loading: boolean;
  outcome: CaseListOutcome | null;
  page: number;
  hasNext: boolean;
  next: () => void;
  previous: () => void;
}

/**
 * One page of the case list. Pages are reached by cursor, so the cursors of the pages before
 * this one are kept in a stack: "Previous" pops it, "Next" pushes the server's next cursor.
 * The stack starts afresh whenever the filters change (`filterKey` is their URL).
 */
export function useCaseList(filters: CaseFilters, filterKey: string): CaseListView {
  const [stack, setStack] = useState({ key: filterKey, cursors: [] as string[] });
  const cursors = stack.key === filterKey ? stack.cursors : [];
  const cursor = cursors.at(-1);
  const requestKey = `${filterKey}#${cursor ?? ''}`;
  const [settled, setSettled] = useState<{ key: string; value: CaseListOutcome } | null>(null);

  useEffect(() => {
    let live = true;
    const settle = (value: CaseListOutcome) => live && setSettled({ key: requestKey, value });
    casesApi.list(filters, cursor).then(
      (list) => settle({ status: 'ready', list }),
      (error: unknown) => settle({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
    // `filters` and `cursor` are what `requestKey` is made of.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey]);

  const loading = settled?.key !== requestKey;
  const outcome = settled?.value ?? null;
  const nextCursor = !loading && outcome?.status === 'ready' ? outcome.list.nextCursor : null;
  return {
    loading,
    outcome,
    page: cursors.length + 1,
    hasNext: nextCursor !== null,
    // Both are no-ops while a page loads, so a double press does not skip a page.
    next: () => {
      if (nextCursor !== null) setStack({ key: filterKey, cursors: [...cursors, nextCursor] });
    },
    previous: () => {
      if (!loading && cursors.length > 0)
        setStack({ key: filterKey, cursors: cursors.slice(0, -1) });
    },
  };
}
