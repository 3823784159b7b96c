/** What an `?error=` the sign-in came back with means for the person, and what they can do. */
export function ssoErrorInWords(code: string, description: string | null, name: string): string {
  switch (code) {
    case "access_denied":
      return `${name} did not let Kith know who you are (the sign-in was cancelled or refused there), so you are not signed in.`;
    case "state_mismatch":
    case "state_not_found":
    case "invalid_state":
    case "state_security_mismatch":
      return `That sign-in could not be finished: it expired, or it came back to a different browser than the one that started it. Try again from this page.`;
    case "account_not_linked":
      return `Kith already has an account with this email address, and cannot tell it is yours: ${name} did not confirm the address, or the account never confirmed it here. Sign in with your password, then link ${name} in Settings (Sign-in and sessions).`;
    case "SIGNUP_CLOSED":
    case "signup_disabled":
      return `This server only lets in people its owner invited. Ask them for an invitation, open its link, and sign in again.`;
    case "email_not_found":
      return `${name} did not tell Kith your email address. Its administrator has to allow the "email" scope for Kith.`;
    case "account_already_linked_to_different_user":
      return `This ${name} account already signs in to another Kith user.`;
    default:
      return `Signing in with ${name} failed${description ? `: ${description}` : ` (${code.replaceAll("_", " ")})`}. Try again, or sign in with your password.`;
  }
}

/** What an `?error=` a Settings link to the provider came back with means (nothing was linked). */
export function linkErrorInWords(code: string, description: string | null, name: string): string {
  switch (code) {
    case "unable_to_link_account":
      return `${name} did not confirm that this address is yours (or the link expired), so nothing was linked. Confirm the address at ${name} and try again.`;
    case "email_does_not_match":
      return `You signed in at ${name} with a different address than this account's, so nothing was linked. Sign in there as this account's address.`;
    case "account_already_linked_to_different_user":
      return `That ${name} account already signs in to another Kith user, so nothing was linked.`;
    default:
      return ssoErrorInWords(code, description, name);
  }
}
