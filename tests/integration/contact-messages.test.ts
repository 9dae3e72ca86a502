// Patients' messages to therapists on every test database, delivered through a real SMTP
// server (tests/helpers/smtp-sink.ts): the reply-to is the patient's address, the stored copy
// is deleted once delivered, a failed delivery is retried after its wait and purged after 7
// days, the limits per sender and per listing hold, the hidden field and the minimum fill time
// refuse scripted posts, and a listing that turned the form off, has no public e-mail or is
// unpublished gets no message. And the weekly view counts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { countStoredContactMessages, MESSAGE_RETENTION_MS } from "@/db/queries/contact-messages";
import { countProfileView, listWeeklyCounts } from "@/db/queries/listing-counts";
import { contactMessages, therapists, users } from "@/db/schema";
import { buildTherapist } from "@/db/seed/factories";
import { deliverDueContactMessages } from "@/lib/contact/deliver";
import { issueFormToken, MIN_FILL_MS } from "@/lib/contact/form-token";
import { contactSchema } from "@/lib/contact/message-input";
import { CONTACT_LIMITS, sendContactMessage } from "@/lib/contact/send-message";
import { testDrivers, type TestStore } from "../helpers/databases";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";

const SECRET = "contact-test-secret-0123456789-0123456789";
const MINUTE = 60_000;
let sink: SmtpSink;
const saved = { ...process.env };
const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "tf-contact-"));

beforeAll(async () => {
  sink = await startSmtpSink();
  // Read once, by the first env() call, which comes after this.
  Object.assign(process.env, {
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(sink.port),
    SMTP_SECURE: "false",
    SITE_URL: "https://find.example.org",
    AUTH_SECRET: SECRET,
    DEV_OUTBOX: "false",
    PGLITE_DATA_DIR: path.join(dataRoot, "unused"),
  });
});

afterAll(async () => {
  process.env = saved;
  await sink?.close();
  fs.rmSync(dataRoot, { recursive: true, force: true });
});

/** A form as a patient fills it in, opened `openedMsAgo` before `now`. */
function form(slug: string, fields: Partial<Record<"name" | "email" | "phone" | "lookingFor" | "times" | "website" | "issued", string>> = {}, now = new Date()) {
  return contactSchema.parse({
    name: "Pat Patient",
    email: "pat@example.net",
    phone: "",
    lookingFor: "A first 60-minute session in the clinic.",
    times: "Weekday evenings",
    slug,
    issued: issueFormToken(slug, new Date(now.getTime() - 10_000)),
    website: "",
    ...fields,
  });
}

const unfold = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/\r\n[ \t]+/g, " ");

