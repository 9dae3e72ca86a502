// Checks older than 12 months go back to the administrators' queues, oldest first, on both
// databases. "Now" is passed in, so the fixture's ages are exact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listCredentialsToCheck, listLicensesToCheck } from "@/db/queries/moderation";
import { licenses, therapists, type NewTherapist } from "@/db/schema";
import { testDrivers, type TestStore } from "../helpers/databases";

const NOW = new Date("2026-12-01T12:00:00Z");
const monthsAgo = (n: number) => new Date(Date.UTC(2026, 11 - n, 1, 12));
const AT = { latitude: 40.7484, longitude: -73.9967, state: "NY", zip: "10001", city: "New York" };

// slug -> licence verifiedAt (null: never checked). Created at NOW minus 1 day.
const LICENCES: Record<string, Date | null> = {
  "lic-fresh": monthsAgo(2),
  "lic-14": monthsAgo(14),
  "lic-30": monthsAgo(30),
  "lic-unchecked": null,
  "lic-12-exactly": monthsAgo(12),
};
const CREDENTIALS: Record<string, Partial<NewTherapist>> = {
  "ncbtmb-fresh": { ncbtmbStatus: "verified", ncbtmbNumber: "1", ncbtmbVerifiedAt: monthsAgo(3) },
  "ncbtmb-14": { ncbtmbStatus: "verified", ncbtmbNumber: "2", ncbtmbVerifiedAt: monthsAgo(14) },
  "ncbtmb-self": { ncbtmbStatus: "self_reported", ncbtmbNumber: "3" },
  "school-20": { schoolName: "Fictional School", schoolAccredited: true, schoolCheck: "checked", schoolCheckedAt: monthsAgo(20) },
  "school-fresh": { schoolName: "Fictional School", schoolAccredited: true, schoolCheck: "checked", schoolCheckedAt: monthsAgo(1) },
  "assoc-unconfirmed-16": { associations: ["AMTA"], associationsCheck: "unconfirmed", associationsCheckedAt: monthsAgo(16) },
  "assoc-fresh": { associations: ["AMTA"], associationsCheck: "checked", associationsCheckedAt: monthsAgo(6) },
};

describe.each(testDrivers)("stale checks on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    const yesterday = new Date(NOW.getTime() - 86_400_000);
    for (const [slug, facts] of Object.entries({ ...Object.fromEntries(Object.keys(LICENCES).map((s) => [s, {}])), ...CREDENTIALS })) {
      const [row] = await database.db
        .insert(therapists)
        .values({ slug, displayName: slug, bio: "", ...AT, published: true, updatedAt: yesterday, ...facts })
        .returning({ id: therapists.id });
      ids.set(slug, row!.id);
      if (slug in LICENCES)
        await database.db
          .insert(licenses)
          .values({ therapistId: row!.id, state: "NY", number: `N-${slug}`, credentialTitle: "LMT", status: LICENCES[slug] ? "active" : "unknown", verifiedAt: LICENCES[slug], createdAt: yesterday });
    }
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  it("licences checked more than 12 months ago return to the queue, oldest check first, with when they were last checked", async () => {
    const queue = await listLicensesToCheck(database.db, { now: NOW });
    expect(queue.map((q) => q.slug)).toEqual(["lic-30", "lic-14", "lic-unchecked"]);
    expect(queue[0]!.lastCheckedAt?.toISOString()).toBe(monthsAgo(30).toISOString());
    expect(queue[2]!.lastCheckedAt).toBeNull();
  });

  it("NCBTMB, school and association checks more than 12 months ago return to the queue, oldest first", async () => {
    const queue = await listCredentialsToCheck(database.db, { now: NOW });
    expect(queue.map((q) => q.slug)).toEqual(["school-20", "assoc-unconfirmed-16", "ncbtmb-14", "ncbtmb-self"]);
    const bySlug = new Map(queue.map((q) => [q.slug, q]));
    expect(bySlug.get("school-20")).toMatchObject({ needsNcbtmb: false, needsSchool: true, needsAssociations: false });
    expect(bySlug.get("assoc-unconfirmed-16")).toMatchObject({ needsNcbtmb: false, needsSchool: false, needsAssociations: true });
    expect(bySlug.get("ncbtmb-14")).toMatchObject({ needsNcbtmb: true, needsSchool: false, needsAssociations: false });
  });
});
