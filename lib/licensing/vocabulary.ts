// The licensing vocabulary, in one place: the 50 states and DC, the kinds of state regulation
// (from the schema's enum), which of them are mandatory, and the words every page, note and
// API response uses for them. Pure data and functions: client components, the Playwright specs
// and the data layer all import it.
import { stateRegulation } from "@/db/schema";

// ---------------------------------------------------------------------------
// States

/** The 50 states and DC by two-letter code: the one list of state names and codes. */
export const US_STATES = {
  AK: "Alaska", AL: "Alabama", AR: "Arkansas", AZ: "Arizona", CA: "California", CO: "Colorado",
  CT: "Connecticut", DC: "District of Columbia", DE: "Delaware", FL: "Florida", GA: "Georgia",
  HI: "Hawaii", IA: "Iowa", ID: "Idaho", IL: "Illinois", IN: "Indiana", KS: "Kansas",
  KY: "Kentucky", LA: "Louisiana", MA: "Massachusetts", MD: "Maryland", ME: "Maine",
  MI: "Michigan", MN: "Minnesota", MO: "Missouri", MS: "Mississippi", MT: "Montana",
  NC: "North Carolina", ND: "North Dakota", NE: "Nebraska", NH: "New Hampshire", NJ: "New Jersey",
  NM: "New Mexico", NV: "Nevada", NY: "New York", OH: "Ohio", OK: "Oklahoma", OR: "Oregon",
  PA: "Pennsylvania", RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota",
  TN: "Tennessee", TX: "Texas", UT: "Utah", VA: "Virginia", VT: "Vermont", WA: "Washington",
  WI: "Wisconsin", WV: "West Virginia", WY: "Wyoming",
} as const satisfies Record<string, string>;

export type StateCode = keyof typeof US_STATES;

/** Every code, alphabetically. */
export const STATE_CODES = Object.keys(US_STATES).sort() as StateCode[];

export const isStateCode = (code: string): code is StateCode => Object.hasOwn(US_STATES, code);

/** A state's name from its code (any case); the code itself when it is not a state. */
export const stateName = (code: string): string => {
  const upper = code.toUpperCase();
  return isStateCode(upper) ? US_STATES[upper] : code;
};

/** The state's licensing page: the only place the `/licensing/<code>` address is built. */
export const statePageHref = (code: string) => `/licensing/${code.toLowerCase()}`;

/** A therapist search in one state. */
export const stateTherapistsHref = (code: string) => `/therapists?location=${encodeURIComponent(code.toUpperCase())}`;

// ---------------------------------------------------------------------------
// Regulation

/** From the strictest (a mandatory licence) to none: the schema's enum, in its order. */
export const REGULATIONS = stateRegulation.enumValues;
export type Regulation = (typeof REGULATIONS)[number];

/** The regulations under which practising without the state's credential is not allowed. */
export const MANDATORY_REGULATIONS: readonly Regulation[] = ["license", "registration", "certification"];

export const isMandatory = (regulation: Regulation) => MANDATORY_REGULATIONS.includes(regulation);

export const REGULATION_LABELS: Record<Regulation, string> = {
  license: "State licence required",
  registration: "State registration required",
  certification: "State certification required",
  voluntary_certification: "Voluntary state-level certification",
  none: "No statewide licence",
};

/** The credential a state issues, as a noun: "licence", "registration", "certification". */
export const CREDENTIAL_NOUN: Record<Regulation, string> = {
  license: "licence",
  registration: "registration",
  certification: "certification",
  voluntary_certification: "certification",
  none: "licence",
};

/**
 * Who a credential is checked with. A voluntary certification is issued by a certifying body
 * (California's CAMTC is a council, not a state board); with no statewide licence, only a
 * city or county licence exists.
 */
export const CHECKED_WITH: Record<Regulation, string> = {
  license: "the state board",
  registration: "the state board",
  certification: "the state board",
  voluntary_certification: "the certifying body",
  none: "the city or county",
};

/** The standing of an active credential: "active", "registered", "certified". */
export const ACTIVE_STANDING: Record<Regulation, string> = {
  license: "active",
  registration: "registered",
  certification: "certified",
  voluntary_certification: "certified",
  none: "active",
};
