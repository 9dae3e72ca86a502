// The /licensing index's opening summary, counted from the reviewed entries rather than
// written by hand (a hand-written "a few only register therapists" drifted from the data).
import type { StateEntry } from "@/db/reference/state-licensing";
import type { Regulation } from "@/lib/licensing/vocabulary";

type Entry = Pick<StateEntry, "name" | "regulation">;

/** "Kansas, Minnesota and Wyoming"; names are given only for groups of three or fewer. */
function names(states: readonly Entry[]): string {
  if (!states.length || states.length > 3) return "";
  const list = states.map((s) => s.name);
  return ` (${list.length === 1 ? list[0] : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`})`;
}

/** One sentence per kind of regulation present, in plain words, e.g. "1 only registers therapists (Vermont)". */
export function regulationSummary(states: readonly Entry[]): string {
  const by = (r: Regulation) => states.filter((s) => s.regulation === r);
  const parts: string[] = [];
  const licence = by("license");
  if (licence.length) parts.push(`${licence.length} ${licence.length === 1 ? "requires" : "require"} a state licence`);
  const registration = by("registration");
  if (registration.length) parts.push(`${registration.length} only ${registration.length === 1 ? "registers" : "register"} therapists${names(registration)}`);
  const certification = by("certification");
  if (certification.length) parts.push(`${certification.length} ${certification.length === 1 ? "requires" : "require"} state certification${names(certification)}`);
  const voluntary = by("voluntary_certification");
  if (voluntary.length) parts.push(`${voluntary.length} ${voluntary.length === 1 ? "has" : "have"} a voluntary state-level certification${names(voluntary)}`);
  const none = by("none");
  if (none.length) parts.push(`${none.length} ${none.length === 1 ? "has" : "have"} no statewide licence${names(none)}, though some of their cities license therapists`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "");
  return `Of the ${states.length} jurisdictions (the 50 states and DC), ${list}.`;
}
