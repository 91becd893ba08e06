import type { Option } from '../instrument.ts';

/**
 * The elements of trafficking in persons, UN Protocol to Prevent, Suppress and Punish
 * Trafficking in Persons, Especially Women and Children (Palermo, 2000), art. 3(a). Labels in
 * ar, fr, es and ru follow the wording of the Protocol's official texts in those languages; the
 * Ukrainian follows Ukraine's official translation. The last four purposes are not listed in
 * art. 3(a) — which names exploitation "at a minimum" — but are forms that national laws
 * recognise (see palermo-purposes.ts).
 */

const ART3A = 'Palermo Protocol art. 3(a)';

export const ACT_CODES = [
  'recruitment',
  'transportation',
  'transfer',
  'harbouring',
  'receipt',
] as const;
export const MEANS_CODES = [
  'threat',
  'force',
  'coercion',
  'abduction',
  'fraud',
  'deception',
  'abuse_of_power',
  'abuse_of_vulnerability',
  'giving_payments',
] as const;
export const PURPOSE_CODES = [
  'sexual_exploitation',
  'forced_labour',
  'slavery',
  'servitude',
  'organ_removal',
  'forced_marriage',
  'forced_criminality',
  'forced_begging',
  'armed_groups',
] as const;
/** Purposes recorded under national law beyond the art. 3(a) minimum list. */
export const NATIONAL_PURPOSES: readonly string[] = PURPOSE_CODES.slice(5);

export const ACT_OPTIONS: Option[] = [
  {
    code: 'recruitment',
    ref: ART3A,
    label: {
      en: 'Recruitment',
      ar: 'تجنيد',
      fr: 'Recrutement',
      es: 'Captación',
      ru: 'Вербовка',
      uk: 'Вербування',
    },
    childLabel: { en: 'Someone found you or asked you to come' },
  },
  {
    code: 'transportation',
    ref: ART3A,
    label: {
      en: 'Transportation',
      ar: 'نقل',
      fr: 'Transport',
      es: 'Transporte',
      ru: 'Перевозка',
      uk: 'Перевезення',
    },
    childLabel: { en: 'Someone took you somewhere' },
  },
  {
    code: 'transfer',
    ref: ART3A,
    label: {
      en: 'Transfer',
      ar: 'تنقيل',
      fr: 'Transfert',
      es: 'Traslado',
      ru: 'Передача',
      uk: 'Передача',
    },
    childLabel: { en: 'You were handed over to other people' },
  },
  {
    code: 'harbouring',
    ref: ART3A,
    label: {
      en: 'Harbouring',
      ar: 'إيواء',
      fr: 'Hébergement',
      es: 'Acogida',
      ru: 'Укрывательство',
      uk: 'Приховування',
    },
    childLabel: { en: 'Someone kept you in a place' },
  },
  {
    code: 'receipt',
    ref: ART3A,
    label: {
      en: 'Receipt',
      ar: 'استقبال',
      fr: 'Accueil',
      es: 'Recepción',
      ru: 'Получение',
      uk: 'Одержання',
    },
    childLabel: { en: 'Someone collected you when you arrived' },
  },
];

export const MEANS_OPTIONS: Option[] = [
  {
    code: 'threat',
    ref: ART3A,
    label: {
      en: 'Threat of force',
      ar: 'التهديد بالقوة',
      fr: 'Menace de recours à la force',
      es: 'Amenaza de uso de la fuerza',
      ru: 'Угроза силой',
      uk: 'Погроза силою',
    },
    childLabel: { en: 'Someone said they would hurt you or others' },
  },
  {
    code: 'force',
    ref: ART3A,
    label: {
      en: 'Use of force',
      ar: 'استعمال القوة',
      fr: 'Recours à la force',
      es: 'Uso de la fuerza',
      ru: 'Применение силы',
      uk: 'Застосування сили',
    },
    childLabel: { en: 'Someone hurt you or held you' },
  },
  {
    code: 'coercion',
    ref: ART3A,
    label: {
      en: 'Other forms of coercion',
      ar: 'غير ذلك من أشكال القسر',
      fr: 'Autres formes de contrainte',
      es: 'Otras formas de coacción',
      ru: 'Другие формы принуждения',
      uk: 'Інші форми примусу',
    },
    childLabel: { en: 'Someone forced or pressured you' },
  },
  {
    code: 'abduction',
    ref: ART3A,
    label: {
      en: 'Abduction',
      ar: 'الاختطاف',
      fr: 'Enlèvement',
      es: 'Rapto',
      ru: 'Похищение',
      uk: 'Викрадення',
    },
    childLabel: { en: 'Someone took you away' },
  },
  {
    code: 'fraud',
    ref: ART3A,
    label: {
      en: 'Fraud',
      ar: 'الاحتيال',
      fr: 'Fraude',
      es: 'Fraude',
      ru: 'Мошенничество',
      uk: 'Шахрайство',
    },
    childLabel: { en: 'Someone cheated you' },
  },
  {
    code: 'deception',
    ref: ART3A,
    label: {
      en: 'Deception',
      ar: 'الخداع',
      fr: 'Tromperie',
      es: 'Engaño',
      ru: 'Обман',
      uk: 'Обман',
    },
    childLabel: { en: 'Someone lied to you or tricked you' },
  },
  {
    code: 'abuse_of_power',
    ref: ART3A,
    label: {
      en: 'Abuse of power',
      ar: 'استغلال السلطة',
      fr: "Abus d'autorité",
      es: 'Abuso de poder',
      ru: 'Злоупотребление властью',
      uk: 'Зловживання владою',
    },
    childLabel: { en: 'Someone in charge of you misused their power' },
  },
  {
    code: 'abuse_of_vulnerability',
    ref: ART3A,
    label: {
      en: 'Abuse of a position of vulnerability',
      ar: 'استغلال حالة استضعاف',
      fr: "Abus d'une situation de vulnérabilité",
      es: 'Abuso de una situación de vulnerabilidad',
      ru: 'Злоупотребление уязвимостью положения',
      uk: 'Зловживання уразливістю становища',
    },
    childLabel: { en: 'Someone used your difficult situation' },
  },
  {
    code: 'giving_payments',
    ref: ART3A,
    label: {
      en: 'Giving or receiving payments or benefits to achieve the consent of a person having control over another person',
      ar: 'إعطاء أو تلقي مبالغ مالية أو مزايا لنيل موافقة شخص له سيطرة على شخص آخر',
      fr: "Offre ou acceptation de paiements ou d'avantages pour obtenir le consentement d'une personne ayant autorité sur une autre",
      es: 'Concesión o recepción de pagos o beneficios para obtener el consentimiento de una persona que tenga autoridad sobre otra',
      ru: 'Подкуп в виде платежей или выгод для получения согласия лица, контролирующего другое лицо',
      uk: 'Підкуп у вигляді платежів чи вигод для одержання згоди особи, яка контролює іншу особу',
    },
    childLabel: { en: 'Someone was paid or given something to let you go' },
  },
];
