// The controlled vocabulary of modalities, in plain language (shared/DOMAIN.md). Loaded into
// the `modalities` table at every start-up, so this file is the source of truth.
export type ModalityEntry = {
  slug: string;
  name: string;
  summary: string;
  description: string;
  whatToExpect: string;
};

const soreness =
  "Some muscle soreness for a day or two afterwards is the most common side effect of massage, above all after deep or firm work.";

export const MODALITIES: readonly ModalityEntry[] = [
  {
    slug: "swedish",
    name: "Swedish massage",
    summary: "The most common type: long gliding strokes and gentle or firm kneading, focused on relaxation.",
    description:
      "Swedish massage uses long, gliding strokes and gentle or firm kneading of the muscles. It is the most common kind of massage and is focused on relaxation. It has been shown effective for chronic low back pain.",
    whatToExpect: `Pressure is usually light to moderate and can be adjusted; say if anything hurts. ${soreness}`,
  },
  {
    slug: "deep-tissue",
    name: "Deep tissue massage",
    summary: "Swedish techniques with slower movements and stronger, targeted pressure on deeper muscle layers.",
    description:
      "Deep tissue massage uses Swedish techniques with slower movements and stronger, targeted pressure on the deeper layers of muscle and connective tissue. Significant improvements in chronic pain have been reported.",
    whatToExpect: `Expect firm pressure on specific areas; it should feel strong but not sharp. Temporary soreness afterwards is more common with deep tissue work than with other kinds. ${soreness}`,
  },
  {
    slug: "myofascial-release",
    name: "Myofascial release",
    summary: "Focused pressure and stretching to release restrictions in the fascia around muscles.",
    description:
      "Myofascial release is a trigger-point-style therapy that uses focused, sustained pressure and stretching to release restrictions in the fascia, the connective tissue around muscles. It has been shown effective for low back pain, though how it works is not well understood.",
    whatToExpect: `Slow, sustained pressure and gentle stretching, often without oil. ${soreness}`,
  },
  {
    slug: "medical-massage",
    name: "Medical massage",
    summary: "Massage techniques used as part of a treatment plan for a specific diagnosis.",
    description:
      "Medical massage is not a separate technique: it is any of these techniques used as part of a treatment plan for a specific diagnosis, often alongside a physician's or physical therapist's care. A prescription or referral may help with insurance.",
    whatToExpect: `The therapist will ask about your diagnosis and may work with your physician or physical therapist. ${soreness}`,
  },
  {
    slug: "trigger-point-therapy",
    name: "Trigger point therapy",
    summary: "Pressure on tight, tender knots in a muscle that can refer pain elsewhere.",
    description:
      "Trigger point therapy applies focused pressure to tight, tender spots in a muscle (trigger points) that can send pain to other areas, such as from the buttock down the leg.",
    whatToExpect: `Pressure on a tender spot is held steadily; tell the therapist how strong it feels. ${soreness}`,
  },
  {
    slug: "neuromuscular-therapy",
    name: "Neuromuscular therapy",
    summary: "A structured form of trigger point work aimed at muscle and nerve pain patterns.",
    description:
      "Neuromuscular therapy is a structured, assessment-based form of soft-tissue work focused on trigger points, posture and muscle imbalances.",
    whatToExpect: `Usually begins with questions and a posture check, then focused pressure on specific muscles. ${soreness}`,
  },
  {
    slug: "sports-massage",
    name: "Sports massage",
    summary: "Massage adapted to athletes and active people, before or after activity or for recovery.",
    description:
      "Sports massage combines Swedish and deeper techniques with stretching, adapted to the demands of a sport or activity and to recovery from training.",
    whatToExpect: `Often brisker than a relaxation massage and may include stretching. ${soreness}`,
  },
  {
    slug: "prenatal-massage",
    name: "Prenatal massage",
    summary: "Massage adapted for pregnancy, with supportive positioning.",
    description:
      "Prenatal massage is adapted for pregnancy, with side-lying or supported positions and gentle techniques. Talk to a doctor first during the first 12 weeks of pregnancy.",
    whatToExpect: `You will be positioned with pillows or a special table for comfort. ${soreness}`,
  },
  {
    slug: "hot-stone",
    name: "Hot stone massage",
    summary: "Massage with smooth, heated stones placed on or moved over the body.",
    description:
      "Hot stone massage uses smooth, heated stones, placed on the body or held by the therapist, so that warmth is part of the massage.",
    whatToExpect: `The stones should feel warm, never hot enough to burn; say at once if they do. ${soreness}`,
  },
  {
    slug: "thai-massage",
    name: "Thai massage",
    summary: "Stretching and rhythmic pressure, usually on a floor mat and fully clothed.",
    description:
      "Thai massage combines assisted stretching, gentle joint movement and rhythmic pressure. It is usually done on a floor mat, fully clothed, without oil.",
    whatToExpect: `Wear comfortable clothes; the therapist moves you through stretches. ${soreness}`,
  },
  {
    slug: "shiatsu",
    name: "Shiatsu",
    summary: "A Japanese technique of finger and palm pressure along the body.",
    description:
      "Shiatsu is a Japanese technique using finger, thumb and palm pressure along lines of the body, usually through clothing.",
    whatToExpect: `Usually done clothed on a mat or table, with steady pressure. ${soreness}`,
  },
  {
    slug: "reflexology",
    name: "Reflexology",
    summary: "Pressure applied to points on the feet, hands or ears.",
    description: "Reflexology applies pressure to specific points on the feet, hands or ears.",
    whatToExpect: "Usually focused on the feet; you stay clothed apart from shoes and socks.",
  },
  {
    slug: "cupping",
    name: "Cupping",
    summary: "Cups create suction on the skin, lifting the tissue underneath.",
    description:
      "Cupping uses glass, silicone or plastic cups that create suction on the skin, lifting the tissue underneath. Cups may stay in place or be glided over oiled skin.",
    whatToExpect:
      "Round marks that look like bruises can remain for several days; they are expected. Avoid cupping over cuts, bruises, burns or varicose veins.",
  },
  {
    slug: "craniosacral-therapy",
    name: "Craniosacral therapy",
    summary: "Very light touch on the head, spine and pelvis.",
    description:
      "Craniosacral therapy uses very light touch on the head, spine and pelvis. It is gentle and done fully clothed.",
    whatToExpect: "Very light pressure, fully clothed, often in a quiet room.",
  },
  {
    slug: "lymphatic-drainage",
    name: "Lymphatic drainage",
    summary: "Light, rhythmic strokes meant to move lymph fluid, often used for swelling.",
    description:
      "Manual lymphatic drainage uses light, rhythmic skin-stretching strokes meant to encourage the flow of lymph fluid. It is often used for swelling, for example after surgery, usually alongside a doctor's care.",
    whatToExpect: "Very light pressure; it should never hurt.",
  },
];

