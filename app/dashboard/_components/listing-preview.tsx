// A listing as patients would read it: the same view (components/therapist/therapist-facts.tsx)
// and the same public contract (toPublicProfile) as the public profile page, built from the
// owner's row whether or not it is published.
import { TherapistFacts } from "@/components/therapist/therapist-facts";
import type { PublicProfile } from "@/lib/therapists/public-profile";

export function ListingPreview({ profile }: { profile: PublicProfile }) {
  return (
    <section aria-labelledby="preview-heading" className="stack">
      <h2 id="preview-heading">Preview: {profile.displayName}</h2>
      <p>This is exactly what patients read on the listing&rsquo;s public page.</p>
      <TherapistFacts
        profile={profile}
        level={3}
        message={
          <p className="notice">Here patients see a form to send you a message, which is e-mailed to your public e-mail address.</p>
        }
      />
    </section>
  );
}
