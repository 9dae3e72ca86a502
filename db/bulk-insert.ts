// Bulk writes, through the fastest path each driver has.
// - bulkInsert: many rows in one statement with a single JSON parameter, expanded server-side by
//   jsonb_to_recordset. One parameter instead of one per value: no 65,535-parameter limit, far
//   less work building the query, and the same SQL on PGlite and PostgreSQL.
// - copyRows: PostgreSQL's COPY FROM STDIN in text format through the `postgres` driver, several
//   times faster again (no JSON to build or parse, no planning).
import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Sql, TransactionSql } from "postgres";
import type { Db } from "./client";
import { licenses, therapistModalities, therapists, UNCLAIMED_REGISTRY_SCORE } from "./schema";

export async function bulkInsert<T extends PgTable>(db: Db, table: T, rows: T["$inferInsert"][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(columns).filter((key) => rows.some((row) => (row as Record<string, unknown>)[key] !== undefined));
  const names = keys.map((key) => sql.identifier(columns[key]!.name));
  const definitions = keys.map((key) => sql`${sql.identifier(columns[key]!.name)} ${sql.raw(columns[key]!.getSQLType())}`);
  const payload = JSON.stringify(
    rows.map((row) => Object.fromEntries(keys.map((key) => [columns[key]!.name, (row as Record<string, unknown>)[key] ?? null]))),
  );
  const list = sql.join(names, sql`, `);
  await db.execute(
    sql`insert into ${table} (${list}) select ${list} from jsonb_to_recordset(${payload}::jsonb) as x(${sql.join(definitions, sql`, `)})`,
  );
}

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is null. Most
// values hold none of them: tested first, so that they are not copied again.
const COPY_SPECIAL = /[\\\t\n\r]/;
export const copyEscape = (s: string) =>
  COPY_SPECIAL.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : s;
/**
 * A PostgreSQL array literal: every element double-quoted, with " and \ escaped inside the
 * quotes. Also a whole list as one parameter (`= any($1::text[])`): drizzle's inArray sends a
 * parameter per value, and building a statement of a thousand of them took the registry import
 * 2 s in 45 (docs/benchmarks.md, "seventh pass").
 */
export const arrayLiteral = (items: unknown[]) =>
  `{${items.map((v) => (v === null || v === undefined ? "NULL" : `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(",")}}`;

/** One value in COPY text format (also the demo seed's, db/seed/demo-copy.ts). */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return copyEscape(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.length ? copyEscape(arrayLiteral(value)) : "{}";
  if (typeof value === "object") return copyEscape(JSON.stringify(value));
  return copyEscape(String(value));
}

/**
 * Rows in COPY text format, with the table's columns that any row fills (in the table's column
 * order); a column no row fills is left to its default.
 */
export function copyText<T extends PgTable>(table: T, rows: T["$inferInsert"][]): { columns: string[]; text: string } {
  const columns = getTableColumns(table);
  const records = rows as Record<string, unknown>[];
  // The keys rows fill, from each row's own keys: asking every row for every column (a look-up
  // by a computed name) took 3.4 s of a 210,000-listing import.
  const filled = new Set<string>();
  for (const row of records) for (const key in row) if (row[key] !== undefined) filled.add(key);
  const keys = Object.keys(columns).filter((key) => filled.has(key));
  if (!keys.length) return { columns: [], text: "" };
  // A row's values joined by tabs, rows by line breaks: built by appending (a million rows of
  // the seed, a thousand a batch of the registry import), without an array per row.
  let text = "";
  for (const row of records) {
    let line = copyValue(row[keys[0]!]);
    for (let k = 1; k < keys.length; k++) line += "\t" + copyValue(row[keys[k]!]);
    text += line + "\n";
  }
  return { columns: keys.map((key) => columns[key]!.name), text };
}

// About a megabyte per write: few calls, and the server starts on the data while the rest follows.
const COPY_WRITE = 1 << 20;

/** Streams COPY text (a string, or its UTF-8 bytes) into `table` (columns by their SQL names). */
export async function copyTextInto(client: Sql | TransactionSql, table: string, columns: readonly string[], data: string | Uint8Array): Promise<void> {
  if (data.length === 0) return;
  const query = client.unsafe(`copy "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) from stdin`);
  // The server's refusal of the data must end the COPY. postgres 3.4.9 destroys the stream with
  // the error only if it arrives before the data's end; after it (a bad last row, a key checked
  // at the end), the stream never finishes and the error reaches only the query's `reject`
  // (porsager/postgres#1173; the fix, #1183, is not released), so the load would wait forever
  // inside its transaction. So we watch that `reject` too.
  let refuse: (error: unknown) => void = () => {};
  const refused = new Promise<never>((_, reject) => (refuse = reject));
  const watched = query as unknown as { reject?: (error: unknown) => void };
  const reject = watched.reject;
  if (typeof reject === "function")
    watched.reject = (error) => {
      reject(error);
      refuse(error);
    };
  const stream = await query.writable();
  const done = Promise.race([
    new Promise<void>((resolve, reject) => {
      stream.on("finish", resolve);
      stream.on("error", reject);
    }),
    refused,
  ]);
  done.catch(() => {}); // awaited below; a refusal while writing ends the loop through it
  for (let i = 0; i < data.length; ) {
    let end = Math.min(i + COPY_WRITE, data.length);
    // A string is cut after a line end, never inside a character (bytes may be cut anywhere:
    // COPY's messages need not follow rows).
    if (typeof data === "string" && end < data.length) end = data.lastIndexOf("\n", end - 1) + 1 || data.length;
    if (end <= i) end = data.length;
    // A destroyed stream never drains: wait for whichever comes first.
    if (!stream.write(typeof data === "string" ? data.slice(i, end) : data.subarray(i, end)))
      await Promise.race([new Promise((r) => stream.once("drain", r)), done]);
    i = end;
  }
  stream.end();
  await done;
}

