import type { SlipLabels, TicketView } from '../../../common/ipc/tickets';
import type { IpcFailure } from '../../../common/ipc/result';
import { preconditions } from '../../../common/tickets/categories';
import { slaTargetKinds } from '../../../common/tickets/sla-policy';
import { getApi } from '../../api/api';
import { decodeBase64, saveFile } from '../../components/saveFile';
import type { Translate } from '../../i18n/translate';

/** The slip's words in the desk's language; the notice names the hotline when one is set. */
export function slipLabelsOf(ticket: Pick<TicketView, 'channel' | 'category'>, translate: Translate, hotline: string): SlipLabels {
  return {
    title: translate('tickets.slip.title'),
    number: translate('tickets.slip.number'),
    acceptedAt: translate('tickets.slip.acceptedAt'),
    channel: translate('tickets.slip.channel'),
    customer: translate('tickets.slip.customer'),
    phone: translate('tickets.slip.phone'),
    idNumber: translate('tickets.slip.idNumber'),
    category: translate('tickets.slip.category'),
    request: translate('tickets.slip.request'),
    checked: translate('tickets.slip.checked'),
    deadlines: translate('tickets.slip.deadlines'),
    waiting: translate('tickets.slip.waiting'),
    agent: translate('tickets.slip.agent'),
    notice: hotline === '' ? translate('tickets.slip.notice') : translate('tickets.slip.noticeWithHotline', { hotline }),
    customerSignature: translate('tickets.slip.customerSignature'),
    agentSignature: translate('tickets.slip.agentSignature'),
    printedAt: translate('tickets.slip.printedAt'),
    channelName: translate(`tickets.channel.${ticket.channel}`),
    categoryName: translate(`tickets.category.${ticket.category}`),
    targetNames: Object.fromEntries(slaTargetKinds.map((kind) => [kind, translate(`tickets.target.${kind}`)])) as SlipLabels['targetNames'],
    preconditionNames: Object.fromEntries(preconditions.map((name) => [name, translate(`tickets.precondition.${name}`)])) as SlipLabels['preconditionNames'],
  };
}

/**
 * Prints the customer's acceptance slip: main makes the PDF (and sends it to the printer in
 * Electron); otherwise the PDF is downloaded. Resolves how it went, or the failure.
 */
export async function printAcceptanceSlip(
  ticket: Pick<TicketView, 'id' | 'channel' | 'category'>,
  translate: Translate,
  hotline: string,
): Promise<{ ok: true; sentToPrinter: boolean } | { ok: false; failure: IpcFailure }> {
  const result = await getApi().tickets.slip({ ticketId: ticket.id, labels: slipLabelsOf(ticket, translate, hotline) });
  if (!result.ok) return { ok: false, failure: result };
  if (!result.value.sentToPrinter) saveFile(result.value.fileName, 'application/pdf', decodeBase64(result.value.pdfBase64));
  return { ok: true, sentToPrinter: result.value.sentToPrinter };
}
