import { ScreeningError } from './errors.ts';
import type { DomvInstrument } from './instruments/domv.ts';
import { domvV1 } from './instruments/domv.ts';
import type { IloEcInstrument } from './instruments/ilo-ec.ts';
import { iloEcV1 } from './instruments/ilo-ec.ts';
import type { IloFlInstrument } from './instruments/ilo-forced-labour.ts';
import { iloFlV1 } from './instruments/ilo-forced-labour.ts';
import type { PalermoInstrument } from './instruments/palermo.ts';
import { palermoV1 } from './instruments/palermo.ts';
import type { InstrumentKind } from './instrument.ts';
import type { Localized } from './text.ts';

export type Instrument = PalermoInstrument | IloFlInstrument | IloEcInstrument | DomvInstrument;

/** Every version of every instrument. Add a new version here; never edit a published one. */
const INSTRUMENTS: readonly Instrument[] = [palermoV1, iloFlV1, iloEcV1, domvV1];

export interface InstrumentSummary {
  id: string;
  kind: InstrumentKind;
  title: Localized;
  /** Oldest first. */
  versions: string[];
  latest: string;
}

/** Orders "1.10.0" after "1.9.0". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The instruments and their versions, e.g. for a form picker or `lantern screen`. */
export function listInstruments(): InstrumentSummary[] {
  const ids = [...new Set(INSTRUMENTS.map((i) => i.id))];
  return ids.map((id) => {
    const all = INSTRUMENTS.filter((i) => i.id === id).sort((a, b) =>
      compareVersions(a.version, b.version),
    );
    const latest = all[all.length - 1] as Instrument;
    return {
      id,
      kind: latest.kind,
      title: latest.title,
      versions: all.map((i) => i.version),
      latest: latest.version,
    };
  });
}

/** One instrument version (the latest when no version is given); throws when there is none. */
export function getInstrument(id: string, version?: string): Instrument {
  const summary = listInstruments().find((s) => s.id === id);
  if (!summary) {
    const known = listInstruments()
      .map((s) => s.id)
      .join(', ');
    throw new ScreeningError('unknown_instrument', [
      { path: 'instrument', message: `unknown instrument "${id}"; expected one of: ${known}` },
    ]);
  }
  const want = version ?? summary.latest;
  const found = INSTRUMENTS.find((i) => i.id === id && i.version === want);
  if (!found) {
    throw new ScreeningError('unknown_version', [
      {
        path: 'version',
        message: `${id} has no version "${want}"; versions: ${summary.versions.join(', ')}`,
      },
    ]);
  }
  return found;
}