/** Writes rows with COPY FROM STDIN on a `postgres` connection or transaction. */
export async function copyRows<T extends PgTable>(client: Sql | TransactionSql, table: T, rows: T["$inferInsert"][]): Promise<void> {
  if (rows.length === 0) return;
  const { columns, text } = copyText(table, rows);
  await copyTextInto(client, getTableName(table), columns, text);
}

// ---------------------------------------------------------------------------------------------
// Therapists in bulk (the demo seed, the registry import): PostgreSQL's fastest path.
// Per row, the `therapists_derived` trigger (migration 0004) reads the licences twice and the
// licences' statement triggers rewrite their therapists; at a million rows that was half the
// load's time. So a bulk load computes the derived columns here, writes therapists, then their
// licences and modality links by COPY with those triggers off for its own transaction only
// (BULK_LOAD_SETTING; other sessions' writes still run them), and then compares every
// loaded row with the database's own formulas in one set-based statement, fixing any row that
// differs through the ordinary trigger path. Its search indexes are built once at the end when
// the load at least doubles the table (withSearchIndexesRebuilt).

/** The `postgres` client under a drizzle database, or null on PGlite (no COPY there). */
export function postgresClient(db: Db): Sql | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  return typeof client === "function" && "begin" in client ? (client as Sql) : null;
}

/**
 * The `postgres` transaction under a drizzle transaction (its session's client), or null on
 * PGlite: so that a write inside db.transaction can COPY in the same transaction.
 */
export function postgresTransaction(tx: unknown): TransactionSql | null {
  const client = (tx as { session?: { client?: unknown } }).session?.client;
  return typeof client === "function" && "savepoint" in client ? (client as TransactionSql) : null;
}

/** A therapist to load with the licences they hold; `modalitySlugs` also fills therapist_modalities. */
export type TherapistLoad = {
  therapist: Omit<typeof therapists.$inferInsert, "id"> & { id: string; modalitySlugs: string[] };
  licenses: (typeof licenses.$inferInsert & { therapistId: string })[];
};

const SCIATICA_TRIO = ["deep-tissue", "myofascial-release", "swedish"];
const BAD_STANDING = new Set(["expired", "disciplinary_action"]);

/**
 * The columns the `therapists_derived` trigger would write (home_license_checked,
 * home_license_claimed, criteria_score), computed from the row and its licences with the same
 * rules (migrations 0009 and 0017, lib/criteria.ts). A bulk load writes these; its set-based
 * check then proves them against the database's own functions.
 */
