import type { Localized } from '../text.ts';

interface QuestionText {
  text: Localized;
  childText: Localized;
  help?: Localized;
}

/**
 * Wording of the Palermo questions, addressed to the person, in the six UI languages, with a
 * simpler variant for a child. Non-English wording is Lantern's working translation: have it
 * reviewed by a native-speaking caseworker before field use.
 */
export const PALERMO_QUESTION_TEXT = {
  ageAtRecruitment: {
    text: {
      en: 'How old were you when you were first recruited, moved or taken in by the people involved?',
      ar: 'كم كان عمرك عندما جرى تجنيدك أو نقلك أو استقبالك لأول مرة من قبل الأشخاص المعنيين؟',
      fr: 'Quel âge aviez-vous lorsque vous avez été recruté(e), déplacé(e) ou pris(e) en charge pour la première fois par les personnes concernées ?',
      es: '¿Qué edad tenía cuando las personas implicadas le captaron, trasladaron o acogieron por primera vez?',
      ru: 'Сколько вам было лет, когда вас впервые завербовали, перевезли или приняли эти люди?',
      uk: 'Скільки вам було років, коли вас уперше завербували, перевезли або прийняли ці люди?',
    },
    childText: {
      en: 'How old were you when this started?',
      ar: 'كم كان عمرك عندما بدأ هذا؟',
      fr: 'Quel âge avais-tu quand cela a commencé ?',
      es: '¿Cuántos años tenías cuando empezó esto?',
      ru: 'Сколько тебе было лет, когда это началось?',
      uk: 'Скільки тобі було років, коли це почалося?',
    },
    help: {
      en: 'Age at recruitment decides whether means are needed (art. 3(c)–(d)). Leave it unknown rather than guess.',
    },
  },
  act: {
    text: {
      en: 'Did anyone recruit you, transport or transfer you, keep you somewhere or receive you? Choose all that happened.',
      ar: 'هل قام أحد بتجنيدك أو نقلك أو تنقيلك أو إيوائك أو استقبالك؟ اختر كل ما حدث.',
      fr: 'Quelqu’un vous a-t-il recruté(e), transporté(e), transféré(e), hébergé(e) ou accueilli(e) ? Choisissez tout ce qui s’est produit.',
      es: '¿Alguien le captó, transportó, trasladó, acogió o recibió? Elija todo lo que ocurrió.',
      ru: 'Вас кто-нибудь вербовал, перевозил, передавал, укрывал или принимал? Отметьте всё, что произошло.',
      uk: 'Вас хтось вербував, перевозив, передавав, приховував або приймав? Позначте все, що сталося.',
    },
    childText: {
      en: 'Did someone find you, take you somewhere, hand you over, keep you somewhere or pick you up?',
      ar: 'هل وجدك أحد، أو أخذك إلى مكان ما، أو سلّمك لغيره، أو أبقاك في مكان ما، أو استلمك؟',
      fr: 'Est-ce que quelqu’un t’a trouvé, emmené quelque part, confié à d’autres, gardé quelque part ou récupéré ?',
      es: '¿Alguien te buscó, te llevó a algún sitio, te entregó a otras personas, te tuvo en algún lugar o te recogió?',
      ru: 'Кто-то нашёл тебя, куда-то отвёз, передал другим людям, держал где-то или забрал тебя?',
      uk: 'Хтось знайшов тебе, кудись відвіз, передав іншим людям, тримав десь або забрав тебе?',
    },
  },
  means: {
    text: {
      en: 'Did anyone use threats, force or other pressure, take you away, lie to you or cheat you, misuse their power or your difficult situation, or pay someone who had control over you?',
      ar: 'هل استخدم أحد التهديد أو القوة أو أي ضغط آخر، أو اختطفك، أو كذب عليك أو احتال عليك، أو استغل سلطته أو وضعك الصعب، أو دفع مالاً لشخص له سيطرة عليك؟',
      fr: 'Quelqu’un a-t-il utilisé des menaces, la force ou une autre contrainte, vous a-t-il enlevé(e), trompé(e) ou escroqué(e), a-t-il abusé de son autorité ou de votre situation difficile, ou payé une personne ayant autorité sur vous ?',
      es: '¿Alguien usó amenazas, fuerza u otra presión, le raptó, le mintió o le estafó, abusó de su poder o de su situación difícil, o pagó a alguien que tenía autoridad sobre usted?',
      ru: 'Кто-нибудь угрожал вам, применял силу или иное давление, похищал вас, обманывал, злоупотреблял властью или вашим трудным положением, или платил тому, кто вас контролировал?',
      uk: 'Хтось погрожував вам, застосовував силу чи інший тиск, викрадав вас, обманював, зловживав владою чи вашим скрутним становищем, або платив тому, хто вас контролював?',
    },
    childText: {
      en: 'Did anyone scare you, hurt you, trick you, take you away, or give money to someone to let you go with them?',
      ar: 'هل أخافك أحد، أو آذاك، أو خدعك، أو أخذك بعيداً، أو أعطى مالاً لشخص ما ليسمح لك بالذهاب معه؟',
      fr: 'Est-ce que quelqu’un t’a fait peur, t’a fait mal, t’a menti, t’a emmené de force, ou a donné de l’argent à quelqu’un pour que tu partes avec lui ?',
      es: '¿Alguien te asustó, te hizo daño, te engañó, te llevó a la fuerza o dio dinero a alguien para que te dejara ir con él?',
      ru: 'Кто-то пугал тебя, делал тебе больно, обманывал, увозил силой или давал кому-то деньги, чтобы тебя отпустили с ним?',
      uk: 'Хтось лякав тебе, робив тобі боляче, обманював, забирав силою або давав комусь гроші, щоб тебе відпустили з ним?',
    },
    help: {
      en: 'Not required for a child (art. 3(c)), but record what is known. Where any means was used, consent is irrelevant (art. 3(b)).',
    },
  },
  purpose: {
    text: {
      en: 'What were you recruited, moved or held for? Include what was intended even if it has not happened yet.',
      ar: 'لأي غرض جرى تجنيدك أو نقلك أو احتجازك؟ اذكر ما كان مقصوداً حتى لو لم يحدث بعد.',
      fr: 'Dans quel but avez-vous été recruté(e), déplacé(e) ou retenu(e) ? Indiquez ce qui était prévu, même si cela ne s’est pas encore produit.',
      es: '¿Con qué fin le captaron, trasladaron o retuvieron? Incluya lo que se pretendía aunque todavía no haya ocurrido.',
      ru: 'С какой целью вас вербовали, перевозили или удерживали? Укажите задуманное, даже если это ещё не произошло.',
      uk: 'З якою метою вас вербували, перевозили або утримували? Зазначте задумане, навіть якщо це ще не сталося.',
    },
    childText: {
      en: 'What did they want you to do, or make you do? Tell us even if it has not happened yet.',
      ar: 'ماذا أرادوا منك أن تفعل، أو ماذا أجبروك على فعله؟ أخبرنا حتى لو لم يحدث بعد.',
      fr: 'Qu’est-ce qu’ils voulaient que tu fasses, ou qu’est-ce qu’ils t’ont obligé à faire ? Dis-le même si ce n’est pas encore arrivé.',
      es: '¿Qué querían que hicieras o qué te obligaron a hacer? Cuéntanos aunque todavía no haya pasado.',
      ru: 'Что они хотели, чтобы ты делал, или что заставляли делать? Расскажи, даже если этого ещё не случилось.',
      uk: 'Що вони хотіли, щоб ти робив, або що змушували робити? Розкажи, навіть якщо цього ще не сталося.',
    },
    help: {
      en: 'Art. 3(a): "for the purpose of exploitation" — the purpose is the intent; exploitation need not have occurred.',
    },
  },
  consent: {
    text: {
      en: 'At some point, did you agree to the work, the journey or the arrangement?',
      ar: 'هل وافقت في مرحلة ما على العمل أو الرحلة أو الترتيب؟',
      fr: 'À un moment donné, avez-vous accepté le travail, le voyage ou l’arrangement ?',
      es: 'En algún momento, ¿aceptó el trabajo, el viaje o el acuerdo?',
      ru: 'Соглашались ли вы в какой-то момент на работу, поездку или договорённость?',
      uk: 'Чи погоджувалися ви в якийсь момент на роботу, поїздку або домовленість?',
    },
    childText: {
      en: 'Did you say yes to going or to doing this at some point?',
      ar: 'هل قلت نعم للذهاب أو لفعل هذا في مرحلة ما؟',
      fr: 'Est-ce que tu as dit oui pour partir ou pour faire cela à un moment ?',
      es: '¿Dijiste que sí a ir o a hacer esto en algún momento?',
      ru: 'Ты когда-нибудь соглашался поехать или делать это?',
      uk: 'Ти колись погоджувався поїхати або робити це?',
    },
    help: {
      en: 'Agreement never changes the result where means were used (art. 3(b)) or for a child (art. 3(c)); it is recorded so the result can say so.',
    },
  },
  citizenship: {
    text: {
      en: 'What is your citizenship?',
      ar: 'ما هي جنسيتك؟',
      fr: 'Quelle est votre nationalité ?',
      es: '¿Cuál es su nacionalidad?',
      ru: 'Какое у вас гражданство?',
      uk: 'Яке у вас громадянство?',
    },
    childText: {
      en: 'Which country are you from?',
      ar: 'من أي بلد أنت؟',
      fr: 'De quel pays viens-tu ?',
      es: '¿De qué país eres?',
      ru: 'Из какой ты страны?',
      uk: 'З якої ти країни?',
    },
  },
  countryOfExploitation: {
    text: {
      en: 'In which country did this happen, or was it meant to happen?',
      ar: 'في أي بلد حدث هذا، أو كان من المفترض أن يحدث؟',
      fr: 'Dans quel pays cela s’est-il produit, ou devait-il se produire ?',
      es: '¿En qué país ocurrió esto, o iba a ocurrir?',
      ru: 'В какой стране это произошло или должно было произойти?',
      uk: 'У якій країні це сталося або мало статися?',
    },
    childText: {
      en: 'In which country did this happen?',
      ar: 'في أي بلد حدث هذا؟',
      fr: 'Dans quel pays est-ce arrivé ?',
      es: '¿En qué país pasó esto?',
      ru: 'В какой стране это случилось?',
      uk: 'У якій країні це сталося?',
    },
    help: {
      en: 'No border crossing is required: art. 3 defines trafficking without a transnational element.',
    },
  },
} satisfies Record<string, QuestionText>;
