import { useTranslation } from 'react-i18next';
import type { PublicPublication } from '../../../shared/api/hub.schema.ts';
import { readTable, type Table } from '../../../shared/hub/table.ts';
import { publicDataApi } from '../../api/hub-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { RowsTable } from '../hub/RowsTable.tsx';
import { Downloads } from './Downloads.tsx';
import { PublicationFacts } from './PublicationFacts.tsx';
import { publicFiguresPaths } from './PublicInsightsNav.tsx';
import { publicInsightsPath } from './PublicInsightsPage.tsx';

/** Figures shown on the page; the downloads hold them all. */
const SHOWN = 500;

/** /data/{id}: one released publication; an aggregate release shows its figures as a table. */
export function PublicPublicationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const one = useResource(`public/publication/${id}`, () => publicDataApi.get(id));
  return (
    <>
      {one.state.status === 'ready' ? (
        <Publication p={one.state.data} />
      ) : (
        <>
          <PageHeading title={t('publicData.title')} />
          {one.state.status === 'loading' ? (
            <p role="status">{t('common.loading')}</p>
          ) : (
            <FormAlert message={errorMessage(t, one.state.error)} />
          )}
        </>
      )}
      <p>
        <Link to="/data">{t('publicData.back')}</Link>
      </p>
    </>
  );
}

function Publication({ p }: { p: PublicPublication }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={p.title}>
        <bdi>{p.title}</bdi>
      </PageHeading>
      {p.description && (
        <p>
          <bdi>{p.description}</bdi>
        </p>
      )}
      <section className="section" aria-labelledby="publication-about">
        <h2 id="publication-about" className="visually-hidden">
          {t('publicData.about')}
        </h2>
        <PublicationFacts p={p} headingLevel={2} />
        <Downloads id={p.id} title={p.title} layouts={p.layouts} />
        {p.kind !== 'aggregates' && (
          <ul>
            <li>
              <Link to={publicInsightsPath(p.id)}>{t('insights.dashboard.publicLink')}</Link>
            </li>
            <li>
              <Link to={publicFiguresPaths(p.id).routes}>{t('insights.public.routesLink')}</Link>
            </li>
            <li>
              <Link to={publicFiguresPaths(p.id).sdg}>{t('insights.public.sdgLink')}</Link>
            </li>
          </ul>
        )}
      </section>
      {p.kind === 'aggregates' && <Figures p={p} />}
    </>
  );
}

function Figures({ p }: { p: PublicPublication }) {
  const { t } = useTranslation();
  const figures = useResource<Table>(`public/figures/${p.id}`, async () =>
    readTable(await publicDataApi.csv(p.id)),
  );
  return (
    <section className="section" aria-labelledby="publication-figures">
      <h2 id="publication-figures">{t('publicData.figures')}</h2>
      <p className="muted">{t('publicData.figuresHint')}</p>
      <p className="muted">{t('publicData.anyValueHint', { any: t('publicData.anyValue') })}</p>
      {figures.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {figures.state.status === 'error' && (
        <FormAlert message={errorMessage(t, figures.state.error)} />
      )}
      {figures.state.status === 'ready' && (
        <>
          {figures.state.data.rows.length > SHOWN && (
            <p className="muted">
              {t('publicData.figuresFirst', {
                shown: SHOWN,
                total: figures.state.data.rows.length,
              })}
            </p>
          )}
          <RowsTable
            id="publication-figures-table"
            caption={t('publicData.figuresCaption', { title: p.title })}
            columns={figures.state.data.columns}
            rows={figures.state.data.rows.slice(0, SHOWN)}
            empty={t('publicData.noFigures')}
            blank={t('publicData.anyValue')}
          />
        </>
      )}
    </section>
  );
}