export function derivedTherapistColumns(item: TherapistLoad) {
  const t = item.therapist;
  const home = item.licenses.filter((l) => l.state === t.state);
  const bad = home.some((l) => l.verifiedAt && BAD_STANDING.has(l.status ?? "unknown"));
  const homeLicenseChecked = !bad && home.some((l) => l.status === "active" && l.verifiedAt);
  const homeLicenseClaimed = !bad && home.some((l) => !l.verifiedAt || l.status === "active");
  const trio = SCIATICA_TRIO.filter((m) => t.modalitySlugs.includes(m)).length;
  // An imported registry listing nobody has claimed ranks below every claimed one (migration 0020).
  const unclaimedRegistry = Boolean(t.npi) && !t.ownerId;
  const criteriaScore = unclaimedRegistry
    ? UNCLAIMED_REGISTRY_SCORE
    : Number(Boolean(t.acceptsPhysicianReferrals)) +
    Number(Boolean(t.schoolName) && (t.bio ?? "").trim().length >= 40) +
    Number(Boolean(t.acceptsInsurance || t.offersSuperbills)) +
    Number(homeLicenseChecked) +
    Number(t.ncbtmbStatus === "verified" || t.schoolCheck === "checked" || t.associationsCheck === "checked") +
    Number((t.sciaticaExperience ?? "none") !== "none" && trio >= 2);
  return { homeLicenseChecked, homeLicenseClaimed, criteriaScore };
}

// The per-row derived-columns trigger and the licences' refresh trigger skip a transaction that
// sets this (migration 0025): the load writes the derived columns itself and checks them after.
// Set for the loading transaction only (set_config's `true`): no other session sees it, and no
// table lock is taken, so several chunks load at once (an ALTER TABLE ... DISABLE TRIGGER locked
// the table against every other writer until commit).
const BULK_LOAD_SETTING = "therapist_finder.bulk_load";

/**
 * Plans each foreign-key check and trigger statement once for the rest of the transaction
 * `tx`. The app's connections plan every statement for its actual values (plan_cache_mode
 * force_custom_plan, db/client.ts), which the search needs; that setting also makes PostgreSQL
 * plan again, for every row written, the check `select 1 from therapists where id = $1 for key
 * share` of each foreign key to a therapist (against the therapists' 28 indexes), and each
 * statement a trigger runs: half of the registry import's database time (perf, docs/benchmarks.md,
 * "National scale, sixth pass"). A bulk write goes back to PostgreSQL's default, for its own
 * transaction only (set_config's `true`).
 */
export async function planOnce(tx: TransactionSql): Promise<void> {
  await tx`select set_config('plan_cache_mode', 'auto', true)`;
}

/** A chunk of therapists, their licences and modality links as COPY text (see copyText). */
export type TherapistCopyText = {
  therapistColumns: readonly string[];
  therapists: string | Uint8Array;
  licenseColumns: readonly string[];
  licenses: string | Uint8Array;
  /** therapist_modalities (therapist_id, modality_slug). */
  links: string | Uint8Array;
  /** The therapists' ids, a PostgreSQL array literal: `{id,id,...}`. */
  ids: string;
};

/**
 * Writes one chunk of therapists with their licences and modality links, inside `tx` (a
 * `postgres` transaction), by COPY. Returns how many rows the set-based check had to correct
 * (0 unless the JavaScript and SQL formulas disagree). Licences go after their therapists.
 */
export async function copyTherapists(tx: TransactionSql, items: readonly TherapistLoad[]): Promise<number> {
  if (items.length === 0) return 0;
  const t = copyText(
    therapists,
    items.map((item) => ({ ...item.therapist, ...derivedTherapistColumns(item) })),
  );
  const l = copyText(licenses, items.flatMap((item) => item.licenses));
  const links = copyText(
    therapistModalities,
    items.flatMap((item) => item.therapist.modalitySlugs.map((modalitySlug) => ({ therapistId: item.therapist.id, modalitySlug }))),
  );
  return copyTherapistText(tx, {
    therapistColumns: t.columns,
    therapists: t.text,
    licenseColumns: l.columns,
    licenses: l.text,
    links: links.text,
    ids: `{${items.map((item) => item.therapist.id).join(",")}}`,
  });
}

