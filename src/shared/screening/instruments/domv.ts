import type { InstrumentBase } from '../instrument.ts';
import type { Factor } from './domv-factors.ts';
import { CHILD_FACTOR, DOMV_FACTORS } from './domv-factors.ts';
import type { Service } from './domv-services.ts';
import { SERVICE_LABEL, SERVICE_MAP, SERVICES } from './domv-services.ts';

export interface DomvInstrument extends InstrumentBase {
  kind: 'domv';
  factors: readonly Factor[];
  /** The factor derived from the age, never answered directly. */
  childFactor: Factor;
  childAgeLimit: number;
  services: readonly Service[];
  serviceLabel: Readonly<Record<Service, string>>;
  serviceMap: Readonly<Record<string, readonly Service[]>>;
}

export const domvV1: DomvInstrument = {
  id: 'domv',
  version: '1.0.0',
  kind: 'domv',
  title: {
    en: 'Determinants of migrant vulnerability (IOM)',
    ar: 'محددات ضعف المهاجرين (المنظمة الدولية للهجرة)',
    fr: 'Déterminants de la vulnérabilité des migrants (OIM)',
    es: 'Determinantes de la vulnerabilidad de los migrantes (OIM)',
    ru: 'Детерминанты уязвимости мигрантов (МОМ)',
    uk: 'Детермінанти вразливості мігрантів (МОМ)',
  },
  summary: {
    en: 'Risk and protective factors at the individual, household and family, community and structural levels, with the services they call for. A vulnerability profile, not a trafficking determination.',
  },
  languages: ['en'],
  sources: [
    {
      id: 'iom-2019',
      citation:
        'IOM, "IOM Handbook on Protection and Assistance for Migrants Vulnerable to Violence, Exploitation and Abuse", Geneva, 2019, Part 1: the determinants of migrant vulnerability model',
      url: 'https://publications.iom.int/books/iom-handbook-migrants-vulnerable-violence-exploitation-and-abuse',
    },
  ],
  factors: DOMV_FACTORS,
  childFactor: CHILD_FACTOR,
  childAgeLimit: 18,
  services: SERVICES,
  serviceLabel: SERVICE_LABEL,
  serviceMap: SERVICE_MAP,
  questions: [
    {
      id: 'ageAtScreening',
      text: { en: 'How old are you?' },
      childText: { en: 'How old are you?' },
      answer: { type: 'age' },
    },
    {
      id: 'present',
      text: {
        en: 'Which of these apply to you, your family, your community, or the place you live?',
      },
      childText: { en: 'Which of these are true for you, your family or where you live?' },
      help: {
        en: 'List in "unknown" what could not be established; the rest count as not present.',
      },
      answer: { type: 'codes', options: DOMV_FACTORS },
    },
  ],
};
