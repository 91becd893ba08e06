import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message.ts';
import type { Resource } from '../lib/use-resource.ts';
import { FormAlert } from './FormAlert.tsx';

interface Props<T> {
  state: Resource<{ items: T[] }>;
  /** Said when there are no items. */
  none: string;
  children: (items: T[]) => ReactNode;
}

/** A list read at once: loading, why it failed, that there is none, or the items. */
export function LoadedItems<T>({ state, none, children }: Props<T>) {
  const { t } = useTranslation();
  if (state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.status === 'error') return <FormAlert message={errorMessage(t, state.error)} />;
  return state.data.items.length === 0 ? <p>{none}</p> : children(state.data.items);
}
