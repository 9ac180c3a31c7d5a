import { Tag } from 'antd';
import type { LinkedTicket } from '../../../common/ipc/handovers';
import { useT } from '../../i18n/translate';

/** A linked ticket as it stands now: number, category and status; closable when `onRemove` is given. */
export function LinkedTicketTag({ ticket, onRemove }: { ticket: LinkedTicket; onRemove?: () => void }) {
  const translate = useT();
  const closed = ticket.status === 'closed';
  return (
    <Tag
      color={closed ? 'default' : 'blue'}
      closable={onRemove !== undefined}
      onClose={onRemove}
      data-testid={`handover-ticket-${ticket.number}`}
      data-status={ticket.status}
    >
      {translate('handovers.ticket', {
        number: ticket.number,
        category: translate(`tickets.category.${ticket.category}`),
        status: translate(`tickets.status.${ticket.status}`),
      })}
    </Tag>
  );
}
