/**
 * Type parsers shared by both drivers so that a row looks the same on PGlite and on a server:
 * `date` stays a 'YYYY-MM-DD' string (no time-zone shift), `bigint` and `numeric` become numbers
 * (counts and sequence numbers here stay far below 2^53).
 */
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

export const parsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: (v) => Number(v),
  [OID.numeric]: (v) => Number(v),
  [OID.date]: (v) => v,
};
