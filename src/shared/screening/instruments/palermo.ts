import type { InstrumentBase } from '../instrument.ts';
import { LANGS } from '../text.ts';
import { ACT_OPTIONS, MEANS_OPTIONS } from './palermo-codes.ts';
import { PURPOSE_OPTIONS } from './palermo-purposes.ts';
import { PALERMO_QUESTION_TEXT as T } from './palermo-text.ts';

export type PalermoElement = 'act' | 'means' | 'purpose';
export const ELEMENTS: readonly PalermoElement[] = ['act', 'means', 'purpose'];

export interface PalermoInstrument extends InstrumentBase {
  kind: 'palermo';
  rule: {
    /** Under this age at recruitment the person is a child (art. 3(d): "under eighteen"). */
    childAgeLimit: number;
    /** Elements that must be present: art. 3(a) for adults, art. 3(c) for children. */
    required: { adult: readonly PalermoElement[]; child: readonly PalermoElement[] };
  };
}

/**
 * Palermo Protocol elements, version 1.0.0. The questions ask about acts, means and the purpose
 * the person was recruited, moved or held FOR: art. 3(a) says "for the purpose of exploitation",
 * so exploitation that is intended but has not happened yet (a person still in transit) counts.
 */
export const palermoV1: PalermoInstrument = {
  id: 'palermo',
  version: '1.0.0',
  kind: 'palermo',
  title: {
    en: 'Elements of trafficking in persons (Palermo Protocol, art. 3)',
    ar: 'أركان الاتجار بالأشخاص (بروتوكول باليرمو، المادة 3)',
    fr: 'Éléments de la traite des personnes (Protocole de Palerme, art. 3)',
    es: 'Elementos de la trata de personas (Protocolo de Palermo, art. 3)',
    ru: 'Элементы торговли людьми (Палермский протокол, ст. 3)',
    uk: 'Елементи торгівлі людьми (Палермський протокол, ст. 3)',
  },
  summary: {
    en: 'Act, means and purpose. Adults need all three; a child (under 18) needs act and purpose only.',
  },
  languages: LANGS,
  sources: [
    {
      id: 'palermo-2000',
      citation:
        'Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the UN Convention against Transnational Organized Crime (2000), art. 3(a)–(d)',
      url: 'https://www.ohchr.org/en/instruments-mechanisms/instruments/protocol-prevent-suppress-and-punish-trafficking-persons',
    },
  ],
  rule: {
    childAgeLimit: 18,
    required: { adult: ['act', 'means', 'purpose'], child: ['act', 'purpose'] },
  },
  questions: [
    { id: 'ageAtRecruitment', ...T.ageAtRecruitment, answer: { type: 'age' } },
    { id: 'act', ...T.act, answer: { type: 'codes', options: ACT_OPTIONS } },
    { id: 'means', ...T.means, answer: { type: 'codes', options: MEANS_OPTIONS } },
    { id: 'purpose', ...T.purpose, answer: { type: 'codes', options: PURPOSE_OPTIONS } },
    {
      id: 'consent',
      ...T.consent,
      answer: { type: 'tri' },
      // Only meaningful where it could be mistaken for a defence: means used, or a child.
      showIf: {
        any: [
          { question: 'means', op: 'nonEmpty' },
          { question: 'ageAtRecruitment', op: 'lt', value: 18 },
        ],
      },
    },
    { id: 'citizenship', ...T.citizenship, answer: { type: 'country' } },
    { id: 'countryOfExploitation', ...T.countryOfExploitation, answer: { type: 'country' } },
  ],
};
