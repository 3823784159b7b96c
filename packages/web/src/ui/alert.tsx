import type { ReactNode } from "react";

/**
 * An error (or a notice) in a page's flow. In a file of its own, apart from controls.tsx: the shell shows it before
 * any page has loaded, and controls.tsx brings React Aria's fields, selects and popovers with it.
 */
export function Alert({ children, tone = "error" }: { children: ReactNode; tone?: "error" | "info" }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
