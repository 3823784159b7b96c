import { useRef, useState } from "react";
import { ApiError, describeError } from "../api/problem.ts";
import type { NewWebhook, Webhook, WebhookFormat, WebhookTestResult } from "../api/types.ts";
import { useAccount } from "../app/session.ts";
import { Alert, Button, Field, NativeSelect } from "../ui/controls.tsx";
import { formatDate } from "../ui/format.ts";
import { Loading } from "../ui/page.tsx";
import { deliveryKindLabel, deliveryState } from "./delivery-labels.ts";
import { useAddWebhook, useRemoveWebhook, useTestWebhook, useWebhooks } from "./notify-queries.ts";
import { WEBHOOK_FORMATS, webhookFormatLabel, webhookTestSentence } from "./webhook-labels.ts";

/**
 * The digest as a signed POST to a URL (Kith's JSON or an ntfy topic). Every member sees the list; owners add,
 * test and remove. The signing secret comes back once, in the answer to the add: it is shown then, never again.
 */
export function WebhooksPart() {
  const webhooks = useWebhooks();
  const isOwner = useAccount().data?.role === "owner";
  const [created, setCreated] = useState<NewWebhook | null>(null);

  return (
    <section className="stack-sm part" aria-labelledby="webhooks-heading">
      <h3 id="webhooks-heading">Webhooks</h3>
      <p className="muted small">
        The same digest, posted to a URL when it goes out: as Kith's JSON for your own scripts, or to an ntfy topic for
        a notification on your phone. Webhooks work without email.
      </p>
      {webhooks.isPending && <Loading />}
      {webhooks.isError && <Alert>{describeError(webhooks.error)}</Alert>}
      {created && <SecretOnce webhook={created} onDone={() => setCreated(null)} />}
      {webhooks.data &&
        (webhooks.data.items.length === 0 ? (
          <p className="muted small">No webhooks yet.</p>
        ) : (
          <ul className="plain-list" aria-label="Webhooks">
            {webhooks.data.items.map((w) => (
              <WebhookRow key={w.id} webhook={w} isOwner={isOwner} />
            ))}
          </ul>
        ))}
      {isOwner ? (
        <AddWebhookForm onAdded={setCreated} />
      ) : (
        <p className="muted small">
          Only an owner can add, test or remove webhooks; you see each one's server only, since the rest of a URL may
          hold a secret.
        </p>
      )}
    </section>
  );
}

function WebhookRow({ webhook, isOwner }: { webhook: Webhook; isOwner: boolean }) {
  const test = useTestWebhook();
  const remove = useRemoveWebhook();
  const last = webhook.lastDelivery;
  const state = last ? deliveryState(last) : null;
  return (
    <li className="member-row">
      <div className="min-0 stack-sm">
        <div className="strong break">{webhook.url}</div>
        <div className="muted small">
          {webhookFormatLabel(webhook.format)} · added {formatDate(webhook.createdAt)}
        </div>
        <div className="small">
          {last && state ? (
            <>
              {deliveryKindLabel(last.kind)}:<span className={`badge badge-${state.tone}`}>{state.label}</span>
              {state.detail && <span className="muted break"> {state.detail}</span>}
            </>
          ) : (
            <span className="muted">Nothing sent yet.</span>
          )}
        </div>
        {test.data && <TestOutcome result={test.data} />}
        {(test.error ?? remove.error) && <Alert>{describeError(test.error ?? remove.error)}</Alert>}
      </div>
      {isOwner && (
        <div className="row">
          <Button
            tone="quiet"
            isDisabled={test.isPending}
            onPress={() => test.mutate(webhook.id)}
            aria-label={`Send a test to ${webhook.url}`}
          >
            {test.isPending ? "Sending…" : "Send a test"}
          </Button>
          <Button
            tone="quiet"
            isDisabled={remove.isPending}
            onPress={() => remove.mutate(webhook.id)}
            aria-label={`Remove ${webhook.url}`}
          >
            Remove
          </Button>
        </div>
      )}
    </li>
  );
}

function TestOutcome({ result }: { result: WebhookTestResult }) {
  const { ok, text } = webhookTestSentence(result);
  return <Alert tone={ok ? "info" : "error"}>{text}</Alert>;
}

function AddWebhookForm({ onAdded }: { onAdded: (webhook: NewWebhook) => void }) {
  const add = useAddWebhook();
  const [url, setUrl] = useState("");
  const [format, setFormat] = useState<WebhookFormat>("kith");
  const problem = add.error instanceof ApiError ? add.error : null;
  const urlError = problem?.fieldError("url");
  // An error about the URL shows beside it; anything else (a limit, a role, the network) above the form.
  const otherError = add.error && !urlError ? describeError(add.error) : null;
  const hint = WEBHOOK_FORMATS.find((f) => f.id === format)?.hint;

  return (
    <form
      className="stack-sm"
      aria-labelledby="add-webhook-heading"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(
          { url: url.trim(), format },
          {
            onSuccess: (webhook) => {
              setUrl("");
              onAdded(webhook);
            },
          },
        );
      }}
    >
      <h4 id="add-webhook-heading">Add a webhook</h4>
      {otherError && <Alert>{otherError}</Alert>}
      <div className="grid-2">
        <Field
          label="Webhook URL"
          name="webhookUrl"
          type="url"
          value={url}
          onChange={(value) => {
            setUrl(value);
            if (add.isError) add.reset();
          }}
          placeholder="https://"
          description={hint}
          error={urlError}
        />
        <NativeSelect
          label="Format"
          name="webhookFormat"
          options={WEBHOOK_FORMATS}
          value={format}
          onChange={(value) => {
            setFormat(value as WebhookFormat);
            if (add.isError) add.reset();
          }}
        />
      </div>
      <div className="row">
        <Button type="submit" isDisabled={add.isPending || !url.trim()}>
          {add.isPending ? "Checking the address…" : "Add webhook"}
        </Button>
      </div>
    </form>
  );
}

/** The signing secret, this once: copy it, store it, then it is gone from the page too. */
function SecretOnce({ webhook, onDone }: { webhook: NewWebhook; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(webhook.secret);
      setCopied(true);
    } catch (reason) {
      // No clipboard (an insecure origin, a refused permission): select the secret so the keyboard can copy it.
      console.warn("clipboard:", reason);
      ref.current?.select();
    }
  };
  return (
    <section className="callout stack-sm" aria-labelledby="webhook-secret-heading">
      <p id="webhook-secret-heading" className="strong">
        Webhook added. Store its signing secret now: Kith shows it only this once.
      </p>
      <label htmlFor="webhook-secret" className="small">
        Signing secret for {webhook.url}
      </label>
      <div className="copy-row">
        <textarea
          id="webhook-secret"
          ref={ref}
          className="input-code"
          readOnly
          rows={1}
          value={webhook.secret}
          onFocus={(e) => e.target.select()}
        />
        <Button onPress={() => void copy()}>Copy</Button>
      </div>
      <p className="small" aria-live="polite">
        {copied ? "Copied. Keep it where your receiver can read it." : "Copy it now: it is not shown again."}
      </p>
      <p className="muted small">
        Every request carries <code>X-Kith-Signature: t=…,v1=…</code>, where <code>v1</code> is the hex HMAC-SHA256 of{" "}
        <code>t.body</code> under this secret: check it to know a request came from Kith.
      </p>
      <div className="row">
        <Button tone="quiet" onPress={onDone}>
          I have stored it
        </Button>
      </div>
    </section>
  );
}
