// Inserts many rows in one statement with a single JSON parameter, expanded server-side by
// jsonb_to_recordset. One parameter instead of one per value: no 65,535-parameter limit, far
// less work building the query, and the same SQL on PGlite and PostgreSQL.
import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client";

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
