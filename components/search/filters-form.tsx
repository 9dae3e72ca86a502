import Link from "next/link";
import { MODALITIES, SCIATICA_TRIO } from "@/db/reference/modalities";
import { FLAG_LABELS, MODALITY_NOT_STATED_LABEL, SELF_REPORTED_LABEL } from "@/lib/search/filters";
import { DEFAULT_SORT_RULE, FLAG_FILTERS, RADIUS_CHOICES, RADIUS_DEFAULT, SORT_LABELS, SORTS, toQueryString, type FieldErrors, type SearchParams, type Sort } from "@/lib/search/params";
import { SCIATICA_FILTER_LABELS, SCIATICA_FILTER_LEVELS } from "@/lib/therapists/vocabulary";
import { PRACTICE_FIELDS, PracticeFilters } from "./practice-filters";
import type { StatedChoices } from "@/lib/search/choices";
import styles from "./search.module.css";

type Values = Partial<Record<string, string | string[]>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="field-error">
      {errors.join("; ")}
    </p>
  );
}

/**
 * The whole search as a plain GET form: works without JavaScript, and whatever was typed comes
 * back in the fields (from `values`) even when it was invalid. It loads a new page, not next/form:
 * with next/form, sending the form unchanged fetched no new results in the browser tests
 * (tests/e2e/search-form-url.spec.ts). Chips, paging and suggestions move focus (./results-focus).
 */
