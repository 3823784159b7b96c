import { type ReactNode, useEffect } from "react";

/** Every page: one h1, the document title, optional actions on the right and a picture before the title. */
export function Page(props: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  lead?: ReactNode;
  media?: ReactNode;
}) {
  useEffect(() => {
    document.title = `${props.title} · Kith`;
  }, [props.title]);
  const heading = (
    <div>
      <h1>{props.title}</h1>
      {props.lead && <p className="lead">{props.lead}</p>}
    </div>
  );
  return (
    <div className="page">
      <header className="page-header">
        {props.media ? (
          <div className="page-heading">
            {props.media}
            {heading}
          </div>
        ) : (
          heading
        )}
        {props.actions && <div className="page-actions">{props.actions}</div>}
      </header>
      {props.children}
    </div>
  );
}

export function Section(props: { title: string; children: ReactNode; actions?: ReactNode; id?: string }) {
  const headingId = `${props.id ?? props.title.toLowerCase().replace(/\W+/g, "-")}-heading`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>{props.title}</h2>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p className="muted" role="status">
      {label}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}
