import { AppError } from '../../common/ipc/result';
import { createAgent, listAgents, resetAgentPassword, setAgentStatus, updateAgent } from '../agents/agents';
import type { CallerContext, DeskContext, SignedInCaller } from '../desk-context';
import { changePassword, currentAccount, signIn, signOut } from '../session/session';
import { createAdministrator } from '../setup/setup';
import type { Handlers } from './dispatcher';

/** The dispatcher checked access already; this narrows the type for handlers that need an account. */
function signedIn(caller: CallerContext): SignedInCaller {
  if (caller.account === undefined) throw new AppError('NOT_SIGNED_IN', 'Sign in first.');
  return { clientKey: caller.clientKey, account: caller.account };
}

/** Wires every contract channel to its feature function. */
export function createHandlers(desk: DeskContext): Handlers {
  return {
    store: {
      status: () => desk.store.status(),
      unlock: async (request) => {
        await desk.store.unlock(request.passphrase);
        return desk.store.status();
      },
    },
    setup: {
      createAdministrator: (request, caller) => createAdministrator(desk, caller.clientKey, request),
    },
    session: {
      current: (_request, caller) => currentAccount(caller),
      signIn: (request, caller) => signIn(desk, caller.clientKey, request),
      signOut: (_request, caller) => signOut(desk, signedIn(caller)),
      changePassword: (request, caller) => changePassword(desk, signedIn(caller), request),
    },
    agents: {
      list: () => listAgents(desk),
      create: (request, caller) => createAgent(desk, signedIn(caller), request),
      update: (request, caller) => updateAgent(desk, signedIn(caller), request),
      setStatus: (request, caller) => setAgentStatus(desk, signedIn(caller), request),
      resetPassword: (request, caller) => resetAgentPassword(desk, signedIn(caller), request),
    },
  };
}
