// Renders schema.org JSON-LD. The only dangerouslySetInnerHTML in the site: the JSON is
// escaped by serializeJsonLd so that no text inside it can close the script element. It is a
// data block, not a script, but carries the CSP nonce so no policy reading can refuse it.
import { getCspNonce } from "@/lib/security/csp";
import { serializeJsonLd } from "@/lib/seo/therapist-json-ld";

export async function JsonLdScript({ data }: { data: unknown }) {
  const nonce = await getCspNonce();
  return <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
