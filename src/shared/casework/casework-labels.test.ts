import { describe, expect, it } from 'vitest';
import {
  APPROVAL_KINDS,
  APPROVAL_STATES,
  TASK_STATUSES,
  TIMELINE_KINDS,
} from '../api/casework.schema.ts';
import { flatten } from '../i18n/catalogue-keys.ts';
import { catalogues } from '../i18n/i18n.ts';
import { CLOSURE_REASONS, STAGES } from './lifecycle.ts';

// Every code the casework API answers has a label, so the web app never shows a raw code.
const WANTED = [
  ...STAGES.map((v) => `casework.stage.${v}`),
  ...CLOSURE_REASONS.map((v) => `casework.closureReason.${v}`),
  ...APPROVAL_KINDS.map((v) => `casework.approvalKind.${v}`),
  ...APPROVAL_STATES.map((v) => `casework.approvalState.${v}`),
  ...TASK_STATUSES.map((v) => `casework.taskStatus.${v}`),
  ...TIMELINE_KINDS.map((v) => `casework.timeline.${v}`),
  ...['forward', 'back', 'reopen', 'close'].map((v) => `casework.transitionKind.${v}`),
];

describe('casework labels', () => {
  it.each(['en', 'ar'] as const)('%s labels every casework code', (code) => {
    const keys = flatten(catalogues[code]);
    expect(WANTED.filter((k) => !keys.has(k))).toEqual([]);
  });
});
