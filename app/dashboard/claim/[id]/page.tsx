import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getClaimableListing } from "@/db/queries/claims";
import { requireUser } from "@/lib/auth/session";
import { isLicenceClaimError } from "@/lib/claims/claim-requests";
import { isRemovalNotice, noControlChars, uuidSchema } from "@/lib/validation/therapist-profile";
import { ClaimForm } from "./claim-form";
import { LicenceClaimForm } from "./licence-claim-form";
import { RemovalRequestForm } from "./removal-request-form";

export const metadata: Metadata = { title: "Claim a listing", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClaimListingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const licenceError = isLicenceClaimError(query.licenceError) ? query.licenceError : null;
  const removalNotice = isRemovalNotice(query.removal) ? query.removal : null;
  const licence = typeof query.licence === "string" && noControlChars(query.licence) ? query.licence.slice(0, 40) : "";
  const user = await requireUser(`/dashboard/claim/${encodeURIComponent(id)}`);
  const parsed = uuidSchema.safeParse(id);
  if (!parsed.success) notFound();
  const listing = await getClaimableListing(await getDb(), { id: parsed.data });
  return (
    <div className="container stack">
      <p>
        <Link href="/dashboard/claim">Back to the claim search</Link>
      </p>
      {!listing ? (
        <>
          <h1>This listing cannot be claimed</h1>
          <p>It already has an owner, or it is no longer published.</p>
        </>
      ) : (
        <>
          <h1>Claim {listing.displayName}</h1>
          <p>
            {listing.displayName}
            {listing.practiceName ? `, ${listing.practiceName}` : ""}, {listing.city}, {listing.state}.{" "}
            <Link href={`/therapists/${listing.slug}`}>See the listing</Link>
          </p>
          {listing.isDemo ? (
            <p className="notice">This is a fictional demo listing: it belongs to nobody, so it cannot be claimed.</p>
          ) : (
            <>
              <p>Choose one of three ways to show that this listing is yours.</p>
              <ClaimForm id={listing.id} name={listing.displayName} emailHint={listing.emailHint} accountEmail={user.email} />
              <LicenceClaimForm id={listing.id} name={listing.displayName} error={licenceError} licence={licence} fromRegistry={listing.fromRegistry} />
              {listing.fromRegistry && <RemovalRequestForm id={listing.id} name={listing.displayName} notice={removalNotice} />}
            </>
          )}
        </>
      )}
    </div>
  );
}
