// Deterministic generator of fictional therapists. Therapist number i depends only on
// (seed, i), so a set can be generated in chunks, resumed, or extended, with the same result.
// Everything is plainly made up: storybook surnames, 555-01xx phone numbers (reserved for
// fiction), example.com/.org/.net addresses, and each listing is flagged is_demo. Rows are
// built by the same factory the tests use (./factories.ts).
import seedrandom from "seedrandom";
import { STATE_POPULATION_THOUSANDS } from "@/lib/geo/state-population";
import { zipsByState, type ZipPlace } from "@/lib/geo/zip";
import { screenedTextOf } from "@/lib/therapists/medical-claims";
import { MODALITIES } from "../reference/modalities";
import type { StateEntry } from "../reference/state-licensing";
import type { NewTherapist } from "../schema";
import { buildLicense, buildTherapist, demoCredentialChecks, type LicenseRow, type TherapistRow } from "./factories";

export const DEFAULT_DEMO_SEED = "therapist-finder-demo";

export type GeneratedTherapist = {
  therapist: TherapistRow & { modalitySlugs: string[] };
  licenses: LicenseRow[];
};

type Rng = () => number;

const FIRST_NAMES = [
  "Avery", "Blake", "Casey", "Dana", "Elliot", "Frankie", "Gale", "Harper", "Indra", "Jules",
  "Kai", "Lee", "Morgan", "Noor", "Oakley", "Parker", "Quinn", "Reese", "Sage", "Tatum",
  "Uma", "Val", "Wren", "Yael", "Zion", "Amara", "Bodhi", "Celeste", "Dario", "Esme",
  "Felix", "Greta", "Hugo", "Ines", "Jonah", "Kira", "Luca", "Mira", "Nico", "Ophelia",
];
const SURNAME_HEADS = [
  "Ash", "Bramble", "Cinder", "Dapple", "Elder", "Fern", "Gull", "Hazel", "Ivy", "Juniper",
  "Kettle", "Lark", "Moss", "Nettle", "Otter", "Pebble", "Quill", "Rook", "Sorrel", "Thistle",
  "Umber", "Vetch", "Willow", "Yarrow", "Zephyr", "Clover", "Tansy", "Marigold",
];
const SURNAME_TAILS = [
  "bright", "by", "dale", "field", "ford", "gate", "hollow", "ley", "mere", "more", "ridge",
  "shaw", "stone", "thorn", "wick", "wood", "whistle", "button",
];
const PRACTICE_KINDS = [
  "Bodywork Studio", "Massage Therapy", "Therapeutic Massage", "Muscle Care Clinic",
  "Massage & Wellness", "Back Care Massage",
];
const STREET_NAMES = ["Sample", "Example", "Placeholder", "Fictional", "Demo", "Makebelieve", "Storybook"];
const STREET_KINDS = ["Street", "Avenue", "Lane", "Road", "Way", "Court"];
const INSURANCE_PLANS = [
  "Aetna", "Blue Cross Blue Shield", "Cigna", "UnitedHealthcare", "Humana",
  "Workers' compensation", "Auto injury (PIP)",
];
const OTHER_LANGUAGES = ["Spanish", "Chinese", "Vietnamese", "Tagalog", "Korean", "Arabic", "French", "Russian"];
// The optional, self-described gender: many demo therapists leave it unstated, as real ones may.
const DEMO_GENDERS: [share: number, gender: string | null][] = [
  [0.45, "Woman"],
  [0.25, "Man"],
  [0.04, "Non-binary"],
  [0.26, null],
];
/** A demo gender for a number in [0, 1). */
export function demoGender(u: number): string | null {
  let edge = 0;
  for (const [share, gender] of DEMO_GENDERS) if (u < (edge += share)) return gender;
  return null;
}
const EMAIL_DOMAINS = ["example.com", "example.org", "example.net"];

// Share of therapists offering each modality (rough; Swedish and deep tissue dominate).
const MODALITY_SHARE: Record<string, number> = {
  swedish: 0.8, "deep-tissue": 0.68, "myofascial-release": 0.36, "medical-massage": 0.2,
  "trigger-point-therapy": 0.3, "neuromuscular-therapy": 0.14, "sports-massage": 0.25,
  "prenatal-massage": 0.2, "hot-stone": 0.24, "thai-massage": 0.07, shiatsu: 0.06,
  reflexology: 0.14, cupping: 0.16, "craniosacral-therapy": 0.1, "lymphatic-drainage": 0.1,
};

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

const HEX = "0123456789abcdef";
const MODALITY_SLUGS = MODALITIES.map((m) => m.slug);

/**
 * A UUID for the demo row of generator index `index`: its first 48 bits are the index, so ids
 * ascend with it, and the rest is 32 draws (the version and variant digits are drawn too, then
 * fixed: version 8, "custom", RFC 9562). Ascending ids are written at the right edge of every
 * index keyed by them (the therapists', licences' and modality links' keys and the licences'
 * therapist index) instead of on a random page each: a million-row seed writes them without
 * reading an index page back from disk (docs/benchmarks.md, eighth pass). The last byte, which
 * the 1-in-16 search sample reads (SAMPLE_PREDICATE), stays a draw.
 */
