import type { DraftSlot, TemplateChannel } from "./schemas.ts";

/**
 * Kith's templates, seeded in code (an account's edits are stored copies that override them by id). Written to
 * read like a person wrote them whatever is missing: every optional part sits inside `{% if %}`, and the renderer
 * tidies what is left (see natural-text.ts). `minGapDays`: among defaults for one slot, this one is chosen once the
 * gap since the last touch is at least that long.
 */
export interface DefaultTemplate {
  id: `default:${string}`;
  name: string;
  channel: TemplateChannel;
  slots: DraftSlot[];
  subject: string;
  body: string;
  minGapDays?: number;
}

const hi = "Hi {{ contact.firstName }},";
const signOff = (word: string) => `${word},\n{{ me.name }}`;
const update = "{% if me.update %}\nA little update from me: {{ me.update }}\n{% endif %}";

export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  {
    id: "default:check-in",
    name: "Check-in",
    channel: "any",
    slots: ["check-in"],
    subject: "How are things{% if contact.firstName %}, {{ contact.firstName }}{% endif %}?",
    body: `${hi}

You came to mind today and I wanted to say hello.{% if lastTouch.ago %} Our last {{ lastTouch.kind }} was {{ lastTouch.ago }}, and I've been wondering how things have gone since.{% endif %}{% if lastTouch.line %} {{ lastTouch.line }}{% endif %}
{% if contact.interests.size > 0 %}
Are you still into {{ contact.interests | first }}? I'd love to hear what you've been up to.
{% endif %}
How is everything{% if contact.company %} at {{ contact.company }}{% endif %}?
${update}
${signOff("Best")}`,
  },
  {
    id: "default:its-been-a-while",
    name: "It's been a while",
    channel: "any",
    slots: ["check-in"],
    minGapDays: 120,
    subject: "It's been a while{% if contact.firstName %}, {{ contact.firstName }}{% endif %}",
    body: `${hi}

It's been {% if gap %}{{ gap }}{% else %}a while{% endif %} since we last talked, and you came to mind today.{% if contact.howWeMet %} I was remembering how we met ({{ contact.howWeMet }}) and it made me smile.{% endif %}

How have you been? What's keeping you busy these days{% if contact.company %} at {{ contact.company }}{% endif %}?
${update}
No need for a long reply — I'd just love to hear how you are.

${signOff("Warmly")}`,
  },
  {
    id: "default:thank-you-meeting",
    name: "Thank you after a meeting",
    channel: "email",
    slots: ["thank-you-meeting"],
    subject: "Thank you{% if contact.firstName %}, {{ contact.firstName }}{% endif %}",
    body: `${hi}

Thank you for {% if lastTouch.outing %}meeting me for {{ lastTouch.outing }}{% else %}taking the time to meet{% endif %}{% if lastTouch.ago %} {{ lastTouch.ago }}{% endif %}. I really enjoyed our conversation{% if lastTouch.topic %} about {{ lastTouch.topic }}{% endif %} and came away with a lot to think about.
{% if openFollowUps.size > 0 %}
On my list from our chat: {{ openFollowUps | join: "; " }}. I'll be in touch about it soon.
{% endif %}
Let's not let too long go by before the next one.

${signOff("Thanks again")}`,
  },
  {
    id: "default:thank-you-interview",
    name: "Thank you after an interview",
    channel: "email",
    slots: ["thank-you-interview"],
    subject: "Thank you for your time{% if contact.firstName %}, {{ contact.firstName }}{% endif %}",
    body: `${hi}

Thank you for taking the time to talk with me{% if contact.company %} about the role at {{ contact.company }}{% endif %}. I enjoyed learning more about the team and the work, and our conversation made me even more excited about the opportunity.

If there is anything else I can send that would help, just let me know.

${signOff("Best regards")}`,
  },
  {
    id: "default:holiday",
    name: "Holiday greeting",
    channel: "any",
    slots: ["holiday", "campaign"],
    subject:
      "{% if occasion %}Happy {{ occasion.name }}{% else %}Warm wishes{% endif %}{% if contact.firstName %}, {{ contact.firstName }}{% endif %}",
    body: `${hi}

{% if occasion %}Happy {{ occasion.name }}!{% else %}Warm wishes to you and yours!{% endif %} I hope you get some time to rest and enjoy it.
{% if personalLine %}
{{ personalLine }}
{% endif %}${update}
Thank you for being part of my year. I'm grateful to know you, and I hope the months ahead treat you well.

${signOff("Warmly")}`,
  },
  {
    id: "default:article",
    name: "I thought about you today",
    channel: "any",
    slots: ["article"],
    subject: "{% if article.title %}Thought of you: {{ article.title }}{% else %}Thought of you today{% endif %}",
    body: `${hi}

{% if article %}I thought about you today when I came across this{% if article.title %}: "{{ article.title }}"{% endif %}.
{{ article.url }}
{% if article.description %}
{{ article.description }}
{% endif %}
{% if contact.interests.size > 0 %}It made me think of your interest in {{ contact.interests | first }}. {% endif %}No need to reply — I just thought you might enjoy it.{% else %}I thought about you today and wanted to say hello. I hope all is well with you.{% endif %}

${signOff("Best")}`,
  },
  {
    id: "default:ask",
    name: "Who do you know at …?",
    channel: "any",
    slots: ["ask"],
    subject: "{% if company %}A quick question about {{ company }}{% else %}A quick question{% endif %}",
    body: `${hi}

I hope you're doing well! I have a small favor to ask: {% if company %}do you know anyone at {{ company }}{% else %}do you know anyone I should talk to about what I'm working on{% endif %}? I'd be grateful for an introduction, or even just a name.

No pressure at all if nobody comes to mind.

${signOff("Thank you")}`,
  },
  // The who-do-you-know ask when the best first person works at the company themselves: "do you know anyone at
  // Acme?" would ask them about their own employer, so they are asked about it from the inside.
  {
    id: "default:insider-ask",
    name: "Asking someone who works there",
    channel: "any",
    slots: ["ask-insider"],
    subject: "{% if company %}A question about {{ company }}{% else %}A quick question{% endif %}",
    body: `${hi}

I hope you're doing well! {% if company %}I've been looking at {{ company }}, and since you work there, you're the first person I wanted to ask{% else %}Since you know the place from the inside, you're the first person I wanted to ask{% endif %}: what is it like on your team, and who would be good for me to talk to? If a role there fits me, would you be open to referring me, or introducing me to the hiring manager?

I'd be glad to buy you a coffee or set up a short call, whenever suits you. No pressure at all if it isn't a good moment.

${signOff("Thank you")}`,
  },
  // After default:ask, so the "ask" slot still drafts "Who do you know at …?"; the job search's referral
  // suggestion names this one by id.
  {
    id: "default:referral-ask",
    name: "Asking for a referral",
    channel: "any",
    slots: ["ask"],
    subject:
      "{% if contact.company %}A question about a role at {{ contact.company }}{% else %}A quick question{% endif %}",
    body: `${hi}

I hope you're doing well! I'm about to apply for a role{% if contact.company %} at {{ contact.company }}{% endif %}, and since you know the place from the inside, I wanted to ask you first: would you be willing to refer me, or tell me who the hiring manager is?

I'm happy to send my CV and a few lines about why I'd be a good fit. And no pressure at all if it isn't a good moment.

${signOff("Thank you")}`,
  },
  {
    id: "default:new-role",
    name: "Congratulations on the new role",
    channel: "any",
    slots: ["new-role"],
    subject: "Congratulations{% if contact.firstName %}, {{ contact.firstName }}{% endif %}!",
    body: `${hi}

Congratulations on the new role{% if contact.title %} as {{ contact.title }}{% endif %}{% if contact.company %} at {{ contact.company }}{% endif %}! That's wonderful news, and well deserved.

I'd love to hear how the first weeks are going whenever you have a moment.

${signOff("Cheers")}`,
  },
  {
    id: "default:nudge-1",
    name: "Nudge 1: a gentle bump",
    channel: "any",
    slots: ["nudge-1"],
    subject: "Following up",
    body: `${hi}

Just bringing my last message back to the top of your inbox in case it slipped by. No rush at all.

${signOff("Best")}`,
  },
  {
    id: "default:nudge-2",
    name: "Nudge 2: one more try",
    channel: "any",
    slots: ["nudge-2"],
    subject: "Checking in again",
    body: `${hi}

I know things get busy, so I'm trying once more. If now isn't a good time, just say so and I'll check back later.

${signOff("Best")}`,
  },
  {
    id: "default:nudge-3",
    name: "Nudge 3: the last note",
    channel: "any",
    slots: ["nudge-3", "move-on"],
    subject: "Closing the loop",
    body: `${hi}

I don't want to crowd your inbox, so this is my last note on this. If it's ever useful to pick it up again, I'm just a message away — and either way, I hope things are going well for you.

${signOff("All the best")}`,
  },
  {
    id: "default:introducer-thanks",
    name: "Thanks for the introduction",
    channel: "any",
    slots: ["introducer-thanks"],
    subject: "Thank you for the introduction",
    body: `${hi}

Thank you so much for the introduction. It was kind of you to think of me, and I'll let you know how it goes.

I owe you one — if I can ever return the favor, just ask.

${signOff("Thanks again")}`,
  },
  {
    id: "default:introducer-update",
    name: "How it went (to an introducer)",
    channel: "any",
    slots: ["introducer-update"],
    subject: "How it went",
    body: `${hi}

A quick note to tell you how it went: I met the person you introduced me to, and it was a really good conversation. Thank you again for making it happen.

I'll keep you posted. And if there's ever anything I can do for you, just say the word.

${signOff("Warmly")}`,
  },
  {
    id: "default:birthday",
    name: "Birthday",
    channel: "message",
    slots: ["birthday"],
    subject: "Happy birthday{% if contact.firstName %}, {{ contact.firstName }}{% endif %}!",
    body: `${hi}

Happy birthday! I hope you have a lovely day{% if contact.interests.size > 0 %}, with some time for {{ contact.interests | first }}{% endif %}, and a great year ahead.

${signOff("Cheers")}`,
  },
  {
    id: "default:occasion",
    name: "A special day",
    channel: "message",
    slots: ["anniversary", "occasion"],
    subject: "{% if occasion %}Happy {{ occasion.name }}{% else %}Thinking of you{% endif %}",
    body: `${hi}

{% if occasion %}I know today is a special one for you ({{ occasion.name }}), and I wanted to send my best wishes!{% else %}You were on my mind today and I wanted to send a quick hello.{% endif %} I hope all is well with you.

${signOff("Warmly")}`,
  },
  {
    id: "default:status-check",
    name: "Checking in on an application",
    channel: "email",
    slots: ["status-check"],
    subject: "Checking in{% if contact.company %} on the role at {{ contact.company }}{% endif %}",
    body: `${hi}

I hope your week is going well. I wanted to check in on where things stand{% if contact.company %} with the role at {{ contact.company }}{% endif %}. I'm still very interested, and happy to send anything that would help.

${signOff("Best regards")}`,
  },
  {
    id: "default:keep-in-touch",
    name: "Keeping in touch after a decision",
    channel: "email",
    slots: ["keep-in-touch"],
    subject: "Thank you{% if contact.firstName %}, {{ contact.firstName }}{% endif %}",
    body: `${hi}

Thank you again for your time and for everything you shared with me during the process{% if contact.company %} at {{ contact.company }}{% endif %}. Even though it didn't work out this time, I really enjoyed getting to know you and the team.

I'd love to stay in touch. If I can ever return the favour, just let me know.

${signOff("All the best")}`,
  },
  {
    id: "default:thank-you-referral",
    name: "Thanks for the referral",
    channel: "any",
    slots: ["thank-you-referral"],
    subject: "Thank you for the referral",
    body: `${hi}

I wanted you to be among the first to know: I received an offer{% if contact.company %} from {{ contact.company }}{% endif %}. Your referral made a real difference, and I'm very grateful you put my name forward.

${signOff("With thanks")}`,
  },
  {
    id: "default:follow-up",
    name: "Following up",
    channel: "any",
    slots: ["follow-up", "opportunity"],
    subject: "Following up",
    body: `${hi}

I wanted to follow up{% if lastTouch.ago %} on our {{ lastTouch.kind }} {{ lastTouch.ago }}{% endif %}.{% if openFollowUps.size > 0 %} Next on my list: {{ openFollowUps | first }}.{% endif %}

Do you have a moment this week to pick it up?

${signOff("Best")}`,
  },
];

export const defaultTemplateById = (id: string): DefaultTemplate | undefined =>
  DEFAULT_TEMPLATES.find((t) => t.id === id);
