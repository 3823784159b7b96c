import { type FormEvent, type ReactNode, useEffect } from "react";

export function AuthCard(props: {
  title: string;
  lead: string;
  onSubmit: () => void;
  children: ReactNode;
  /** Shown between the lead and the form (single sign-on, beside the password form rather than in it). */
  before?: ReactNode;
}) {
  useEffect(() => {
    document.title = `${props.title} · Kith`;
  }, [props.title]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <main className="auth-page" id="main">
      <div className="auth-card">
        <div className="auth-brand">
          <img src="/icon.svg" alt="" width="40" height="40" />
          <span>Kith</span>
        </div>
        <h1>{props.title}</h1>
        <p className="lead">{props.lead}</p>
        {props.before}
        <form onSubmit={submit} className="stack" noValidate>
          {props.children}
        </form>
      </div>
    </main>
  );
}
