import Link from "next/link";
import { MODALITIES, SCIATICA_TRIO } from "@/db/reference/modalities";
import { RADIUS_CHOICES, RADIUS_DEFAULT } from "@/lib/search/params";

// A plain GET form: works without JavaScript, and every filter ends up in the URL. The place
// is optional: without one, /therapists searches the whole country.
export function SearchForm() {
  return (
    <form className="search-form" action="/therapists" method="get" role="search" aria-label="Find a therapist">
      <div className="field">
        <label htmlFor="q-location">ZIP code, city and state, or state</label>
        <input
          id="q-location"
          name="location"
          type="text"
          autoComplete="postal-code"
          placeholder="e.g. 10001 or Portland, OR"
          maxLength={100}
          aria-describedby="q-location-hint"
        />
        <p id="q-location-hint" className="hint">
          Optional: leave it empty to search the whole country.
        </p>
      </div>
      <div className="field">
        <label htmlFor="q-radius">Within</label>
        <select id="q-radius" name="radius" defaultValue={String(RADIUS_DEFAULT)}>
          {RADIUS_CHOICES.map((r) => (
            <option key={r} value={r}>
              {r} miles
            </option>
          ))}
        </select>
      </div>
      <fieldset className="search-form-types">
        <legend>Types of massage (optional)</legend>
        <p className="hint">Tick several to find therapists who offer every one.</p>
        <p className="hint">
          <Link href={`/therapists?modality=${SCIATICA_TRIO.join("&modality=")}`}>Deep tissue + myofascial release + Swedish</Link>: the
          combination suggested for sciatica, anywhere in the country.
        </p>
        <div className="search-form-checks">
          {MODALITIES.map((m) => (
            <label key={m.slug} className="search-form-check">
              <input type="checkbox" name="modality" value={m.slug} /> {m.name}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="button-primary">
        Search
      </button>
    </form>
  );
}
