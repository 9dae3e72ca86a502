// The mailbox an address delivers to, for per-mailbox limits: "Ann.Lee+x@Gmail.com" and
// "annlee@gmail.com" are one inbox, so they share one allowance.
const DOT_FOLDING = new Set(["gmail.com", "googlemail.com"]);

export function mailboxKey(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return address.trim().toLowerCase();
  let local = address.slice(0, at).trim().toLowerCase();
  let domain = address.slice(at + 1).trim().toLowerCase().replace(/\.$/, "");
  // Plus tags reach the same inbox at every major provider.
  local = local.split("+")[0] || local;
  if (DOT_FOLDING.has(domain)) {
    local = local.replace(/\./g, "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}