/** copyTherapists for a chunk already in COPY text (the demo seed serialises in worker threads). */
export async function copyTherapistText(tx: TransactionSql, chunk: TherapistCopyText): Promise<number> {
  if (chunk.therapists.length === 0) return 0;
  await planOnce(tx);
  await tx`select set_config(${BULK_LOAD_SETTING}, 'on', true)`;
  await copyTextInto(tx, "therapists", chunk.therapistColumns, chunk.therapists);
  await copyTextInto(tx, "licenses", chunk.licenseColumns, chunk.licenses);
  await copyTextInto(tx, "therapist_modalities", ["therapist_id", "modality_slug"], chunk.links);
  // The set-based check: every loaded row against the database's own formulas. A row that
  // differs is corrected by an ordinary update, which runs the trigger (so the setting goes off).
  // By the primary key: a growing table's statistics lag behind the load, and a sequential
  // scan testing each row against 10,000 ids would make the load quadratic.
  await tx`select set_config(${BULK_LOAD_SETTING}, 'off', true), set_config('enable_seqscan', 'off', true)`;
  // Each therapist's home-state licences are read once (therapist_home_license_standing,
  // migration 0026: the rules the triggers use).
  const fixed = await tx<{ id: string }[]>`
    update therapists t
       set home_license_checked = s.checked, home_license_claimed = s.claimed
      from (select l.id, st.checked, st.claimed
              from therapists l cross join lateral therapist_home_license_standing(l.id, l.state) st
             where l.id = any(${chunk.ids}::uuid[])) s
     where t.id = s.id
       and (t.home_license_checked is distinct from s.checked
         or t.home_license_claimed is distinct from s.claimed
         or t.criteria_score is distinct from therapist_criteria_score(t))
    returning t.id`;
  await tx`set local enable_seqscan = on`;
  return fixed.length;
}

/**
 * Runs `load` in bulk-load mode: the therapists' and modality links' secondary indexes dropped,
 * and the foreign keys from licences and modality links to therapists (and modalities) dropped;
 * afterwards the indexes are built again (two at a time, on two connections), the keys added
 * back (each validated by one set-based join instead of a look-up per row) and the tables
 * analyzed. For a load that at least doubles the table. Keys, unique indexes and the licences'
 * indexes (read by the check in copyTherapists) stay. All comes back even if `load` fails.
 */
export async function withSearchIndexesRebuilt<T>(pg: Sql, load: () => Promise<T>): Promise<T> {
  const indexes = await pg<{ name: string; definition: string }[]>`
    select i.relname as name, pg_get_indexdef(x.indexrelid) as definition
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_am a on a.oid = i.relam
    where x.indrelid in ('therapists'::regclass, 'therapist_modalities'::regclass) and not x.indisunique and not x.indisprimary
    -- Longest builds first, so neither connection is left with a long one at the end. Measured
    -- at 200,000 rows, GiST and GIN builds take longest per byte: the full-table GiST and the
    -- trigram GIN most, then the partial GiSTs, then B-trees. So by kind, then by the index's
    -- size before the load (an empty table's indexes all look alike: more columns first).
    order by (a.amname in ('gist', 'gin') and x.indpred is null) desc,
             a.amname in ('gist', 'gin') desc,
             pg_relation_size(x.indexrelid) desc,
             x.indnatts desc`;
  const keys = await pg<{ table: string; name: string; definition: string }[]>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint
    where contype = 'f' and conrelid in ('licenses'::regclass, 'therapist_modalities'::regclass)
      and confrelid in ('therapists'::regclass, 'modalities'::regclass)`;
  for (const i of indexes) await pg.unsafe(`drop index if exists "${i.name}"`);
  for (const k of keys) await pg.unsafe(`alter table ${k.table} drop constraint if exists "${k.name}"`);
  try {
    return await load();
  } finally {
    const queue: string[] = [
      ...indexes.map((i) => i.definition),
      ...keys.map((k) => `alter table ${k.table} add constraint "${k.name}" ${k.definition}`),
    ];
    await Promise.all(
      [0, 1].map(async () => {
        const connection = await pg.reserve();
        try {
          // The two connections already keep two cores busy: a B-tree build's parallel workers
          // would only add their own sorting and merging (two state B-trees built side by side
          // at 1,000,000 rows: 5.0 s with workers, 4.4 s without).
          await connection`set max_parallel_maintenance_workers = 0`;
          // A GIN build gathers its entries in this memory (the trigram index of 1,000,000 names:
          // 8.7 s with 256 MB, 7.2 s with 1 GB; a build takes only what it needs). Other builds
          // sort in 256 MB.
          for (let next = queue.shift(); next; next = queue.shift()) {
            await connection.unsafe(`set maintenance_work_mem = '${/ using gin /i.test(next) ? "1GB" : "256MB"}'`);
            await connection.unsafe(next);
          }
        } finally {
          await connection`reset maintenance_work_mem; reset max_parallel_maintenance_workers`.simple().catch(() => {});
          connection.release();
        }
      }),
    );
    // Statistics, the small tables beside the large one (two connections).
    await Promise.all([pg`analyze therapists`, pg`analyze therapist_modalities`.then(() => pg`analyze licenses`)]);
  }
}
