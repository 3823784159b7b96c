import { useState } from "react";
import { Switch } from "react-aria-components";
import { Link } from "wouter";
import { ApiError, describeError } from "../api/problem.ts";
import type { Company } from "../api/types.ts";
import { useCanEdit } from "../app/session.ts";
import { Alert, Button, Checkbox, Field } from "../ui/controls.tsx";
import { Modal } from "../ui/modal.tsx";
import { Empty, Loading, Page } from "../ui/page.tsx";
import { useCompanies, useSaveCompany } from "./company-queries.ts";

export default function CompaniesPage() {
  const companies = useCompanies();
  const canEdit = useCanEdit();
  const [adding, setAdding] = useState(false);
  const [targetsOnly, setTargetsOnly] = useState(false);
  const all = companies.data ?? [];
  const shown = targetsOnly ? all.filter((c) => c.target) : all;

  return (
    <Page
      title="Companies"
      lead="Where your people work — and the targets you want in."
      actions={
        canEdit && (
          <Button tone="primary" onPress={() => setAdding(true)}>
            Add company
          </Button>
        )
      }
    >
      <div className="row">
        <Checkbox isSelected={targetsOnly} onChange={setTargetsOnly}>
          Targets only
        </Checkbox>
      </div>
      {companies.isPending && <Loading />}
      {companies.isError && <Alert>{describeError(companies.error)}</Alert>}
      {companies.isSuccess && shown.length === 0 && (
        <Empty>
          <p>{targetsOnly ? "No target companies yet." : "No companies yet."}</p>
        </Empty>
      )}
      <ul className="card-list">
        {shown.map((c) => (
          <CompanyRow key={c.id} company={c} canEdit={canEdit} />
        ))}
      </ul>
      {adding && <AddCompanyDialog onClose={() => setAdding(false)} />}
    </Page>
  );
}

function CompanyRow({ company, canEdit }: { company: Company; canEdit: boolean }) {
  const save = useSaveCompany(company.id);
  return (
    <li className="company-row">
      <div>
        <Link href={`/companies/${company.id}`} className="strong">
          {company.name}
        </Link>
        {company.domain && <div className="muted small">{company.domain}</div>}
      </div>
      <Switch
        className="switch"
        isSelected={company.target}
        isDisabled={!canEdit || save.isPending}
        onChange={(target) => save.mutate({ target })}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        Target
      </Switch>
    </li>
  );
}

function AddCompanyDialog({ onClose }: { onClose: () => void }) {
  const save = useSaveCompany();
  const [name, setName] = useState("");
  const [domain, setDomain] = useState("");
  const [target, setTarget] = useState(false);
  const err = save.error instanceof ApiError ? save.error : undefined;
  return (
    <Modal title="Add a company" isOpen onOpenChange={(open) => !open && onClose()}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { name: name.trim(), domain: domain.trim().toLowerCase() || null, target },
            { onSuccess: onClose },
          );
        }}
      >
        {save.isError && !err?.fieldError("name") && !err?.fieldError("domain") && (
          <Alert>{describeError(save.error)}</Alert>
        )}
        <Field
          label="Name"
          name="name"
          value={name}
          onChange={setName}
          isRequired
          autoFocus
          error={err?.fieldError("name")}
        />
        <Field
          label="Web domain"
          name="domain"
          value={domain}
          onChange={setDomain}
          placeholder="example.com"
          error={err?.fieldError("domain")}
        />
        <Checkbox isSelected={target} onChange={setTarget}>
          A target: I want in
        </Checkbox>
        <div className="row end">
          <Button tone="quiet" onPress={onClose}>
            Cancel
          </Button>
          <Button type="submit" tone="primary" isDisabled={save.isPending}>
            Add company
          </Button>
        </div>
      </form>
    </Modal>
  );
}
