import { AppError } from '../../common/ipc/result';
import { createAgent, liftAgentLockout, listAgents, resetAgentPassword, setAgentStatus, updateAgent } from '../agents/agents';
import {
  decideApprovalRequest,
  listApprovalInbox,
  listMyApprovals,
  requestApproval,
  withdrawApprovalRequest,
} from '../approvals/approvals';
import { exportAuditView } from '../audit/audit-export';
import { recordAudit } from '../audit/audit-trail';
import { auditVerificationProgress, startAuditVerification } from '../audit/audit-verification';
import { archiveAudit, compareCheckpoint, exportCheckpoint, listAudit } from '../audit/audit-review';
import { exportScripts, importScripts, listScripts, removeScript, saveScript } from '../call-scripts/call-scripts';
import {
  addCustomerNote,
  closeCustomerView,
  createCustomer,
  exportCustomer,
  findCustomers,
  openFullFile,
  printCustomer,
  revealCustomerField,
  viewCustomer,
} from '../customers/customers';
import { currentCall, finishCall, recordCallStep, startCall, updateCall } from '../calls/calls';
import type { CallerContext, DeskContext, SignedInCaller } from '../desk-context';
import { acknowledgeHandover, lookupHandoverTicket, searchHandoverLog, writeHandover } from '../handovers/handovers';
import { saveAnswer, searchAnswers, suggestAnswers } from '../knowledge/knowledge';
import {
  compiledRulebookFor,
  createPhraseRule,
  exportRulebook,
  importRulebook,
  listRulebook,
  removePhraseRule,
  testPhrases,
  updateRule,
} from '../phrase-rules/phrase-rules';
import { appealScore, inspectCall, myQuality, pickUnscoredCall, reviewAppeal, scoreCall, teamQuality, teamSummary } from '../quality/quality';
import { lockSeat, recordSeatActivity, unlockSeat } from '../session/seat-lock';
import {
  importCalendarYears,
  listSlaSettings,
  removeCalendarYear,
  resetSlaPolicy,
  saveCalendarYear,
  saveSlaPolicy,
} from '../sla-settings/sla-settings';
import { listAgentOverdueTickets, slaDashboardSummary } from '../sla-dashboard/sla-dashboard';
import {
  changeTicketDeadline,
  createTicket,
  listMyTickets,
  listTeamOverdueTickets,
  notifyTicketDue,
  printTicketSlip,
  setTicketWaiting,
  transitionTicket,
} from '../tickets/tickets';
import { changePassword, currentSession, signIn, signOut } from '../session/session';
import { currentSettings, updateSettings } from '../settings/desk-settings';
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
        // A wrong passphrase cannot be recorded (the store is closed); the opening can.
        if (desk.store.connectionIfOpen() !== undefined) recordAudit(desk, undefined, { action: 'store.unlock' });
        return desk.store.status();
      },
    },
    setup: {
      createAdministrator: (request, caller) => createAdministrator(desk, caller.clientKey, request),
    },
    session: {
      current: (_request, caller) => currentSession(desk, caller),
      signIn: (request, caller) => signIn(desk, caller.clientKey, request),
      signOut: (_request, caller) => signOut(desk, signedIn(caller)),
      changePassword: (request, caller) => changePassword(desk, signedIn(caller), request),
      lock: (request, caller) => lockSeat(desk, signedIn(caller), request),
      unlock: (request, caller) => unlockSeat(desk, signedIn(caller), request),
      activity: (_request, caller) => {
        recordSeatActivity(desk, caller.clientKey);
        return {};
      },
    },
    agents: {
      list: () => listAgents(desk),
      create: (request, caller) => createAgent(desk, signedIn(caller), request),
      update: (request, caller) => updateAgent(desk, signedIn(caller), request),
      setStatus: (request, caller) => setAgentStatus(desk, signedIn(caller), request),
      liftLockout: (request, caller) => liftAgentLockout(desk, signedIn(caller), request),
      resetPassword: (request, caller) => resetAgentPassword(desk, signedIn(caller), request),
    },
    settings: {
      get: () => currentSettings(desk),
      update: (request, caller) => updateSettings(desk, signedIn(caller), request),
    },
    customers: {
      find: (request, caller) => findCustomers(desk, signedIn(caller), request),
      view: (request, caller) => viewCustomer(desk, signedIn(caller), request),
      closeView: (_request, caller) => closeCustomerView(desk, signedIn(caller)),
      reveal: (request, caller) => revealCustomerField(desk, signedIn(caller), request),
      create: (request, caller) => createCustomer(desk, signedIn(caller), request),
      addNote: (request, caller) => addCustomerNote(desk, signedIn(caller), request),
      openFullFile: (request, caller) => openFullFile(desk, signedIn(caller), request),
      export: (request, caller) => exportCustomer(desk, signedIn(caller), request),
      print: (request, caller) => printCustomer(desk, signedIn(caller), request),
    },
    approvals: {
      request: (request, caller) => requestApproval(desk, signedIn(caller), request),
      mine: (_request, caller) => listMyApprovals(desk, signedIn(caller)),
      inbox: (_request, caller) => listApprovalInbox(desk, signedIn(caller)),
      decide: (request, caller) => decideApprovalRequest(desk, signedIn(caller), request),
      withdraw: (request, caller) => withdrawApprovalRequest(desk, signedIn(caller), request),
    },
    audit: {
      list: (request, caller) => listAudit(desk, signedIn(caller), request),
      export: (request, caller) => exportAuditView(desk, signedIn(caller), request),
      startVerification: (_request, caller) => startAuditVerification(desk, signedIn(caller)),
      verificationProgress: (request, caller) => auditVerificationProgress(desk, signedIn(caller), request),
      exportCheckpoint: (_request, caller) => exportCheckpoint(desk, signedIn(caller)),
      compareCheckpoint: (request, caller) => compareCheckpoint(desk, signedIn(caller), request),
      archive: (request, caller) => archiveAudit(desk, signedIn(caller), request),
    },
    phraseRules: {
      compiled: (request) => compiledRulebookFor(desk, request),
      list: () => listRulebook(desk),
      create: (request, caller) => createPhraseRule(desk, signedIn(caller), request),
      update: (request, caller) => updateRule(desk, signedIn(caller), request),
      remove: (request, caller) => removePhraseRule(desk, signedIn(caller), request),
      test: (request) => testPhrases(desk, request),
      import: (request, caller) => importRulebook(desk, signedIn(caller), request),
      export: (request, caller) => exportRulebook(desk, signedIn(caller), request),
    },
    knowledge: {
      search: (request, caller) => searchAnswers(desk, signedIn(caller), request),
      suggest: (request) => suggestAnswers(desk, request),
      save: (request, caller) => saveAnswer(desk, signedIn(caller), request),
    },
    callScripts: {
      list: () => listScripts(desk),
      save: (request, caller) => saveScript(desk, signedIn(caller), request),
      remove: (request, caller) => removeScript(desk, signedIn(caller), request),
      import: (request, caller) => importScripts(desk, signedIn(caller), request),
      export: (_request, caller) => exportScripts(desk, signedIn(caller)),
    },
    calls: {
      current: (request, caller) => currentCall(desk, signedIn(caller), request),
      start: (request, caller) => startCall(desk, signedIn(caller), request),
      update: (request, caller) => updateCall(desk, signedIn(caller), request),
      recordStep: (request, caller) => recordCallStep(desk, signedIn(caller), request),
      finish: (request, caller) => finishCall(desk, signedIn(caller), request),
    },
    tickets: {
      create: (request, caller) => createTicket(desk, signedIn(caller), request),
      mine: (request, caller) => listMyTickets(desk, signedIn(caller), request),
      teamOverdue: (_request, caller) => listTeamOverdueTickets(desk, signedIn(caller)),
      transition: (request, caller) => transitionTicket(desk, signedIn(caller), request),
      setWaiting: (request, caller) => setTicketWaiting(desk, signedIn(caller), request),
      changeDeadline: (request, caller) => changeTicketDeadline(desk, signedIn(caller), request),
      slip: (request, caller) => printTicketSlip(desk, signedIn(caller), request),
      notifyDue: (request, caller) => notifyTicketDue(desk, signedIn(caller), request),
    },
    slaSettings: {
      list: () => listSlaSettings(desk),
      savePolicy: (request, caller) => saveSlaPolicy(desk, signedIn(caller), request),
      resetPolicy: (request, caller) => resetSlaPolicy(desk, signedIn(caller), request),
      saveCalendarYear: (request, caller) => saveCalendarYear(desk, signedIn(caller), request),
      removeCalendarYear: (request, caller) => removeCalendarYear(desk, signedIn(caller), request),
      importCalendarYears: (request, caller) => importCalendarYears(desk, signedIn(caller), request),
    },
    quality: {
      team: (request, caller) => teamQuality(desk, signedIn(caller), request),
      pickUnscored: (request, caller) => pickUnscoredCall(desk, signedIn(caller), request),
      call: (request, caller) => inspectCall(desk, signedIn(caller), request),
      score: (request, caller) => scoreCall(desk, signedIn(caller), request),
      mine: (_request, caller) => myQuality(desk, signedIn(caller)),
      appeal: (request, caller) => appealScore(desk, signedIn(caller), request),
      review: (request, caller) => reviewAppeal(desk, signedIn(caller), request),
      summary: (_request, caller) => teamSummary(desk, signedIn(caller)),
    },
    slaDashboard: {
      summary: (request, caller) => slaDashboardSummary(desk, signedIn(caller), request),
      overdueTickets: (request, caller) => listAgentOverdueTickets(desk, signedIn(caller), request),
    },
    handovers: {
      write: (request, caller) => writeHandover(desk, signedIn(caller), request),
      lookupTicket: (request, caller) => lookupHandoverTicket(desk, signedIn(caller), request),
      acknowledge: (request, caller) => acknowledgeHandover(desk, signedIn(caller), request),
      search: (request, caller) => searchHandoverLog(desk, signedIn(caller), request),
    },
  };
}
