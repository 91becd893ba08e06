import type { Role } from '../../../shared/api/auth.schema.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { ROLE_LIST } from '../../session/permissions.ts';

interface Props {
  id: string;
  label: string;
  value: Role;
  onValue: (role: Role) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** A <select> of the roles, translated. */
export function RoleSelect({ onValue, ...field }: Props) {
  const labels = useCodeLabels();
  return (
    <SelectField {...field} onValue={(v) => onValue(v as Role)}>
      {ROLE_LIST.map((r) => (
        <option key={r} value={r}>
          {labels.role(r)}
        </option>
      ))}
    </SelectField>
  );
}
