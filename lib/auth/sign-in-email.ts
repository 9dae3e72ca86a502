import "server-only";
// The sign-in e-mail. Its link is rebuilt on the configured site address whatever next-auth
// handed over, so no request header can ever point a genuine sign-in token at another host.
import { mailboxAllowsNewLink } from "@/lib/auth/sign-in-limits";
import { escapeHtml, sendEmail } from "@/lib/email/send-email";
import { siteOrigin } from "@/lib/seo/site-origin";

/** `url` with its origin replaced by the site's (path, query and token kept). */
export function onSiteAddress(url: string, origin: string = siteOrigin()): string {
  const given = new URL(url);
  return new URL(`${given.pathname}${given.search}`, origin).toString();
}

/**
 * Sends the link, unless this mailbox was sent its allowance of links in the current window:
 * then nothing is sent and nothing is said (the caller shows "check your e-mail" either way),
 * since the links already sent are still valid. Counted here, where a link really goes out,
 * so requests that fail earlier (no CSRF token, say) cannot use up someone's allowance.
 */
export async function sendSignInLink(options: { to: string; url: string }): Promise<void> {
  if (!(await mailboxAllowsNewLink(options.to))) {
    console.log(`[sign-in] no new link for ${options.to}: this mailbox's allowance is used up for now (earlier links still work)`);
    return;
  }
  const link = onSiteAddress(options.url);
  const host = new URL(link).host;
  await sendEmail({
    to: options.to,
    subject: `Sign in to Therapist Finder (${host})`,
    link,
    text: `Sign in to Therapist Finder by opening this link (valid for one hour, once):\n\n${link}\n\nIf you did not ask for it, ignore this e-mail.\n`,
    html: `<p>Sign in to Therapist Finder by opening this link (valid for one hour, once):</p><p><a href="${escapeHtml(link)}">Sign in to Therapist Finder</a></p><p>If you did not ask for it, ignore this e-mail.</p>`,
  });
}
