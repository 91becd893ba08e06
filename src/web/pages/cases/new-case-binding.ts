import type { FieldErrors } from '../../lib/field-errors.ts';
import { fieldId, type FieldPath, type NewCaseDraft } from './new-case-draft.ts';

type TextKey = {
  [K in keyof NewCaseDraft]: NewCaseDraft[K] extends string ? K : never;
}[keyof NewCaseDraft];

export interface DraftBinding {
  draft: NewCaseDraft;
  errors: FieldErrors;
  update: (changes: Partial<NewCaseDraft>) => void;
}

/** Props tying one text-like input to the draft: id, value, change handler and error. */
export function bindText({ draft, errors, update }: DraftBinding, path: FieldPath) {
  const key = path.replace(/^person\./, '') as TextKey;
  return {
    id: fieldId(path),
    value: draft[key],
    onValue: (value: string) => update({ [key]: value }),
    error: errors[path],
  };
}
