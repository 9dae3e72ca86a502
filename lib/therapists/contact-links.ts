// The links a profile's contact details become: a phone number as a tel: link (US numbers
// only, in full international form), a website only when it is http(s).
export function telHref(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, "");
  if (digits.length === 10) return `tel:+1${digits}`;
  if (digits.length === 11 && digits.startsWith("1")) return `tel:+${digits}`;
  return undefined;
}

export function safeWebsite(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Where the profile's contact block is, for links from result cards. */
export const CONTACT_ANCHOR = "profile-contact";
/** Where the profile's message form is. */
export const MESSAGE_ANCHOR = "contact-message";
