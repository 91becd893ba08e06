import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_TYPES, type ServiceType } from '../../../shared/codes/service-types.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { useDirectoryLabels } from './use-directory-labels.ts';

type Props = Omit<ComponentProps<typeof SelectField>, 'children' | 'value' | 'onValue'> & {
  value: ServiceType | '';
  onValue: (value: ServiceType | '') => void;
};

/** A choice among the service types (the need), by their translated names. */
export function ServiceTypeSelect({ onValue, ...select }: Props) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  return (
    <SelectField {...select} onValue={(v) => onValue(v as ServiceType | '')}>
      <option value="">{t('common.choose')}</option>
      {SERVICE_TYPES.map((s) => (
        <option key={s} value={s}>
          {labels.serviceType(s)}
        </option>
      ))}
    </SelectField>
  );
}
