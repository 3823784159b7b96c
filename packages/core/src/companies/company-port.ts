import type { Page, PageQuery } from "../shared/pagination.ts";
import type { Company } from "./schemas.ts";

export interface CompanyRepository {
  insert(accountId: string, company: Company): Promise<void>;
  update(accountId: string, company: Company): Promise<void>;
  findById(accountId: string, id: string): Promise<Company | null>;
  list(accountId: string, query: { target?: boolean }, page: PageQuery): Promise<Page<Company>>;
  delete(accountId: string, id: string): Promise<boolean>;
}
