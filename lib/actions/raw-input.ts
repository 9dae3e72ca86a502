// What every server action checks before it reads its arguments: Next.js decodes whatever a
// client posts into arguments, so an action may receive strings, numbers or objects where it
// expects a FormData, files where it expects text, or far more text than any form sends.
// (FormData holds well-formed text only: lone surrogates arrive as U+FFFD. Control characters
// are refused field by field by the shared zod schemas, with a message next to the field.)
export const MAX_FIELDS = 200;
export const MAX_FIELD_CHARS = 20_000;

export type RawInput =
  | { ok: true; form: FormData; prev: Record<string, unknown> | undefined }
  | { ok: false; prev: Record<string, unknown> | undefined; message: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Accepts `(form)` or `(previousState, form)` with a FormData of bounded, well-formed text. */
export function checkActionArgs(args: readonly unknown[]): RawInput {
  const prev = args.length === 2 && isPlainObject(args[0]) ? args[0] : undefined;
  const form = args.at(-1);
  const shapeOk = (args.length === 1 || (args.length === 2 && (args[0] === undefined || args[0] === null || prev))) && form instanceof FormData;
  if (!shapeOk) return { ok: false, prev, message: "This form could not be read." };
  let count = 0;
  for (const [name, value] of form.entries()) {
    count++;
    if (count > MAX_FIELDS) return { ok: false, prev, message: "This form has too many fields." };
    if (typeof value !== "string") return { ok: false, prev, message: "This form does not take files." };
    if (name.length > 200 || value.length > MAX_FIELD_CHARS) return { ok: false, prev, message: "An answer in this form is far too long." };
  }
  return { ok: true, form, prev };
}
