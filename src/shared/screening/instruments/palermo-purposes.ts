import type { Option } from '../instrument.ts';

/**
 * The purposes of exploitation, Palermo Protocol art. 3(a), plus four forms recognised by
 * national laws. HTCDS 2.0 vic_TypeOfExploitation records ForcedMarriage, ForcedBegging and
 * ForcedMilitaryByNonStateActors; forced criminality has no type of its own there (Other), see
 * src/shared/codes/htcds.ts. Art. 3(a) lists exploitation "at a minimum", so these are
 * exploitation within the definition where national law makes them so.
 * Labels in ar, fr, es and ru follow the Protocol's official texts; uk follows Ukraine's
 * official translation.
 */

const ART3A = 'Palermo Protocol art. 3(a)';
const NATIONAL = 'national law; Palermo Protocol art. 3(a) ("at a minimum")';

export const PURPOSE_OPTIONS: Option[] = [
  {
    code: 'sexual_exploitation',
    ref: ART3A,
    label: {
      en: 'Exploitation of the prostitution of others or other forms of sexual exploitation',
      ar: 'استغلال دعارة الغير أو سائر أشكال الاستغلال الجنسي',
      fr: "Exploitation de la prostitution d'autrui ou autres formes d'exploitation sexuelle",
      es: 'Explotación de la prostitución ajena u otras formas de explotación sexual',
      ru: 'Эксплуатация проституции других лиц или другие формы сексуальной эксплуатации',
      uk: 'Експлуатація проституції інших осіб або інші форми сексуальної експлуатації',
    },
    childLabel: { en: 'Sexual things you did not want, or for money' },
  },
  {
    code: 'forced_labour',
    ref: ART3A,
    label: {
      en: 'Forced labour or services',
      ar: 'السخرة أو الخدمة قسرا',
      fr: 'Travail ou services forcés',
      es: 'Trabajos o servicios forzados',
      ru: 'Принудительный труд или услуги',
      uk: 'Примусова праця або послуги',
    },
    childLabel: { en: 'Work you were forced to do' },
  },
  {
    code: 'slavery',
    ref: ART3A,
    label: {
      en: 'Slavery or practices similar to slavery',
      ar: 'الاسترقاق أو الممارسات الشبيهة بالرق',
      fr: "Esclavage ou pratiques analogues à l'esclavage",
      es: 'Esclavitud o prácticas análogas a la esclavitud',
      ru: 'Рабство или обычаи, сходные с рабством',
      uk: 'Рабство або звичаї, подібні до рабства',
    },
    childLabel: { en: 'Being treated as if someone owned you' },
  },
  {
    code: 'servitude',
    ref: ART3A,
    label: {
      en: 'Servitude',
      ar: 'الاستعباد',
      fr: 'Servitude',
      es: 'Servidumbre',
      ru: 'Подневольное состояние',
      uk: 'Підневільний стан',
    },
    childLabel: { en: 'Having to serve someone and not being able to leave' },
  },
  {
    code: 'organ_removal',
    ref: ART3A,
    label: {
      en: 'Removal of organs',
      ar: 'نزع الأعضاء',
      fr: "Prélèvement d'organes",
      es: 'Extracción de órganos',
      ru: 'Извлечение органов',
      uk: 'Вилучення органів',
    },
    childLabel: { en: 'Taking a part of your body, like a kidney' },
  },
  {
    code: 'forced_marriage',
    ref: NATIONAL,
    label: {
      en: 'Forced marriage',
      ar: 'الزواج القسري',
      fr: 'Mariage forcé',
      es: 'Matrimonio forzado',
      ru: 'Принудительный брак',
      uk: 'Примусовий шлюб',
    },
    childLabel: { en: 'Marrying someone you did not choose' },
  },
  {
    code: 'forced_criminality',
    ref: NATIONAL,
    label: {
      en: 'Forced criminal activities',
      ar: 'الإجبار على أنشطة إجرامية',
      fr: 'Activités criminelles forcées',
      es: 'Actividades delictivas forzadas',
      ru: 'Принуждение к преступной деятельности',
      uk: 'Примус до злочинної діяльності',
    },
    childLabel: { en: 'Being made to steal, sell drugs or break the law' },
  },
  {
    code: 'forced_begging',
    ref: NATIONAL,
    label: {
      en: 'Forced begging',
      ar: 'التسول القسري',
      fr: 'Mendicité forcée',
      es: 'Mendicidad forzada',
      ru: 'Принудительное попрошайничество',
      uk: 'Примусове жебрацтво',
    },
    childLabel: { en: 'Being made to beg for money' },
  },
  {
    code: 'armed_groups',
    ref: NATIONAL,
    label: {
      en: 'Recruitment into armed forces or groups',
      ar: 'التجنيد في القوات أو الجماعات المسلحة',
      fr: 'Recrutement dans des forces ou groupes armés',
      es: 'Reclutamiento en fuerzas o grupos armados',
      ru: 'Вербовка в вооружённые силы или группы',
      uk: 'Вербування до збройних сил або груп',
    },
    childLabel: { en: 'Being made to join soldiers or a fighting group' },
  },
];
