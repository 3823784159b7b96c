import { useState } from "react";
import { ApiError, describeError } from "../api/problem.ts";
import { ContactPicker } from "../interactions/contact-picker.tsx";
import { Alert, Button, Field } from "../ui/controls.tsx";
import { Segmented } from "../ui/segmented.tsx";
import { useAddName } from "./ask-queries.ts";
import type { Ask } from "./ask-types.ts";

type Source = "new" | "known";

/**
 * A name the person asked gave: someone new (a contact is made, at the ask's company when it is about one) or
 * someone already in Kith. Either way they are linked to the introducer and the ask moves to "named".
 */
export function AddNameForm({ ask, onDone }: { ask: Ask; onDone: () => void }) {
  const add = useAddName(ask.id);
  const [source, setSource] = useState<Source>("new");
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [title, setTitle] = useState("");
  const [email, setEmail] = useState("");
  const [known, setKnown] = useState<{ id: string; displayName: string } | null>(null);
  const err = add.error instanceof ApiError ? add.error : undefined;
  const ready = source === "known" ? Boolean(known) : Boolean(firstName.trim() || lastName.trim());
  return (
    <form
      className="stack network-form"
      aria-label={`A name ${ask.contactName} gave`}
      onSubmit={(e) => {
        e.preventDefault();
        if (source === "known") {
          if (known) add.mutate({ contactId: known.id }, { onSuccess: onDone });
          return;
        }
        add.mutate(
          {
            ...(firstName.trim() ? { firstName: firstName.trim() } : {}),
            ...(lastName.trim() ? { lastName: lastName.trim() } : {}),
            ...(title.trim() ? { title: title.trim() } : {}),
            ...(email.trim() ? { email: email.trim() } : {}),
            ...(ask.about.companyId ? { companyId: ask.about.companyId } : {}),
          },
          { onSuccess: onDone },
        );
      }}
    >
      <Segmented<Source>
        label="Who"
        value={source}
        options={["new", "known"]}
        labels={{ new: "Someone new", known: "Already in Kith" }}
        onChange={setSource}
      />
      {source === "known" ? (
        <ContactPicker
          label="Name received"
          selected={known}
          onSelect={setKnown}
          error={err?.fieldError("contactId")}
        />
      ) : (
        <div className="tie-fields">
          <Field label="First name" name="firstName" value={firstName} onChange={setFirstName} autoFocus />
          <Field label="Last name" name="lastName" value={lastName} onChange={setLastName} />
          <Field label="Title" name="title" value={title} onChange={setTitle} error={err?.fieldError("title")} />
          <Field
            label="Email"
            name="email"
            type="text"
            inputMode="email"
            value={email}
            onChange={setEmail}
            error={err?.fieldError("email")}
          />
        </div>
      )}
      {ask.about.companyName && source === "new" && (
        <p className="muted small">They are added as working at {ask.about.companyName}.</p>
      )}
      <div className="row">
        <Button type="submit" tone="primary" isDisabled={add.isPending || !ready}>
          Add name
        </Button>
        <Button tone="quiet" onPress={onDone}>
          Cancel
        </Button>
      </div>
      {add.isError && !err?.fieldError("email") && !err?.fieldError("title") && !err?.fieldError("contactId") && (
        <Alert>{describeError(add.error)}</Alert>
      )}
    </form>
  );
}
