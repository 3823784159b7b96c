import { z } from "zod";

const companyFields = {
  name: z.string().trim().min(1).max(200),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, "is not a domain such as example.com")
    .nullable()
    .optional(),
  /** A target company is one the user wants in; it feeds paths and opportunities. */
  target: z.boolean().optional(),
  notes: z.string().max(20_000).optional(),
};

export const createCompanySchema = z.strictObject(companyFields);
export type CreateCompanyInput = z.output<typeof createCompanySchema>;

export const updateCompanySchema = z.strictObject({ ...companyFields, name: companyFields.name.optional() });
export type UpdateCompanyInput = z.output<typeof updateCompanySchema>;

export const companySchema = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  target: z.boolean(),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Company = z.output<typeof companySchema>;

export const companyListQuerySchema = z.strictObject({
  target: z.enum(["true", "false"]).optional(),
});
