import type { InstrumentBase, Option } from '../instrument.ts';
import { ADULTS_LABOUR } from './ilo-ec-adults-labour.ts';
import { ADULTS_SEXUAL } from './ilo-ec-adults-sexual.ts';
import type { Dimension } from './ilo-ec-catalogue.ts';
import { INDICATOR_LABEL } from './ilo-ec-catalogue.ts';
import { CHILDREN_LABOUR } from './ilo-ec-children-labour.ts';
import { CHILDREN_SEXUAL } from './ilo-ec-children-sexual.ts';
import type { IndicatorList, ListId } from './ilo-ec-lists.ts';

/** One way a dimension is established: at least this many indicators of each weight. */
export interface DimensionClause {
  id: string;
  text: string;
  strong?: number;
  medium?: number;
  weak?: number;
  mediumOrWeak?: number;
}

/** A requirement of the victim rule: met when any of its parts is present. */
export interface Requirement {
  id: string;
  text: string;
  anyOf: readonly (Dimension | 'act')[];
}

export interface IloEcInstrument extends InstrumentBase {
  kind: 'ilo-ec';
  lists: Record<ListId, IndicatorList>;
  rule: {
    childAgeLimit: number;
    /** A dimension is present when any clause holds (ILO–EC 2009, "How to use the indicators"). */
    dimension: readonly DimensionClause[];
    victim: { adult: readonly Requirement[]; child: readonly Requirement[] };
  };
}

const RECRUITMENT: Dimension[] = [
  'deceptive_recruitment',
  'coercive_recruitment',
  'recruitment_abuse_of_vulnerability',
];

const indicatorOptions: Option[] = Object.entries(INDICATOR_LABEL).map(([code, en]) => ({
  code,
  label: { en },
  ref: 'ILO–EC Operational indicators of trafficking in human beings (2009)',
}));

export const iloEcV1: IloEcInstrument = {
  id: 'ilo-ec',
  version: '1.0.0',
  kind: 'ilo-ec',
  title: { en: 'ILO–EC operational indicators of trafficking in human beings (2009)' },
  summary: {
    en: 'Six dimensions, each established by a combination of strong, medium and weak indicators; four lists (adults/children × labour/sexual exploitation).',
  },
  languages: ['en'],
  sources: [
    {
      id: 'ilo-ec-2009',
      citation:
        'ILO and European Commission, "Operational indicators of trafficking in human beings. Results from a Delphi survey implemented by the ILO and the European Commission", first published March 2009, revised September 2009 (ILO WCMS_105023)',
      url: 'https://www.ilo.org/publications/operational-indicators-trafficking-human-beings',
    },
  ],
  lists: {
    adults_labour: ADULTS_LABOUR,
    adults_sexual: ADULTS_SEXUAL,
    children_labour: CHILDREN_LABOUR,
    children_sexual: CHILDREN_SEXUAL,
  },
  rule: {
    childAgeLimit: 18,
    dimension: [
      { id: '1', text: 'at least two strong indicators', strong: 2 },
      {
        id: '2',
        text: 'one strong indicator and one medium or weak indicator',
        strong: 1,
        mediumOrWeak: 1,
      },
      { id: '3', text: 'three medium indicators', medium: 3 },
      { id: '4', text: 'two medium indicators and one weak indicator', medium: 2, weak: 1 },
    ],
    victim: {
      adult: [
        {
          id: 'recruitment',
          text: 'deceptive recruitment, coercive recruitment or recruitment by abuse of vulnerability',
          anyOf: RECRUITMENT,
        },
        {
          id: 'exploitation',
          text: 'exploitative conditions of work',
          anyOf: ['exploitative_conditions'],
        },
        {
          id: 'coercion_at_destination',
          text: 'coercion at destination or abuse of vulnerability at destination',
          anyOf: ['coercion_at_destination', 'abuse_of_vulnerability_at_destination'],
        },
      ],
      // Children: no means are needed (Palermo art. 3(c)); the act may be established directly.
      child: [
        {
          id: 'recruitment',
          text: 'recruitment, transfer or transport (an act), with or without means',
          anyOf: ['act', ...RECRUITMENT],
        },
        {
          id: 'exploitation',
          text: 'exploitative conditions of work',
          anyOf: ['exploitative_conditions'],
        },
      ],
    },
  },
  questions: [
    {
      id: 'ageAtRecruitment',
      text: { en: 'How old was the person when recruited?' },
      answer: { type: 'age' },
    },
    {
      id: 'exploitation',
      text: { en: 'Which form of exploitation is screened?' },
      answer: {
        type: 'choice',
        options: [
          { code: 'labour', label: { en: 'Labour exploitation' } },
          { code: 'sexual', label: { en: 'Sexual exploitation' } },
        ],
      },
    },
    {
      id: 'act',
      text: { en: 'Was the child recruited, transported, transferred, harboured or received?' },
      help: { en: 'For a child the act alone, without means, meets the recruitment requirement.' },
      answer: { type: 'tri' },
      showIf: {
        any: [
          { question: 'ageAtRecruitment', op: 'lt', value: 18 },
          { question: 'ageAtRecruitment', op: 'unknown' },
        ],
      },
    },
    {
      id: 'present',
      text: { en: 'Which indicators were found?' },
      help: {
        en: 'List in "unknown" what could not be established; the rest count as not present.',
      },
      answer: { type: 'codes', options: indicatorOptions },
    },
  ],
};
