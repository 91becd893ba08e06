import { useTranslation } from 'react-i18next';
import { DIRECTORY_EXPORT_URL, directoryApi } from '../../api/directory-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { ImportForm } from './ImportForm.tsx';

/** /directory/manage (directory:manage): the organisation's listings, CSV import and export. */
export function ManagePage() {
  const { t } = useTranslation();
  const mine = useResource('providers:mine', () => directoryApi.providers(true));
  return (
    <>
      <p>
        <Link to="/directory">{t('directory.backToSearch')}</Link>
      </p>
      <div className="page-title">
        <PageHeading title={t('directory.manage.title')} />
        <Link to="/directory/providers/new" className="button">
          {t('directory.provider.addTitle')}
        </Link>
      </div>
      <section className="section" aria-labelledby="listings-heading">
        <h2 id="listings-heading">{t('directory.manage.listings')}</h2>
        {mine.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
        {mine.state.status === 'error' && <FormAlert message={errorMessage(t, mine.state.error)} />}
        {mine.state.status === 'ready' &&
          (mine.state.data.providers.length === 0 ? (
            <p>{t('directory.manage.none')}</p>
          ) : (
            <table className="stack-table">
              <thead>
                <tr>
                  <th scope="col">{t('directory.provider.name')}</th>
                  <th scope="col">{t('directory.manage.services')}</th>
                  <th scope="col">{t('directory.provider.referrals')}</th>
                </tr>
              </thead>
              <tbody>
                {mine.state.data.providers.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" data-label={t('directory.provider.name')}>
                      <Link to={`/directory/providers/${encodeURIComponent(p.id)}`}>
                        <bdi>{p.name}</bdi>
                      </Link>
                    </th>
                    <td data-label={t('directory.manage.services')}>{p.serviceCount}</td>
                    <td data-label={t('directory.provider.referrals')}>
                      {p.receivesReferrals
                        ? t('directory.provider.receivesYes')
                        : t('directory.provider.receivesNo')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </section>
      <section className="section" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('directory.import.heading')}</h2>
        <ImportForm onImported={mine.reload} />
      </section>
      <section className="section" aria-labelledby="export-heading">
        <h2 id="export-heading">{t('directory.export.heading')}</h2>
        <p>{t('directory.export.hint')}</p>
        <a className="button button--secondary" href={DIRECTORY_EXPORT_URL} download>
          {t('directory.export.link')}
        </a>
      </section>
    </>
  );
}
