import "server-only";
// The wrapper for server actions anyone may call (sign-in today; contact and report forms
// next), the anonymous sibling of withUser / withAdmin (lib/auth/session.ts): checks the raw
// arguments, limits by client address, parses with the form's zod schema, and answers the
// typed result that useActionState reads. Expected failures are results; only bugs throw.
import type { z } from "zod";
import { checkActionArgs } from "@/lib/actions/raw-input";
import { currentRequestAddress } from "@/lib/auth/sign-in-limits";
import { rateLimit, retryMessage, type RateLimit } from "@/lib/rate-limit";

export type ActionState<V extends Record<string, string>> = {
  ok: boolean | null;
  values: V;
  fieldErrors?: Partial<Record<keyof V | "form", string>>;
  message?: string;
};

export function anonymousAction<V extends Record<string, string>, S extends z.ZodType>(
  options: { fields: readonly (keyof V & string)[]; schema: S; rateLimit?: { bucket: string } & RateLimit },
  handler: (input: z.output<S>, context: { address: string; values: V; form: FormData }) => Promise<ActionState<V>>,
) {
  const empty = () => Object.fromEntries(options.fields.map((f) => [f, ""])) as V;
  return async (...args: unknown[]): Promise<ActionState<V>> => {
    const raw = checkActionArgs(args);
    if (!raw.ok) return { ok: false, values: empty(), message: `${raw.message} Reload the page and try again.` };
    const values = empty();
    for (const f of options.fields) {
      const v = raw.form.get(f);
      (values as Record<string, string>)[f] = typeof v === "string" ? v : "";
    }
    const address = await currentRequestAddress();
    if (options.rateLimit) {
      const rate = await rateLimit({ ...options.rateLimit, id: address });
      if (!rate.allowed) return { ok: false, values, message: retryMessage(rate.retryAfterSeconds) };
    }
    const parsed = options.schema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors: Partial<Record<string, string>> = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path.map(String).join(".") || "form"] ??= issue.message;
      return { ok: false, values, fieldErrors: fieldErrors as ActionState<V>["fieldErrors"] };
    }
    return handler(parsed.data, { address, values, form: raw.form });
  };
}
