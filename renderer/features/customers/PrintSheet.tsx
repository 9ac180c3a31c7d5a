import { Button, Descriptions, Modal } from 'antd';
import type { ResponseOf } from '../../../common/ipc/contract';
import { useT } from '../../i18n/translate';

/** A customer sheet main released under an approved print grant. */
export type PrintableSheet = ResponseOf<'customers', 'print'>;

/** Shows the approved sheet and sends it to the printer; the print itself was audited in main. */
export function PrintSheet({ sheet, onClose }: { sheet: PrintableSheet; onClose: () => void }) {
  const translate = useT();
  return (
    <Modal open title={sheet.title} onCancel={onClose} footer={null} destroyOnHidden className="print-sheet">
      <Descriptions column={1} bordered size="small">
        {sheet.rows.map((row) => (
          <Descriptions.Item key={row.label} label={translate(`exportField.${row.label}` as 'exportField.name')}>
            {row.value}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <p>
        {sheet.printedBy} · {new Date(sheet.printedAt).toLocaleString()}
      </p>
      <Button type="primary" onClick={() => window.print()}>
        {translate('customers.use.print')}
      </Button>
    </Modal>
  );
}
