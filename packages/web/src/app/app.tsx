import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, Suspense, useEffect } from "react";
import { RouterProvider } from "react-aria-components";
import { Redirect, Route, Switch, useLocation } from "wouter";
import { describeError } from "../api/problem.ts";
import { Alert } from "../ui/alert.tsx";
import { Loading } from "../ui/page.tsx";
import { PRIVATE_ROUTES, PUBLIC_ROUTES } from "./features.ts";
import { Layout } from "./layout.tsx";
import { useMe } from "./session.ts";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: true, networkMode: "offlineFirst" },
    mutations: { networkMode: "offlineFirst" },
  },
});

function Routes() {
  const me = useMe();
  const [location, navigate] = useLocation();

  useEffect(() => {
    document.getElementById("main")?.focus({ preventScroll: true });
  }, []);

  if (me.isPending) return <Loading label="Opening Kith…" />;
  if (me.isError)
    return (
      <div className="auth-page">
        <Alert>{describeError(me.error)}</Alert>
      </div>
    );

  if (!me.data) {
    return (
      <Suspense fallback={<Loading />}>
        <Switch>
          {PUBLIC_ROUTES.map((r) => (
            <Route key={r.path} path={r.path} component={r.page} />
          ))}
          <Route>
            <Redirect to={`/sign-in${location === "/" ? "" : `?next=${encodeURIComponent(location)}`}`} />
          </Route>
        </Switch>
      </Suspense>
    );
  }

  return (
    <RouterProvider navigate={navigate}>
      <Layout>
        <Suspense fallback={<Loading />}>
          <Switch>
            {PUBLIC_ROUTES.map((r) => (
              <Route key={r.path} path={r.path}>
                <Redirect to="/" />
              </Route>
            ))}
            {PRIVATE_ROUTES.map((r) => (
              <Route key={r.path} path={r.path} component={r.page} />
            ))}
            <Route>
              <NotFound />
            </Route>
          </Switch>
        </Suspense>
      </Layout>
    </RouterProvider>
  );
}

function NotFound() {
  return (
    <div className="page">
      <h1>Nothing here</h1>
      <p>
        This page does not exist. <a href="/">Back to today</a>.
      </p>
    </div>
  );
}

export function App({ children }: { children?: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <Routes />
      {children}
    </QueryClientProvider>
  );
}