/** The combination the sciatica article recommends looking for. */
export const SCIATICA_TRIO = ["deep-tissue", "myofascial-release", "swedish"] as const;

/**
 * The techniques the sciatica evidence in shared/DOMAIN.md covers: Swedish massage, deep tissue
 * massage and myofascial release, and medical massage (those techniques in a treatment plan).
 */
export const SCIATICA_EVIDENCE_COVERED = ["swedish", "deep-tissue", "myofascial-release", "medical-massage"] as const;

/** What a modality page may say about sciatica: relief only where the evidence covers the technique. */
export function sciaticaEvidenceNote(m: Pick<ModalityEntry, "slug" | "name">): string {
  const covered = "The evidence on massage for sciatica that this site relies on covers Swedish massage, deep tissue massage and myofascial release.";
  if (m.slug === "medical-massage") {
    return `${covered} Medical massage is those techniques used as part of a treatment plan for a specific diagnosis: they can bring temporary relief from sciatica pain, but they do not fix the underlying cause.`;
  }
  if ((SCIATICA_EVIDENCE_COVERED as readonly string[]).includes(m.slug)) {
    return `${covered} ${m.name} can bring temporary relief from sciatica pain; it does not fix the underlying cause.`;
  }
  return `${covered} For ${m.name.charAt(0).toLowerCase()}${m.name.slice(1)} it was not reviewed here, so this page says nothing about its effect on sciatica.`;
}
