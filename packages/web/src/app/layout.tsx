import { lazy, type ReactNode, Suspense, useEffect } from "react";
import { Link, useLocation } from "wouter";
import { COACH_NAV, currentNavHref, NAV } from "./features.ts";
import { isTyping, openQuickLog, useQuickLog } from "./quick-log.ts";
import { useCanEdit, useMyAccess } from "./session.ts";

/** The tabs a coach may open, by what is shared with them (the server refuses the rest). */
function coachSees(href: string, scope: { tags: string[]; jobSearch: boolean }): boolean {
  if (href === "/settings" || href === "/progress") return true;
  if (href === "/contacts") return scope.tags.length > 0;
  if (href === "/jobs") return scope.jobSearch;
  return false;
}

const QuickLogDialog = lazy(() => import("../interactions/quick-log-dialog.tsx"));

const ICONS: Record<string, ReactNode> = {
  today: <path d="M4 7h16M4 12h10M4 17h7" />,
  contacts: (
    <>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M3 19c.8-3.2 3.1-5 6-5s5.2 1.8 6 5M16 5.5a3 3 0 0 1 0 5.5M18 14c1.6.6 2.6 2.2 3 5" />
    </>
  ),
  companies: <path d="M4 20V6l8-3v17M12 9h8v11M7 9h2M7 13h2M7 17h2M15 13h2M15 17h2M2 20h20" />,
  jobs: <path d="M9 6V4h6v2M3 8h18v11H3zM3 13h18M11 13v2h2v-2" />,
  progress: <path d="M4 20V4M4 20h16M8 16l4-5 3 3 5-7" />,
  templates: <path d="M4 5h16v11H9l-5 4V5zM8 9h8M8 12h5" />,
  articles: <path d="M6 3h9l3 3v15H6zM9 9h6M9 13h6M9 17h4" />,
  settings: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1" />
    </>
  ),
};

function NavIcon({ name }: { name: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="nav-icon">
      {ICONS[name] ?? <circle cx="12" cy="12" r="4" />}
    </svg>
  );
}

/** The shell: navigation (a sidebar on wide screens, a tab bar on phones), the quick-log button and shortcut. */
export function Layout({ children }: { children: ReactNode }) {
  const [location, navigate] = useLocation();
  const quickLog = useQuickLog();
  const canEdit = useCanEdit();

  useEffect(() => {
    if (!canEdit) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "l" || event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector("[role=dialog]")) return;
      event.preventDefault();
      openQuickLog();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canEdit]);

  const scope = useMyAccess().data?.scope ?? null;
  const nav = scope ? COACH_NAV.filter((item) => coachSees(item.href, scope)) : NAV;
  const home = nav[0]?.href;
  useEffect(() => {
    // A coach has no today list: their progress (the first tab) is their home.
    if (scope && location === "/" && home && home !== "/") navigate(home, { replace: true });
  }, [scope, location, home, navigate]);

  const current = currentNavHref(location);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand" aria-label="Kith, today">
          <img src="/icon.svg" alt="" width="28" height="28" />
          <span>Kith</span>
        </Link>
        <nav aria-label="Main" className="nav">
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="nav-link" aria-current={current === item.href ? "page" : undefined}>
                  <NavIcon name={item.icon} />
                  <span>{item.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {canEdit && (
          <button
            type="button"
            className="btn btn-primary quick-log-button"
            onClick={() => openQuickLog()}
            aria-keyshortcuts="L"
            title="Log an interaction (L)"
          >
            <span aria-hidden="true">+</span> Log<span className="hide-phone">interaction</span>
            <kbd className="hide-phone">L</kbd>
          </button>
        )}
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
      {quickLog.open && (
        <Suspense fallback={null}>
          <QuickLogDialog />
        </Suspense>
      )}
    </div>
  );
}
