export type Weight = 'strong' | 'medium' | 'weak';
export type ListId = 'adults_labour' | 'adults_sexual' | 'children_labour' | 'children_sexual';

/**
 * How faithful a list is to the 2009 publication:
 * - `transcribed`: every indicator and weight as transcribed from the publication (through a
 *   secondary transcription; the original PDF, ILO WCMS_105023, was not at hand to check);
 * - `reconstructed`: built from the labour list of the same age group plus the differences known
 *   from the publication, listed in `reconstructed`; verify against WCMS_105023 before relying
 *   on individual weights.
 */
export type Provenance = 'transcribed' | 'reconstructed';

export interface IndicatorList {
  id: ListId;
  title: string;
  provenance: Provenance;
  /** Indicator codes whose presence or weight is a reconstruction, with why. */
  reconstructed: Record<string, string>;
  weights: Record<string, Weight>;
}

export const LIST_IDS: readonly ListId[] = [
  'adults_labour',
  'adults_sexual',
  'children_labour',
  'children_sexual',
];
