// Where an operator routes a ticket again (P§13.2, P§20.1): the addressee a coordinator named when returning
// it, or a split part's scope, matched to a coordinator group; else the category's usual group — never the
// group that just returned it, so Enter does not send it straight back.
import { lookup, type Category, type Directory, type Group, type Ticket } from '../../src-shared/ticket';
import type { Workstation } from '../state/config-store';
import { fold, words } from './text';

/**
 * The addressee named in words — by the coordinator who returned the ticket (P§19.4.1, P§20.1) or for a split
 * part (P§13.2) — matched against the coordinator groups: the unit's name, the group's symbol and the words of
 * its name, and the categories the words name (their usual group). The best match is the suggestion.
 */
export function groupForAddressee(groups: Group[], directory: Directory, addressee: string): Group | undefined {
  const said = fold(addressee);
  const saidWords = words(addressee).filter((w) => w.length >= 4);
  // Polish endings differ ("parku" ~ "parki", "zieleni" ~ "zieleń"): a word's stem is all but its last two letters, at least four.
  const hits = (said: string[], text: string) => {
    const target = words(text).filter((w) => w.length >= 4);
    return said.filter((s) => target.some((w) => w.startsWith(s.slice(0, Math.max(4, s.length - 2)))));
  };
  let best: { group: Group; score: number } | undefined;
  for (const g of groups) {
    const unitName = lookup(directory.units, g.unitId)?.name ?? '';
    const unitWords = hits(saidWords, unitName);
    const unitNamed = said.includes(fold(unitName)) || unitWords.length >= Math.min(2, words(unitName).filter((w) => w.length >= 4).length);
    const symbol = fold(g.symbol);
    const symbolNamed = said.split(' ').some((w) => w === symbol || w === symbol.replace(/ k$/, '') || symbol.startsWith(`${w} `));
    // What the unit's name did not explain says which of its groups: "… – alejka w parku" → parks, not trees.
    const rest = saidWords.filter((w) => !unitWords.includes(w));
    const byCategory = Object.values(directory.categories).some(
      (c) => c.defaultCoordinatorGroupId === g.id && hits(rest, [c.name, ...(c.keywords ?? [])].join(' ')).length > 0,
    );
    const score = (unitNamed ? 4 : 0) + (symbolNamed ? 4 : 0) + hits(rest, g.name).length + (byCategory ? 2 : 0);
    if (score > 0 && (!best || score > best.score)) best = { group: g, score };
  }
  return best?.group;
}

/** The suggested coordinator group: the named addressee's, else the category's usual one — never the group that returned it. */
export function suggestedGroup(
  workstation: Pick<Workstation, 'coordinatorGroups' | 'directory'>,
  ticket: Ticket,
  category: Category | undefined,
): Group | undefined {
  const lastReturn = ticket.status === 'returnedToOperator' ? ticket.returns.at(-1) : undefined;
  const addressee = lastReturn?.rightAddressee ?? ticket.links.splitParts.find((p) => p.number === ticket.number)?.addressee;
  const candidates = workstation.coordinatorGroups.filter((g) => g.id !== lastReturn?.fromGroupId);
  const named = addressee ? groupForAddressee(candidates, workstation.directory, addressee) : undefined;
  const usual = lookup(workstation.directory.groups, category?.defaultCoordinatorGroupId);
  return named ?? (usual && usual.id !== lastReturn?.fromGroupId ? usual : undefined);
}
