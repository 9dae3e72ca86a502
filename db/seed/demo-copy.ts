// Demo therapists straight to COPY text: each generated row is serialised as soon as it is made
// (no chunk of row objects kept alive), with column lists fixed once from the generator's rows.
// The text is byte for byte what db/bulk-insert.ts's generic copyText writes for the same rows
// (tests/unit/demo-copy.test.ts compares them), with its copyValue, only cheaper: no spreads or
// per-chunk key scans. Plain functions of
// (seed, indexes), so a worker thread can run them (./demo-copy-workers.ts).
import { getTableColumns } from "drizzle-orm";
import { copyEscape, copyValue, derivedTherapistColumns } from "../bulk-insert";
import { loadStateLicensing } from "../reference/state-licensing";
import { licenses, therapists } from "../schema";
import { DEFAULT_DEMO_SEED, generateTherapist } from "./demo-generator";

/** COPY text for a range of demo therapists: what db/bulk-insert.ts's copyDemoChunk writes. */
export type DemoCopyChunk = {
  /** The first generator index and how many therapists. */
  first: number;
  size: number;
  therapistColumns: string[];
  licenseColumns: string[];
  /** UTF-8 COPY text (bytes outside the JavaScript heap: no garbage collector work, and a worker transfers them without a copy). */
  therapists: Uint8Array;
  licenses: Uint8Array;
  /** therapist_modalities (therapist_id, modality_slug). */
  links: Uint8Array;
  /** The therapists' ids as a PostgreSQL array literal, for the set-based check. */
  ids: string;
};

type Layout = {
  therapistKeys: string[];
  therapistColumns: string[];
  /** Per therapist column: true when it comes from derivedTherapistColumns, not the row. */
  derived: boolean[];
  licenseKeys: string[];
  licenseColumns: string[];
  /** The keys a generated row may carry (with a defined value only when it is a column listed). */
  therapistAllowed: Set<string>;
  licenseAllowed: Set<string>;
};

let layout: Layout | null = null;
const states = () => new Map(loadStateLicensing().map((s) => [s.code, s]));

/**
 * The column lists, in the tables' column order (as copyText orders them): the columns the
 * generator's first rows fill (it always fills the same ones; each row is checked against them).
 */
function demoLayout(): Layout {
  if (layout) return layout;
  const map = states();
  const therapistTable: Record<string, { name: string }> = getTableColumns(therapists);
  const licenseTable: Record<string, { name: string }> = getTableColumns(licenses);
  const therapistSeen = new Set<string>();
  const licenseSeen = new Set<string>();
  for (let i = 0; i < 50 && (i < 1 || licenseSeen.size === 0); i++) {
    const g = generateTherapist(i, { seed: "demo-copy-layout", states: map });
    for (const [key, value] of Object.entries({ ...g.therapist, ...derivedTherapistColumns(g) })) if (value !== undefined) therapistSeen.add(key);
    for (const l of g.licenses) for (const [key, value] of Object.entries(l)) if (value !== undefined) licenseSeen.add(key);
  }
  const therapistKeys = Object.keys(therapistTable).filter((k) => therapistSeen.has(k));
  const licenseKeys = Object.keys(licenseTable).filter((k) => licenseSeen.has(k));
  const derivedKeys = new Set(Object.keys(derivedTherapistColumns({ therapist: { modalitySlugs: [] } as never, licenses: [] })));
  layout = {
    therapistKeys,
    therapistColumns: therapistKeys.map((k) => therapistTable[k]!.name),
    derived: therapistKeys.map((k) => derivedKeys.has(k)),
    licenseKeys,
    licenseColumns: licenseKeys.map((k) => licenseTable[k]!.name),
    therapistAllowed: new Set(therapistKeys.filter((k) => !derivedKeys.has(k))),
    licenseAllowed: new Set(licenseKeys),
  };
  return layout;
}

/** A growing UTF-8 buffer: text written as it is made, so no long string is kept on the heap. */
class ByteSink {
  private buffer: Buffer;
  private length = 0;
  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafeSlow(capacity);
  }
  write(text: string) {
    if (this.length + text.length * 3 > this.buffer.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.length + text.length * 3));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    this.length += this.buffer.write(text, this.length);
  }
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

function unexpected(kind: string, index: number, key: string): never {
  throw new Error(`Demo ${kind} ${index} has a value for "${key}", which the COPY column list does not hold: a generator change needs demo-copy.ts's layout checked.`);
}

