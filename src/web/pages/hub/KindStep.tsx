import { useTranslation } from 'react-i18next';
import { PUBLICATION_KINDS, type PublicationKind } from '../../../shared/api/hub.schema.ts';
import { describedBy } from '../../components/field-ids.ts';

interface Props {
  kind: PublicationKind | '';
  onChange: (kind: PublicationKind) => void;
  error?: string | undefined;
}

/** Step 2: what is published — each kind with what it protects and what it costs. */
export function KindStep({ kind, onChange, error }: Props) {
  const { t } = useTranslation();
  const id = 'publication-kind';
  return (
    <fieldset
      className={error ? 'field--invalid' : undefined}
      aria-describedby={describedBy(id, false, error)}
    >
      <legend>{t('hub.wizard.kindLegend')}</legend>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <ul className="hub-choices">
        {PUBLICATION_KINDS.map((k, index) => (
          <li key={k}>
            <label className="checkbox">
              <input
                type="radio"
                name={id}
                id={index === 0 ? id : `${id}-${k}`}
                value={k}
                checked={kind === k}
                onChange={() => onChange(k)}
                aria-describedby={`${id}-${k}-hint`}
              />
              {t(`hub.kind.${k}`)}
            </label>
            <p id={`${id}-${k}-hint`} className="muted hub-choices__facts">
              {t(`hub.kindHint.${k}`)}
            </p>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
