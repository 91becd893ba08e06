import { useTranslation } from 'react-i18next';
import { hubApi } from '../../api/hub-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { formatDecimal, formatDelta } from './hub-format.ts';

/**
 * /hub/budget (hub:read): the privacy-budget ledger per source — ε and δ spent by released DP
 * publications and what is left. Under sequential composition the ε of releases from one source
 * add up (Dwork & Roth 2014, theorem 3.16); past the budget a release is refused.
 */
export function BudgetPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const budget = useResource('hub/budget', () => hubApi.budget());
  return (
    <>
      <PageHeading title={t('hub.budget.title')} />
      <p className="hint">{t('hub.budget.intro')}</p>
      {budget.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {budget.state.status === 'error' && (
        <FormAlert message={errorMessage(t, budget.state.error)} />
      )}
      {budget.state.status === 'ready' &&
        (budget.state.data.sources.length === 0 ? (
          <p className="panel">{t('hub.sources.empty')}</p>
        ) : (
          <table className="stack-table">
            <caption className="visually-hidden">{t('hub.budget.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hub.budget.source')}</th>
                <th scope="col">{t('hub.budget.epsilon')}</th>
                <th scope="col">{t('hub.budget.epsilonSpent')}</th>
                <th scope="col">{t('hub.budget.epsilonLeft')}</th>
                <th scope="col">{t('hub.budget.delta')}</th>
                <th scope="col">{t('hub.budget.deltaSpent')}</th>
                <th scope="col">{t('hub.budget.deltaLeft')}</th>
              </tr>
            </thead>
            <tbody>
              {budget.state.data.sources.map((s) => (
                <tr key={s.sourceId}>
                  <th scope="row" data-label={t('hub.budget.source')}>
                    <span>
                      <bdi>{s.label}</bdi>
                      {s.withdrawn && <> ({t('hub.sources.withdrawn')})</>}
                    </span>
                  </th>
                  <td data-label={t('hub.budget.epsilon')}>
                    {formatDecimal(s.budget.epsilon, lang)}
                  </td>
                  <td data-label={t('hub.budget.epsilonSpent')}>
                    {formatDecimal(s.budget.epsilonSpent, lang)}
                  </td>
                  <td data-label={t('hub.budget.epsilonLeft')}>
                    {formatDecimal(s.budget.epsilonLeft, lang)}
                  </td>
                  <td data-label={t('hub.budget.delta')}>{formatDelta(s.budget.delta, lang)}</td>
                  <td data-label={t('hub.budget.deltaSpent')}>
                    {formatDelta(s.budget.deltaSpent, lang)}
                  </td>
                  <td data-label={t('hub.budget.deltaLeft')}>
                    {formatDelta(s.budget.deltaLeft, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <p>
        <Link to="/hub/publications">{t('hub.backToHub')}</Link>
      </p>
    </>
  );
}