/** COPY text for demo therapists first..first+size-1 (the same rows generateTherapist gives). */
export function demoCopyChunk(first: number, size: number, seed: string = DEFAULT_DEMO_SEED, stateMap = states()): DemoCopyChunk {
  const l = demoLayout();
  const { therapistKeys, derived, licenseKeys, therapistAllowed, licenseAllowed } = l;
  const tn = therapistKeys.length;
  const ln = licenseKeys.length;
  const therapistText = new ByteSink(size * 1600);
  const licenseText = new ByteSink(size * 200);
  const links = new ByteSink(size * 200);
  let ids = "{";
  for (let i = first; i < first + size; i++) {
    const g = generateTherapist(i, { seed, states: stateMap });
    const row = g.therapist as unknown as Record<string, unknown>;
    for (const key in row) if (!therapistAllowed.has(key) && row[key] !== undefined) unexpected("therapist", i, key);
    const d = derivedTherapistColumns(g) as unknown as Record<string, unknown>;
    let line = "";
    for (let j = 0; j < tn; j++) {
      const key = therapistKeys[j]!;
      const v = derived[j] ? d[key] : row[key];
      if (v === undefined) throw new Error(`Demo therapist ${i} has no "${key}", which the COPY column list holds.`);
      line += j === 0 ? copyValue(v) : `\t${copyValue(v)}`;
    }
    therapistText.write(`${line}\n`);
    for (const lic of g.licenses) {
      const r = lic as unknown as Record<string, unknown>;
      for (const key in r) if (!licenseAllowed.has(key) && r[key] !== undefined) unexpected("licence", i, key);
      let lline = "";
      for (let j = 0; j < ln; j++) {
        const key = licenseKeys[j]!;
        const v = r[key];
        if (v === undefined) throw new Error(`A licence of demo therapist ${i} has no "${key}", which the COPY column list holds.`);
        lline += j === 0 ? copyValue(v) : `\t${copyValue(v)}`;
      }
      licenseText.write(`${lline}\n`);
    }
    const id = g.therapist.id;
    for (const slug of g.therapist.modalitySlugs) links.write(`${id}\t${copyEscape(slug)}\n`);
    ids += i === first ? id : `,${id}`;
  }
  return {
    first,
    size,
    therapistColumns: l.therapistColumns,
    licenseColumns: l.licenseColumns,
    therapists: therapistText.bytes(),
    licenses: licenseText.bytes(),
    links: links.bytes(),
    ids: `${ids}}`,
  };
}

/** One chunk from consecutive pieces (the in-thread source makes a chunk in pieces). */
export function joinDemoCopyChunks(parts: readonly DemoCopyChunk[]): DemoCopyChunk {
  if (parts.length === 1) return parts[0]!;
  const first = parts[0]!;
  return {
    first: first.first,
    size: parts.reduce((n, p) => n + p.size, 0),
    therapistColumns: first.therapistColumns,
    licenseColumns: first.licenseColumns,
    therapists: Buffer.concat(parts.map((p) => p.therapists)),
    licenses: Buffer.concat(parts.map((p) => p.licenses)),
    links: Buffer.concat(parts.map((p) => p.links)),
    ids: `{${parts.map((p) => p.ids.slice(1, -1)).join(",")}}`,
  };
}

/** Where the demo seed gets its COPY text: this thread, or worker threads (./demo-copy-workers.ts). */
export type DemoCopySource = {
  /** How many chunks it makes at once (the loader asks that many ahead of the one it writes). */
  parallelism: number;
  chunk(first: number, size: number, seed: string): Promise<DemoCopyChunk>;
  close(): Promise<void>;
};

/** Makes chunks in this thread, a thousand rows at a time with a turn for the event loop between. */
export function inThreadDemoCopySource(): DemoCopySource {
  const stateMap = states();
  return {
    parallelism: 1,
    async chunk(first, size, seed) {
      const parts: DemoCopyChunk[] = [];
      for (let i = 0; i < size; i += 1000) {
        parts.push(demoCopyChunk(first + i, Math.min(1000, size - i), seed, stateMap));
        // Lets the previous chunk's COPY data flow to the server meanwhile.
        await new Promise((r) => setImmediate(r));
      }
      return joinDemoCopyChunks(parts);
    },
    async close() {},
  };
}
