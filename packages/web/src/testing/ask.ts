import type { Ask } from "../asks/ask-types.ts";

/** An ask as `GET /api/asks/{id}` answers it: Ana Ruiz asked about Acme Robotics, unless the test says otherwise. */
export const askOf = (over: Partial<Ask> = {}): Ask => ({
  id: "k1",
  contactId: "ana",
  contactName: "Ana Ruiz",
  about: { kind: "company", text: "", companyId: "acme", companyName: "Acme Robotics" },
  note: "",
  status: "asked",
  askedAt: "2026-12-01T09:00:00.000Z",
  statusChangedAt: "2026-12-01T09:00:00.000Z",
  names: [],
  followUps: [],
  createdAt: "2026-12-01T09:00:00.000Z",
  updatedAt: "2026-12-01T09:00:00.000Z",
  ...over,
});
