import type { TenantPrincipal } from "./context.ts";

/** `13812345678` → `138****5678`: enough to recognise, not enough to call. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : "****";
}

/** `zhang.wei@example.com` → `z***@example.com`. */
export function maskEmail(email: string): string {
  const at = email.indexOf("@");
  return at > 0 ? `${email.charAt(0)}***${email.slice(at)}` : "***";
}

/**
 * Whether the caller may see a talent's phone and email in clear: the talent, or an admin.
 * Enterprises (and organizers) see masked values until the talent consents to an introduction.
 */
export function seesContact(caller: TenantPrincipal, talentId: string): boolean {
  if (caller.role === "admin") return true;
  return caller.role === "talent" && caller.talentId === talentId;
}
