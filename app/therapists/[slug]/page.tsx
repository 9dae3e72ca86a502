import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { after } from "next/server";
import { cache } from "react";
import { SaveButton } from "@/components/shortlist/save-button";
import { ContactForm } from "@/components/therapist/contact-form";
import { JsonLdScript } from "@/components/therapist/json-ld-script";
import { ReportForm } from "@/components/therapist/report-form";
import { TherapistFacts } from "@/components/therapist/therapist-facts";
import styles from "@/components/therapist/therapist.module.css";
import { getDb } from "@/db/client";
import { countProfileView } from "@/db/queries/listing-counts";
import { getPublishedTherapistBySlug } from "@/db/queries/therapists";
import { maybeRunDeliveryPass } from "@/lib/contact/delivery-pass";
import { issueFormToken } from "@/lib/contact/form-token";
import { countsAsView } from "@/lib/therapists/profile-views";
import { haversineMiles } from "@/lib/geo/distance";
import { lookupZip } from "@/lib/geo/zip";
import { therapistSlugSchema } from "@/lib/profiles/slug";
import { toPublicProfile, type PublicProfile } from "@/lib/therapists/public-profile";
import { formatLongDate } from "@/lib/therapists/vocabulary";
import { absoluteUrl, siteOrigin } from "@/lib/seo/site-origin";
import { buildTherapistJsonLd } from "@/lib/seo/therapist-json-ld";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const loadProfile = cache(async (slug: string) => {
  const parsed = therapistSlugSchema.safeParse(slug);
  if (!parsed.success) return undefined;
  const row = await getPublishedTherapistBySlug(await getDb(), { slug: parsed.data });
  return row && { row, profile: toPublicProfile(row) };
});


function summary(p: PublicProfile): string {
  const kinds = p.modalities.map((m) => m.name.toLowerCase());
  const offers = kinds.length ? `offers ${kinds.slice(0, 4).join(", ")}${kinds.length > 4 ? " and more" : ""}` : "massage therapist";
  return `${p.displayName}${p.practiceName ? ` (${p.practiceName})` : ""}, massage therapist in ${p.location.city}, ${p.location.state}: ${offers}. Licence notes, credentials, prices and the six selection criteria.`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const found = await loadProfile(slug);
  if (!found) return { title: "Therapist not found", robots: { index: false } };
  const { profile } = found;
  const origin = siteOrigin();
  const url = absoluteUrl(origin, `/therapists/${profile.slug}`);
  const title = `${profile.displayName}, massage therapist in ${profile.location.city}, ${profile.location.state}`;
  const description = summary(profile);
  return {
    metadataBase: new URL(origin),
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "profile", title, description, url, siteName: "Therapist Finder", locale: "en_US" },
  };
}

/** The search's query string, as the results page passes it in `from`, if it looks like one. */
function searchContext(raw: string | string[] | undefined) {
  const from = typeof raw === "string" && raw.length <= 1000 ? new URLSearchParams(raw) : undefined;
  if (!from) return undefined;
  const location = from.get("location")?.trim() ?? "";
  return { query: from.toString(), zip: /^\d{5}$/.test(location) ? location : undefined };
}

export default async function TherapistProfilePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const found = await loadProfile(slug);
  if (!found) notFound();
  const { profile: p } = found;
  const origin = siteOrigin();
  const search = searchContext((await searchParams).from);
  const searchPlace = search?.zip ? lookupZip(search.zip) : undefined;
  const distance = searchPlace ? haversineMiles(searchPlace, p.location) : undefined;
  // One more view on this week's counter (no cookie, nothing about the visitor), after the page
  // is sent; prefetches and crawlers are not counted (lib/therapists/profile-views.ts).
  // The database handle is taken now: inside after(), opening it (connection()) is refused.
  if (countsAsView(await headers())) {
    const db = await getDb();
    after(async () => {
      try {
        await countProfileView(db, { slug: p.slug });
      } catch (error) {
        console.error("[views] not counted:", error);
      }
      await maybeRunDeliveryPass(db);
    });
  }
  const message = p.contact.messages ? <ContactForm slug={p.slug} name={p.displayName} issued={issueFormToken(p.slug)} /> : null;
  return (
    <div className="container stack">
      <JsonLdScript data={buildTherapistJsonLd({ ...p, ...p.contact, ...p.location, priceMin: p.price.min, priceMax: p.price.max }, origin)} />
      <p className={styles.toolbar}>
        {search ? (
          <Link className={styles.back} href={`/therapists?${search.query}`}>
            Back to results
          </Link>
        ) : null}
        <SaveButton slug={p.slug} name={p.displayName} />
      </p>

      <TherapistFacts
        profile={p}
        message={message}
        locationNote={
          distance !== undefined && searchPlace ? (
            <p>
              About {distance < 10 ? distance.toFixed(1) : Math.round(distance)} miles from {searchPlace.zip} ({searchPlace.city},{" "}
              {searchPlace.state}), in a straight line.
            </p>
          ) : undefined
        }
      />

      <p className={styles.updated}>
        Profile last updated <time dateTime={p.updatedAt}>{formatLongDate(p.updatedAt)}</time>. {p.confirmedCurrent.text}
      </p>

      <details className={styles.report}>
        <summary>Report incorrect information</summary>
        <ReportForm slug={p.slug} name={p.displayName} />
      </details>
    </div>
  );
}
