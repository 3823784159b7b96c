// "Welcome back" is for someone who has been here: this browser remembers that someone signed in or signed up on
// it (no account data, one flag), so a first visit is welcomed, not welcomed back.

const KEY = "kith.signed-in-here";

export function hasSignedInHere(): boolean {
  try {
    return localStorage.getItem(KEY) === "1";
  } catch {
    return false; // storage blocked: a neutral welcome
  }
}

export function rememberSignedIn(): void {
  try {
    localStorage.setItem(KEY, "1");
  } catch {
    // storage blocked: the next visit is welcomed, not welcomed back
  }
}
