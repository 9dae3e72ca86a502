import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import styles from "../modalities.module.css";
import { getDb } from "@/db/client";
import { countPublishedTherapistsOffering, getModality } from "@/db/queries/modalities";
import { sciaticaEvidenceNote } from "@/db/reference/modalities";
import { modalitySlugSchema } from "@/lib/profiles/slug";
import { pageMetadata } from "@/lib/seo/page-metadata";

type Props = { params: Promise<{ slug: string }> };

// "Deep tissue massage" reads "deep tissue massage" mid-sentence; "Swedish" and "Thai" keep their capital.
const inSentence = (name: string) => (/^(Swedish|Thai)\b/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1));

const loadModality = cache(async (slug: string) => {
  const parsed = modalitySlugSchema.safeParse(slug);
  return parsed.success ? getModality(await getDb(), { slug: parsed.data }) : undefined;
});

export async function generateMetadata({ params }: Props) {
  const modality = await loadModality((await params).slug);
  if (!modality) return { title: "Type of massage not found", robots: { index: false } };
  return pageMetadata({ path: `/modalities/${modality.slug}`, title: `${modality.name}: what it is and what to expect`, description: modality.summary });
}

export default async function ModalityPage({ params }: Props) {
  const modality = await loadModality((await params).slug);
  if (!modality) notFound();
  const count = await countPublishedTherapistsOffering(await getDb(), { slug: modality.slug });
  return (
    <div className="container stack">
      <p>
        <Link href="/modalities">All types of massage</Link>
      </p>
      <section className="hero" aria-labelledby="modality-heading">
        <h1 id="modality-heading">{modality.name}</h1>
        <p className="lead">{modality.summary}</p>
      </section>
      <section className={styles.section} aria-labelledby="what-it-is">
        <h2 id="what-it-is">What it is</h2>
        <p>{modality.description}</p>
      </section>
      <section className={styles.section} aria-labelledby="what-to-expect">
        <h2 id="what-to-expect">What to expect</h2>
        <p>{modality.whatToExpect}</p>
        <p>
          {sciaticaEvidenceNote(modality)} Read{" "}
          <Link href="/guide">Before you book</Link> for who should talk to a doctor first.
        </p>
      </section>
      <section className={styles.section} aria-labelledby="find-heading">
        <h2 id="find-heading">Find a therapist</h2>
        <p>
          {count === 0
            ? `No listed therapist offers ${inSentence(modality.name)} yet.`
            : `${count.toLocaleString("en-US")} listed therapist${count === 1 ? " offers" : "s offer"} ${inSentence(modality.name)}.`}
        </p>
        {count > 0 ? (
          <p>
            <Link className={styles.searchLink} href={`/therapists?modality=${encodeURIComponent(modality.slug)}`}>
              Search therapists who offer {inSentence(modality.name)}
            </Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
