import { useTranslation } from 'react-i18next';
import { publicDataApi } from '../../api/hub-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { useSession } from '../../session/session-context.ts';
import { Downloads } from './Downloads.tsx';
import { PublicationFacts } from './PublicationFacts.tsx';

/** /data: the released publications, readable by anyone, signed in or not. */
export function PublicDataPage() {
  const { t } = useTranslation();
  const { state } = useSession();
  const list = useResource('public/publications', () => publicDataApi.list());
  return (
    <>
      <PageHeading title={t('publicData.title')} />
      <p className="hint">{t('publicData.intro')}</p>
      {state.status === 'anonymous' && (
        <p>
          <Link to="/login">{t('publicData.signIn')}</Link>
        </p>
      )}
      {list.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {list.state.status === 'error' && <FormAlert message={errorMessage(t, list.state.error)} />}
      {list.state.status === 'ready' &&
        (list.state.data.publications.length === 0 ? (
          <p className="panel">{t('publicData.empty')}</p>
        ) : (
          <ul className="public-publications">
            {list.state.data.publications.map((p) => (
              <li key={p.id}>
                <article className="panel" aria-labelledby={`publication-${p.id}`}>
                  <h2 id={`publication-${p.id}`}>
                    <Link to={`/data/${encodeURIComponent(p.id)}`}>
                      <bdi>{p.title}</bdi>
                    </Link>
                  </h2>
                  {p.description && (
                    <p>
                      <bdi>{p.description}</bdi>
                    </p>
                  )}
                  <PublicationFacts p={p} headingLevel={3} />
                  <Downloads id={p.id} title={p.title} layouts={p.layouts} />
                </article>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
