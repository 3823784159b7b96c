import { describe, expect, it } from "vitest";
import type { TodayItem, TodayView } from "../../today/schemas.ts";
import { composeDigest } from "./compose-digest.ts";

const view = (movedOn: TodayView["movedOn"]): TodayView => ({
  todayOn: "2026-11-23",
  items: [],
  later: [],
  laterCount: 0,
  laterCountCapped: false,
  movedOn,
  habit: {
    weekStartOn: "2026-11-23",
    weekEndOn: "2026-11-29",
    weekCount: 0,
    weeklyGoal: 1,
    met: false,
    remaining: 1,
    streakWeeks: 0,
  },
});
const footer = { todayUrl: "https://kith.test/", unsubscribeUrl: "https://kith.test/u" };
const links = () => ({ done: "d", snoozeWeek: "s" });

describe("composeDigest", () => {
  it("reports a move-on Kith made by itself, with where to undo it, even when nothing is due", () => {
    const note = "Kith moved them to occasions-only on 2026-11-23 after 3 messages with no reply since 2026-11-02.";
    const digest = composeDigest(
      view([{ contactId: "c1", displayName: "Rosa <Diaz>", movedOnAt: "x", note }]),
      links,
      footer,
    );
    expect(digest.subject).toBe("Kith moved Rosa <Diaz> to occasions-only");
    expect(digest.text).toContain(
      `Moved on by Kith (undo in Kith if you want to keep trying):\n- Rosa <Diaz>: ${note}`,
    );
    expect(digest.html).toContain(`<li>Rosa &lt;Diaz&gt;: ${note}</li>`);
    expect(digest.html).toContain('<a href="https://kith.test/">undo in Kith</a>');
  });

  it("shows each item's draft, escaped in HTML, and keeps the subject on one line", () => {
    const item: TodayItem = {
      contactId: "c1",
      displayName: "Rosa\r\nBcc: evil@example.com <b>",
      circle: "close",
      reasonKind: "follow-up-due",
      sentence: "Ask <Rosa> about the studio",
      sinceOn: "2026-11-20",
      daysOverdue: 3,
      priority: 90,
      templateSlot: "follow-up",
      followUpId: "f1",
      alsoDue: [],
      connection: { exchanges: 1, target: 7, stage: "building" },
      suggestMoveOn: false,
      article: null,
      opportunity: null,
      draft: {
        templateId: "default:follow-up",
        templateName: "Following up",
        channel: "any",
        subject: 'Following up on "<script>"',
        body: "Hi Rosa,\n\nAbout <img src=x onerror=alert(1)> & more.\n\nBest,\nSam",
      },
    };
    const digest = composeDigest({ ...view([]), items: [item] }, links, footer);
    expect(digest.subject).toBe("Kith: follow up with Rosa Bcc: evil@example.com <b> today");
    expect(digest.text).toContain(
      '   What to say — Following up on "<script>"\n     Hi Rosa,\n\n     About <img src=x onerror=alert(1)> & more.',
    );
    expect(digest.html).toContain(
      "<blockquote><em>Following up on &quot;&lt;script&gt;&quot;</em><br>Hi Rosa,<br><br>About &lt;img src=x onerror=alert(1)&gt; &amp; more.<br><br>Best,<br>Sam</blockquote>",
    );
    expect(digest.html).not.toMatch(/<(script|img|b)[\s>]/);

    // A cadence item offered an article: named with its link beside the draft, escaped.
    const draft = { ...item.draft, subject: "Thought of you" };
    const article = {
      id: "a1",
      title: 'Bees <script>"x"</script>\r\nBcc: y',
      url: "https://x.example/b?a=1&b=2",
      draft,
    };
    const offered = composeDigest(
      { ...view([]), items: [{ ...item, reasonKind: "cadence-due", article }] },
      links,
      footer,
    );
    expect(offered.text).toContain(
      '   Or share an article: Bees <script>"x"</script> Bcc: y — https://x.example/b?a=1&b=2',
    );
    expect(offered.html).toContain(
      '<p>Or share an article: <a href="https://x.example/b?a=1&amp;b=2">Bees &lt;script&gt;&quot;x&quot;&lt;/script&gt;\r\nBcc: y</a></p>',
    );
    expect(offered.html).not.toMatch(/<script[\s>]/);
    // An article item's draft is already about it: no second offer.
    const own = composeDigest(
      { ...view([]), items: [{ ...item, reasonKind: "article-match", article }] },
      links,
      footer,
    );
    expect(own.text).not.toContain("Or share an article");

    // A follow-up about an opportunity links to its page, the title escaped and on one line.
    const opportunity = { id: "o 1/é", title: 'Staff <Engineer>\r\n"x"', companyName: "Acmé & Co" };
    const job = composeDigest(
      { ...view([]), items: [{ ...item, reasonKind: "opportunity-stage", opportunity }] },
      links,
      { ...footer, todayUrl: "https://kith.test/app/" },
    );
    expect(job.text).toContain(
      '   About: Staff <Engineer> "x" at Acmé & Co — https://kith.test/app/jobs/o%201%2F%C3%A9\n',
    );
    expect(job.html).toContain(
      'About: <a href="https://kith.test/app/jobs/o%201%2F%C3%A9">Staff &lt;Engineer&gt; &quot;x&quot; at Acmé &amp; Co</a><br>',
    );
    expect(composeDigest({ ...view([]), items: [item] }, links, footer).text).not.toContain("About:");
  });

  it("says nothing of moving on when Kith moved no one", () => {
    const digest = composeDigest(view([]), links, footer);
    expect(digest.subject).toBe("Kith: nothing is due today");
    expect(digest.text).not.toMatch(/Moved on/);
  });
});
