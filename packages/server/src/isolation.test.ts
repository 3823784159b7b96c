import { PNG_BASE64 } from "@kith/core/testing/photos";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { awaitImport } from "./testing/imports.ts";
import { signUp, useTestServer } from "./testing/test-server.ts";

/**
 * Bob must not read, change or list anything of Alice's through any route that exists. The route table
 * comes from the app itself: a route added later without a case here fails this test until it has one.
 */
type Expectation = { status: number | readonly number[]; body?: unknown } | { list: true; body?: unknown };

function casesFor(ids: Record<string, string>): Record<string, Expectation> {
  const notFound = (body?: unknown) => ({ status: 404, ...(body !== undefined ? { body } : {}) });
  return {
    "GET /api/account": { list: true },
    "PATCH /api/account": { list: true },
    "GET /api/account/members": { list: true },
    // Invitations: Bob's own list and his own invitations; Alice's cannot be revoked, previewed or accepted by him.
    "GET /api/account/invitations": { list: true },
    "POST /api/account/invitations": { status: 201, body: { email: "friend@example.com", role: "viewer" } },
    "DELETE /api/account/invitations/:id": notFound(),
    "POST /api/invitations/preview": { status: 400, body: { token: ids.invitationToken } },
    "POST /api/invitations/accept": { status: 400, body: { token: ids.invitationToken } },
    "PATCH /api/account/members/:userId": notFound({ role: "viewer" }),
    "DELETE /api/account/members/:userId": notFound(),
    // Coach and partner access: Bob's own shares and log; Alice is no share of his account (404).
    "GET /api/shares": { list: true },
    "POST /api/shares": { status: 201, body: { email: "friend@example.com", scope: { kind: "everything" } } },
    "PUT /api/shares/:userId": notFound({ scope: { kind: "everything" } }),
    "DELETE /api/shares/:userId": notFound(),
    "GET /api/shares/:userId/access": notFound(),
    "GET /api/me/access": { list: true },
    // A member's own sessions and password: Bob's never reach Alice's (her session id is not found for him).
    "GET /api/sessions": { list: true },
    "DELETE /api/sessions/:id": notFound(),
    "POST /api/sessions/sign-out-others": { status: 200 },
    "POST /api/password": { status: 400, body: { currentPassword: "not bob's", newPassword: "a new long passphrase" } },
    // Bob has a password: a first one is refused (409), his or anyone's.
    "POST /api/password/set": { status: 409, body: { newPassword: "a new long passphrase" } },
    // No SMTP here: no new address can be confirmed, Bob's or anyone's.
    "POST /api/email": { status: 409, body: { newEmail: "alice@example.com", currentPassword: "not bob's" } },
    // Single sign-on linking is the caller's own (none configured here: nothing to link, nothing of Alice's).
    "GET /api/sso/link": { list: true },
    "POST /api/sso/link": { status: [403, 404] },
    "GET /api/tokens": { list: true },
    "POST /api/tokens": { list: true },
    "DELETE /api/tokens/:id": notFound(),
    "GET /api/contacts": { list: true },
    "POST /api/contacts": { status: 400, body: { firstName: "X", companyId: ids.company } },
    "GET /api/contacts/:id": notFound(),
    "PATCH /api/contacts/:id": notFound({ firstName: "Pwned" }),
    "POST /api/contacts/:id/archive": notFound(),
    "POST /api/contacts/:id/unarchive": notFound(),
    "DELETE /api/contacts/:id": notFound(),
    "GET /api/contacts/:id/photo": notFound(),
    "PUT /api/contacts/:id/photo": notFound({ contentType: "image/png", data: PNG_BASE64 }),
    "DELETE /api/contacts/:id/photo": notFound(),
    "GET /api/companies": { list: true },
    "GET /api/companies/targets": { list: true },
    // The job search: Bob's own lists; Alice's opportunity, its contacts, interviews, prep and network are 404; her
    // company, contact or opportunity named in Bob's own rows is refused.
    "GET /api/opportunities": { list: true },
    "POST /api/opportunities": { status: 400, body: { title: "Mine", companyId: ids.company } },
    "GET /api/opportunities/:id": notFound(),
    "PATCH /api/opportunities/:id": notFound({ title: "Pwned" }),
    "DELETE /api/opportunities/:id": notFound(),
    "GET /api/opportunities/:id/comments": notFound(),
    "POST /api/opportunities/:id/comments": notFound({ body: "Pwned" }),
    "POST /api/opportunities/:id/stage": notFound({ stage: "rejected" }),
    "POST /api/opportunities/:id/contacts": notFound({ contactId: ids.contact, role: "other" }),
    "DELETE /api/opportunities/:id/contacts/:contactId": notFound(),
    "POST /api/opportunities/:id/interviews": notFound({ startsAt: "2026-11-20T10:00:00Z", kind: "video" }),
    "PATCH /api/opportunities/:id/interviews/:interviewId": notFound({ notes: "Pwned" }),
    "POST /api/opportunities/:id/interviews/:interviewId/held": notFound(),
    "DELETE /api/opportunities/:id/interviews/:interviewId": notFound(),
    "GET /api/opportunities/:id/network": notFound(),
    "GET /api/opportunities/:id/prep": notFound(),
    "PUT /api/opportunities/:id/prep": notFound({ researchNotes: "Pwned" }),
    "GET /api/interview-questions": { list: true },
    "POST /api/interview-questions": { status: 201, body: { question: "Bob's own?" } },
    "PATCH /api/interview-questions/:id": notFound({ answer: "Pwned" }),
    "DELETE /api/interview-questions/:id": notFound(),
    "GET /api/job-expenses": { list: true },
    "GET /api/job-expenses.csv": { status: 200 },
    "POST /api/job-expenses": {
      status: 400,
      body: { spentOn: "2026-11-02", amountMinor: 1, currency: "EUR", category: "x", opportunityId: ids.opportunity },
    },
    "PATCH /api/job-expenses/:id": notFound({ note: "Pwned" }),
    "DELETE /api/job-expenses/:id": notFound(),
    "POST /api/companies": { list: true },
    "GET /api/companies/:id": notFound(),
    "PATCH /api/companies/:id": notFound({ name: "Pwned" }),
    "DELETE /api/companies/:id": notFound(),
    "GET /api/interactions": { list: true },
    "POST /api/interactions": { status: 400, body: { contactIds: [ids.contact], kind: "call", direction: "outbound" } },
    "GET /api/interactions/:id": notFound(),
    "PATCH /api/interactions/:id": notFound({ summary: "Pwned" }),
    "DELETE /api/interactions/:id": notFound(),
    "GET /api/follow-ups": { list: true },
    "POST /api/follow-ups": notFound({ contactId: ids.contact, dueOn: "2026-12-01", title: "x" }),
    "POST /api/follow-ups/:id/done": notFound({}),
    "POST /api/follow-ups/:id/snooze": notFound({ days: 3 }),
    "POST /api/follow-ups/:id/skip": notFound(),
    "POST /api/follow-ups/:id/reopen": notFound(),
    "GET /api/today": { list: true },
    "POST /api/today/:contactId/done": notFound({}),
    "POST /api/today/:contactId/snooze": notFound({ days: 3 }),
    "POST /api/today/:contactId/skip": notFound(),
    "POST /api/today/undo": {
      status: 404,
      body: {
        action: "done",
        contactId: ids.contact,
        followUpId: null,
        interactionId: ids.interaction,
        snoozedUntilOnBefore: null,
      },
    },
    "POST /api/contacts/:id/move-on": notFound(),
    "GET /api/contacts/:id/due": notFound(),
    "POST /api/contacts/:id/move-on/undo": notFound(),
    "POST /api/due-state/rebuild": { list: true },
    "GET /api/settings": { list: true },
    "GET /api/insights": { list: true },
    "GET /api/analytics": { list: true },
    "GET /api/progress": { list: true },
    "POST /api/imports/preview": { status: 200, body: { content: "Name,Company\nSecret Person,Secretco\n" } },
    "POST /api/imports": { status: 202, body: { content: "Name\nSomeone Else\n" } },
    "GET /api/imports": { list: true },
    "GET /api/imports/:id": notFound(),
    "POST /api/imports/:id/resume": notFound(),
    "GET /api/exports/contacts": { status: 200 },
    "GET /api/backup": { status: 200 },
    // 409 once the import queued above has given Bob a contact (refused before the upload is read), else 400 for
    // the empty object: which comes first depends on the import worker.
    "POST /api/backup/restore": { status: [400, 409] },
    "GET /api/backup/restore/:id": notFound(),
    "GET /api/duplicates": { list: true },
    "POST /api/merges": notFound({ keepId: ids.contact, mergeId: ids.contact2 }),
    "POST /api/merges/:id/undo": notFound(),
    "POST /api/duplicates/dismissals": notFound({ contactIds: [ids.contact, ids.contact2] }),
    "POST /api/duplicates/dismissals/undo": notFound({ contactIds: [ids.contact, ids.contact2] }),
    "PATCH /api/settings": { list: true },
    "GET /api/settings/holidays": { list: true },
    "GET /api/settings/countries": { list: true },
    "GET /api/notify/status": { list: true },
    "PATCH /api/notify/settings": { status: 200, body: { digest: "weekly", hour: 6 } },
    // No SMTP in this test: Bob is told so, about his own account only.
    "POST /api/notify/test": { status: 409 },
    "GET /api/notify/webhooks": { list: true },
    // Bob may add his own, but not to a loopback target (this server does not allow private ones).
    "POST /api/notify/webhooks": { status: 400, body: { url: "http://127.0.0.1:9/bob-hook" } },
    "DELETE /api/notify/webhooks/:id": notFound(),
    "POST /api/notify/webhooks/:id/test": notFound(),
    // Each member's own address: Bob's status, new address and turning off never touch Alice's (see the snapshot).
    "GET /api/calendar/feed": { status: 200 },
    "POST /api/calendar/feed": { status: 200 },
    "DELETE /api/calendar/feed": { status: 204 },
    // The member's own address only; without SMTP no verification mail can be sent.
    "GET /api/email-verification": { list: true },
    // Templates and drafts (msg-core): Bob's own library; Alice's template and her contact's draft are 404.
    "GET /api/templates": { list: true },
    "POST /api/templates": { status: 201, body: { name: "Bob's", body: "Hi {{ contact.firstName }}" } },
    "POST /api/templates/preview": notFound({ body: "Hi {{ contact.firstName }}", contactId: ids.contact }),
    "GET /api/templates/:id": notFound(),
    "PATCH /api/templates/:id": notFound({ name: "Pwned" }),
    "DELETE /api/templates/:id": notFound(),
    "POST /api/templates/:id/restore": notFound(),
    "GET /api/contacts/:id/draft": notFound(),
    // Sending (sending): each member's own SMTP account; a message to or about Alice's contact is refused.
    "GET /api/me/smtp": { list: true },
    "PUT /api/me/smtp": { list: true },
    "DELETE /api/me/smtp": { list: true },
    "POST /api/me/smtp/test": { list: true },
    // Mailbox sync: Bob's own mailbox (never Alice's, which he cannot see); Alice's suggestions are 404 for him.
    "GET /api/me/mailbox": { list: true },
    "PUT /api/me/mailbox": {
      list: true,
      body: { host: "127.0.0.1", port: 9, tls: false, user: "bob", password: "pw" },
    },
    "DELETE /api/me/mailbox": { status: 204 },
    "POST /api/me/mailbox/test": {
      status: 200,
      body: { host: "127.0.0.1", port: 9, tls: false, user: "bob", password: "pw" },
    },
    "POST /api/me/mailbox/sync": { status: [202, 409] },
    "GET /api/me/mailbox/status": { list: true },
    "GET /api/mailbox/suggestions": { list: true },
    "POST /api/mailbox/suggestions/:address/accept": notFound({}),
    "POST /api/mailbox/suggestions/:address/dismiss": notFound(),
    "POST /api/messages/send": { list: true, body: { contactId: ids.contact, subject: "x", body: "y" } },
    "POST /api/messages/sent": notFound({ contactId: ids.contact, channel: "email", subject: "s", body: "b" }),
    // Articles: Bob's own list; his own save refused at loopback; Alice's article and its matches and drafts are 404.
    // Calendars: Bob's own list and his own import; his subscription refused at loopback; Alice's calendar is 404.
    "GET /api/calendars": { list: true },
    "POST /api/calendars/import": {
      status: 200,
      body: { content: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n" },
    },
    "POST /api/calendars": { status: 400, body: { url: "http://127.0.0.1:9/bob.ics" } },
    "GET /api/calendars/:id": notFound(),
    "POST /api/calendars/:id/sync": notFound(),
    "PUT /api/calendars/:id/address": notFound({ url: "https://calendar.example/bob.ics" }),
    "DELETE /api/calendars/:id": notFound(),
    "GET /api/articles": { list: true },
    "POST /api/articles": { status: 400, body: { url: "http://127.0.0.1:9/bob-article" } },
    "GET /api/articles/:id": notFound(),
    "DELETE /api/articles/:id": notFound(),
    "GET /api/articles/:id/matches": notFound(),
    "POST /api/articles/:id/drafts": notFound({ contactIds: [ids.contact] }),
    // Campaigns: Bob's own list; a segment naming Alice's company finds no one of hers; her campaign is 404.
    "GET /api/campaigns": { list: true },
    "POST /api/campaigns": {
      list: true,
      body: { occasion: { kind: "thanksgiving" }, segment: { companyId: ids.company }, mode: "self" },
    },
    "POST /api/campaigns/segment-preview": { list: true, body: { segment: { companyId: ids.company } } },
    "GET /api/campaigns/:id": notFound(),
    "POST /api/campaigns/:id/send": notFound(),
    "PATCH /api/campaigns/:id/recipients/:contactId": notFound({ personalLine: "Pwned" }),
    "DELETE /api/campaigns/:id/recipients/:contactId": notFound(),
    "POST /api/campaigns/:id/recipients/:contactId/mark-sent": notFound(),
    "POST /api/campaigns/:id/recipients/:contactId/retry": notFound(),
    "POST /api/email-verification": { status: 409 },
    // The network: Alice's contacts, edges, company and asks are 404 to Bob; his own asks list is his.
    "GET /api/contacts/:id/relationships": notFound(),
    "POST /api/relationships": notFound({ fromContactId: ids.contact, toContactId: ids.friend, kind: "knows" }),
    "PATCH /api/relationships/:id": notFound({ strength: 1 }),
    "DELETE /api/relationships/:id": notFound(),
    // Without a target (the route table has no query string): refused before anything is read.
    "GET /api/network/paths": { status: 400 },
    "GET /api/network/neighbourhood": { status: 400 },
    "GET /api/companies/:id/who-do-you-know": notFound(),
    "GET /api/asks": { list: true },
    "POST /api/asks": notFound({ contactId: ids.contact, about: { kind: "other", text: "x" } }),
    "GET /api/asks/:id": notFound(),
    "PATCH /api/asks/:id": notFound({ note: "Pwned" }),
    "DELETE /api/asks/:id": notFound(),
    "POST /api/asks/:id/names": notFound({ firstName: "Zed" }),
    "POST /api/asks/:id/status": notFound({ status: "declined" }),
  };
}

const idFor = (url: string, ids: Record<string, string>): Record<string, string> => {
  const feature = url.split("/")[2] ?? "";
  const byFeature: Record<string, string | undefined> = {
    contacts: ids.contact,
    companies: ids.company,
    interactions: ids.interaction,
    "follow-ups": ids.followUp,
    tokens: ids.token,
    imports: ids.importJob,
    merges: ids.merge,
    notify: ids.webhook,
    sessions: ids.session,
    account: ids.invitation,
    backup: ids.restore,
    articles: ids.article,
    calendars: ids.calendar,
    templates: ids.template,
    campaigns: ids.campaign,
    relationships: ids.relationship,
    asks: ids.ask,
    opportunities: ids.opportunity,
    "interview-questions": ids.question,
    "job-expenses": ids.expense,
  };
  return {
    id: byFeature[feature] ?? "",
    userId: ids.aliceUser ?? "",
    contactId: ids.contact ?? "",
    address: ids.suggestion ?? "",
    interviewId: ids.interview ?? "",
  };
};

const isScopedApiRoute = (url: string) =>
  url.startsWith("/api/") &&
  !url.startsWith("/api/auth/") &&
  !url.startsWith("/api/docs") &&
  url !== "/api/openapi.json";

describe.each(DIALECTS)("account isolation on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("a second account cannot read, change or list the first account's rows through any route", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const bob = await signUp(s, "Bob", "bob@example.com");
    const company = (await alice.call("POST", "/api/companies", { name: "Secretco", target: true })).json();
    const contact = (
      await alice.call("POST", "/api/contacts", {
        firstName: "Secret",
        lastName: "Person",
        companyId: company.id,
        tags: ["vip"],
      })
    ).json();
    const interaction = (
      await alice.call("POST", "/api/interactions", { contactIds: [contact.id], kind: "call", direction: "outbound" })
    ).json();
    const followUp = (
      await alice.call("POST", "/api/follow-ups", { contactId: contact.id, dueOn: "2026-11-20", title: "Secret plan" })
    ).json();
    const token = (await alice.call("POST", "/api/tokens", { name: "alice-cli" })).json();
    const queued = (await alice.call("POST", "/api/imports", { content: "Name\nImported Secret\n" })).json();
    const importJob = await awaitImport(alice.call, queued.id);
    const twin = (await alice.call("POST", "/api/contacts", { firstName: "Secret", lastName: "Twin" })).json();
    const merge = (
      await alice.call("POST", "/api/merges", { keepId: importJob.rows[0].contactId, mergeId: twin.id })
    ).json();
    // A public address given as an IP: saved without any DNS lookup, and never sent to in this test.
    const webhook = (
      await alice.call("POST", "/api/notify/webhooks", { url: "http://93.184.215.14/alice-secret-hook" })
    ).json();
    const template = (
      await alice.call("POST", "/api/templates", { name: "Secret template", body: "Hi {{ contact.firstName }}" })
    ).json();
    const article = (
      await alice.call("POST", "/api/articles", { url: "https://93.184.215.14/alice-secret-article" })
    ).json();
    const calendar = (
      await alice.call("POST", "/api/calendars", { url: "https://93.184.215.14/alice-secret-calendar.ics" })
    ).json();
    const campaign = (
      await alice.call("POST", "/api/campaigns", {
        occasion: { kind: "thanksgiving" },
        segment: { companyId: company.id },
        mode: "self",
      })
    ).json();
    expect(campaign.recipients?.map((r: { contactId: string }) => r.contactId)).toContain(contact.id);
    const friend = (await alice.call("POST", "/api/contacts", { firstName: "Secret", lastName: "Friend" })).json();
    const relationship = (
      await alice.call("POST", "/api/relationships", {
        fromContactId: contact.id,
        toContactId: friend.id,
        kind: "friend",
      })
    ).json();
    const ask = (
      await alice.call("POST", "/api/asks", { contactId: friend.id, about: { kind: "company", companyId: company.id } })
    ).json();
    await alice.call("POST", `/api/asks/${ask.id}/names`, { firstName: "Secret", lastName: "Name" });
    const opportunity = (
      await alice.call("POST", "/api/opportunities", { title: "Secret job", companyId: company.id })
    ).json();
    await alice.call("POST", `/api/opportunities/${opportunity.id}/contacts`, {
      contactId: contact.id,
      role: "recruiter",
    });
    const interview = (
      await alice.call("POST", `/api/opportunities/${opportunity.id}/interviews`, {
        startsAt: "2026-11-20T10:00:00Z",
        kind: "video",
        contactIds: [contact.id],
      })
    ).json();
    await alice.call("PUT", `/api/opportunities/${opportunity.id}/prep`, { researchNotes: "Secret notes" });
    const question = (await alice.call("POST", "/api/interview-questions", { question: "Secret question?" })).json();
    const expense = (
      await alice.call("POST", "/api/job-expenses", {
        spentOn: "2026-11-01",
        amountMinor: 1250,
        currency: "EUR",
        category: "Secret travel",
        opportunityId: opportunity.id,
      })
    ).json();
    const calendarUrl: string = (await alice.call("POST", "/api/calendar/feed")).json().url;
    const invited = (
      await alice.call("POST", "/api/account/invitations", { email: "carol@example.com", role: "editor" })
    ).json();
    // A restore of Alice's, as it is while its upload arrives (her account is not empty, so none could run).
    const aliceAccount = (await alice.call("GET", "/api/account")).json().id as string;
    await s.deps.store.restoreJobs.insertJob(aliceAccount, {
      id: "restore-secret",
      createdBy: alice.userId,
      createdAt: "2026-11-02T14:00:00.000Z",
    });
    // Alice's mailbox and a suggestion from it, as a sync leaves them (no mail server in this test).
    await s.deps.store.mailbox.save(
      aliceAccount,
      {
        ...{ accountId: aliceAccount, userId: alice.userId, host: "imap.alice-secret.example", port: 993, tls: true },
        ...{
          user: "alice-secret-login",
          sealedPassword: "ks1.alice-secret-sealed",
          folders: [],
          startOn: "2026-10-01",
        },
        ...{ storeBodies: false, autoCreate: false, aliases: [], logFolder: null, logAddress: null },
        ...{ createdAt: "2026-11-02T14:00:00.000Z", updatedAt: "2026-11-02T14:00:00.000Z" },
      },
      "2026-11-02T14:00:00.000Z",
    );
    for (const messageId of ["secret-1@mail.test", "secret-2@mail.test"]) {
      await s.deps.store.mailbox.addCorrespondentMessage(aliceAccount, alice.userId, {
        ...{ address: "secret-stranger@example.com", messageId, name: "Secret Stranger", direction: "inbound" },
        ...{ subject: "Secret subject", occurredAt: "2026-10-20T09:00:00.000Z" },
      });
    }
    const ids: Record<string, string> = {
      suggestion: "secret-stranger@example.com",
      restore: "restore-secret",
      company: company.id,
      contact: contact.id,
      interaction: interaction.id,
      followUp: followUp.id,
      token: token.id,
      importJob: importJob.id,
      contact2: importJob.rows[0].contactId,
      merge: merge.mergeId,
      aliceUser: alice.userId,
      webhook: webhook.id,
      article: article.id,
      calendar: calendar.id,
      template: template.id,
      campaign: campaign.id,
      friend: friend.id,
      relationship: relationship.id,
      ask: ask.id,
      opportunity: opportunity.id,
      interview: interview.id,
      question: question.id,
      expense: expense.id,
      session: (await alice.call("GET", "/api/sessions")).json().items[0].id,
      invitation: invited.invitation.id,
      invitationToken: new URL(invited.link).hash.slice(1),
      calendarToken: calendarUrl.slice(calendarUrl.lastIndexOf("/") + 1, -".ics".length),
    };
    const secrets = [...Object.values(ids), "Secret", "alice"];
    const snapshot = async () =>
      JSON.stringify(
        await Promise.all(
          [
            `/api/contacts/${contact.id}`,
            `/api/companies/${company.id}`,
            `/api/interactions/${interaction.id}`,
            "/api/follow-ups",
            "/api/tokens",
            "/api/account/members",
            "/api/account/invitations",
            "/api/notify/status",
            "/api/notify/webhooks",
            "/api/calendar/feed",
            `/api/articles/${article.id}`,
            `/api/asks/${ask.id}`,
            `/api/contacts/${contact.id}/relationships`,
            `/api/companies/${company.id}/who-do-you-know`,
            `/api/calendars/${calendar.id}`,
            `/api/opportunities/${opportunity.id}`,
            `/api/opportunities/${opportunity.id}/prep`,
            "/api/interview-questions",
            "/api/job-expenses?year=2026",
          ].map(async (url) => (await alice.call("GET", url)).json()),
        ),
      );
    const before = await snapshot();

    const cases = casesFor(ids);
    const routes = s.routes.filter((r) => r.method !== "HEAD" && isScopedApiRoute(r.url));
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const expected = cases[key];
      expect(expected, `no isolation case for ${key}: add one`).toBeDefined();
      const params = idFor(route.url, ids);
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? "");
      const body =
        expected && "body" in expected
          ? expected.body
          : route.method === "GET" || route.method === "DELETE"
            ? undefined
            : {};
      const res = await bob.call(route.method as "GET", url, body);
      if (expected && "status" in expected) expect([expected.status].flat(), key).toContain(res.statusCode);
      // A leak is anything of Alice's in the answer that Bob did not send himself (a 404 may echo the id asked for).
      const sent = url + JSON.stringify(body ?? "");
      for (const secret of secrets.filter((x) => !sent.includes(x))) {
        expect(res.body.includes(secret), `${key} leaked ${secret}`).toBe(false);
      }
    }
    expect(await snapshot()).toBe(before);
    // Every route of the API, one after the other: it grows with the API, so its time bound is not the default's.
  }, 180_000);
});
