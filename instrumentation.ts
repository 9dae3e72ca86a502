// Runs once when the server starts. The Node.js part lives in its own module so that the
// edge compilation of this file never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { openDatabaseAtStart } = await import("./instrumentation-node");
    await openDatabaseAtStart();
  }
}
