import Link from "next/link";
import { RedFlagNotice } from "@/components/red-flag-notice";
import { pageMetadata } from "@/lib/seo/page-metadata";
import styles from "./guide.module.css";

// Every statement here restates shared/DOMAIN.md; the page informs and gives no medical advice.
export function generateMetadata() {
  return pageMetadata({
    path: "/guide",
    title: "Before you book a massage for sciatica",
    description:
      "Warning signs that need a doctor, who should talk to a doctor before a massage, what massage can and cannot do for sciatica, insurance and prescription tips, and questions to ask a therapist.",
    ogType: "article",
  });
}

export default function GuidePage() {
  return (
    <div className="container stack">
      <section className="hero" aria-labelledby="guide-heading">
        <h1 id="guide-heading">Before you book</h1>
        <p className="lead">
          What to know before booking a massage for sciatica, and what to ask a therapist. This is general information,
          not medical advice: talk to a doctor about your own symptoms.
        </p>
        <nav className={styles.toc} aria-label="On this page">
          <ul>
            <li><a href="#talk-to-a-doctor">Talk to a doctor first</a></li>
            <li><a href="#what-massage-does">What massage can and cannot do</a></li>
            <li><a href="#insurance">Insurance and prescriptions</a></li>
            <li><a href="#choosing">Choosing a therapist</a></li>
            <li><a href="#questions">Questions to ask</a></li>
          </ul>
        </nav>
      </section>

      <RedFlagNotice />

      <section className={styles.section} aria-labelledby="talk-to-a-doctor">
        <h2 id="talk-to-a-doctor">Who should talk to a doctor before a massage</h2>
        <p>Talk to a doctor first if any of these apply to you. This list is not complete.</p>
        <ul>
          <li>You are in the first 12 weeks of pregnancy.</li>
          <li>You have an infectious skin condition, such as boils, warts, cellulitis, impetigo or scalded skin syndrome.</li>
          <li>You have varicose veins, cuts, abrasions, bruising or burns where you would be massaged.</li>
          <li>You have any contagious disease.</li>
          <li>You have neuritis (inflamed nerves).</li>
          <li>You have severe haemophilia.</li>
        </ul>
      </section>

      <section className={styles.section} aria-labelledby="what-massage-does">
        <h2 id="what-massage-does">What massage can and cannot do for sciatica</h2>
        <p>
          Sciatica is a symptom, not a disease: pain along the sciatic nerve, which runs from the lower back down each
          leg to the foot. Most cases (80 to 90 percent) get better on their own or with conservative care over several
          weeks, so managing the pain in the meantime matters.
        </p>
        <h3>What it can do</h3>
        <ul>
          <li>Relax tense lower-back muscles that press on the nerve, and release endorphins: temporary pain relief.</li>
          <li>
            Studies support it for chronic low back pain, degenerative disc disease and slipped discs, and as a complement
            to physical therapy for herniated discs. Some studies found pain relief on par with anti-inflammatory pain
            medicines (NSAIDs).
          </li>
        </ul>
        <h3>What it cannot do</h3>
        <ul>
          <li>It does not fix the underlying cause. Its purpose is pain relief and a better quality of life.</li>
        </ul>
        <h3>What to expect afterwards</h3>
        <p>
          Massage has a low rate of side effects. The most common is temporary muscle soreness, above all after deep tissue
          work. Read about each <Link href="/modalities">type of massage</Link>.
        </p>
      </section>

      <section className={styles.section} aria-labelledby="insurance">
        <h2 id="insurance">Insurance and prescriptions</h2>
        <ul>
          <li>Some insurance plans cover massage, some cover part of it, and some do not cover it at all. Ask your insurer.</li>
          <li>A prescription from your doctor helps with insurance.</li>
          <li>
            A prescription works best when it is written for the most general diagnosis (for example &ldquo;muscle
            pain&rdquo;) and does not fix the number and frequency of sessions.
          </li>
        </ul>
      </section>

      <section className={styles.section} aria-labelledby="choosing">
        <h2 id="choosing">Choosing a therapist</h2>
        <ol>
          <li>A recommendation from someone you trust, or a referral from your doctor.</li>
          <li>A profile or website that states education, qualifications and specialisations. Reviews elsewhere are worth reading.</li>
          <li>Insurance or reimbursement that works for you.</li>
          <li>
            A licence: each state sets its own rules, and a few have no statewide licence. Where a licence is required,
            check that it is active and that there are no disciplinary actions on record.{" "}
            <Link href="/licensing">Your state&rsquo;s licensing rules</Link>.
          </li>
          <li>
            Credentials beyond the licence: board certification from the National Certification Board for Therapeutic
            Massage and Bodywork (NCBTMB), training at a nationally accredited school, membership of a professional
            association such as AMTA or ABMP.
          </li>
          <li>
            Skill in several types of massage, ideally deep tissue and myofascial release as well as Swedish, and experience
            treating sciatica.
          </li>
        </ol>
        <p>
          Every therapist&rsquo;s profile on this site shows which of these six it meets. <Link href="/therapists">Find a therapist</Link>.
        </p>
      </section>

      <section className={styles.section} aria-labelledby="questions">
        <h2 id="questions">Questions to ask a therapist</h2>
        <ul>
          <li>Are you licensed in this state, and what is your licence number? (You can check it with the state board.)</li>
          <li>Are you board certified by NCBTMB? Where did you train, and is the school nationally accredited?</li>
          <li>Do you belong to a professional association, such as AMTA or ABMP?</li>
          <li>Which types of massage do you use? Do you offer deep tissue, myofascial release and Swedish massage?</li>
          <li>Have you worked with people who have sciatica?</li>
          <li>Do you accept my insurance? Do you accept a referral or prescription from my doctor?</li>
        </ul>
      </section>
    </div>
  );
}
