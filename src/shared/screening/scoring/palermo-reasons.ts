import { optionsOf } from '../instrument.ts';
import type { PalermoElement, PalermoInstrument } from '../instruments/palermo.ts';
import { ELEMENTS } from '../instruments/palermo.ts';
import { NATIONAL_PURPOSES } from '../instruments/palermo-codes.ts';
import type { Determination, Reason, Status } from '../result.ts';
import { listText, reason } from '../result.ts';
import type { PalermoAnswers } from './palermo-answers.ts';
import type { ElementValue, Reading } from './palermo.ts';

const ART = {
  a: 'Palermo Protocol art. 3(a)',
  b: 'Palermo Protocol art. 3(b)',
  c: 'Palermo Protocol art. 3(c)',
  cd: 'Palermo Protocol art. 3(c)–(d)',
};
const NAME: Record<PalermoElement, string> = { act: 'Act', means: 'Means', purpose: 'Purpose' };
const WORD: Record<Determination, string> = {
  likely: 'likely',
  possible: 'possible',
  not_indicated: 'not indicated',
};

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function labels(instrument: PalermoInstrument, el: PalermoElement, codes: readonly string[]) {
  const q = instrument.questions.find((x) => x.id === el);
  const opts = q ? optionsOf(q) : [];
  return codes.map((c) => lower(opts.find((o) => o.code === c)?.label.en ?? c));
}

export function ageReason(age: number | null, child: boolean | null, limit: number): Reason {
  if (child === null) {
    return reason(
      'age',
      'palermo.age.unknown',
      `Age at recruitment not known: screened as an adult (act, means and purpose required). If the person was under ${limit}, means are not required (art. 3(c)); establish the age.`,
      ART.cd,
    );
  }
  return child
    ? reason(
        'age',
        'palermo.age.child',
        `Age at recruitment ${age}: a child (under ${limit}); means are not required (art. 3(c)–(d)).`,
        ART.cd,
      )
    : reason(
        'age',
        'palermo.age.adult',
        `Age at recruitment ${age}: an adult; act, means and purpose are all required (art. 3(a)).`,
        ART.a,
      );
}

export function elementReasons(
  instrument: PalermoInstrument,
  a: PalermoAnswers,
  elements: Record<PalermoElement, ElementValue>,
  child: boolean | null,
): Reason[] {
  return ELEMENTS.map((el) => {
    const v = elements[el];
    const codes = a[el] ?? [];
    const code = `palermo.${el}.${v}`;
    if (v === 'present') {
      const extra =
        el === 'means' && child === true
          ? ' Not required for a child (art. 3(c)); recorded as evidence.'
          : '';
      return reason(
        'element',
        code,
        `${NAME[el]} present: ${listText(labels(instrument, el, codes))} (art. 3(a)).${extra}`,
        ART.a,
      );
    }
    if (v === 'not_required') {
      const was = a.unknown.includes(el) || a.means === null ? 'not known' : 'answered none';
      return reason('element', code, `Means not required for a child (art. 3(c)); ${was}.`, ART.c);
    }
    if (v === 'absent')
      return reason(
        'element',
        code,
        `${NAME[el]} absent: answered none of the art. 3(a) ${el === 'act' ? 'acts' : el}.`,
        ART.a,
      );
    return reason('element', code, `${NAME[el]} not known: not established either way.`, ART.a);
  });
}

export function noteReasons(
  instrument: PalermoInstrument,
  a: PalermoAnswers,
  status: Record<PalermoElement, Status>,
  child: boolean | null,
): Reason[] {
  const out: Reason[] = [];
  if (status.purpose === 'present') {
    out.push(
      reason(
        'note',
        'palermo.purpose.intent',
        'The purpose is the intent ("for the purpose of exploitation", art. 3(a)): exploitation need not have taken place yet.',
        ART.a,
      ),
    );
    const national = (a.purpose ?? []).filter((c) => NATIONAL_PURPOSES.includes(c));
    if (national.length > 0) {
      out.push(
        reason(
          'note',
          'palermo.purpose.national',
          `${capital(listText(labels(instrument, 'purpose', national)))}: recorded as exploitation under national law; art. 3(a) lists forms of exploitation "at a minimum".`,
          ART.a,
        ),
      );
    }
  }
  if (status.means === 'present' && child !== true) {
    const said =
      a.consent === 'yes' ? ' The person said they agreed; that does not change the result.' : '';
    out.push(
      reason(
        'note',
        'palermo.consent.means',
        `Consent is irrelevant where any of the art. 3(a) means was used (art. 3(b)).${said}`,
        ART.b,
      ),
    );
  }
  if (child === true && a.consent === 'yes') {
    out.push(
      reason(
        'note',
        'palermo.consent.child',
        "A child's agreement is irrelevant: no means are needed for a child (art. 3(c)).",
        ART.c,
      ),
    );
  }
  if (a.citizenship !== null && a.citizenship === a.countryOfExploitation) {
    out.push(
      reason(
        'note',
        'palermo.domestic',
        `Domestic situation (citizenship and country of exploitation are both ${a.citizenship}): no border crossing is required; art. 3 has no transnational element.`,
        ART.a,
      ),
    );
  }
  return out;
}

export function ruleReason(
  main: Reading,
  alt: Reading | undefined,
  determination: Determination,
): Reason {
  const who = main.child
    ? 'a child needs act and purpose only (art. 3(c))'
    : 'an adult needs act, means and purpose (art. 3(a))';
  if (alt && alt.determination !== main.determination) {
    return reason(
      'rule',
      'palermo.rule.age_unknown',
      `Rule: ${who}; as an adult the answers give "${WORD[main.determination]}", as a child "${WORD[alt.determination]}" → possible until the age at recruitment is established.`,
      ART.cd,
    );
  }
  const tail =
    determination === 'likely'
      ? 'all required elements are present'
      : determination === 'not_indicated'
        ? 'a required element was answered absent'
        : 'no required element is absent, but not all are established';
  return reason(
    'rule',
    `palermo.rule.${main.child ? 'child' : 'adult'}`,
    `Rule: ${who}; ${tail} → ${WORD[determination]}.`,
    main.child ? ART.c : ART.a,
  );
}

export function missingReasons(
  instrument: PalermoInstrument,
  missing: readonly PalermoElement[],
  status: Record<PalermoElement, Status>,
): Reason[] {
  return missing.map((el) => {
    const q = instrument.questions.find((x) => x.id === el);
    const all = listText((q ? optionsOf(q) : []).map((o) => lower(o.label.en)));
    const how = status[el] === 'absent' ? 'answered none' : 'not established';
    return reason(
      'missing',
      `palermo.missing.${el}`,
      `Missing: ${el} (${how}). Art. 3(a) ${el === 'act' ? 'acts' : el}: ${all}.`,
      ART.a,
    );
  });
}
