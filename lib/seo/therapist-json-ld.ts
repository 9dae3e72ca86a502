// schema.org JSON-LD for a public profile. The type is HealthAndBeautyBusiness, the
// LocalBusiness subtype schema.org offers for massage and bodywork practices: MedicalBusiness
// would claim medical care, which a massage practice is not and this site never implies.
// Pure: the page renders the result with serializeJsonLd.
import { formatPriceRange } from "@/lib/therapists/vocabulary";

export type JsonLdTherapist = {
  slug: string;
  displayName: string;
  practiceName: string | null;
  bio: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  addressLine: string | null;
  city: string;
  state: string;
  zip: string;
  latitude: number;
  longitude: number;
  priceMin: number | null;
  priceMax: number | null;
  languages: readonly string[];
  modalities: readonly { slug: string; name: string; summary?: string }[];
  /** Credentials beyond the licence (public-profile's credentials): only checked ones are stated. */
  credentials?: readonly { state: "checked" | "claimed" | "unconfirmed"; text: string }[];
};

export function buildTherapistJsonLd(t: JsonLdTherapist, origin: string): Record<string, unknown> {
  const url = new URL(`/therapists/${t.slug}`, origin).toString();
  const price = formatPriceRange({ min: t.priceMin, max: t.priceMax });
  const ld: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "HealthAndBeautyBusiness",
    "@id": `${url}#business`,
    name: t.practiceName ? `${t.practiceName} (${t.displayName})` : t.displayName,
    url,
    address: {
      "@type": "PostalAddress",
      ...(t.addressLine ? { streetAddress: t.addressLine } : {}),
      addressLocality: t.city,
      addressRegion: t.state,
      postalCode: t.zip,
      addressCountry: "US",
    },
    geo: { "@type": "GeoCoordinates", latitude: t.latitude, longitude: t.longitude },
    hasOfferCatalog: {
      "@type": "OfferCatalog",
      name: "Massage modalities",
      itemListElement: t.modalities.map((m) => ({
        "@type": "Offer",
        itemOffered: {
          "@type": "Service",
          name: m.name,
          url: new URL(`/modalities/${m.slug}`, origin).toString(),
          ...(m.summary ? { description: m.summary } : {}),
        },
      })),
    },
    knowsLanguage: [...t.languages],
  };
  if (t.bio.trim()) ld.description = t.bio.trim();
  if (t.phone) ld.telephone = t.phone;
  if (t.email) ld.email = t.email;
  if (t.website) ld.sameAs = [t.website];
  if (price) ld.priceRange = price;
  // A claimed (self-reported) or unconfirmed credential is never stated to machines as fact.
  const checked = (t.credentials ?? []).filter((c) => c.state === "checked");
  if (checked.length) ld.hasCredential = checked.map((c) => ({ "@type": "EducationalOccupationalCredential", name: c.text }));
  return ld;
}

/**
 * JSON for a <script type="application/ld+json"> element: `<`, `>` and `&` become \u escapes
 * so profile text such as "</script>" cannot close the element; the JSON value is unchanged.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
