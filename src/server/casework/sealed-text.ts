export { openText, sealText } from '../crypto/sealed-values.ts';

/**
 * Free text written in casework (reasons, comments, task titles, notes) is sealed like a
 * person's identity: AES-256-GCM under the organisation's key, bound by the additional data to
 * the record and the field it belongs to, so a ciphertext cannot be moved elsewhere.
 */
export const AAD = {
  note: (id: string) => `case-note:${id}`,
  transition: (id: string) => `case-transition:${id}`,
  approvalReason: (id: string) => `case-approval:${id}:reason`,
  approvalComment: (id: string) => `case-approval:${id}:comment`,
  task: (id: string) => `task:${id}`,
  event: (id: string) => `case-event:${id}`,
} as const;
