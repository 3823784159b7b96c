import { useEach } from "@kith/store/testing";
import { SmtpSink } from "./smtp-sink-server.ts";

// The sink itself imports nothing of Kith's, so a browser journey (e2e/) can start one without loading the store.
export { SmtpSink };

/**
 * A started SmtpSink for each test of the enclosing `describe`, stopped after it; the object returned reads the current
 * test's one. Call it before what is configured with it (a test server), so it starts first and stops last.
 */
export function useSmtpSink(options: { users?: Record<string, string> } = {}): SmtpSink {
  return useEach(
    () => new SmtpSink(options).start(),
    (sink) => sink.stop(),
  );
}
