// "Questions to ask": what a careful patient should still ask one therapist before booking,
// worked out from the public profile (what it leaves unknown, what is claimed but not checked,
// which selection criteria are not met). Worded from shared/DOMAIN.md. One module, from the
// public contract alone, so the profile page, the dashboard preview and a comparison of several
// therapists all ask the same questions.
import { CREDENTIAL_LOOKUPS } from "@/db/reference/credential-lookups";
import { stateName } from "@/lib/licensing/vocabulary";
import { isStale } from "./check-age";
import type { PublicProfile } from "./public-profile";

export const QUESTION_TOPICS = {
  licence: "Licence",
  credentials: "Training and credentials",
  experience: "Experience and techniques",
  payment: "Prices, insurance and referrals",
  practical: "Before the first session",
} as const;
export type QuestionTopic = keyof typeof QUESTION_TOPICS;

export type Question = {
  /** Stable, for tests and for a comparison's rows. */
  key: string;
  topic: QuestionTopic;
  /** The question, as the patient would put it. */
  text: string;
  /** Why it is asked: what the listing leaves open. */
  why: string;
  /** Where to check the answer (this site's state page, or the certifying body's look-up). */
  link?: { href: string; label: string };
};

const ncbtmbLookup = CREDENTIAL_LOOKUPS.find((l) => l.credential === "ncbtmb");
const SCIATICA_TECHNIQUES = ["deep-tissue", "myofascial-release"] as const;

