import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DuplicatePairState,
  DuplicateScanResult,
} from '../../../shared/api/duplicates.schema.ts';
import { duplicatesApi } from '../../api/duplicates-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { navigate, useLocation } from '../../router/history.ts';
import { explain, formatProbability } from './explanation.ts';
import { usePairList } from './use-pair-list.ts';
import './reunite.css';

/** The schema's states, repeated so zod stays out of the bundle (checked by `satisfies`). */
export const PAIR_STATES = [
  'open',
  'not_duplicate',
  'merged',
  'obsolete',
] as const satisfies readonly DuplicatePairState[];

/**
 * /duplicates — the organisation's duplicate review (supervisors): run a scan, then the pairs,
 * most likely first, by case reference only (no names: those show on a pair's page, an audited
 * read). `?state=` holds a code only.
 */
export function DuplicatesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { search } = useLocation();
  const state: DuplicatePairState = PAIR_STATES.find((s) => s === search.get('state')) ?? 'open';
  const [scanKey, setScanKey] = useState(0);
  const {
    first: list,
    items,
    hasMore,
    showMore,
    loadingMore,
    moreError,
  } = usePairList(state, `duplicates/${state}/${scanKey}`);
  const [scanning, setScanning] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const scan = async () => {
    setScanning(true);
    setAlert(null);
    setStatus(t('duplicates.review.scanning'));
    try {
      const r: DuplicateScanResult = await duplicatesApi.scan();
      setStatus(
        t('duplicates.review.scanned', {
          count: r.persons,
          opened: r.opened,
          updated: r.updated,
          obsolete: r.obsolete,
        }),
      );
      setScanKey((k) => k + 1);
    } catch (e) {
      setStatus(null);
      setAlert(errorMessage(t, e));
    } finally {
      setScanning(false);
    }
  };

  return (
    <>
      <PageHeading title={t('duplicates.review.title')} />
      <p className="hint">{t('duplicates.review.intro')}</p>
      <div className="actions">
        <button type="button" className="button" disabled={scanning} onClick={() => void scan()}>
          {scanning ? t('duplicates.review.scanning') : t('duplicates.review.scan')}
        </button>
      </div>
      <StatusMessage message={status} />
      <FormAlert message={alert} />
      <div className="filters grid">
        <SelectField
          id="duplicates-state"
          label={t('duplicates.review.filter')}
          value={state}
          onValue={(v) => navigate(v === 'open' ? '/duplicates' : `/duplicates?state=${v}`)}
        >
          {PAIR_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`duplicates.state.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {list.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {list.status === 'error' && <FormAlert message={errorMessage(t, list.error)} />}
      {list.status === 'ready' && items.length === 0 && (
        <p>{t(`duplicates.review.empty.${state}`)}</p>
      )}
      {items.length > 0 && (
        <table className="stack-table">
          <caption className="visually-hidden">{t('duplicates.review.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('duplicates.fields.pair')}</th>
              <th scope="col">{t('duplicates.fields.probability')}</th>
              <th scope="col">{t('duplicates.fields.evidence')}</th>
              <th scope="col">{t('duplicates.fields.foundAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => {
              const agree = explain(p.fields)
                .filter((f) => f.direction === 'for')
                .map((f) => t(`duplicates.explain.field.${f.field}`));
              return (
                <tr key={p.id}>
                  <th scope="row" data-label={t('duplicates.fields.pair')}>
                    <Link to={`/duplicates/${encodeURIComponent(p.id)}`}>
                      {t('duplicates.review.pairLink', {
                        a: p.a.reference,
                        b: p.b.reference,
                      })}
                    </Link>
                  </th>
                  <td data-label={t('duplicates.fields.probability')}>
                    {formatProbability(p.probability, lang)}
                  </td>
                  <td data-label={t('duplicates.fields.evidence')}>
                    {agree.length > 0
                      ? t('duplicates.review.agreeOn', {
                          fields: agree.join(t('common.listSeparator')),
                        })
                      : '—'}
                  </td>
                  <td data-label={t('duplicates.fields.foundAt')}>
                    <time dateTime={p.foundAt}>{formatDateTime(p.foundAt, lang)}</time>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <FormAlert message={moreError ? errorMessage(t, moreError) : null} />
      {hasMore && (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={loadingMore}
            onClick={() => void showMore()}
          >
            {loadingMore ? t('common.loading') : t('tracing.list.more')}
          </button>
        </div>
      )}
    </>
  );
}
