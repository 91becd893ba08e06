import { useTranslation } from 'react-i18next';
import { TREND_METHODS } from '../../../shared/insights/types.ts';

/**
 * How the alerts are found, in short, with the sources (the engine in
 * src/shared/insights/trends cites the same): EARS C1–C3, Hutwagner et al. 2003; Farrington
 * flexible, Noufaily et al. 2013 after Farrington et al. 1996; negative-binomial CUSUM, Höhle &
 * Paul 2008 after Hawkins & Olwell 1998.
 */
export function AlertsMethods() {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="alerts-methods-heading">
      <h2 id="alerts-methods-heading">{t('insights.methods.heading')}</h2>
      <p>{t('insights.methods.intro')}</p>
      <dl className="alerts-methods">
        {TREND_METHODS.map((m) => (
          <div key={m} className="alerts-methods__row">
            <dt>{t(`insights.methods.name.${m}`)}</dt>
            <dd>{t(`insights.methods.about.${m}`)}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('insights.methods.sourcesHeading')}</h3>
      <ul className="analytics-sources">
        <li lang="en">{t('insights.methods.source.ears')}</li>
        <li lang="en">{t('insights.methods.source.farrington1996')}</li>
        <li lang="en">{t('insights.methods.source.noufaily2013')}</li>
        <li lang="en">{t('insights.methods.source.hohle2008')}</li>
        <li lang="en">{t('insights.methods.source.hawkins1998')}</li>
      </ul>
    </section>
  );
}
