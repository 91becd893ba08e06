import { z } from 'zod';
import {
  ageAnswer,
  checkVersion,
  codeAnswer,
  codeListAnswer,
  countryAnswer,
  parseAnswers,
  triAnswer,
  versionAnswer,
} from '../answers.ts';
import { ScreeningError } from '../errors.ts';
import type { PalermoElement, PalermoInstrument } from '../instruments/palermo.ts';
import { ELEMENTS } from '../instruments/palermo.ts';
import { optionsOf } from '../instrument.ts';

/**
 * Answers to the Palermo instrument. A list names the codes found; an empty list means "none";
 * an element named in `unknown`, or whose key is missing or null, was not established either
 * way.
 */
export interface PalermoAnswers {
  version?: string;
  ageAtRecruitment: number | null;
  act: string[] | null;
  means: string[] | null;
  purpose: string[] | null;
  unknown: PalermoElement[];
  consent: 'yes' | 'no' | 'unknown';
  citizenship: string | null;
  countryOfExploitation: string | null;
}

function codesOf(instrument: PalermoInstrument, id: PalermoElement): string[] {
  const q = instrument.questions.find((x) => x.id === id);
  return q ? optionsOf(q).map((o) => o.code) : [];
}

function schemaFor(instrument: PalermoInstrument) {
  const list = (id: PalermoElement) =>
    codeListAnswer(codesOf(instrument, id)).nullable().default(null);
  return z.strictObject({
    version: versionAnswer(),
    ageAtRecruitment: ageAnswer().default(null),
    act: list('act'),
    means: list('means'),
    purpose: list('purpose'),
    unknown: z
      .array(codeAnswer(ELEMENTS), { error: 'must be a list of elements: act, means, purpose' })
      .default([])
      .transform((xs) => [...new Set(xs)]),
    consent: triAnswer().default('unknown'),
    citizenship: countryAnswer().default(null),
    countryOfExploitation: countryAnswer().default(null),
  });
}

/** Validates raw answers (from a form, the API or the CLI) for this version of the instrument. */
export function parsePalermoAnswers(instrument: PalermoInstrument, raw: unknown): PalermoAnswers {
  const a: PalermoAnswers = parseAnswers(schemaFor(instrument), raw);
  checkVersion(a.version, instrument.version, instrument.id);
  const issues = a.unknown.flatMap((el, i) => {
    const codes = a[el];
    return codes && codes.length > 0
      ? [{ path: `unknown[${i}]`, message: `"${el}" is marked unknown but ${el} lists codes` }]
      : [];
  });
  if (issues.length > 0) throw new ScreeningError('invalid_answers', issues);
  return a;
}
