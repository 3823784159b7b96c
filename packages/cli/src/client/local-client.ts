import {
  type Actor,
  addFollowUp,
  completeFollowUp,
  createApiToken,
  createCompany,
  createContact,
  type Deps,
  getAccount,
  getCompany,
  getContact,
  listApiTokens,
  listCompanies,
  listContacts,
  listFollowUps,
  listInteractions,
  logInteraction,
  setContactArchived,
  updateCompany,
  updateContact,
} from "@kith/core";
import type { KithClient } from "./kith-client.ts";

/** The services, called in-process as one member of one account. */
export function createLocalClient(deps: Deps, actor: Actor, close: () => Promise<void> = async () => {}): KithClient {
  return {
    getAccount: () => getAccount(deps, actor),
    listContacts: (filters, page) => listContacts(deps, actor, filters, page),
    getContact: (id) => getContact(deps, actor, id),
    createContact: (input) => createContact(deps, actor, input),
    updateContact: (id, input) => updateContact(deps, actor, id, input),
    setContactArchived: (id, archived) => setContactArchived(deps, actor, id, archived),
    listCompanies: (filters, page) => listCompanies(deps, actor, filters, page),
    getCompany: (id) => getCompany(deps, actor, id),
    createCompany: (input) => createCompany(deps, actor, input),
    updateCompany: (id, input) => updateCompany(deps, actor, id, input),
    logInteraction: (input) => logInteraction(deps, actor, input),
    listInteractions: (filters, page) => listInteractions(deps, actor, filters, page),
    addFollowUp: (input) => addFollowUp(deps, actor, input),
    listFollowUps: (filters, page) => listFollowUps(deps, actor, filters, page),
    completeFollowUp: (id, input) => completeFollowUp(deps, actor, id, input),
    createToken: (name) => createApiToken(deps, actor, { name }),
    listTokens: () => listApiTokens(deps, actor),
    close,
  };
}
