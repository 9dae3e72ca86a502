// The profile's schema.org JSON-LD: valid JSON, the types and properties used, and escaping.
import { describe, expect, it } from "vitest";
import { buildTherapistJsonLd, serializeJsonLd, type JsonLdTherapist } from "@/lib/seo/therapist-json-ld";

const origin = "https://example.test";

const base: JsonLdTherapist = {
  slug: "ada-quill-portland-or-1",
  displayName: "Ada Quill",
  practiceName: "Quill Bodywork",
  bio: "Fictional demo profile. Works mostly with office workers with back pain.",
  phone: "(503) 555-0142",
  email: "ada@example.com",
  website: "https://quill.example.org",
  addressLine: "12 Alder Street",
  city: "Portland",
  state: "OR",
  zip: "97205",
  latitude: 45.52,
  longitude: -122.69,
  priceMin: 90,
  priceMax: 120,
  languages: ["English", "Spanish"],
  modalities: [
    { slug: "deep-tissue", name: "Deep tissue massage", summary: "Slower, stronger pressure." },
    { slug: "swedish", name: "Swedish massage" },
  ],
};

/** What a browser would hand to a JSON-LD parser: the text between the script tags. */
function scriptBody(html: string): string {
  const m = /^<script type="application\/ld\+json">([\s\S]*?)<\/script>$/.exec(html);
  if (!m) throw new Error(`not one script element: ${html}`);
  return m[1]!;
}

// Properties schema.org defines for each type used (including those inherited from
// LocalBusiness, Organization, Place and Thing), from https://schema.org/<Type>.
const ALLOWED: Record<string, readonly string[]> = {
  HealthAndBeautyBusiness: [
    "@context", "@type", "@id", "name", "url", "description", "address", "geo", "telephone", "email",
    "sameAs", "priceRange", "hasOfferCatalog", "knowsLanguage", "hasCredential",
  ],
  EducationalOccupationalCredential: ["@type", "name"],
  PostalAddress: ["@type", "streetAddress", "addressLocality", "addressRegion", "postalCode", "addressCountry"],
  GeoCoordinates: ["@type", "latitude", "longitude"],
  OfferCatalog: ["@type", "name", "itemListElement"],
  Offer: ["@type", "itemOffered"],
  Service: ["@type", "name", "url", "description"],
};

function checkTypes(node: unknown, path = "$"): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => checkTypes(n, `${path}[${i}]`));
  if (!node || typeof node !== "object") return [];
  const obj = node as Record<string, unknown>;
  const type = obj["@type"];
  const problems: string[] = [];
  if (typeof type === "string") {
    const allowed = ALLOWED[type];
    if (!allowed) problems.push(`${path}: unexpected type ${type}`);
    else for (const key of Object.keys(obj)) if (!allowed.includes(key)) problems.push(`${path}: ${type} has no property ${key}`);
  }
  return [...problems, ...Object.entries(obj).flatMap(([k, v]) => checkTypes(v, `${path}.${k}`))];
}

describe("buildTherapistJsonLd", () => {
  it("uses only properties schema.org defines on each type", () => {
    expect(checkTypes(buildTherapistJsonLd(base, origin))).toEqual([]);
    expect(checkTypes({ "@type": "PostalAddress", street: "x" })).toEqual(["$: PostalAddress has no property street"]);
  });

  it("is a HealthAndBeautyBusiness with a postal address, geo, telephone, url and services", () => {
    const ld = JSON.parse(serializeJsonLd(buildTherapistJsonLd(base, origin)));
    expect(ld["@context"]).toBe("https://schema.org");
    expect(ld["@type"]).toBe("HealthAndBeautyBusiness");
    expect(ld.name).toBe("Quill Bodywork (Ada Quill)");
    expect(ld.url).toBe("https://example.test/therapists/ada-quill-portland-or-1");
    expect(ld.telephone).toBe("(503) 555-0142");
    expect(ld.email).toBe("ada@example.com");
    expect(ld.priceRange).toBe("$90-$120");
    expect(ld.address).toEqual({
      "@type": "PostalAddress",
      streetAddress: "12 Alder Street",
      addressLocality: "Portland",
      addressRegion: "OR",
      postalCode: "97205",
      addressCountry: "US",
    });
    expect(ld.geo).toEqual({ "@type": "GeoCoordinates", latitude: 45.52, longitude: -122.69 });
    expect(ld.hasOfferCatalog["@type"]).toBe("OfferCatalog");
    expect(ld.hasOfferCatalog.itemListElement).toEqual([
      {
        "@type": "Offer",
        itemOffered: {
          "@type": "Service",
          name: "Deep tissue massage",
          url: "https://example.test/modalities/deep-tissue",
          description: "Slower, stronger pressure.",
        },
      },
      { "@type": "Offer", itemOffered: { "@type": "Service", name: "Swedish massage", url: "https://example.test/modalities/swedish" } },
    ]);
    expect(ld.knowsLanguage).toEqual(["English", "Spanish"]);
  });

  it("leaves out what the therapist did not give, rather than writing nulls", () => {
    const ld = buildTherapistJsonLd(
      { ...base, practiceName: null, phone: null, email: null, website: null, addressLine: null, priceMin: null, priceMax: null, bio: " " },
      origin,
    );
    expect(ld.name).toBe("Ada Quill");
    for (const key of ["telephone", "email", "sameAs", "priceRange", "description"]) expect(ld).not.toHaveProperty(key);
    expect(ld.address).not.toHaveProperty("streetAddress");
    expect(JSON.stringify(ld)).not.toContain("null");
  });

  it("states only checked credentials, never claimed or unconfirmed ones", () => {
    const ld = buildTherapistJsonLd(
      {
        ...base,
        credentials: [
          { state: "checked", text: "NCBTMB board certification (checked)" },
          { state: "claimed", text: "accredited school (claimed, not yet checked)" },
          { state: "unconfirmed", text: "membership of AMTA (could not be confirmed)" },
        ],
      },
      origin,
    );
    expect(checkTypes(ld)).toEqual([]);
    expect(ld.hasCredential).toEqual([{ "@type": "EducationalOccupationalCredential", name: "NCBTMB board certification (checked)" }]);
    expect(buildTherapistJsonLd({ ...base, credentials: [{ state: "claimed", text: "x" }] }, origin)).not.toHaveProperty("hasCredential");
  });

  it("escapes a hostile name so it cannot close the script element, and the JSON still parses to the same text", () => {
    const hostile = `Eve </script><script>alert("x")</script> & <!-- co`;
    const ld = buildTherapistJsonLd({ ...base, displayName: hostile, practiceName: null, bio: "a\u2028b" }, origin);
    const json = serializeJsonLd(ld);
    expect(json).not.toMatch(/[<>]/);
    expect(json).not.toContain("</script");
    expect(json).toContain("\\u003c/script\\u003e");
    const html = `<script type="application/ld+json">${json}</script>`;
    const parsed = JSON.parse(scriptBody(html));
    expect(parsed.name).toBe(hostile);
    expect(parsed.description).toBe("a\u2028b");
  });
});