describe.each(testDrivers)("messages to therapists on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  let owner: string;
  let stranger: string;

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    const rows = await database.db.insert(users).values([{ email: `owner-${Math.random()}@example.org` }, { email: `other-${Math.random()}@example.org` }]).returning({ id: users.id });
    owner = rows[0]!.id;
    stranger = rows[1]!.id;
  });

  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  async function listing(overrides: Parameters<typeof buildTherapist>[0] = {}) {
    const t = buildTherapist({ email: `therapist-${Math.random().toString(36).slice(2)}@example.org`, ownerId: owner, ...overrides });
    await database.db.insert(therapists).values(t);
    return t;
  }
  const stored = (therapistId?: string) => countStoredContactMessages(database.db, { therapistId });
  const thisWeek = async (id: string, now?: Date) => (await listWeeklyCounts(database.db, { id, userId: owner, isAdmin: false, now }))![0]!;

  it("delivers a message to the listing's public e-mail with the patient's address as reply-to, then deletes the stored copy; the listing keeps a count", async () => {
    const t = await listing();
    const before = sink.messages.length;
    const outcome = await sendContactMessage(database.db, form(t.slug, { email: "Pat.Reply@Example.net", phone: "(555) 010-0199" }));
    expect(outcome).toEqual({ ok: true, kind: "sent" });
    const mail = sink.messages.slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toEqual([t.email]);
    const raw = unfold(mail[0]!.raw);
    expect(raw).toMatch(/^Reply-To: pat\.reply@example\.net$/im);
    expect(raw).toContain("A first 60-minute session in the clinic.");
    expect(raw).toContain("(555) 010-0199");
    expect(raw).toContain(`https://find.example.org/therapists/${t.slug}`);
    expect(await stored(t.id)).toBe(0);
    expect(await thisWeek(t.id)).toMatchObject({ messages: 1 });
  });

  it("with a phone number only, sends without a reply-to and with the number", async () => {
    const t = await listing();
    const before = sink.messages.length;
    expect(await sendContactMessage(database.db, form(t.slug, { email: "", phone: "555-010-0142" }))).toEqual({ ok: true, kind: "sent" });
    const raw = unfold(sink.messages[before]!.raw);
    expect(raw).not.toMatch(/^Reply-To:/im);
    expect(raw).toContain("555-010-0142");
  });

  it("keeps a message whose delivery failed, retries it only once its wait is over, and deletes it once delivered", async () => {
    const t = await listing();
    const now = new Date();
    sink.refusing = true;
    try {
      expect(await sendContactMessage(database.db, form(t.slug, {}, now), { now })).toEqual({ ok: true, kind: "queued" });
    } finally {
      sink.refusing = false;
    }
    expect(await stored(t.id)).toBe(1);
    const [row] = await database.db.select().from(contactMessages).where(eq(contactMessages.therapistId, t.id));
    expect(row).toMatchObject({ attempts: 1, senderEmail: "pat@example.net" });
    expect(row!.lastError).toMatch(/451|rejected|unavailable/i);
    // Not due yet: nothing is sent.
    const before = sink.messages.length;
    expect(await deliverDueContactMessages(database.db, { now: new Date(now.getTime() + MINUTE) })).toMatchObject({ delivered: 0 });
    expect(sink.messages.length).toBe(before);
    // After the first wait (5 minutes), the retry delivers it and the copy is gone.
    const later = await deliverDueContactMessages(database.db, { now: new Date(now.getTime() + 6 * MINUTE) });
    expect(later.delivered).toBeGreaterThanOrEqual(1);
    expect(sink.messages.slice(before).some((m) => m.to.includes(t.email!))).toBe(true);
    expect(await stored(t.id)).toBe(0);
    expect(await thisWeek(t.id, now)).toMatchObject({ messages: 1 });
  });

  it("purges a message that could not be delivered for 7 days", async () => {
    const t = await listing();
    const now = new Date();
    sink.refusing = true;
    try {
      expect((await sendContactMessage(database.db, form(t.slug, {}, now), { now })).kind).toBe("queued");
      const third = await deliverDueContactMessages(database.db, { now: new Date(now.getTime() + 3 * 24 * 60 * MINUTE) });
      expect(third.failed).toBeGreaterThanOrEqual(1);
      expect(await stored(t.id)).toBe(1);
      const week = await deliverDueContactMessages(database.db, { now: new Date(now.getTime() + MESSAGE_RETENTION_MS + MINUTE) });
      expect(week.purged).toBeGreaterThanOrEqual(1);
    } finally {
      sink.refusing = false;
    }
    expect(await stored(t.id)).toBe(0);
  });

  it("drops a waiting message when its listing is unpublished before delivery", async () => {
    const t = await listing();
    const now = new Date();
    sink.refusing = true;
    try {
      expect((await sendContactMessage(database.db, form(t.slug, {}, now), { now })).kind).toBe("queued");
    } finally {
      sink.refusing = false;
    }
    await database.db.update(therapists).set({ published: false }).where(eq(therapists.id, t.id));
    const before = sink.messages.length;
    const pass = await deliverDueContactMessages(database.db, { now: new Date(now.getTime() + 6 * MINUTE) });
    expect(pass.dropped).toBeGreaterThanOrEqual(1);
    expect(sink.messages.length).toBe(before);
    expect(await stored(t.id)).toBe(0);
  });

  it("refuses a sender after the limit, whatever the spelling of the address", async () => {
    const t = await listing();
    const spellings = ["sam.sender@gmail.com", "samsender+a@gmail.com", "SAMSENDER@gmail.com", "s.a.m.sender@googlemail.com", "samsender+b@gmail.com"];
    expect(spellings).toHaveLength(CONTACT_LIMITS.perSender.limit);
    for (const email of spellings) expect((await sendContactMessage(database.db, form(t.slug, { email }))).kind).toBe("sent");
    const before = sink.messages.length;
    expect(await sendContactMessage(database.db, form(t.slug, { email: "sam.sender+c@gmail.com" }))).toEqual({ ok: false, kind: "per_sender" });
    // The same for a phone number, however it is written.
    for (let i = 0; i < CONTACT_LIMITS.perSender.limit; i++) await sendContactMessage(database.db, form(t.slug, { email: "", phone: "(555) 010-0177" }));
    expect(await sendContactMessage(database.db, form(t.slug, { email: "", phone: "+1 555 010 0177" }))).toEqual({ ok: false, kind: "per_sender" });
    expect(sink.messages.length - before).toBe(CONTACT_LIMITS.perSender.limit);
  });

  it("refuses messages to one listing after its daily limit, from any sender", async () => {
    const t = await listing();
    for (let i = 0; i < CONTACT_LIMITS.perListing.limit; i++) expect((await sendContactMessage(database.db, form(t.slug, { email: `many-${i}@example.net` }))).kind).toBe("sent");
    expect(await sendContactMessage(database.db, form(t.slug, { email: "one-more@example.net" }))).toEqual({ ok: false, kind: "per_listing" });
    expect(await thisWeek(t.id)).toMatchObject({ messages: CONTACT_LIMITS.perListing.limit });
  });

  it("thanks a bot that filled the hidden field and sends and stores nothing", async () => {
    const t = await listing();
    const before = sink.messages.length;
    expect(await sendContactMessage(database.db, form(t.slug, { website: "https://spam.example" }))).toEqual({ ok: true, kind: "bot" });
    expect(sink.messages.length).toBe(before);
    expect(await stored(t.id)).toBe(0);
    expect(await thisWeek(t.id)).toMatchObject({ messages: 0 });
  });

  it("refuses a form sent sooner than the minimum fill time, or with a forged or very old timestamp", async () => {
    const t = await listing();
    const now = new Date();
    const before = sink.messages.length;
    const quick = form(t.slug, { issued: issueFormToken(t.slug, new Date(now.getTime() - MIN_FILL_MS + 500)) });
    expect(await sendContactMessage(database.db, quick, { now })).toEqual({ ok: false, kind: "too_fast" });
    const forged = form(t.slug, { issued: `${now.getTime() - 60_000}.${"A".repeat(43)}` });
    expect(await sendContactMessage(database.db, forged, { now })).toEqual({ ok: false, kind: "expired" });
    const otherListing = form(t.slug, { issued: issueFormToken("someone-else", new Date(now.getTime() - 60_000)) });
    expect(await sendContactMessage(database.db, otherListing, { now })).toEqual({ ok: false, kind: "expired" });
    const stale = form(t.slug, { issued: issueFormToken(t.slug, new Date(now.getTime() - 2 * 24 * 60 * MINUTE)) });
    expect(await sendContactMessage(database.db, stale, { now })).toEqual({ ok: false, kind: "expired" });
    expect(sink.messages.length).toBe(before);
    expect(await stored(t.id)).toBe(0);
  });

  it("sends nothing to a listing that turned the form off, has no public e-mail, is unpublished or does not exist", async () => {
    const off = await listing({ messagesOff: true });
    const noEmail = await listing({ email: null });
    const hidden = await listing({ published: false });
    const before = sink.messages.length;
    expect(await sendContactMessage(database.db, form(off.slug))).toEqual({ ok: false, kind: "off" });
    expect(await sendContactMessage(database.db, form(noEmail.slug))).toEqual({ ok: false, kind: "no_email" });
    expect(await sendContactMessage(database.db, form(hidden.slug))).toEqual({ ok: false, kind: "gone" });
    expect(await sendContactMessage(database.db, form("no-such-listing"))).toEqual({ ok: false, kind: "gone" });
    expect(sink.messages.length).toBe(before);
    expect(await stored()).toBe(0);
  });

  it("counts profile views per listing and week, only for published listings, and shows them to the owner alone", async () => {
    const t = await listing();
    const hidden = await listing({ published: false });
    const now = new Date("2026-11-25T12:00:00Z"); // a Wednesday
    for (let i = 0; i < 3; i++) await countProfileView(database.db, { slug: t.slug, now });
    await countProfileView(database.db, { slug: t.slug, now: new Date("2026-11-30T00:30:00Z") }); // the next Monday
    await countProfileView(database.db, { slug: hidden.slug, now });
    const weeks = await listWeeklyCounts(database.db, { id: t.id, userId: owner, isAdmin: false, now: new Date("2026-12-01T09:00:00Z"), weeks: 3 });
    expect(weeks).toEqual([
      { weekStart: "2026-11-30", views: 1, messages: 0 },
      { weekStart: "2026-11-23", views: 3, messages: 0 },
      { weekStart: "2026-11-16", views: 0, messages: 0 },
    ]);
    expect((await listWeeklyCounts(database.db, { id: hidden.id, userId: owner, isAdmin: false, now }))![0]).toMatchObject({ views: 0 });
    expect(await listWeeklyCounts(database.db, { id: t.id, userId: stranger, isAdmin: false })).toBeUndefined();
  });
});
