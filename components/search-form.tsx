import { MODALITIES } from "@/db/reference/modalities";

export const RADIUS_CHOICES = [5, 10, 25, 50, 100] as const;

// A plain GET form: works without JavaScript, and every filter ends up in the URL.
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
          required
        />
      </div>
      <div className="field">
        <label htmlFor="q-modality">Type of massage</label>
        <select id="q-modality" name="modality" defaultValue="">
          <option value="">Any type</option>
          {MODALITIES.map((m) => (
            <option key={m.slug} value={m.slug}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="q-radius">Within</label>
        <select id="q-radius" name="radius" defaultValue="25">
          {RADIUS_CHOICES.map((r) => (
            <option key={r} value={r}>
              {r} miles
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button-primary">
        Search
      </button>
    </form>
  );
}
