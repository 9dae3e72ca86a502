// npm run admin:grant -- someone@example.org: makes an account an administrator (creating it if
// needed; the person then signs in with that e-mail). With the embedded database, stop the
// server first: PGlite serves one process at a time.
import { z } from "zod";
import { openDatabase } from "@/db/client";
import { grantAdmin } from "@/db/queries/accounts";
import { env } from "@/lib/env";

const email = z.email().safeParse(process.argv[2]?.trim().toLowerCase());
if (!email.success) {
  console.error("Usage: npm run admin:grant -- someone@example.org");
  process.exit(2);
}
const e = env();
const database = await openDatabase({ url: e.DATABASE_URL, dataDir: e.PGLITE_DATA_DIR });
try {
  const user = await grantAdmin(database.db, { email: email.data });
  console.log(`${user.email} is now an administrator.`);
} finally {
  await database.close();
}
