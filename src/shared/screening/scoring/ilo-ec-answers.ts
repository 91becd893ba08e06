import { z } from 'zod';
import {
  ageAnswer,
  checkDisjoint,
  checkVersion,
  codeAnswer,
  codeListAnswer,
  parseAnswers,
  triAnswer,
  versionAnswer,
} from '../answers.ts';
import { ScreeningError } from '../errors.ts';
import type { IloEcInstrument } from '../instruments/ilo-ec.ts';
import { INDICATOR_CODES } from '../instruments/ilo-ec-catalogue.ts';
import type { ListId } from '../instruments/ilo-ec-lists.ts';

export interface IloEcAnswers {
  version?: string;
  ageAtRecruitment: number | null;
  exploitation: 'labour' | 'sexual';
  act: 'yes' | 'no' | 'unknown';
  present: string[];
  unknown: string[];
}

const schema = z.strictObject({
  version: versionAnswer(),
  ageAtRecruitment: ageAnswer().default(null),
  exploitation: codeAnswer(['labour', 'sexual'] as const),
  act: triAnswer().default('unknown'),
  present: codeListAnswer(INDICATOR_CODES),
  unknown: codeListAnswer(INDICATOR_CODES).default([]),
});

/** The list that applies: children under the age limit, adults otherwise (also when unknown). */
export function listFor(instrument: IloEcInstrument, a: IloEcAnswers): ListId {
  const child = a.ageAtRecruitment !== null && a.ageAtRecruitment < instrument.rule.childAgeLimit;
  return `${child ? 'children' : 'adults'}_${a.exploitation}`;
}

/** Validates answers; an indicator that is not in the list that applies is an error. */
export function parseIloEcAnswers(instrument: IloEcInstrument, raw: unknown): IloEcAnswers {
  const a: IloEcAnswers = parseAnswers(schema, raw);
  checkVersion(a.version, instrument.version, instrument.id);
  checkDisjoint(a.present, a.unknown, 'unknown');
  const list = instrument.lists[listFor(instrument, a)];
  const issues = (['present', 'unknown'] as const).flatMap((field) =>
    a[field].flatMap((code, i) =>
      list.weights[code] === undefined
        ? [
            {
              path: `${field}[${i}]`,
              message: `"${code}" is not an indicator of the list "${list.title}"`,
            },
          ]
        : [],
    ),
  );
  if (issues.length > 0) throw new ScreeningError('invalid_answers', issues);
  return a;
}
