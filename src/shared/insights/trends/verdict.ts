/** What every detector says about one period of one series (see `assessSeries`). */
export interface Verdict {
  /** The baseline's expected count for the period. */
  expected: number;
  /** The largest count that raises no alarm: observed above it alarms. */
  threshold: number;
  alarm: boolean;
  /** First and last index of the history the baseline used (inclusive). */
  historyFrom: number;
  historyTo: number;
}
