// The stylesheet of the digest's one-click pages (`/act`), served from our origin as `/act.css`: the CSP allows no
// inline style. The app's colours, type and card, in both colour schemes (web/src/ui/styles.css), and nothing else
// of it: these pages load no script and no bundle.
export const ACT_PAGE_CSS = `:root {
  color-scheme: light dark;
  --bg: #f7f6f3;
  --surface: #ffffff;
  --text: #1d1f21;
  --muted: #5c6166;
  --line: #dedbd3;
  --accent: #2f6b5a;
  --accent-text: #ffffff;
  --focus: #1b5fcc;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 16px;
  line-height: 1.5;
  color: var(--text);
  background: var(--bg);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #17181a;
    --surface: #202225;
    --text: #ecebe8;
    --muted: #a9adb3;
    --line: #383b40;
    --accent: #7cc4ab;
    --accent-text: #10211b;
    --focus: #8ab4f8;
  }
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; padding: 1rem; }
main { width: 100%; max-width: 28rem; background: var(--surface); border: 1px solid var(--line); border-radius: 10px;
  padding: 1.75rem 1.5rem; box-shadow: 0 1px 2px rgb(0 0 0 / 0.05), 0 2px 8px rgb(0 0 0 / 0.04); }
.brand { margin: 0 0 1rem; font-weight: 700; letter-spacing: 0.02em; color: var(--accent); }
h1 { font-size: 1.35rem; line-height: 1.3; margin: 0 0 0.5rem; }
.who { margin: 0 0 1rem; font-weight: 600; }
p { margin: 0 0 1rem; }
.muted { color: var(--muted); font-size: 0.9rem; }
form { margin: 0 0 1rem; }
button, .button { display: inline-flex; align-items: center; justify-content: center; min-height: 44px;
  padding: 0.5rem 1.25rem; border-radius: 8px; border: 1px solid var(--accent); background: var(--accent);
  color: var(--accent-text); font: inherit; font-weight: 600; cursor: pointer; text-decoration: none; }
a { color: var(--accent); }
button:focus-visible, a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
`;
