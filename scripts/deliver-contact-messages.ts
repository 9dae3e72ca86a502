// npm run contact:deliver: the retry path for patients' messages, for cron on a deployment
// with little traffic (the app also runs it after messages and profile views, at most every
// five minutes per process). Purges messages older than 7 days, then tries each one that is
// due. With the embedded database, stop the server first (it holds the folder).
import { getDatabase } from "@/db/client";
import { deliverDueContactMessages } from "@/lib/contact/deliver";

try {
  const database = await getDatabase();
  const result = await deliverDueContactMessages(database.db);
  console.log(JSON.stringify(result));
  await database.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
