import { useState } from "react";
import { Link, useLocation, useParams } from "wouter";
import { describeError } from "../api/problem.ts";
import { useCanEdit } from "../app/session.ts";
import { useContact } from "../contacts/contact-queries.ts";
import { DraftPanel } from "../messages/draft-panel.tsx";
import { useCanSend, useRecordSent as useMessageSent, useSendMessage } from "../messages/message-queries.ts";
import { Alert, Button, Checkbox } from "../ui/controls.tsx";
import { Empty, Loading, Page, Section } from "../ui/page.tsx";
import {
  type Article,
  type ArticleDraft,
  type ArticleMatch,
  useArticle,
  useArticleDrafts,
  useArticleMatches,
  useDeleteArticle,
} from "./article-queries.ts";

export default function ArticlePage() {
  const { id = "" } = useParams<{ id: string }>();
  const article = useArticle(id);
  const canEdit = useCanEdit();
  const remove = useDeleteArticle();
  const [, navigate] = useLocation();
  const a = article.data;
  return (
    <Page
      title={a?.title ?? "Article"}
      lead={a && <ArticleLead article={a} />}
      actions={
        canEdit &&
        a && (
          <Button tone="quiet" onPress={() => remove.mutate(a.id, { onSuccess: () => navigate("/articles") })}>
            Delete
          </Button>
        )
      }
    >
      {article.isPending && <Loading />}
      {article.isError && <Alert>{describeError(article.error)}</Alert>}
      {a && <Matches article={a} />}
      <p>
        <Link href="/articles">All articles</Link>
      </p>
    </Page>
  );
}

function ArticleLead({ article: a }: { article: Article }) {
  return (
    <>
      <a href={a.url} target="_blank" rel="noopener noreferrer">
        {new URL(a.url).host}
      </a>
      {a.description && <> · {a.description}</>}
      {a.status === "pending" && <span role="status"> · Reading the page…</span>}
      {a.status === "failed" && <span role="status"> · Could not read it: {a.failure}</span>}
      {a.topics.length > 0 && <span className="muted small"> · About {a.topics.slice(0, 6).join(", ")}</span>}
    </>
  );
}

function Matches({ article }: { article: Article }) {
  const matches = useArticleMatches(article.id, article.status);
  const drafts = useArticleDrafts(article.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const items = matches.data ?? [];
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  return (
    <>
      <Section title="Who would like this">
        {matches.isPending && <Loading />}
        {matches.isError && <Alert>{describeError(matches.error)}</Alert>}
        {matches.isSuccess && items.length === 0 && (
          <Empty>
            <p>
              {article.status === "pending"
                ? "Kith is still reading the page."
                : "Nobody's interests, tags, company or notes match this one yet."}
            </p>
          </Empty>
        )}
        <ul className="plain-list" aria-label="Matching contacts">
          {items.map((m) => (
            <MatchRow key={m.contactId} match={m} chosen={chosen.includes(m.contactId)} onToggle={toggle} />
          ))}
        </ul>
        {items.length > 0 && (
          <div className="row end">
            <Button
              tone="primary"
              isDisabled={chosen.length === 0 || drafts.isPending}
              onPress={() => drafts.mutate(chosen)}
            >
              Share with {chosen.length > 0 ? chosen.length : ""}
            </Button>
          </div>
        )}
      </Section>
      {drafts.isError && <Alert>{describeError(drafts.error)}</Alert>}
      {drafts.data && (
        <Section title="Drafts">
          <ul className="plain-list" aria-label="Drafts">
            {drafts.data.map((d) => (
              <ArticleDraftCard
                key={d.contactId}
                articleId={article.id}
                draft={d}
                name={items.find((m) => m.contactId === d.contactId)?.displayName ?? ""}
              />
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

function MatchRow(props: { match: ArticleMatch; chosen: boolean; onToggle: (id: string, on: boolean) => void }) {
  const m = props.match;
  return (
    <li className="follow-up">
      <Checkbox isSelected={props.chosen} onChange={(on) => props.onToggle(m.contactId, on)}>
        <span className="strong">{m.displayName}</span>
      </Checkbox>
      <div className="muted small">{m.reasons.join(" · ")}</div>
    </li>
  );
}

/**
 * One person's "thought of you" draft, with the same actions as every draft (the shared panel): edit, copy or open
 * in the mail app then "did you send it?", or Send through the member's own SMTP account; each logs one touch.
 */
function ArticleDraftCard({ draft: d, name, articleId }: { draft: ArticleDraft; name: string; articleId: string }) {
  const canEdit = useCanEdit();
  const canSend = useCanSend();
  const contact = useContact(d.contactId);
  const recordSent = useMessageSent(d.contactId);
  const send = useSendMessage(d.contactId);
  return (
    <li className="article-draft" aria-label={`Draft for ${name}`}>
      <DraftPanel
        draft={d.draft}
        contact={{ id: d.contactId, displayName: name, email: contact.data?.emails[0]?.address ?? null }}
        canEdit={canEdit}
        canSend={canEdit && canSend}
        onSend={(message) => send.mutateAsync({ ...message, articleId })}
        onSent={(message) => recordSent.mutateAsync({ ...message, articleId })}
        expanded
      />
    </li>
  );
}
