import { useEffect, useRef, useState } from "react";
import { Link, useLocation, useSearchParams } from "wouter";
import { ApiError, describeError } from "../api/problem.ts";
import { useCanEdit } from "../app/session.ts";
import { Alert, Button, Field } from "../ui/controls.tsx";
import { Empty, Loading, Page, Section } from "../ui/page.tsx";
import { type Article, useArticles, useSaveArticle } from "./article-queries.ts";
import { bookmarkletCode, sharedLink } from "./bookmarklet.ts";

export default function ArticlesPage() {
  const articles = useArticles();
  const canEdit = useCanEdit();
  return (
    <Page title="Articles" lead="Save what you read; Kith finds the people it would make think of you.">
      {canEdit && <SaveArticleForm />}
      <Section title="Saved articles">
        {articles.isPending && <Loading />}
        {articles.isError && <Alert>{describeError(articles.error)}</Alert>}
        {articles.isSuccess && articles.data.length === 0 && (
          <Empty>
            <p>No articles yet. Paste a link above, or save one from any page with the bookmarklet.</p>
          </Empty>
        )}
        <ul className="card-list" aria-label="Saved articles">
          {(articles.data ?? []).map((a) => (
            <ArticleRow key={a.id} article={a} />
          ))}
        </ul>
      </Section>
      {canEdit && <BookmarkletSection />}
    </Page>
  );
}

const STATUS_WORDS: Record<Article["status"], string> = {
  pending: "Reading…",
  fetched: "Read",
  failed: "Could not read",
};

function ArticleRow({ article: a }: { article: Article }) {
  return (
    <li className="company-row">
      <div>
        <Link href={`/articles/${a.id}`} className="strong">
          {a.title ?? a.url}
        </Link>
        <div className="muted small">{new URL(a.url).host}</div>
        {a.status === "failed" && a.failure && <div className="muted small">{a.failure}</div>}
        {a.topics.length > 0 && <div className="muted small">About {a.topics.slice(0, 5).join(", ")}</div>}
      </div>
      <span className={`badge${a.status === "failed" ? " badge-warn" : a.status === "fetched" ? " badge-good" : ""}`}>
        {STATUS_WORDS[a.status]}
      </span>
    </li>
  );
}

function SaveArticleForm() {
  const [location, navigate] = useLocation();
  const [params] = useSearchParams();
  const shared = sharedLink(params);
  const [url, setUrl] = useState(shared.url);
  const [note, setNote] = useState(shared.title);
  const save = useSaveArticle();
  const err = save.error instanceof ApiError ? save.error : undefined;
  return (
    <Section title={location === "/articles/new" ? "Save this article" : "Save an article"}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { url: url.trim(), ...(note.trim() ? { note: note.trim() } : {}) },
            { onSuccess: (saved) => navigate(`/articles/${saved.id}`) },
          );
        }}
      >
        {save.isError && !err?.fieldError("url") && <Alert>{describeError(save.error)}</Alert>}
        <Field
          label="Link"
          name="url"
          type="url"
          value={url}
          onChange={setUrl}
          isRequired
          placeholder="https://…"
          error={err?.fieldError("url")}
        />
        <Field label="Note (optional)" name="note" value={note} onChange={setNote} error={err?.fieldError("note")} />
        <div className="row end">
          <Button type="submit" tone="primary" isDisabled={save.isPending}>
            Save article
          </Button>
        </div>
      </form>
    </Section>
  );
}

/** React refuses `javascript:` links it renders; the bookmarklet's address is set on the element itself. */
function BookmarkletSection() {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    link.current?.setAttribute("href", bookmarkletCode(window.location.origin));
  }, []);
  return (
    <Section title="Save from any page">
      <p className="muted small">
        Drag this link to your bookmarks bar. On any page, click it to save that page here. On a phone, install Kith and
        use your browser's Share button: Kith is one of the places to share to.
      </p>
      <p>
        <a ref={link} className="btn btn-plain" href="/articles/new">
          Save to Kith
        </a>
      </p>
    </Section>
  );
}