export function questionsToAsk(p: PublicProfile, now: Date = new Date()): Question[] {
  const q: Question[] = [];
  const home = p.location.state;
  const homeName = stateName(home);
  const statePage = (code: string) => ({ href: `/licensing/${code.toLowerCase()}`, label: `How to check a licence in ${stateName(code)}` });

  // Licence in the state where they practise: what the licence note says of it.
  const homeNotes = p.licenseNotes.filter((n) => n.stateCode === home);
  const homeLicences = p.licenses.filter((l) => l.state === home);
  for (const n of homeNotes) {
    const link = { ...statePage(n.stateCode), href: n.stateHref };
    if (n.tone === "self_reported")
      q.push({
        key: `licence-claimed-${n.number ?? home}`,
        topic: "licence",
        text: `Ask for their ${homeName} licence number${n.number ? ` (the listing gives ${n.number})` : ""} and check it yourself on the state board's look-up: it should be active, with no disciplinary action on record.`,
        why: "The licence is claimed by the therapist, not yet checked.",
        link,
      });
    else if (n.tone === "problem" && n.number === null)
      q.push({
        key: "licence-missing",
        topic: "licence",
        text: `Ask whether they hold a ${homeName} licence, and its number; then check it on the state board's look-up.`,
        why: `${homeName} requires one, and the listing gives none.`,
        link,
      });
    else if (n.tone === "problem")
      q.push({
        key: `licence-problem-${n.number}`,
        topic: "licence",
        text: "Ask about the licence's status, and check the state board's look-up before you book.",
        why: n.text,
        link,
      });
    else if (n.tone === "not_required")
      q.push({
        key: "licence-local",
        topic: "licence",
        text: "Ask whether they hold a city or county licence, or a voluntary state certification, and where you can check it.",
        why: `${homeName} has no statewide licence that applies here; some towns and cities license therapists locally.`,
        link,
      });
  }
  const stale = homeLicences.find((l) => l.status === "active" && l.verifiedAt && isStale(new Date(l.verifiedAt), now));
  if (stale)
    q.push({
      key: "licence-stale",
      topic: "licence",
      text: `Check that licence ${stale.number} is still active on the state board's look-up.`,
      why: "It was checked more than a year ago.",
      link: statePage(home),
    });

  // Credentials beyond the licence: claimed, not yet checked, or could not be confirmed.
  if (p.ncbtmb.status === "self_reported")
    q.push({
      key: "ncbtmb-claimed",
      topic: "credentials",
      text: `Ask for their NCBTMB certificate number${p.ncbtmb.number ? ` (the listing gives ${p.ncbtmb.number})` : ""} and look them up in NCBTMB's directory of board-certified therapists.`,
      why: "NCBTMB board certification is claimed, not yet checked. It is national and voluntary, and not a licence.",
      link: ncbtmbLookup?.lookupUrl ? { href: ncbtmbLookup.lookupUrl, label: "NCBTMB's directory (another site)" } : undefined,
    });
  else if (p.ncbtmb.status === "lapsed")
    q.push({ key: "ncbtmb-lapsed", topic: "credentials", text: "Ask whether they are renewing their NCBTMB board certification.", why: "It has lapsed." });
  if (!p.school.name)
    q.push({
      key: "school-unknown",
      topic: "credentials",
      text: "Ask where they trained, how many hours of training the programme had, and whether it was nationally accredited.",
      why: "The listing does not say where they trained. States typically require 500 to 1,000 hours.",
    });
  else if (p.school.accredited && p.school.check !== "checked")
    q.push({
      key: "school-claimed",
      topic: "credentials",
      text: `Ask who accredited the programme at ${p.school.name} (for massage programmes, usually COMTA).`,
      why: p.school.check === "unconfirmed" ? "The accreditation could not be confirmed." : "The accreditation is claimed, not yet checked.",
    });
  if (p.associations.length && p.associationsCheck.status !== "checked")
    q.push({
      key: "associations-claimed",
      topic: "credentials",
      text: `Ask whether they are a current member of ${p.associations.join(", ")}.`,
      why: p.associationsCheck.status === "unconfirmed" ? "The membership could not be confirmed." : "The membership is claimed, not yet checked.",
    });

  // Experience with sciatica and the techniques with evidence behind them.
  if (p.sciatica.experience === "none")
    q.push({
      key: "sciatica-experience",
      topic: "experience",
      text: "Ask whether they have treated people with sciatica, and how they would adapt the massage to it.",
      why: "The listing does not state experience with sciatica.",
    });
  const slugs = p.modalities.map((m) => m.slug);
  const missing = SCIATICA_TECHNIQUES.filter((s) => !slugs.includes(s));
  if (missing.length)
    q.push({
      key: "techniques",
      topic: "experience",
      text: `Ask whether they also offer ${missing.map((s) => (s === "deep-tissue" ? "deep tissue massage" : "myofascial release")).join(" and ")}.`,
      why: "Skill in several techniques, ideally deep tissue and myofascial release as well as Swedish, is one of the selection criteria; the listing does not name them.",
    });
  if (slugs.includes("deep-tissue"))
    q.push({
      key: "pressure",
      topic: "experience",
      text: "Ask how they adjust the pressure, and what to expect afterwards.",
      why: "Temporary muscle soreness is the most common after-effect, above all after deep tissue work.",
    });

  // Prices, insurance and referrals.
  if (p.insurance.acceptsInsurance)
    q.push({
      key: "insurance-plan",
      topic: "payment",
      text: "Ask whether your plan covers massage, and whether it needs a doctor's prescription.",
      why: "They accept insurance, but plans differ: some cover massage, some partly, some not.",
      link: { href: "/guide#insurance", label: "Insurance and prescription tips" },
    });
  else if (p.insurance.offersSuperbills)
    q.push({
      key: "superbill",
      topic: "payment",
      text: "Ask for a superbill after each session, and check with your insurer whether it reimburses massage.",
      why: "They do not take insurance directly but give superbills.",
      link: { href: "/guide#insurance", label: "Insurance and prescription tips" },
    });
  if (!p.acceptsPhysicianReferrals)
    q.push({
      key: "referrals",
      topic: "payment",
      text: "If your doctor refers you or writes a prescription, ask whether they work with it.",
      why: "The listing does not say it accepts physician referrals or prescriptions.",
    });
  if (p.price.min === null && p.price.max === null)
    q.push({ key: "price", topic: "payment", text: "Ask the price of a 60-minute session, and of a first visit.", why: "The listing does not state a price." });

  // Practical matters the listing leaves open.
  if (!p.acceptingNewClients)
    q.push({ key: "new-clients", topic: "practical", text: "Ask whether they keep a waiting list.", why: "The listing says they are not accepting new clients." });
  if (!p.hours) q.push({ key: "hours", topic: "practical", text: "Ask when they have appointments.", why: "The listing does not state opening hours." });
  if (p.location.inClinic && !p.accessibility.wheelchairAccessible && !p.accessibility.notes)
    q.push({
      key: "access",
      topic: "practical",
      text: "If you need step-free access, ask about the way in and the treatment room.",
      why: "The listing says nothing about access.",
    });
  if (p.confirmedCurrent.due)
    q.push({
      key: "current",
      topic: "practical",
      text: "Check the details on this page with them: price, hours and address may have changed.",
      why: "The therapist has not confirmed the listing is current in the last 12 months.",
    });
  q.push({
    key: "doctor-first",
    topic: "practical",
    text: "Before the first session, ask whether anything about your health means you should talk to your doctor first.",
    why: "Some conditions call for a doctor's advice before massage: the first 12 weeks of pregnancy, infectious skin conditions, varicose veins or injuries where you would be massaged, contagious illness, neuritis, severe haemophilia.",
    link: { href: "/guide", label: "Before you book" },
  });
  return q;
}
