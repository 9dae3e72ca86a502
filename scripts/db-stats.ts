// npm run db:stats: which database the app would use and what it holds (the server must be
// stopped when that is the embedded database).
import { openDatabase } from "@/db/client";
import { countTherapists } from "@/db/queries/therapists";
import { env } from "@/lib/env";

const e = env();
try {
  const database = await openDatabase({ url: e.DATABASE_URL, dataDir: e.PGLITE_DATA_DIR });
  const all = await countTherapists(database.db);
  const demo = await countTherapists(database.db, { demoOnly: true });
  console.log(JSON.stringify({ driver: database.driver, therapists: all.total, states: all.states, demoTherapists: demo.total }));
  await database.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
