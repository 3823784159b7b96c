import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { Draft } from "./draft-types.ts";
import type { Template, TemplateInput } from "./template-types.ts";

const KEY = ["templates"] as const;

/** The account's templates: Kith's defaults (edited or hidden ones marked) and its own. */
export function useTemplates() {
  return useQuery({
    queryKey: KEY,
    queryFn: async (): Promise<Template[]> => (await unwrap(api.GET("/api/templates"))).items,
  });
}

type Change =
  | { type: "create"; input: TemplateInput }
  | { type: "update"; id: string; input: TemplateInput }
  | { type: "delete"; id: string }
  | { type: "restore"; id: string };

async function change(c: Change): Promise<Template | null> {
  switch (c.type) {
    case "create":
      return unwrap(api.POST("/api/templates", { body: c.input }));
    case "update":
      return unwrap(api.PATCH("/api/templates/{id}", { params: { path: { id: c.id } }, body: c.input }));
    case "delete":
      await unwrap(api.DELETE("/api/templates/{id}", { params: { path: { id: c.id } } }));
      return null;
    case "restore":
      return unwrap(api.POST("/api/templates/{id}/restore", { params: { path: { id: c.id } } }));
  }
}

export function useChangeTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: KEY });
      // Drafts are rendered from the templates: today's and the contacts' are stale now.
      void client.invalidateQueries({ queryKey: ["today"] });
      void client.invalidateQueries({ queryKey: ["drafts"] });
    },
  });
}

/** A template's text rendered for a contact (or Kith's sample person); refreshed as the text changes. */
export function useTemplatePreview(source: { subject: string; body: string; contactId: string | null }) {
  return useQuery({
    queryKey: ["template-preview", source],
    queryFn: (): Promise<Draft> =>
      unwrap(
        api.POST("/api/templates/preview", {
          body: {
            subject: source.subject,
            body: source.body,
            ...(source.contactId ? { contactId: source.contactId } : {}),
          },
        }),
      ),
    enabled: source.body.trim() !== "",
    placeholderData: (previous) => previous,
    retry: false,
  });
}

/** The draft Kith suggests for a contact, with the template chosen (or the one the slot picks). */
export function useContactDraft(contactId: string, templateId: string | null) {
  return useQuery({
    queryKey: ["drafts", contactId, templateId],
    queryFn: (): Promise<Draft> =>
      unwrap(
        api.GET("/api/contacts/{id}/draft", {
          params: { path: { id: contactId }, query: templateId ? { templateId } : {} },
        }),
      ),
  });
}
