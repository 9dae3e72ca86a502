// Turns what a visitor types as a place ("10001", "Portland, OR", "Oregon", "OR") into a point
// or a state, or says clearly why not, with suggestions. Offline, from the `zipcodes` table.
import { distance } from "fastest-levenshtein";
import { isStateCode, stateName, US_STATES } from "@/lib/licensing/vocabulary";
import { lookupZip, zipsByState } from "@/lib/geo/zip";

export type ResolvedLocation =
  | { kind: "point"; label: string; latitude: number; longitude: number; state: string; zip?: string }
  | { kind: "state"; label: string; state: string };

export type UnresolvedLocation = { kind: "unknown"; message: string; suggestions: string[] };

const STATE_NAMES: Readonly<Record<string, string>> = US_STATES;

type City = { name: string; state: string; latitude: number; longitude: number; zips: number };
let cities: Map<string, City> | undefined;

const cityKey = (name: string, state: string) => `${name.toLowerCase()}|${state}`;

/** Every city in the table, centred on the mean of its ZIP centroids. */
function cityIndex(): Map<string, City> {
  if (!cities) {
    const sums = new Map<string, { name: string; state: string; lat: number; lng: number; n: number }>();
    for (const [state, zips] of zipsByState()) {
      for (const z of zips) {
        const key = cityKey(z.city, state);
        const s = sums.get(key) ?? { name: z.city, state, lat: 0, lng: 0, n: 0 };
        s.lat += z.latitude;
        s.lng += z.longitude;
        s.n += 1;
        sums.set(key, s);
      }
    }
    cities = new Map([...sums].map(([k, s]) => [k, { name: s.name, state: s.state, latitude: s.lat / s.n, longitude: s.lng / s.n, zips: s.n }]));
  }
  return cities;
}

function stateFromText(text: string): string | undefined {
  const t = text.trim().replace(/\.$/, "");
  const upper = t.toUpperCase();
  if (isStateCode(upper)) return upper;
  const byName = Object.entries(STATE_NAMES).find(([, name]) => name.toLowerCase() === t.toLowerCase());
  return byName?.[0];
}

const cityLabel = (c: City) => `${c.name}, ${c.state}`;

function closestCities(name: string, state: string | undefined, limit = 3): string[] {
  const target = name.toLowerCase();
  const scored: { c: City; d: number }[] = [];
  for (const c of cityIndex().values()) {
    if (state && c.state !== state) continue;
    if (Math.abs(c.name.length - target.length) > 3) continue;
    const d = distance(c.name.toLowerCase(), target);
    if (d <= Math.max(1, Math.floor(target.length / 3))) scored.push({ c, d });
  }
  scored.sort((a, b) => a.d - b.d || b.c.zips - a.c.zips);
  return scored.slice(0, limit).map((s) => cityLabel(s.c));
}

function closestStates(text: string): string[] {
  const t = text.toLowerCase();
  return Object.entries(STATE_NAMES)
    .map(([code, name]) => ({ code, name, d: Math.min(distance(name.toLowerCase(), t), t.length === 2 ? distance(code.toLowerCase(), t) : 99) }))
    .filter((s) => s.d <= 2)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((s) => s.name);
}

export function resolveLocation(input: string): ResolvedLocation | UnresolvedLocation {
  const text = input.trim().replace(/\s+/g, " ");

  if (/^\d{5}(-\d{4})?$/.test(text)) {
    const zip = lookupZip(text.slice(0, 5));
    if (zip) {
      return { kind: "point", label: `${zip.zip} (${zip.city}, ${zip.state})`, latitude: zip.latitude, longitude: zip.longitude, state: zip.state, zip: zip.zip };
    }
    return {
      kind: "unknown",
      message: `${text.slice(0, 5)} is not a US ZIP code we know. Check the number, or try your city and state (for example "Portland, OR").`,
      suggestions: [],
    };
  }
  if (/^\d+$/.test(text)) {
    return { kind: "unknown", message: "A ZIP code has 5 digits, for example 10001.", suggestions: [] };
  }

  const state = stateFromText(text);
  if (state) return { kind: "state", label: stateName(state), state };

  const comma = text.lastIndexOf(",");
  if (comma > 0) {
    const cityPart = text.slice(0, comma).trim();
    const statePart = text.slice(comma + 1).trim();
    const st = stateFromText(statePart);
    if (!st) {
      const near = closestStates(statePart);
      return {
        kind: "unknown",
        message: `"${statePart}" is not a US state we know. Use its name or two-letter code, for example "Portland, OR".`,
        suggestions: near.map((name) => `${cityPart}, ${Object.entries(STATE_NAMES).find(([, n]) => n === name)![0]}`),
      };
    }
    const city = cityIndex().get(cityKey(cityPart, st));
    if (city) return { kind: "point", label: cityLabel(city), latitude: city.latitude, longitude: city.longitude, state: st };
    return {
      kind: "unknown",
      message: `We could not find a place called "${cityPart}" in ${stateName(st)}.`,
      suggestions: [...closestCities(cityPart, st), stateName(st)],
    };
  }

  // A city name alone: fine when only one state has it; otherwise ask which.
  const matches = [...cityIndex().values()].filter((c) => c.name.toLowerCase() === text.toLowerCase()).sort((a, b) => b.zips - a.zips);
  if (matches.length === 1) {
    const c = matches[0]!;
    return { kind: "point", label: cityLabel(c), latitude: c.latitude, longitude: c.longitude, state: c.state };
  }
  if (matches.length > 1) {
    return {
      kind: "unknown",
      message: `Several places are called "${text}": add the state, for example "${cityLabel(matches[0]!)}".`,
      suggestions: matches.slice(0, 5).map(cityLabel),
    };
  }
  return {
    kind: "unknown",
    message: `We could not find "${text}". Try a 5-digit ZIP code, a city and state ("Portland, OR"), or a state.`,
    suggestions: [...closestCities(text, undefined), ...closestStates(text)].slice(0, 5),
  };
}
