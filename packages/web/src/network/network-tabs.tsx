import { Link, useLocation } from "wouter";

const TABS = [
  { href: "/network", label: "Graph and paths" },
  { href: "/network/asks", label: "Asks" },
];

/** The network's two pages, one link each: the graph with the path finder, and the asks board. */
export function NetworkTabs() {
  const [location] = useLocation();
  return (
    <nav aria-label="Network" className="sub-nav">
      {TABS.map((tab) => (
        <Link key={tab.href} href={tab.href} aria-current={location === tab.href ? "page" : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
