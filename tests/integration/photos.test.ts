// Therapists' photos (issue 18) on every test database, through the upload and serving ends the
// routes use (lib/photos/photo-requests.ts): resized and re-encoded with no metadata left (the
// GPS position included), a portrait cropped square, at most one portrait and four practice
// photos, only the owner or an administrator may add or remove, an unpublished listing's photos
// reach only them; every bad upload stores nothing and leaves the other photos as they were.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createListing, setListingPublished } from "@/db/queries/listings";
import { listPhotos, removePhoto } from "@/db/queries/photos";
import { getPublishedTherapistBySlug } from "@/db/queries/therapists";
import { photoVariants, therapistPhotos, therapists, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { resolveListingPlace } from "@/lib/geo/zip";
import { receivePhotoUpload, servePhotoVariant } from "@/lib/photos/photo-requests";
import { PHOTO_MAX_BYTES, PHOTO_WIDTHS } from "@/lib/photos/process";
import { toPublicProfile } from "@/lib/therapists/public-profile";
import { profileSchema, type ProfileInput } from "@/lib/validation/therapist-profile";
import { eq } from "drizzle-orm";
import { testDrivers, type TestStore } from "../helpers/databases";
import { makeCameraJpeg, makeDecompressionBomb } from "../helpers/photo-files";
import { makePng } from "../helpers/proof-files";

const SITE = "http://localhost:3000";

function listing(name: string) {
  const p = profileSchema.parse({
    displayName: name, practiceName: "", bio: "Swedish massage for back pain, ten years.", phone: "", email: "", website: "",
    addressLine: "", zip: "10001", hours: "", inClinic: true, mobile: false, acceptingNewClients: true, yearsInPractice: "",
    sciaticaExperience: "some", sciaticaDescription: "", acceptsPhysicianReferrals: false, acceptsInsurance: false, insurancePlans: "",
    offersSuperbills: false, acceptsHsaFsa: false, priceMin: "", priceMax: "", languages: "English", wheelchairAccessible: false,
    accessibilityNotes: "", schoolName: "", schoolAccredited: false, associations: "", ncbtmbStatus: "not_certified",
    ncbtmbNumber: "", modalitySlugs: ["swedish"], licenses: [],
  } satisfies ProfileInput);
  const where = resolveListingPlace(p.zip);
  if (!where.ok) throw new Error("unknown ZIP");
  return { profile: p, place: where.place };
}

function uploadRequest(listingId: string, fields: { kind?: string; alt?: string; file?: { name: string; bytes: Uint8Array } }) {
  const form = new FormData();
  if (fields.kind !== undefined) form.set("kind", fields.kind);
  if (fields.alt !== undefined) form.set("alt", fields.alt);
  if (fields.file) form.set("file", new File([fields.file.bytes as BlobPart], fields.file.name));
  return new Request(`${SITE}/photos?listing=${listingId}`, { method: "POST", body: form, headers: { origin: SITE } });
}

describe.each(testDrivers)("photos on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  let owner: SessionUser;
  let other: SessionUser;
  let admin: SessionUser;
  let listingId: string;
  let camera: Buffer;

  const account = async (email: string, role: "therapist" | "admin" = "therapist"): Promise<SessionUser> => {
    const [row] = await database.db.insert(users).values({ email, role }).returning({ id: users.id });
    return { id: row!.id, email, role, isAdmin: role === "admin" };
  };
  const upload = (user: SessionUser | null, fields: Parameters<typeof uploadRequest>[1], id = listingId) =>
    receivePhotoUpload(database.db, { request: uploadRequest(id, fields), user, siteOrigin: SITE });
  const notice = (res: Response) => new URL(res.headers.get("location") ?? "", SITE).searchParams.get("photo");
  const snapshot = async () => ({
    photos: await database.db.select().from(therapistPhotos).orderBy(therapistPhotos.createdAt),
    variants: (await database.db.select({ photoId: photoVariants.photoId, width: photoVariants.width }).from(photoVariants)).length,
    version: (await database.db.select({ v: therapists.version }).from(therapists).where(eq(therapists.id, listingId)))[0]!.v,
  });

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    owner = await account("owner@example.org");
    other = await account("other@example.org");
    admin = await account("admin@example.org", "admin");
    const created = await createListing(database.db, { userId: owner.id, ...listing("Paula Portrait") });
    if (!created.ok) throw new Error("not created");
    listingId = created.id;
    camera = await makeCameraJpeg();
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  it("a portrait is stored only as square WebP sizes, with no metadata left (GPS, artist, copyright)", async () => {
    const res = await upload(owner, { kind: "portrait", alt: "Paula in the treatment room", file: { name: "IMG_0001.JPG", bytes: camera } });
    expect(res.status).toBe(303);
    expect(notice(res)).toBe("added");
    const [photo] = await listPhotos(database.db, [listingId]);
    expect(photo).toMatchObject({ kind: "portrait", alt: "Paula in the treatment room", width: 1200, height: 1200 });
    // 160, 320 and 640, and the 1,200 px square itself in place of 1,280 (never enlarged).
    expect(photo!.widths).toEqual([...PHOTO_WIDTHS.filter((w) => w < 1200), 1200]);
    for (const width of photo!.widths) {
      const served = await servePhotoVariant(database.db, { id: photo!.id, width: String(width), user: owner });
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe("image/webp");
      const bytes = Buffer.from(await served.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe("webp");
      expect([meta.width, meta.height]).toEqual([width, width]);
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(bytes.toString("latin1")).not.toMatch(/SECRET|GPS/);
    }
  }, 60_000);

  it("an unpublished listing's photos reach only its owner and administrators; once published, everyone, cached", async () => {
    const [photo] = await listPhotos(database.db, [listingId]);
    const get = (user: SessionUser | null) => servePhotoVariant(database.db, { id: photo!.id, width: "160", user });
    expect((await get(null)).status).toBe(404);
    expect((await get(other)).status).toBe(404);
    expect((await get(admin)).status).toBe(200);
    const mine = await get(owner);
    expect(mine.headers.get("cache-control")).toBe("private, no-store");
    const published = await setListingPublished(database.db, { userId: owner.id, id: listingId, published: true });
    expect(published.ok).toBe(true);
    const open = await get(null);
    expect(open.status).toBe(200);
    expect(open.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(open.headers.get("x-content-type-options")).toBe("nosniff");
    // Wrong widths and ids: 404.
    for (const [id, width] of [[photo!.id, "161"], [photo!.id, "x"], ["not-a-uuid", "160"], [crypto.randomUUID(), "160"]] as const)
      expect((await servePhotoVariant(database.db, { id, width, user: null })).status).toBe(404);
    // The public profile lists it with its srcset and alt text.
    const slug = (await database.db.select({ s: therapists.slug }).from(therapists).where(eq(therapists.id, listingId)))[0]!.s;
    const profile = toPublicProfile((await getPublishedTherapistBySlug(database.db, { slug }))!);
    expect(profile.photos).toEqual([
      expect.objectContaining({ kind: "portrait", alt: "Paula in the treatment room", src: `/photos/${photo!.id}/640`, srcset: expect.stringContaining(`/photos/${photo!.id}/160 160w`) }),
    ]);
  });

  it("a new portrait replaces the old one; practice photos stop at four", async () => {
    const before = (await listPhotos(database.db, [listingId]))[0]!;
    expect(notice(await upload(owner, { kind: "portrait", alt: "Paula again", file: { name: "p.png", bytes: makePng() } }))).toBe("replaced");
    const portraits = (await listPhotos(database.db, [listingId])).filter((p) => p.kind === "portrait");
    expect(portraits.map((p) => p.alt)).toEqual(["Paula again"]);
    expect(portraits[0]!.id).not.toBe(before.id);
    expect((await servePhotoVariant(database.db, { id: before.id, width: "160", user: owner })).status).toBe(404);
    const small = await sharp({ create: { width: 800, height: 600, channels: 3, background: "grey" } }).webp().toBuffer();
    for (let i = 1; i <= 4; i++) expect(notice(await upload(owner, { kind: "practice", alt: `Room ${i}`, file: { name: `r${i}.webp`, bytes: small } }))).toBe("added");
    const full = await snapshot();
    expect(notice(await upload(owner, { kind: "practice", alt: "Room 5", file: { name: "r5.webp", bytes: small } }))).toBe("too_many");
    expect(await snapshot()).toEqual(full);
    const practice = (await listPhotos(database.db, [listingId])).filter((p) => p.kind === "practice");
    expect(practice.map((p) => [p.alt, p.width, p.height])).toEqual([1, 2, 3, 4].map((i) => [`Room ${i}`, 800, 600]));
  }, 60_000);

  it("another therapist, an anonymous visitor or a forged origin cannot add or remove a photo", async () => {
    const before = await snapshot();
    const file = { name: "x.png", bytes: makePng() };
    expect((await upload(other, { kind: "portrait", alt: "Not mine", file })).status).toBe(404);
    const anonymous = await upload(null, { kind: "portrait", alt: "Nobody", file });
    expect(anonymous.headers.get("location")).toMatch(/\/signin/);
    const forged = await receivePhotoUpload(database.db, {
      request: new Request(`${SITE}/photos?listing=${listingId}`, { method: "POST", body: new FormData(), headers: { origin: "https://evil.example" } }),
      user: owner,
      siteOrigin: SITE,
    });
    expect(forged.status).toBe(403);
    expect((await removePhoto(database.db, { actor: { userId: other.id }, id: before.photos[0]!.id })).ok).toBe(false);
    expect(await snapshot()).toEqual(before);
    // An administrator may remove one.
    expect((await removePhoto(database.db, { actor: { userId: admin.id, isAdmin: true }, id: before.photos[before.photos.length - 1]!.id })).ok).toBe(true);
    expect((await snapshot()).photos).toHaveLength(before.photos.length - 1);
  });

  it("every bad upload is refused with its message, stores nothing and keeps the description typed", async () => {
    const before = await snapshot();
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]);
    const cases: [string, Parameters<typeof uploadRequest>[1]][] = [
      ["empty", { kind: "practice", alt: "Empty file", file: { name: "e.jpg", bytes: new Uint8Array() } }],
      ["too_large", { kind: "practice", alt: "Too big", file: { name: "big.jpg", bytes: Buffer.concat([camera, Buffer.alloc(PHOTO_MAX_BYTES)]) } }],
      ["wrong_type", { kind: "practice", alt: "A renamed program", file: { name: "photo.jpg", bytes: elf } }],
      ["wrong_type", { kind: "practice", alt: "A web page", file: { name: "photo.png", bytes: Buffer.from("<!doctype html><script>alert(1)</script>") } }],
      ["wrong_type", { kind: "practice", alt: "A PDF", file: { name: "photo.jpg", bytes: Buffer.from("%PDF-1.4\n%%EOF\n") } }],
      ["corrupt", { kind: "practice", alt: "Cut short", file: { name: "cut.jpg", bytes: camera.subarray(0, Math.floor(camera.length / 3)) } }],
      ["too_many_pixels", { kind: "practice", alt: "A decompression bomb", file: { name: "bomb.png", bytes: await makeDecompressionBomb() } }],
      ["invalid_alt", { kind: "practice", alt: "x", file: { name: "ok.png", bytes: makePng() } }],
      ["invalid_alt", { kind: "practice", alt: "<b>bold</b>", file: { name: "ok.png", bytes: makePng() } }],
      ["invalid", { kind: "banner", alt: "A banner", file: { name: "ok.png", bytes: makePng() } }],
      ["invalid", { kind: "practice", alt: "No file at all" }],
    ];
    for (const [expected, fields] of cases) {
      const res = await upload(owner, fields);
      expect(notice(res), fields.alt).toBe(expected);
      const back = new URL(res.headers.get("location")!, SITE);
      expect(back.pathname).toBe(`/dashboard/listings/${listingId}`);
      if (fields.alt) expect(back.searchParams.get("alt"), fields.alt).toBe(fields.alt);
    }
    expect(await snapshot()).toEqual(before);
  }, 120_000);
});
