import type { Body, Answer as Ok } from "@kith/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";

export type MemberSmtp = NonNullable<Ok<"/api/me/smtp", "get">["smtp"]>;
export type MemberSmtpInput = Body<"/api/me/smtp", "put">;
export type SmtpTestResult = Ok<"/api/me/smtp/test", "post">;

const SMTP = ["me", "smtp"];

/** My own SMTP account in this account (null: none); the password only as `passwordSet`. */
export function useMemberSmtp() {
  return useQuery({ queryKey: SMTP, queryFn: async () => (await unwrap(api.GET("/api/me/smtp"))).smtp });
}

export function useSaveMemberSmtp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MemberSmtpInput) => unwrap(api.PUT("/api/me/smtp", { body })),
    onSuccess: (saved) => client.setQueryData(SMTP, saved),
  });
}

/** Connects and signs in with the form as it is (the saved password when none is typed), sending nothing. */
export function useTestMemberSmtp() {
  return useMutation({ mutationFn: (body: MemberSmtpInput) => unwrap(api.POST("/api/me/smtp/test", { body })) });
}

export function useRemoveMemberSmtp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/me/smtp")),
    onSuccess: () => client.setQueryData(SMTP, null),
  });
}