function uuidFrom(rng: Rng, index: number): string {
  const prefix = index.toString(16).padStart(12, "0");
  if (prefix.length > 12) throw new Error(`Demo index ${index} does not fit a UUID's first 48 bits.`);
  let s = "";
  for (let i = 0; i < 32; i++) {
    let digit = Math.floor(rng() * 16);
    if (i < 12) digit = parseInt(prefix[i]!, 16);
    else if (i === 12) digit = 8;
    else if (i === 16) digit = (digit & 0x3) | 0x8;
    if (i === 8 || i === 12 || i === 16 || i === 20) s += "-";
    s += HEX[digit];
  }
  return s;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

function slugify(text: string): string {
  // Plain ASCII (nearly every demo name and city) has no accents to take off.
  return (ASCII_ONLY.test(text) ? text : text.normalize("NFKD"))
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const POPULATION_TOTAL = Object.values(STATE_POPULATION_THOUSANDS).reduce((a, b) => a + b, 0);

const STATE_POPULATIONS = Object.entries(STATE_POPULATION_THOUSANDS);

function pickState(rng: Rng): string {
  let r = rng() * POPULATION_TOTAL;
  for (const [code, pop] of STATE_POPULATIONS) {
    r -= pop;
    if (r < 0) return code;
  }
  return "CA";
}

// Within a state, ZIP codes are denser where people are, so a uniform pick of ZIP follows
// population reasonably well.
function pickPlace(rng: Rng): ZipPlace {
  const zips = zipsByState().get(pickState(rng))!;
  return pick(rng, zips);
}

function sciatica(rng: Rng): Pick<NewTherapist, "sciaticaExperience" | "sciaticaDescription"> {
  const r = rng();
  if (r < 0.2) {
    return {
      sciaticaExperience: "extensive",
      sciaticaDescription: pick(rng, [
        "Much of my practice is clients with sciatica and low back pain, often alongside their physical therapist's plan.",
        "I have worked for years with clients whose sciatica comes from piriformis tightness or disc problems, in coordination with their doctors.",
        "I focus on low back, hip and buttock pain, and regularly see clients referred by physicians for sciatica.",
      ]),
    };
  }
  if (r < 0.65) {
    return {
      sciaticaExperience: "some",
      sciaticaDescription: pick(rng, [
        "I regularly see clients with sciatica among my low back pain clients.",
        "Some of my clients come with sciatica; I adapt pressure and positioning for them.",
      ]),
    };
  }
  return { sciaticaExperience: "none", sciaticaDescription: null };
}

function licenseFor(rng: Rng, index: number, therapistId: string, rule: StateEntry | undefined, seedDate: Date) {
  if (!rule || rule.regulation === "none" || rule.credentialTitles.length === 0) return [];
  const holds = rule.regulation === "voluntary_certification" ? chance(rng, 0.7) : chance(rng, 0.96);
  if (!holds) return [];
  const r = rng();
  const status = r < 0.9 ? "active" : r < 0.95 ? "expired" : r < 0.97 ? "disciplinary_action" : "unknown";
  const checked = status !== "unknown" && chance(rng, 0.6);
  const verifiedAt = checked ? new Date(seedDate.getTime() - int(rng, 1, 330) * 86_400_000) : null;
  const license = buildLicense(
    { id: therapistId },
    {
      id: uuidFrom(rng, index),
      state: rule.code,
      number: `DEMO-${rule.code}-${String(100000 + (index % 900000)).padStart(6, "0")}`,
      credentialTitle: pick(rng, rule.credentialTitles),
      status: checked ? status : "unknown",
      verifiedAt,
      source: checked ? "Demo data: a fictional board check" : "Demo data: self-reported",
    },
  );
  return [license];
}

export type GeneratorOptions = {
  seed?: string;
  states: ReadonlyMap<string, StateEntry>;
  /** Fixed "now" so that dates in the data are reproducible too. */
  now?: Date;
};

export function generateTherapist(index: number, options: GeneratorOptions): GeneratedTherapist {
  const rng: Rng = seedrandom.alea(`${options.seed ?? DEFAULT_DEMO_SEED}:${index}`);
  const now = options.now ?? new Date("2026-11-01T00:00:00Z");
  const id = uuidFrom(rng, index);
  const place = pickPlace(rng);
  const first = pick(rng, FIRST_NAMES);
  const surname = pick(rng, SURNAME_HEADS) + pick(rng, SURNAME_TAILS);
  const displayName = `${first} ${surname}`;
  const practiceName = chance(rng, 0.7)
    ? `${chance(rng, 0.5) ? surname : pick(rng, SURNAME_HEADS) + pick(rng, SURNAME_TAILS)} ${pick(rng, PRACTICE_KINDS)}`
    : null;

  let modalitySlugs = MODALITY_SLUGS.filter((slug) => chance(rng, MODALITY_SHARE[slug] ?? 0.1));
  if (modalitySlugs.length === 0) modalitySlugs = ["swedish"];

  const acceptsInsurance = chance(rng, 0.25);
  const insurancePlans = acceptsInsurance
    ? INSURANCE_PLANS.filter(() => chance(rng, 0.35)).slice(0, 4)
    : [];
  const associations = [
    ...(chance(rng, 0.38) ? ["AMTA"] : []),
    ...(chance(rng, 0.35) ? ["ABMP"] : []),
  ];
  const languages = ["English", ...(chance(rng, 0.18) ? ["Spanish"] : []), ...(chance(rng, 0.06) ? [pick(rng, OTHER_LANGUAGES)] : [])];
  const ncbtmb = rng();
  const mobile = chance(rng, 0.25);
  const priceMin = int(rng, 12, 22) * 5;
  const yearsInPractice = int(rng, 1, 35);
  const sciaticaFields = sciatica(rng);
  const accredited = chance(rng, 0.55);
  const slug = `${slugify(displayName)}-${slugify(place.city)}-${place.state.toLowerCase()}-${index.toString(36)}`;
  const emailLocal = slugify(`${first}.${surname}`).replace(/-/g, ".");

  const therapist = buildTherapist({
    id,
    slug,
    displayName,
    practiceName,
    bio:
      `Fictional demo profile. ${first} has practised massage therapy for ${yearsInPractice} year${yearsInPractice === 1 ? "" : "s"}` +
      ` in ${place.city}, ${place.state}, working mostly with ${pick(rng, ["office workers with back pain", "active adults", "older adults", "people recovering from injuries", "clients with chronic pain"])}.` +
      ` Sessions start with a conversation about your history and goals.`,
    phone: `(${int(rng, 2, 9)}${int(rng, 0, 9)}${int(rng, 0, 9)}) 555-01${String(int(rng, 0, 99)).padStart(2, "0")}`,
    email: `${emailLocal}@${pick(rng, EMAIL_DOMAINS)}`,
    website: chance(rng, 0.5) ? `https://${slugify(practiceName ?? displayName)}.example.org` : null,
    addressLine: chance(rng, 0.7) ? `${int(rng, 1, 999)} ${pick(rng, STREET_NAMES)} ${pick(rng, STREET_KINDS)}` : null,
    city: place.city,
    state: place.state,
    zip: place.zip,
    latitude: place.latitude,
    longitude: place.longitude,
    inClinic: mobile ? chance(rng, 0.6) : true,
    mobile,
    acceptingNewClients: chance(rng, 0.8),
    yearsInPractice,
    ...sciaticaFields,
    acceptsPhysicianReferrals: chance(rng, sciaticaFields.sciaticaExperience === "none" ? 0.25 : 0.6),
    acceptsInsurance,
    insurancePlans,
    offersSuperbills: chance(rng, 0.4),
    acceptsHsaFsa: chance(rng, 0.6),
    priceMin,
    priceMax: priceMin + int(rng, 0, 10) * 5,
    languages,
    wheelchairAccessible: chance(rng, 0.5),
    // From the id's bytes, not the random stream, so the other demo fields stay as they were.
    gender: demoGender(parseInt(id.slice(-12, -10), 16) / 0x100),
    accessibilityNotes: null,
    schoolName: `${pick(rng, SURNAME_HEADS)} ${pick(rng, ["School of Massage", "Institute of Bodywork", "Massage Academy"])} (fictional)`,
    schoolAccredited: accredited,
    associations,
    ncbtmbStatus: ncbtmb < 0.12 ? "verified" : ncbtmb < 0.2 ? "self_reported" : ncbtmb < 0.22 ? "lapsed" : "not_certified",
    ncbtmbNumber: ncbtmb < 0.22 ? `DEMO-NCB-${String(index).padStart(7, "0")}` : null,
    ncbtmbVerifiedAt: ncbtmb < 0.12 ? new Date(now.getTime() - int(rng, 1, 300) * 86_400_000) : null,
    ncbtmbCheckSource: ncbtmb < 0.12 || (ncbtmb >= 0.2 && ncbtmb < 0.22) ? "Demo data: a fictional NCBTMB check" : null,
    // Drawn from the id's last bytes, not the random stream, so every other field of the demo
    // data stays as it was before these checks existed.
    ...demoCredentialChecks(
      { school: parseInt(id.slice(-4), 16) / 0x10000, associations: parseInt(id.slice(-8, -4), 16) / 0x10000 },
      { schoolAccredited: accredited, associations },
      new Date(now.getTime() - (1 + (parseInt(id.slice(-10, -8), 16) % 300)) * 86_400_000),
    ),
    modalitySlugs,
    isDemo: true,
    published: true,
  }) as GeneratedTherapist["therapist"];
  // Fictional listings are published as they are: their texts count as approved.
  therapist.approvedText = screenedTextOf(therapist);
  // A fictional confirmation 1 to 540 days ago (about a third over a year), drawn from the id so
  // the rest of the demo data stays as it was.
  therapist.confirmedCurrentAt = new Date(now.getTime() - (1 + (parseInt(id.slice(-14, -10), 16) % 540)) * 86_400_000);
  return { therapist, licenses: licenseFor(rng, index, id, options.states.get(place.state), now) };
}
