import "server-only";
// How often sign-in links are sent. Per client address (the sign-in form and next-auth's own
// endpoint): refused with a message (generous: a clinic shares one address). Per mailbox
// (counted when a link is about to be sent, lib/auth/sign-in-email.ts): beyond the limit no
// new link is sent, but the answer is the same "we sent you a link", so a stranger cannot lock
// anyone out: the links already sent stay valid for an hour, longer than the window.
import { headers } from "next/headers";
import { mailboxKey } from "@/lib/email/mailbox";
import { env } from "@/lib/env";
import { rateLimit } from "@/lib/rate-limit";
import { clientAddress } from "@/lib/security/client-address";

export const SIGN_IN_LIMITS = {
  perAddress: { limit: 60, windowSeconds: 15 * 60 },
  perMailbox: { limit: 3, windowSeconds: 15 * 60 },
} as const;

export function requestAddress(h: { get(name: string): string | null }): string {
  return clientAddress(h, { trustProxyHops: env().TRUST_PROXY_HOPS });
}

export async function currentRequestAddress(): Promise<string> {
  return requestAddress(await headers());
}

/** Whether this mailbox may be sent another link now (counts the request). */
export async function mailboxAllowsNewLink(email: string): Promise<boolean> {
  const r = await rateLimit({ bucket: "signin:mailbox", id: mailboxKey(email), ...SIGN_IN_LIMITS.perMailbox });
  return r.allowed;
}
