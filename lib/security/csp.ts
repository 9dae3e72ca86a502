import "server-only";
// The per-request CSP nonce that proxy.ts puts on the request. Inline scripts of our own
// (such as a profile's JSON-LD) must carry it: <script nonce={await getCspNonce()} ...>.
import { headers } from "next/headers";

export const NONCE_HEADER = "x-nonce";

export async function getCspNonce(): Promise<string | undefined> {
  return (await headers()).get(NONCE_HEADER) ?? undefined;
}
