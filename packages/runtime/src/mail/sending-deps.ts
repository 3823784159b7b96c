import type { Deps, SendingDeps } from "@kith/core";
import type { Config } from "../config.ts";
import { sealedSecrets, sealingKey } from "../secrets/sealed-secrets.ts";
import { createMemberMailer } from "./member-mailer.ts";

/** What sending from a member's own email needs: the sealer under the server key and the member mailer. */
export function openSending(config: Config, deps: Deps): SendingDeps {
  return {
    ...deps,
    sealer: sealedSecrets(sealingKey(config.secretKey, config.authSecret)),
    memberMailer: createMemberMailer(),
  };
}
