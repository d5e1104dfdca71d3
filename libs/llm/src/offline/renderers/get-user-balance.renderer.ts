import type { BalanceResult } from '../../tools/get-user-balance.tool.js';
import { joinList } from '../answer-format.js';
import type { Renderer } from './renderer.js';
import { moneyIn } from './shared.js';

/** The signed-in user's available balance, with open bets and bonus when there are any. */
export const renderBalance: Renderer<BalanceResult> = (result, { language }) => {
  const es = language === 'es';
  if (result.loginRequired) {
    return es
      ? 'Inicia sesión para ver tu saldo: solo puedo mostrar el saldo de la cuenta con la que has entrado.'
      : 'Please log in to see your balance: I can only show the balance of the account you are signed in with.';
  }
  const money = moneyIn(result.currency, language);
  const extras: string[] = [];
  if (result.pending) extras.push(es ? `${money(result.pending)} en apuestas pendientes` : `${money(result.pending)} in open bets`);
  if (result.bonus) extras.push(es ? `${money(result.bonus)} de bono` : `${money(result.bonus)} bonus`);
  const plus = extras.length ? joinList(extras, language) : '';
  return es
    ? `Tu saldo disponible es ${money(result.available)}${plus ? ` (además, ${plus})` : ''}.`
    : `Your available balance is ${money(result.available)}${plus ? ` (plus ${plus})` : ''}.`;
};
