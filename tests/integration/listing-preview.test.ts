// The dashboard preview claims to show a listing "exactly as patients read it". For a state with
// a voluntary certification (California: a council certifies, not a state board), the preview
// once said "checked with the state board" where the public page said "the certifying body".
// Both now render one view from one contract; this reads both through the real data layer and
// compares the licence and criteria text a person sees.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ListingPreview } from "@/app/dashboard/_components/listing-preview";
import { TherapistFacts } from "@/components/therapist/therapist-facts";
import type { Database } from "@/db/client";
import { getListingForEdit } from "@/db/queries/listings";
import { getPublishedTherapistBySlug } from "@/db/queries/therapists";
import { loadStateLicensing } from "@/db/reference/state-licensing";
import { licenses, therapists, users } from "@/db/schema";
import { previewListing } from "@/lib/therapists/listing-preview";
import { toPublicProfile } from "@/lib/therapists/public-profile";
import { testDrivers, type TestStore } from "../helpers/databases";
import { buildTherapist } from "@/db/seed/factories";

const voluntary = loadStateLicensing().find((s) => s.regulation === "voluntary_certification")!;
const verifiedAt = new Date("2026-10-02T12:00:00Z");

/** The visible text of one section of the facts view (tags dropped, entities and spaces folded). */
function sectionText(html: string, id: string): string {
  const match = new RegExp(`<section[^>]*aria-labelledby="profile-${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
  expect(match, `section ${id}`).not.toBeNull();
  return textOf(match![1]!);
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

describe.each(testDrivers)("the dashboard preview reads as the public profile on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  const ownerId = "preview-owner";
  const therapist = buildTherapist({
    ownerId,
    slug: "preview-voluntary-state",
    displayName: "Noor Vale",
    city: "Sacramento",
    state: voluntary.code,
    zip: "95814",
    latitude: 38.58,
    longitude: -121.49,
    bio: "Works with office workers whose sciatica flares after long days sitting down.",
    schoolName: "Valley School of Massage (fictional)",
    sciaticaExperience: "some",
    ncbtmbStatus: "self_reported",
    ncbtmbNumber: "NC-42",
    modalitySlugs: ["swedish", "deep-tissue"],
    priceMin: 80,
    priceMax: 110,
    published: true,
  });

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    const { db } = database;
    await db.insert(users).values({ id: ownerId, email: "noor@example.org" });
    await db.insert(therapists).values(therapist);
    await db.insert(licenses).values([
      // Checked by an administrator: the note must name who certifies in this state.
      { therapistId: therapist.id, state: voluntary.code, number: "CMT-0042", credentialTitle: "CMT", status: "active", verifiedAt, source: "certifying body look-up" },
      // Listed, never checked.
      { therapistId: therapist.id, state: "NV", number: "NV-77", credentialTitle: "LMT", status: "unknown" },
    ]);
  });

  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  it(`shows the same licence and criteria text as the public page, for ${voluntary.name} (voluntary certification)`, async () => {
    const { db } = database;
    const published = await getPublishedTherapistBySlug(db, { slug: therapist.slug });
    const listing = await getListingForEdit(db, { id: therapist.id, userId: ownerId });
    expect(published).toBeDefined();
    expect(listing).not.toBeNull();

    // What each page renders: the profile page its facts view, the dashboard its preview.
    const publicHtml = renderToStaticMarkup(createElement(TherapistFacts, { profile: toPublicProfile(published!) }));
    const previewHtml = renderToStaticMarkup(createElement(ListingPreview, { profile: await previewListing(db, listing!) }));

    const licencesPublic = sectionText(publicHtml, "licences");
    const criteriaPublic = sectionText(publicHtml, "criteria");
    expect(sectionText(previewHtml, "licences")).toBe(licencesPublic);
    expect(sectionText(previewHtml, "criteria")).toBe(criteriaPublic);

    // The words themselves: checked with the certifying body, never "the state board".
    expect(licencesPublic).toContain(`CMT, ${voluntary.name} - certified, checked with the certifying body on 2026-10-02`);
    expect(licencesPublic).toContain("Licence number CMT-0042.");
    expect(licencesPublic).toContain("LMT, Nevada - claimed, not yet checked");
    expect(licencesPublic).not.toContain("state board");
    expect(criteriaPublic).toContain("Met: Licence checked. Certification checked with the certifying body.");

    // And everything else a patient reads is the same too (only the heading levels differ).
    const facts = (html: string) => textOf(html.slice(html.indexOf('aria-labelledby="profile-name"')));
    expect(facts(previewHtml)).toBe(facts(publicHtml));
  });
});
