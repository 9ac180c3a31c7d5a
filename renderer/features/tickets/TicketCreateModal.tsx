import { Button, Checkbox, Form, Modal, Result, Select, Space, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { businessCategories, categoryForIntent, preconditionsByCategory, serviceCategories, type Precondition, type TicketCategory } from '../../../common/tickets/categories';
import type { CallView } from '../../../common/ipc/calls';
import { FailureAlert } from '../../components/FailureAlert';
import { useT } from '../../i18n/translate';
import { useDraftsStore } from '../drafts/useDraftsStore';
import { PhraseCheckedTextArea } from '../phrase-warnings/PhraseCheckedTextArea';
import { SlipPrintButton } from './SlipPrintButton';
import { useTicketsStore } from './useTicketsStore';

type Failure = Parameters<typeof FailureAlert>[0]['code'];

const channelOfDirection = { inbound: 'phone', walk_in: 'counter', outbound: 'callback' } as const;

/**
 * One-click ticket: opened with Ctrl+Enter (or the button) during a call, prefilled with the
 * call, its customer, the category guessed from the classified intent and the agent's note
 * draft. Ctrl+Enter again saves; the number then shows large, to read to the caller.
 */
export function TicketCreateModal({ call, customerId, onClose }: { call: CallView; customerId: number | null; onClose: () => void }) {
  const translate = useT();
  const create = useTicketsStore((state) => state.create);
  const created = useTicketsStore((state) => state.created);
  const dismissCreated = useTicketsStore((state) => state.dismissCreated);
  const noteDraft = useDraftsStore((state) => (customerId === null ? '' : (state.drafts[`customer-note:${customerId}`] ?? '')));
  const [category, setCategory] = useState<TicketCategory>(() => categoryForIntent(call.intent));
  const [summary, setSummary] = useState(noteDraft);
  const [checked, setChecked] = useState<Precondition[]>([]);
  const [blocked, setBlocked] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure>(null);
  const checklist = preconditionsByCategory[category] ?? [];

  async function save(): Promise<void> {
    if (saving || blocked || summary.trim() === '') return;
    setSaving(true);
    const result = await create({
      callId: call.id,
      ...(customerId === null || call.customerId !== null ? {} : { customerId }),
      channel: channelOfDirection[call.direction],
      category,
      summary: summary.trim(),
      preconditions: Object.fromEntries(checklist.map((item) => [item, checked.includes(item)])),
    });
    setSaving(false);
    setFailure(result?.code ?? null);
  }

  function close(): void {
    dismissCreated();
    onClose();
  }

  function handleKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (created === null) void save();
      else close();
    }
  }

  return (
    <Modal open width={620} title={translate('tickets.create.title')} onCancel={close} footer={null} mask={{ closable: false }} data-testid="ticket-create-modal">
      <div onKeyDown={handleKeyDown}>
        {created !== null ? (
          <Result
            status="success"
            title={translate('tickets.create.done')}
            subTitle={
              <>
                <Typography.Text className="ticket-number-large" copyable data-testid="ticket-created-number">
                  {created.number}
                </Typography.Text>
                <FailureAlert code={failure} testId="ticket-slip-error" />
              </>
            }
            extra={
              <Space>
                <SlipPrintButton ticket={created} onFailure={setFailure} primary />
                <Button type="primary" autoFocus onClick={close} data-testid="ticket-created-close">
                  {translate('tickets.create.close')}
                </Button>
              </Space>
            }
          />
        ) : (
          <Form layout="vertical" component="div">
            <FailureAlert code={failure} testId="ticket-create-error" />
            <Form.Item label={translate('tickets.field.category')}>
              <Select<TicketCategory>
                value={category}
                onChange={(value) => {
                  setCategory(value);
                  setChecked([]);
                }}
                options={[
                  { label: translate('tickets.group.service'), options: serviceCategories.map((value) => ({ value, label: translate(`tickets.category.${value}`) })) },
                  { label: translate('tickets.group.business'), options: businessCategories.map((value) => ({ value, label: translate(`tickets.category.${value}`) })) },
                ]}
                className="ticket-category"
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="ticket-category"
              />
            </Form.Item>
            {checklist.length === 0 ? null : (
              <Form.Item label={translate('tickets.field.preconditions')}>
                <Checkbox.Group
                  value={checked}
                  onChange={(values) => setChecked(values as Precondition[])}
                  options={checklist.map((item) => ({ value: item, label: translate(`tickets.precondition.${item}`) }))}
                />
              </Form.Item>
            )}
            <Form.Item label={translate('tickets.field.summary')} required>
              <PhraseCheckedTextArea
                value={summary}
                onChange={(event) => setSummary(event.target.value)}
                onBlockedChange={setBlocked}
                maxLength={4000}
                autoSize={{ minRows: 4, maxRows: 10 }}
                placeholder={translate('tickets.field.summaryPlaceholder')}
                aria-label={translate('tickets.field.summary')}
                data-testid="ticket-summary"
              />
            </Form.Item>
            <Typography.Paragraph type="secondary">{translate('tickets.create.hint')}</Typography.Paragraph>
            <Button type="primary" block loading={saving} disabled={blocked || summary.trim() === ''} onClick={() => void save()} data-testid="ticket-create-submit">
              {translate('tickets.create.submit')}
            </Button>
          </Form>
        )}
      </div>
    </Modal>
  );
}
