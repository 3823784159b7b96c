import { AsyncLocalStorage } from "node:async_hooks";

/**
 * A sign-up the server already admitted (an invitation to that address) while sign-up is closed: the route runs
 * better-auth inside `admitSignUp`, and the library's user-created hook lets it through. Anything else that reaches
 * the hook with sign-up closed is refused there too.
 */
const admitted = new AsyncLocalStorage<true>();

export const admitSignUp = <T>(work: () => Promise<T>): Promise<T> => admitted.run(true, work);

export const signUpAdmitted = (): boolean => admitted.getStore() === true;