export function FiltersForm({
  values,
  errors,
  params,
  defaultSort,
  choices,
}: {
  values: Values;
  errors: FieldErrors;
  params?: SearchParams;
  /** The order the shown search gets when none is chosen (nearest around a point, best match otherwise). */
  defaultSort?: Sort;
  /** The languages and genders therapists state (the only values those menus offer). */
  choices?: StatedChoices;
}) {
  const chosen = new Set(many(values.modality));
  const flagOn = (f: string) => ["1", "true", "on"].includes(one(values[f]));
  const invalid = (key: string) => (errors[key] ? { "aria-invalid": true as const, "aria-describedby": `err-${key}` } : {});
  const trioQuery = params ? toQueryString({ ...params, modality: [...SCIATICA_TRIO], page: 1 }) : `modality=${SCIATICA_TRIO.join("&modality=")}`;
  // Closed by default so results stay near the top on a phone (active filters show as chips
  // above the results); open when something in it needs fixing.
  const openMore = ["modality", "sciatica", "plan", "setting", "q", ...FLAG_FILTERS, ...PRACTICE_FIELDS].some((k) => errors[k]);

  return (
    <form className={styles.filters} action="/therapists" role="search" aria-label="Search therapists">
      {/* A new search keeps the map if it was shown. */}
      {one(values.view) === "map" ? <input type="hidden" name="view" value="map" /> : null}
      <div className={styles.primary}>
        <div className="field">
          <label htmlFor="f-location">ZIP code, city and state, or state</label>
          <input id="f-location" name="location" type="text" defaultValue={one(values.location)} maxLength={100} placeholder="e.g. 10001 or Portland, OR" {...invalid("location")} />
          <FieldError id="err-location" errors={errors.location} />
        </div>
        <div className="field">
          <label htmlFor="f-radius">Within</label>
          <select id="f-radius" name="radius" defaultValue={one(values.radius) || String(RADIUS_DEFAULT)} {...invalid("radius")}>
            {RADIUS_CHOICES.map((r) => (
              <option key={r} value={r}>
                {r} miles
              </option>
            ))}
            {one(values.radius) && !RADIUS_CHOICES.map(String).includes(one(values.radius)) ? <option value={one(values.radius)}>{one(values.radius)}</option> : null}
          </select>
          <FieldError id="err-radius" errors={errors.radius} />
        </div>
        <div className="field">
          <label htmlFor="f-sort">Sort by</label>
          <select id="f-sort" name="sort" defaultValue={one(values.sort)} {...invalid("sort")}>
            <option value="">Default: {defaultSort ? SORT_LABELS[defaultSort].toLowerCase() : DEFAULT_SORT_RULE}</option>
            {/* "Nearest" needs a point: after a search of a whole state (or of no place), the
                menu offers only the orders that apply, unless the address already asked for it. */}
            {SORTS.filter((sort) => sort !== "nearest" || defaultSort !== "best" || one(values.sort) === "nearest").map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
          <FieldError id="err-sort" errors={errors.sort} />
        </div>
        <button type="submit" className="button-primary">
          Show therapists
        </button>
      </div>

      <details className={styles.more} open={openMore || undefined}>
        <summary>More filters: modalities, credentials, insurance, name, price, language, gender, access</summary>
        <fieldset className={styles.group} {...(errors.modality ? { "aria-describedby": "err-modality" } : {})}>
          <legend>Modalities (therapists must offer every one you tick)</legend>
          <p className={styles.hint}>
            <Link href={`/therapists?${trioQuery}`}>Deep tissue + myofascial release + Swedish</Link>: the combination
            suggested for sciatica.
          </p>
          <FieldError id="err-modality" errors={errors.modality} />
          <div className={styles.checks}>
            {MODALITIES.map((m) => (
              <label key={m.slug} className={styles.check}>
                <input type="checkbox" name="modality" value={m.slug} defaultChecked={chosen.has(m.slug)} /> {m.name}
              </label>
            ))}
          </div>
          <label className={styles.check}>
            <input type="checkbox" name="modalityNotStated" value="1" defaultChecked={flagOn("modalityNotStated")} /> {MODALITY_NOT_STATED_LABEL}
          </label>
        </fieldset>

        <fieldset className={styles.group}>
          <legend>What a careful patient checks</legend>
          <div className="field">
            <label htmlFor="f-sciatica">Experience with sciatica</label>
            <select id="f-sciatica" name="sciatica" defaultValue={one(values.sciatica)} {...invalid("sciatica")}>
              <option value="">Any</option>
              {SCIATICA_FILTER_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {SCIATICA_FILTER_LABELS[level]}
                </option>
              ))}
            </select>
            <FieldError id="err-sciatica" errors={errors.sciatica} />
          </div>
          <div className={styles.checks}>
            {FLAG_FILTERS.map((f) => (
              <label key={f} className={styles.check}>
                <input type="checkbox" name={f} value="1" defaultChecked={flagOn(f)} /> {FLAG_LABELS[f]}
                {f === "licensed" ? <span className={styles.hint}> (or the state has no statewide licence)</span> : null}
              </label>
            ))}
          </div>
          <label className={styles.check}>
            <input type="checkbox" name="selfReported" value="1" defaultChecked={flagOn("selfReported")} /> {SELF_REPORTED_LABEL}
            <span className={styles.hint}> (by default the credential filters count only credentials an administrator or the state board has checked)</span>
          </label>
          {FLAG_FILTERS.some((f) => errors[f]) ? (
            <p className="field-error">{FLAG_FILTERS.filter((f) => errors[f]).map((f) => `${FLAG_LABELS[f]}: ${errors[f]!.join("; ")}`).join(". ")}</p>
          ) : null}
          <div className="field">
            <label htmlFor="f-plan">Insurance plan (optional)</label>
            <input id="f-plan" name="plan" type="text" defaultValue={one(values.plan)} maxLength={60} placeholder="e.g. Aetna" {...invalid("plan")} />
            <FieldError id="err-plan" errors={errors.plan} />
          </div>
        </fieldset>

        <fieldset className={styles.group}>
          <legend>Where</legend>
          <div className={styles.checks}>
            {[
              ["", "In a clinic or mobile"],
              ["clinic", "In a clinic"],
              ["mobile", "Mobile (comes to you)"],
            ].map(([value, label]) => (
              <label key={value} className={styles.check}>
                <input type="radio" name="setting" value={value} defaultChecked={one(values.setting) === value} /> {label}
              </label>
            ))}
          </div>
          <FieldError id="err-setting" errors={errors.setting} />
        </fieldset>

        <PracticeFilters values={values} errors={errors} choices={choices} />

        <div className="field">
          <label htmlFor="f-q">Therapist or practice name</label>
          <input id="f-q" name="q" type="search" defaultValue={one(values.q)} maxLength={100} {...invalid("q")} />
          <FieldError id="err-q" errors={errors.q} />
        </div>
        <button type="submit" className="button-primary">
          Apply filters
        </button>
      </details>
    </form>
  );
}
