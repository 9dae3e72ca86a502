// The one place that reads process.env: every variable the app uses, parsed once with zod.
// A bad value fails at start with a message naming the variable.
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Unset: the embedded PGlite database under PGLITE_DATA_DIR. Set: PostgreSQL 15+.
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
        .optional(),
    ),
  PGLITE_DATA_DIR: z.string().trim().min(1).default("./data/pglite"),
  // Seed fictional demo therapists the first time the app starts on an empty database.
  SEED_DEMO: booleanFlag,
  DEMO_COUNT: z.coerce.number().int().min(0).max(1_000_000).default(2500),
  // Largest number of PostgreSQL connections per app process.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
});

export type Env = z.infer<typeof schema>;

function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export { parseEnv };
