import type { Answers } from '../../shared/api/screenings.schema.ts';
import type {
  FieldIssue,
  Instrument,
  Question,
  ScreeningResult,
} from '../../shared/screening/index.ts';
import { evaluate, ScreeningError } from '../../shared/screening/index.ts';
import { open, seal } from '../crypto/aead.ts';
import type { OrgKeys } from '../crypto/keyring.ts';
import { AppError } from '../http/app-error.ts';

// The ciphertext is bound to its screening: moving it to another row fails to decrypt.
const aad = (screeningId: string) => `screening:${screeningId}`;

export const sealAnswers = (keys: OrgKeys, screeningId: string, answers: Answers): Buffer =>
  seal(keys.encryption, Buffer.from(JSON.stringify(answers), 'utf8'), aad(screeningId));

export const openAnswers = (keys: OrgKeys, screeningId: string, sealed: Uint8Array): Answers =>
  JSON.parse(open(keys.encryption, sealed, aad(screeningId)).toString('utf8')) as Answers;

export interface AnswerChanges {
  answers?: Answers | undefined;
  remove?: string[] | undefined;
  version?: string | undefined;
}

/**
 * The stored answers with the changes applied: keys merged one by one, `remove` dropped. A
 * `version` — in the body or inside the answers — must be the screening's own; it is not stored
 * (the screening's version column says it).
 */
export function mergeAnswers(stored: Answers, changes: AnswerChanges, version: string): Answers {
  const issues: FieldIssue[] = [];
  if (changes.version !== undefined && changes.version !== version) {
    issues.push({ path: 'version', message: versionMessage(changes.version, version) });
  }
  const given = changes.answers?.version;
  if (given !== undefined && given !== version) {
    issues.push({
      path: 'answers.version',
      message:
        typeof given === 'string' ? versionMessage(given, version) : 'must be a version string',
    });
  }
  if (issues.length > 0) throw AppError.invalid(issues);
  const merged: Answers = { ...stored, ...changes.answers };
  delete merged.version;
  for (const key of changes.remove ?? []) delete merged[key];
  return merged;
}

const versionMessage = (given: string, version: string) =>
  `answers were given for version ${given}, but this screening uses version ${version}`;

/** Engine issues as API field paths: `means[1]` → `answers.means[1]`. */
const asAnswerIssues = (issues: FieldIssue[]): FieldIssue[] =>
  issues.map((i) => ({ path: i.path ? `answers.${i.path}` : 'answers', message: i.message }));

// Stand-ins for questions not answered yet, so that a draft goes through every check the engine
// makes (codes, ages, contradictions, the list that applies). Each stand-in is a value that adds
// nothing; where the answer decides which codes are allowed (an age, a choice), each possibility
// is tried, so a draft is refused only when no later answer could make it valid.
function standIns(q: Question): unknown[] {
  switch (q.answer.type) {
    case 'age':
      return [null, 0];
    case 'codes':
      return [[]];
    case 'choice':
      return q.answer.options.map((o) => o.code);
    case 'tri':
      return ['unknown'];
    case 'country':
      return [null];
  }
}

function fillings(questions: Question[]): Answers[] {
  let out: Answers[] = [{}];
  for (const q of questions) {
    out = out.flatMap((f) => standIns(q).map((v) => ({ ...f, [q.id]: v })));
    if (out.length > 64) break;
  }
  return out;
}

/**
 * Validates a draft's answers against its instrument version: every answer given must be valid,
 * while unanswered questions are allowed. Throws 400 `validation_failed` naming `answers.<path>`.
 */
export function checkDraftAnswers(instrument: Instrument, answers: Answers): void {
  const unanswered = instrument.questions.filter((q) => !(q.id in answers));
  let fewest: FieldIssue[] | undefined;
  for (const fill of fillings(unanswered)) {
    try {
      evaluate(instrument.id, instrument.version, { ...fill, ...answers });
      return;
    } catch (e) {
      if (!(e instanceof ScreeningError)) throw e;
      // Issues about a stand-in say nothing about what was given.
      const real = e.issues.filter((i) => !(rootKey(i.path) in fill));
      if (!fewest || real.length < fewest.length) fewest = real;
    }
  }
  if (fewest && fewest.length > 0) throw AppError.invalid(asAnswerIssues(fewest));
}

const rootKey = (path: string): string => /^[^.[]*/.exec(path)?.[0] ?? '';

/**
 * Scores complete answers by the rule of the given version. An answer the instrument requires
 * but that is missing is named as such.
 */
export function scoreAnswers(instrument: Instrument, answers: Answers): ScreeningResult {
  try {
    return evaluate(instrument.id, instrument.version, answers);
  } catch (e) {
    if (!(e instanceof ScreeningError)) throw e;
    throw AppError.invalid(
      asAnswerIssues(
        e.issues.map((i) =>
          i.path && !(rootKey(i.path) in answers)
            ? { path: i.path, message: 'must be answered before the screening is completed' }
            : i,
        ),
      ),
    );
  }
}
