import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Publication } from '../../../shared/api/hub.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { hubApi } from '../../api/hub-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { Link } from '../../router/Link.tsx';
import { useUser } from '../../session/session-context.ts';
import { refusalOf, type Refusal } from './hub-errors.ts';
import { RefusalPanel } from './RefusalPanel.tsx';
import { formatCount } from './hub-format.ts';
import { useKindLabel } from './publication-words.ts';

/** /hub/publications (hub:read): every publication, drafts included; drafts can be released. */
export function PublicationsPage() {
  const { t, i18n } = useTranslation();
  const { role } = useUser();
  const list = useResource('hub/publications', () => hubApi.publications());
  const [alert, setAlert] = useState<Refusal | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const release = async (p: Publication) => {
    setAlert(null);
    setStatus(null);
    setBusy(p.id);
    try {
      await hubApi.release(p.id);
      setStatus(t('hub.publications.released', { title: p.title }));
      list.reload();
    } catch (e) {
      setAlert(refusalOf(t, i18n.language, e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeading title={t('hub.publications.title')} />
      <p className="hint">{t('hub.publications.intro')}</p>
      <ul className="hub-links">
        {can(role, 'hub:publish') && (
          <li>
            <Link to="/hub/publications/new" className="button">
              {t('hub.publications.new')}
            </Link>
          </li>
        )}
        {can(role, 'hub:import') && (
          <li>
            <Link to="/hub/import" className="button button--secondary">
              {t('hub.import.title')}
            </Link>
          </li>
        )}
        <li>
          <Link to="/hub/budget" className="button button--secondary">
            {t('hub.budget.title')}
          </Link>
        </li>
        <li>
          <Link to="/data" className="button button--secondary">
            {t('publicData.title')}
          </Link>
        </li>
      </ul>
      <RefusalPanel refusal={alert} />
      <StatusMessage message={status} />
      {list.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {list.state.status === 'error' && <FormAlert message={errorMessage(t, list.state.error)} />}
      {list.state.status === 'ready' &&
        (list.state.data.publications.length === 0 ? (
          <p className="panel">{t('hub.publications.empty')}</p>
        ) : (
          <PublicationTable
            items={list.state.data.publications}
            mayRelease={can(role, 'hub:publish')}
            busy={busy}
            onRelease={(p) => void release(p)}
          />
        ))}
    </>
  );
}

function PublicationTable(props: {
  items: readonly Publication[];
  mayRelease: boolean;
  busy: string | null;
  onRelease: (p: Publication) => void;
}) {
  const { t, i18n } = useTranslation();
  const kind = useKindLabel();
  const lang = i18n.language;
  return (
    <table className="stack-table">
      <caption className="visually-hidden">{t('hub.publications.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('hub.publications.name')}</th>
          <th scope="col">{t('hub.publications.kind')}</th>
          <th scope="col">{t('hub.publications.status')}</th>
          <th scope="col">{t('hub.publications.sources')}</th>
          <th scope="col">{t('hub.publications.rows')}</th>
          <th scope="col">{t('hub.publications.when')}</th>
          {props.mayRelease && (
            <th scope="col">
              <span className="visually-hidden">{t('hub.publications.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {props.items.map((p) => (
          <tr key={p.id}>
            <th scope="row" data-label={t('hub.publications.name')}>
              <bdi>{p.title}</bdi>
            </th>
            <td data-label={t('hub.publications.kind')}>{kind(p.kind)}</td>
            <td data-label={t('hub.publications.status')}>
              <span className={`hub-status hub-status--${p.status}`}>
                {t(`hub.publications.statusValue.${p.status}`)}
              </span>
            </td>
            <td data-label={t('hub.publications.sources')}>
              <span>
                {p.sources.map((s, i) => (
                  <span key={s.id}>
                    {i > 0 && t('common.listSeparator')}
                    <bdi>{s.label}</bdi>
                  </span>
                ))}
              </span>
            </td>
            <td data-label={t('hub.publications.rows')}>{formatCount(p.rowCount, lang)}</td>
            <td data-label={t('hub.publications.when')}>
              <time dateTime={p.releasedAt ?? p.createdAt}>
                {formatDateTime(p.releasedAt ?? p.createdAt, lang)}
              </time>
            </td>
            {props.mayRelease && (
              <td data-label={t('hub.publications.actions')}>
                {p.status === 'draft' ? (
                  <button
                    type="button"
                    className="button"
                    disabled={props.busy !== null}
                    onClick={() => props.onRelease(p)}
                    aria-label={t('hub.publications.releaseOne', { title: p.title })}
                  >
                    {t('hub.publications.release')}
                  </button>
                ) : (
                  <Link to={`/data/${encodeURIComponent(p.id)}`}>
                    {t('hub.publications.publicPage')}
                  </Link>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
