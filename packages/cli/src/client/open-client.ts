import { DomainError } from "@kith/core";
import {
  loadConfig,
  openArticleFetcher,
  openCalendarSync,
  openDelivery,
  openMailboxSync,
  openRuntime,
  openSending,
} from "@kith/runtime";
import { createHttpClient } from "./http-client.ts";
import type { KithClient } from "./kith-client.ts";
import { resolveLocalActor } from "./local-actor.ts";
import { createLocalClient } from "./local-client.ts";

export interface ConnectOptions {
  url?: string | undefined;
  token?: string | undefined;
  account?: string | undefined;
}

export type Env = Record<string, string | undefined>;

/** --url/KITH_URL selects a server over HTTP; otherwise the local database is opened in-process. */
export async function openClient(options: ConnectOptions, env: Env): Promise<KithClient> {
  const url = options.url ?? env.KITH_URL;
  if (url) {
    const token = options.token ?? env.KITH_TOKEN;
    if (!token)
      throw new DomainError("unauthenticated", "--url needs an API token: pass --token kith_… or set KITH_TOKEN");
    return createHttpClient(url, token);
  }
  return openLocalClient(env, options.account);
}

export async function openLocalClient(env: Env, accountId?: string): Promise<KithClient> {
  const config = loadConfig(env);
  const { open, deps } = await openRuntime(config);
  try {
    const actor = await resolveLocalActor(open, deps, accountId);
    const { delivery, digest } = openDelivery(config, deps);
    const close = async () => {
      delivery?.mailer.close();
      await open.close();
    };
    const sending = openSending(config, deps);
    return createLocalClient(
      deps,
      actor,
      close,
      delivery,
      digest,
      sending,
      openArticleFetcher(config),
      openCalendarSync(config, deps),
      openMailboxSync(config, deps),
    );
  } catch (error) {
    await open.close();
    throw error;
  }
}
