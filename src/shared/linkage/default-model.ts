/**
 * A default model for organisations with too few records to train their own: trained by
 * `dedupeRecords` on 60,000 synthetic persons (generatePersons, seed 1969; regenerate with the
 * snippet in docs/record-linkage.md). Its comparisons are the person fields the server keeps:
 * names, date of birth, sex, place and a phone number. Its prior λ belongs to a 60,000-record
 * list: a caller scoring against a list of another size should set `lambda` to about
 * (expected duplicates) / (pairs it compares).
 */
import { parseModel, type Model } from './model.ts';

export const DEFAULT_MODEL: Model = parseModel({
  format: 'lantern-linkage-model',
  version: 1,
  comparisons: [
    {
      id: 'givenName',
      kind: 'name',
      part: 'given',
      termFrequency: true,
      levels: [
        {
          name: 'missing',
          m: 1,
          u: 1,
        },
        {
          name: 'exact',
          m: 0.6832,
          u: 0.000837,
        },
        {
          name: 'transliterated',
          m: 0.1198,
          u: 0.0004287,
        },
        {
          name: 'phonetic',
          m: 0.08393,
          u: 0.004481,
        },
        {
          name: 'fuzzy_high',
          m: 0.06727,
          u: 0.007972,
        },
        {
          name: 'fuzzy_low',
          m: 0.02304,
          u: 0.05658,
        },
        {
          name: 'swapped',
          m: 0.01321,
          u: 0.0001021,
        },
        {
          name: 'subset',
          m: 1e-6,
          u: 5.104e-5,
        },
        {
          name: 'different',
          m: 0.009612,
          u: 0.9295,
        },
      ],
    },
    {
      id: 'familyName',
      kind: 'name',
      part: 'family',
      termFrequency: true,
      levels: [
        {
          name: 'missing',
          m: 1,
          u: 1,
        },
        {
          name: 'exact',
          m: 0.6817,
          u: 0.001313,
        },
        {
          name: 'transliterated',
          m: 0.1134,
          u: 0.0004198,
        },
        {
          name: 'phonetic',
          m: 0.09494,
          u: 0.002329,
        },
        {
          name: 'fuzzy_high',
          m: 0.06651,
          u: 0.006567,
        },
        {
          name: 'fuzzy_low',
          m: 0.0177,
          u: 0.05044,
        },
        {
          name: 'swapped',
          m: 0.0155,
          u: 0.0001354,
        },
        {
          name: 'subset',
          m: 0.0002019,
          u: 4.062e-5,
        },
        {
          name: 'different',
          m: 0.01006,
          u: 0.9388,
        },
      ],
    },
    {
      id: 'birth',
      kind: 'date',
      toleranceYears: 3,
      levels: [
        {
          name: 'missing',
          m: 1,
          u: 1,
        },
        {
          name: 'exact',
          m: 0.7648,
          u: 7.135e-5,
        },
        {
          name: 'year_month',
          m: 0.01608,
          u: 0.001478,
        },
        {
          name: 'swapped_day_month',
          m: 0.01651,
          u: 3.058e-5,
        },
        {
          name: 'one_digit',
          m: 0.09427,
          u: 0.0008154,
        },
        {
          name: 'year',
          m: 0.07711,
          u: 0.01468,
        },
        {
          name: 'year_plus_minus_1',
          m: 0.02857,
          u: 0.03281,
        },
        {
          name: 'within_tolerance',
          m: 0.0006382,
          u: 0.06513,
        },
        {
          name: 'different',
          m: 0.002037,
          u: 0.885,
        },
      ],
    },
    {
      id: 'sex',
      kind: 'sex',
      levels: [
        {
          name: 'missing',
          m: 1,
          u: 1,
        },
        {
          name: 'exact',
          m: 1,
          u: 0.5014,
        },
        {
          name: 'different',
          m: 6.271e-6,
          u: 0.4986,
        },
      ],
    },
    {
      id: 'place',
      kind: 'place',
      levels: [
        {
          name: 'missing',
          m: 1,
          u: 1,
        },
        {
          name: 'locality',
          m: 0.7483,
          u: 0.00019,
        },
        {
          name: 'admin_area',
          m: 0.2431,
          u: 0.00667,
        },
        {
          name: 'country',
          m: 0.0004935,
          u: 0.07003,
        },
        {
          name: 'different',
          m: 0.008086,
          u: 0.9231,
        },
      ],
    },
    {
      id: 'id:phone',
      kind: 'identifier',
      key: 'phone',
      levels: [
        {
          name: 'missing',
          m: 1,
          u: 1,
        },
        {
          name: 'exact',
          m: 0.8921,
          u: 0.0001868,
        },
        {
          name: 'one_edit',
          m: 0.1063,
          u: 0.0001868,
        },
        {
          name: 'different',
          m: 0.001601,
          u: 0.9996,
        },
      ],
    },
  ],
  lambda: 1.51e-5,
  lambdaCandidates: 0.5651,
  blocking: [
    'names+year',
    'names+monthday',
    'family+dob',
    'given+dob',
    'dob+sex',
    'id:phone',
    'family+locality',
    'given+locality',
  ],
  tfMinimumU: 1e-6,
  threshold: 0.5,
});
