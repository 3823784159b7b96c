// The composition root both faces (server, CLI) open: filled in by the next commits.
export {};
