import type { InstrumentBase, Option } from '../instrument.ts';
import { LANGS } from '../text.ts';

export interface IloFlInstrument extends InstrumentBase {
  kind: 'ilo-fl';
  rule: {
    /** This many indicators present or more → "likely". */
    likelyAtLeast: number;
    /** This many indicators present or more (and fewer than likelyAtLeast) → "possible". */
    possibleAtLeast: number;
    /** The guidance the thresholds encode, quoted. */
    basis: string;
  };
}

const REF = 'ILO Indicators of Forced Labour (2012)';
const ind = (code: string, label: Option['label']): Option => ({ code, label, ref: REF });

/**
 * The eleven indicators of ILO, "ILO Indicators of Forced Labour" (Special Action Programme to
 * Combat Forced Labour, 2012), in the order the booklet lists them. Non-English labels are
 * Lantern's working translations, not the ILO's published translations.
 */
export const ILO_FL_INDICATORS: Option[] = [
  ind('abuse_of_vulnerability', {
    en: 'Abuse of vulnerability',
    ar: 'استغلال حالة الضعف',
    fr: 'Abus de vulnérabilité',
    es: 'Abuso de la vulnerabilidad',
    ru: 'Злоупотребление уязвимостью',
    uk: 'Зловживання вразливістю',
  }),
  ind('deception', {
    en: 'Deception',
    ar: 'الخداع',
    fr: 'Tromperie',
    es: 'Engaño',
    ru: 'Обман',
    uk: 'Обман',
  }),
  ind('restriction_of_movement', {
    en: 'Restriction of movement',
    ar: 'تقييد حرية التنقل',
    fr: 'Restriction de la liberté de mouvement',
    es: 'Restricción de la libertad de movimiento',
    ru: 'Ограничение свободы передвижения',
    uk: 'Обмеження свободи пересування',
  }),
  ind('isolation', {
    en: 'Isolation',
    ar: 'العزل',
    fr: 'Isolement',
    es: 'Aislamiento',
    ru: 'Изоляция',
    uk: 'Ізоляція',
  }),
  ind('physical_sexual_violence', {
    en: 'Physical and sexual violence',
    ar: 'العنف الجسدي والجنسي',
    fr: 'Violences physiques et sexuelles',
    es: 'Violencia física y sexual',
    ru: 'Физическое и сексуальное насилие',
    uk: 'Фізичне та сексуальне насильство',
  }),
  ind('intimidation_threats', {
    en: 'Intimidation and threats',
    ar: 'الترهيب والتهديد',
    fr: 'Intimidation et menaces',
    es: 'Intimidación y amenazas',
    ru: 'Запугивание и угрозы',
    uk: 'Залякування та погрози',
  }),
  ind('retention_of_documents', {
    en: 'Retention of identity documents',
    ar: 'حجز وثائق الهوية',
    fr: "Rétention des documents d'identité",
    es: 'Retención de documentos de identidad',
    ru: 'Удержание документов, удостоверяющих личность',
    uk: 'Утримання документів, що посвідчують особу',
  }),
  ind('withholding_of_wages', {
    en: 'Withholding of wages',
    ar: 'حجب الأجور',
    fr: 'Retenue des salaires',
    es: 'Retención de salarios',
    ru: 'Удержание заработной платы',
    uk: 'Утримання заробітної плати',
  }),
  ind('debt_bondage', {
    en: 'Debt bondage',
    ar: 'عبودية الدين',
    fr: 'Servitude pour dettes',
    es: 'Servidumbre por deudas',
    ru: 'Долговая кабала',
    uk: 'Боргова кабала',
  }),
  ind('abusive_conditions', {
    en: 'Abusive working and living conditions',
    ar: 'ظروف العمل والمعيشة المسيئة',
    fr: 'Conditions de travail et de vie abusives',
    es: 'Condiciones de trabajo y de vida abusivas',
    ru: 'Неприемлемые условия труда и проживания',
    uk: 'Неприйнятні умови праці та проживання',
  }),
  ind('excessive_overtime', {
    en: 'Excessive overtime',
    ar: 'العمل الإضافي المفرط',
    fr: 'Heures supplémentaires excessives',
    es: 'Horas extraordinarias excesivas',
    ru: 'Чрезмерная сверхурочная работа',
    uk: 'Надмірна понаднормова робота',
  }),
];

export const iloFlV1: IloFlInstrument = {
  id: 'ilo-fl',
  version: '1.0.0',
  kind: 'ilo-fl',
  title: {
    en: 'ILO indicators of forced labour',
    ar: 'مؤشرات منظمة العمل الدولية للعمل الجبري',
    fr: "Indicateurs du travail forcé de l'OIT",
    es: 'Indicadores de trabajo forzoso de la OIT',
    ru: 'Индикаторы принудительного труда МОТ',
    uk: 'Індикатори примусової праці МОП',
  },
  summary: {
    en: 'The eleven ILO indicators; one indicator may point to forced labour, usually several are needed.',
  },
  languages: LANGS,
  sources: [
    {
      id: 'ilo-2012',
      citation:
        'ILO Special Action Programme to Combat Forced Labour, "ILO Indicators of Forced Labour", Geneva, 2012',
      url: 'https://www.ilo.org/publications/ilo-indicators-forced-labour',
    },
    {
      id: 'c029',
      citation:
        'ILO Forced Labour Convention, 1930 (No. 29), art. 2(1): work exacted under the menace of any penalty and not offered voluntarily',
    },
  ],
  rule: {
    likelyAtLeast: 2,
    possibleAtLeast: 1,
    basis:
      'ILO 2012: "The presence of a single indicator in a given situation may in some cases imply the existence of forced labour. However, in other cases you may need to look for several indicators which, taken together, point to a forced labour case."',
  },
  questions: [
    {
      id: 'present',
      text: { en: 'Which of these have you experienced in this work?' },
      help: {
        en: 'Tick what was found. List in "unknown" what could not be established; the rest count as not present.',
      },
      answer: { type: 'codes', options: ILO_FL_INDICATORS },
    },
  ],
};
