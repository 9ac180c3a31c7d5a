import { App, Button } from 'antd';
import { useState } from 'react';
import type { ErrorCode } from '../../../common/ipc/result';
import type { TicketView } from '../../../common/ipc/tickets';
import { useT } from '../../i18n/translate';
import { useSettingsStore } from '../settings/useSettingsStore';
import { printAcceptanceSlip } from './slipPrinting';

/** Prints the customer's acceptance slip of a ticket (a PDF from main; the printer in Electron). */
export function SlipPrintButton({
  ticket,
  onFailure,
  primary = false,
}: {
  ticket: Pick<TicketView, 'id' | 'channel' | 'category'>;
  onFailure: (code: ErrorCode | null) => void;
  primary?: boolean;
}) {
  const translate = useT();
  const { message } = App.useApp();
  const hotline = useSettingsStore((state) => state.settings.hotline);
  const [printing, setPrinting] = useState(false);

  async function print(): Promise<void> {
    setPrinting(true);
    const result = await printAcceptanceSlip(ticket, translate, hotline);
    setPrinting(false);
    if (!result.ok) {
      onFailure(result.failure.code);
      return;
    }
    onFailure(null);
    void message.success(translate(result.sentToPrinter ? 'tickets.slip.sentToPrinter' : 'tickets.slip.downloaded'));
  }

  return (
    <Button
      size={primary ? 'middle' : 'small'}
      loading={printing}
      onClick={() => void print()}
      data-testid={`ticket-print-slip-${ticket.id}`}
    >
      {translate('tickets.slip.print')}
    </Button>
  );
}
