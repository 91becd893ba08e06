import { useTranslation } from 'react-i18next';
import type { HubSource } from '../../../shared/api/hub.schema.ts';
import { describedBy } from '../../components/field-ids.ts';
import { formatCount, formatDecimal } from './hub-format.ts';

interface Props {
  sources: readonly HubSource[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}

/** Step 1: the sources of the hub store (withdrawn ones are gone and not offered). */
export function SourcesStep({ sources, selected, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = 'publication-sources';
  const live = sources.filter((s) => s.withdrawnAt === null);
  if (live.length === 0) return <p className="panel">{t('hub.wizard.noSources')}</p>;
  const toggle = (sid: string, on: boolean) =>
    onChange(on ? [...selected, sid] : selected.filter((s) => s !== sid));
  return (
    <fieldset
      className={error ? 'checkboxes field--invalid' : 'checkboxes'}
      aria-describedby={describedBy(id, true, error)}
    >
      <legend>{t('hub.wizard.sourcesLegend')}</legend>
      <p id={`${id}-hint`} className="field__hint">
        {t('hub.wizard.sourcesHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <ul className="hub-choices">
        {live.map((s, index) => (
          <li key={s.id}>
            <label className="checkbox">
              <input
                type="checkbox"
                id={index === 0 ? id : `${id}-${s.id}`}
                checked={selected.includes(s.id)}
                onChange={(e) => toggle(s.id, e.target.checked)}
                aria-describedby={`${id}-${s.id}-facts`}
              />
              <bdi>{s.label}</bdi>
            </label>
            <p id={`${id}-${s.id}-facts`} className="muted hub-choices__facts">
              {t('hub.wizard.sourceFacts', {
                kind: t(`hub.sourceKind.${s.kind}`),
                layout: t(`hub.layout.${s.layout}`),
                rows: formatCount(s.rowCount, lang),
                epsilon: formatDecimal(s.budget.epsilonLeft, lang),
              })}
            </p>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
