/**
 * The companies `ref` names, as a person types one: the company with that id, else those named exactly so (any
 * case), else those whose name contains it. The CLI's `<company>` arguments and the assistant's company search.
 */
export function companiesNamed<C extends { id: string; name: string }>(all: readonly C[], ref: string): C[] {
  const byId = all.find((c) => c.id === ref);
  if (byId) return [byId];
  const wanted = ref.trim().toLowerCase();
  const exact = all.filter((c) => c.name.toLowerCase() === wanted);
  return exact.length > 0 ? exact : all.filter((c) => c.name.toLowerCase().includes(wanted));
}
