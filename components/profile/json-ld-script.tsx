// Renders schema.org JSON-LD. The only dangerouslySetInnerHTML in the site: the JSON is
// escaped by serializeJsonLd so that no text inside it can close the script element.
import { serializeJsonLd } from "@/lib/seo/therapist-json-ld";

export function JsonLdScript({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
