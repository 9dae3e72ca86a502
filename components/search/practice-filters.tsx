// The search form's price, language, gender and practice-detail filters. Everything here is
// what therapists state about their own practice (nobody checks it), and the form says so.
// The language and gender menus offer only values published therapists have stated.
import { PRACTICE_FLAG_LABELS, STATED_LEGEND } from "@/lib/search/filters";
import { PRACTICE_FLAGS, PRICE_LIMIT, type FieldErrors } from "@/lib/search/params";
import type { StatedChoices } from "@/lib/search/choices";
import styles from "./search.module.css";

type Values = Partial<Record<string, string | string[]>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The parameters this part of the form holds (the form opens its "More filters" on their errors). */
export const PRACTICE_FIELDS = ["minPrice", "maxPrice", "language", "gender", ...PRACTICE_FLAGS] as const;

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="field-error">
      {errors.join("; ")}
    </p>
  );
}

/** The stated values, plus the one in the address if it is not among them (the form shows the search as it is). */
function options(stated: readonly string[], current: string) {
  return current && !stated.some((s) => s.toLowerCase() === current.toLowerCase()) ? [...stated, current] : stated;
}

export function PracticeFilters({ values, errors, choices }: { values: Values; errors: FieldErrors; choices?: StatedChoices }) {
  const invalid = (key: string, hint?: string) => {
    const described = [hint, errors[key] ? `err-${key}` : ""].filter(Boolean).join(" ");
    return { ...(errors[key] ? { "aria-invalid": true as const } : {}), ...(described ? { "aria-describedby": described } : {}) };
  };
  const flagOn = (f: string) => ["1", "true", "on"].includes(one(values[f]));
  const language = one(values.language);
  const gender = one(values.gender);
  // A select shows the stated spelling of a value typed in another case ("spanish" shows "Spanish").
  const selected = (stated: readonly string[], current: string) => stated.find((s) => s.toLowerCase() === current.toLowerCase()) ?? current;
  const languages = options(choices?.languages ?? [], language);
  const genders = options(choices?.genders ?? [], gender);

  return (
    <fieldset className={styles.group}>
      <legend>{STATED_LEGEND}</legend>
      <fieldset className={styles.group}>
        <legend>Price of a 60-minute session, in dollars</legend>
        <div className={styles.checks}>
          <div className="field">
            <label htmlFor="f-minPrice">Lowest price</label>
            <input id="f-minPrice" name="minPrice" type="text" inputMode="numeric" pattern="[0-9]*" maxLength={4} defaultValue={one(values.minPrice)} placeholder="e.g. 60" {...invalid("minPrice")} />
            <FieldError id="err-minPrice" errors={errors.minPrice} />
          </div>
          <div className="field">
            <label htmlFor="f-maxPrice">Highest price</label>
            <input id="f-maxPrice" name="maxPrice" type="text" inputMode="numeric" pattern="[0-9]*" maxLength={4} defaultValue={one(values.maxPrice)} placeholder="e.g. 100" {...invalid("maxPrice")} />
            <FieldError id="err-maxPrice" errors={errors.maxPrice} />
          </div>
        </div>
        <p className={styles.hint}>
          Whole dollars, up to {PRICE_LIMIT}. Therapists who have not stated a price are left out when you set one. To see the cheapest first, choose
          &ldquo;Lowest price first&rdquo; under Sort by.
        </p>
      </fieldset>
      <div className={styles.checks}>
        <div className="field">
          <label htmlFor="f-language">Speaks</label>
          <select id="f-language" name="language" defaultValue={selected(languages, language)} {...invalid("language")}>
            <option value="">Any language</option>
            {languages.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
          <FieldError id="err-language" errors={errors.language} />
        </div>
        <div className="field">
          <label htmlFor="f-gender">Therapist&rsquo;s gender</label>
          <select id="f-gender" name="gender" defaultValue={selected(genders, gender)} {...invalid("gender", "hint-gender")}>
            <option value="">Any (or not stated)</option>
            {genders.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
          <p id="hint-gender" className={styles.hint}>
            As therapists describe themselves; only those who chose to state it. Choosing one leaves out everyone who did not say.
          </p>
          <FieldError id="err-gender" errors={errors.gender} />
        </div>
      </div>
      <div className={styles.checks}>
        {PRACTICE_FLAGS.map((f) => (
          <label key={f} className={styles.check}>
            <input type="checkbox" name={f} value="1" defaultChecked={flagOn(f)} /> {PRACTICE_FLAG_LABELS[f]}
          </label>
        ))}
      </div>
      {PRACTICE_FLAGS.some((f) => errors[f]) ? (
        <p className="field-error">
          {PRACTICE_FLAGS.filter((f) => errors[f])
            .map((f) => `${PRACTICE_FLAG_LABELS[f]}: ${errors[f]!.join("; ")}`)
            .join(". ")}
        </p>
      ) : null}
    </fieldset>
  );
}
