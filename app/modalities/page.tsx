import Link from "next/link";
import { getDb } from "@/db/client";
import { listModalities } from "@/db/queries/modalities";
import { pageMetadata } from "@/lib/seo/page-metadata";
import styles from "./modalities.module.css";

export const dynamic = "force-dynamic";

export function generateMetadata() {
  return pageMetadata({
    path: "/modalities",
    title: "Types of massage, explained",
    description:
      "Swedish, deep tissue, myofascial release, medical massage and other types of massage in plain language: what each is and what to expect.",
  });
}

export default async function ModalitiesPage() {
  const modalities = await listModalities(await getDb());
  return (
    <div className="container stack">
      <section className="hero" aria-labelledby="modalities-heading">
        <h1 id="modalities-heading">Types of massage, explained</h1>
        <p className="lead">
          What each type of massage is, in plain language, and what to expect. For sciatica, patients are advised to look
          for a therapist skilled in several types, ideally deep tissue and myofascial release as well as Swedish.
        </p>
      </section>
      <ul className={styles.list}>
        {modalities.map((m) => (
          <li key={m.slug} className={styles.item}>
            <h2>
              <Link href={`/modalities/${m.slug}`}>{m.name}</Link>
            </h2>
            <p>{m.summary}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
