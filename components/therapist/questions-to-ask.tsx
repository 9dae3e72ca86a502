// "Questions to ask" on a profile (and its dashboard preview): lib/therapists/questions-to-ask.ts
// works them out from the public profile; this draws them, grouped by topic.
import Link from "next/link";
import type { PublicProfile } from "@/lib/therapists/public-profile";
import { QUESTION_TOPICS, questionsToAsk, type QuestionTopic } from "@/lib/therapists/questions-to-ask";
import styles from "./therapist.module.css";

export function QuestionsToAsk({ profile, level }: { profile: PublicProfile; level: number }) {
  const H = `h${Math.min(level, 5)}` as "h2";
  const Sub = `h${Math.min(level + 1, 6)}` as "h3";
  const questions = questionsToAsk(profile);
  const topics = (Object.keys(QUESTION_TOPICS) as QuestionTopic[]).filter((t) => questions.some((q) => q.topic === t));
  return (
    <section className={`${styles.card} ${styles.questions}`} aria-labelledby="profile-questions">
      <H id="profile-questions">Questions to ask {profile.displayName}</H>
      <p>What this listing leaves unknown, claims without a check, or does not meet: worth asking before you book.</p>
      {topics.map((t) => (
        <div key={t}>
          <Sub>{QUESTION_TOPICS[t]}</Sub>
          <ol>
            {questions
              .filter((q) => q.topic === t)
              .map((q) => (
                <li key={q.key} data-question={q.key}>
                  {q.text}
                  <span className={styles.questionWhy}>
                    Why: {q.why}
                    {q.link ? (
                      <>
                        {" "}
                        {q.link.href.startsWith("/") ? <Link href={q.link.href}>{q.link.label}</Link> : <a href={q.link.href} rel="noopener noreferrer">{q.link.label}</a>}
                      </>
                    ) : null}
                  </span>
                </li>
              ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
