import "server-only";
// Notices about a listing, sent after the change they report has committed, through the one
// mail path (lib/email/send-email.ts; the outbox in the demo). Every link is built from the
// configured site address. A notice that cannot be sent never undoes the change: the caller
// hears false and says so to the administrator.
import { absoluteUrl, siteOrigin } from "@/lib/seo/site-origin";
import { escapeHtml, sendEmail } from "./send-email";

async function send(to: string, subject: string, paragraphs: string[], path: string): Promise<boolean> {
  const link = absoluteUrl(siteOrigin(), path);
  try {
    await sendEmail({
      to,
      subject,
      text: `${paragraphs.join("\n\n")}\n\n${link}\n`,
      html: `${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("")}<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
      link,
    });
    return true;
  } catch (error) {
    console.error(`[email] notice "${subject}" could not be sent:`, error instanceof Error ? error.message : error);
    return false;
  }
}

/** To the owner: an administrator put the listing's texts back to the last approved ones. */
export function noticeTextReverted(o: { to: string; listingId: string; displayName: string; fields: string[]; reason: string }) {
  return send(
    o.to,
    `Therapist Finder: text on ${o.displayName} was reverted`,
    [
      `An administrator put some text on your listing "${o.displayName}" back to the last approved version (${o.fields.join(", ")}).`,
      `Reason: ${o.reason}`,
      `Listings never claim to cure, guarantee results, diagnose or treat a disease. You can edit the text again from your dashboard.`,
    ],
    `/dashboard/listings/${o.listingId}`,
  );
}

/** The owner's notice of a recorded check: subject and paragraphs (pure, so a test can read it). */
export function credentialCheckedMessage(o: { displayName: string; what: string; result: string; against: string; checkedOn: string; note: string }) {
  return {
    subject: `Therapist Finder: a credential on ${o.displayName} was checked`,
    paragraphs: [
      `An administrator checked ${o.what} on your listing "${o.displayName}" on ${o.checkedOn}, against ${o.against}.`,
      `Result: ${o.result}.`,
      o.note ? `Note: ${o.note}` : "",
      `Your dashboard shows each credential's status and what to do next.`,
    ].filter(Boolean),
  };
}

/** To the owner: an administrator recorded a check of a licence or another credential. */
export function noticeCredentialChecked(o: Parameters<typeof credentialCheckedMessage>[0] & { to: string; listingId: string }) {
  const m = credentialCheckedMessage(o);
  return send(o.to, m.subject, m.paragraphs, `/dashboard/listings/${o.listingId}`);
}

/** To the reporter, when they left an address: their report was closed. */
export function noticeReportClosed(o: { to: string; displayName: string; slug: string; changed: boolean }) {
  return send(
    o.to,
    `Therapist Finder: your report about ${o.displayName}`,
    [
      o.changed
        ? `Thank you. An administrator checked your report about "${o.displayName}" and the listing has been corrected.`
        : `Thank you. An administrator checked your report about "${o.displayName}" and found nothing to change.`,
      `We have now deleted your e-mail address from the report.`,
    ],
    `/therapists/${o.slug}`,
  );
}

/** To the owner: a report about the listing led an administrator to change it. */
export function noticeListingCorrected(o: { to: string; listingId: string; displayName: string; note: string }) {
  return send(
    o.to,
    `Therapist Finder: ${o.displayName} was corrected after a report`,
    [`A visitor reported incorrect information on your listing "${o.displayName}", and an administrator corrected it.`, o.note ? `Note: ${o.note}` : "", `Please check your listing from your dashboard.`].filter(Boolean),
    `/dashboard/listings/${o.listingId}`,
  );
}

/** To a listing's public e-mail: someone asks to claim the listing; opening the link (signed in as them) confirms it. */
export function noticeClaimLink(o: { to: string; token: string; claimantEmail: string }) {
  return send(
    o.to,
    "Therapist Finder: confirm that this listing is yours",
    [
      `Someone signed in to Therapist Finder as ${o.claimantEmail} asked to take over the listing that shows this e-mail address.`,
      `If that is you, open the link below while signed in as ${o.claimantEmail} and confirm. The link works for 48 hours.`,
      `If it is not you, ignore this e-mail: nothing changes.`,
    ],
    `/dashboard/claim/confirm?token=${encodeURIComponent(o.token)}`,
  );
}

/** To the claimant: an administrator decided their claim. */
export function noticeClaimDecided(o: { to: string; listingId: string; displayName: string; approved: boolean; note: string }) {
  return send(
    o.to,
    `Therapist Finder: your claim of ${o.displayName} was ${o.approved ? "approved" : "refused"}`,
    [
      o.approved
        ? `An administrator approved your claim: the listing "${o.displayName}" is now yours to edit from your dashboard.`
        : `An administrator refused your claim of the listing "${o.displayName}".`,
      o.note ? `Note: ${o.note}` : "",
    ].filter(Boolean),
    o.approved ? `/dashboard/listings/${o.listingId}` : "/dashboard",
  );
}

/** To the owner: an administrator unpublished (and locked) the listing, with the reason. */
export function noticeUnpublished(o: { to: string; listingId: string; displayName: string; reason: string }) {
  return send(
    o.to,
    `Therapist Finder: ${o.displayName} was unpublished by an administrator`,
    [
      `An administrator took your listing "${o.displayName}" off the site. Reason: ${o.reason}`,
      `You can still edit it and ask for a review from your dashboard; it stays unpublished until an administrator lifts the lock.`,
    ],
    `/dashboard/listings/${o.listingId}`,
  );
}

/** To the owner: an administrator lifted the lock (and maybe published the listing again). */
export function noticeLockLifted(o: { to: string; listingId: string; displayName: string; published: boolean; reason: string }) {
  return send(
    o.to,
    `Therapist Finder: ${o.displayName} ${o.published ? "is published again" : "can be published again"}`,
    [
      o.published
        ? `An administrator lifted the lock on your listing "${o.displayName}" and published it again.`
        : `An administrator lifted the lock on your listing "${o.displayName}": you can publish it from your dashboard.`,
      `Reason: ${o.reason}`,
    ],
    `/dashboard/listings/${o.listingId}`,
  );
}
