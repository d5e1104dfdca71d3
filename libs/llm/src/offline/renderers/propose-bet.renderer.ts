import type { ProposalResult } from '../../tools/propose-bet.tool.js';
import { selectionLabel } from '../../tools/selection-labels.js';
import { formatOdds, shortKickoff } from '../answer-format.js';
import { SIMULATE_BET } from '../../tools/simulate-bet.tool.js';
import type { Renderer } from './renderer.js';
import { renderSimulation } from './simulate-bet.renderer.js';
import { moneyIn, stakeWarning } from './shared.js';

/** A bet the user asked to place: shown with how to confirm it, since only the user can place it. */
export const renderProposal: Renderer<ProposalResult> = (result, ctx, siblings) => {
  const { language, timeZone } = ctx;
  const es = language === 'es';
  // Not logged in: what the bet would return (priced alongside), and how to place it.
  const [simulation] = siblings.all(SIMULATE_BET);
  if (result.loginRequired && simulation) {
    const login = es ? 'Para hacer la apuesta, inicia sesión y vuelve a pedírmela: te la dejaré lista para confirmar.' : "To place it, log in and ask again: I'll set it up for you to confirm.";
    return `${renderSimulation(simulation, ctx, siblings)}\n${login}`;
  }
  if (result.loginRequired) {
    return es
      ? 'Para apostar tienes que iniciar sesión. Mientras tanto puedo decirte cuánto ganarías: pregunta, por ejemplo, "¿Cuánto ganaría con 10 € al Barcelona?".'
      : 'Please log in to place a bet. Meanwhile I can tell you what a stake would return: ask, for example, "How much would I win with €10 on Barcelona?".';
  }
  const money = moneyIn(result.currency, language);
  const id = result.proposal_id;
  const lines = [es ? 'Tu apuesta está lista para confirmar (todavía no se ha hecho):' : 'Your bet is ready to confirm (nothing has been placed yet):'];
  for (const leg of result.legs) {
    const pick = selectionLabel(leg.market, leg.selection, leg.name, leg.line, language);
    lines.push(`• ${pick} — ${leg.home} vs ${leg.away} (${shortKickoff(leg.kickoff, timeZone, language)}) @ ${formatOdds(leg.odds)}`);
  }
  if (result.legs.length > 1) {
    lines.push(es ? `Cuota combinada ${formatOdds(result.combined_odds)}; tienen que acertarse todas.` : `Combined odds ${formatOdds(result.combined_odds)}; every selection has to win.`);
  }
  lines.push(
    es
      ? `Importe ${money(result.stake)}: si aciertas cobrarías ${money(result.potential_return)} (${money(result.profit)} de beneficio).`
      : `Stake ${money(result.stake)}: it would return ${money(result.potential_return)} if it wins (${money(result.profit)} profit).`,
  );
  const until = shortKickoff(result.expires_at, timeZone, language);
  lines.push(
    es
      ? `Para hacerla, confirma la propuesta ${id} antes del ${until} (POST /api/v1/bets/proposals/${id}/confirm, o el evento confirm_bet del chat). Al confirmar se vuelven a comprobar las cuotas.`
      : `To place it, confirm proposal ${id} before ${until} (POST /api/v1/bets/proposals/${id}/confirm, or the chat's confirm_bet event). Prices are checked again when you confirm.`,
  );
  lines.push(stakeWarning(language));
  return lines.join('\n');
};
