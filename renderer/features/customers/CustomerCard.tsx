import { Alert, App, Button, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AccountView } from '../../../common/ipc/accounts';
import type { ApprovalView } from '../../../common/ipc/approvals';
import type { CustomerView, ProtectedField } from '../../../common/ipc/customers';
import { getApi } from '../../api/api';
import { saveFile } from '../../components/saveFile';
import { useErrorMessage, useT } from '../../i18n/translate';
import { ApprovalRequestModal } from '../approvals/ApprovalRequestModal';
import { useApprovalsStore } from '../approvals/useApprovalsStore';
import { useDraftsStore } from '../drafts/useDraftsStore';
import { PhraseCheckedTextArea } from '../phrase-warnings/PhraseCheckedTextArea';
import { useSettingsStore } from '../settings/useSettingsStore';
import { PrintSheet, type PrintableSheet } from './PrintSheet';
import { RevealModal } from './RevealModal';
import { useCustomersStore } from './useCustomersStore';
import { Watermark } from './Watermark';

type ProtectedText = CustomerView['phones'][number];

/**
 * One protected value: the mask unless revealed. Copying copies exactly what is shown, so a
 * masked field copies its mask.
 */
function ProtectedValue({
  value,
  field,
  index,
  canReveal,
  onReveal,
}: {
  value: ProtectedText;
  field: ProtectedField;
  index: number;
  canReveal: boolean;
  onReveal: (field: ProtectedField, index: number) => void;
}) {
  const translate = useT();
  if (value.text.length === 0) return <Typography.Text type="secondary">{translate('common.none')}</Typography.Text>;
  return (
    <Space size={4}>
      <Typography.Text copyable={{ text: value.text }} data-testid={`customer-${field}-${index}`} data-masked={value.masked}>
        {value.text}
      </Typography.Text>
      {value.masked && canReveal ? (
        <Button size="small" type="link" onClick={() => onReveal(field, index)} data-testid={`reveal-${field}-${index}`}>
          {translate('customers.reveal')}
        </Button>
      ) : null}
    </Space>
  );
}

function grantFor(mine: ApprovalView[], customerId: number, purpose: ApprovalView['purpose']): ApprovalView | undefined {
  return mine.find((item) => item.customerId === customerId && item.purpose === purpose && item.status === 'approved');
}

/** The open customer: masked fields with reveal, contact notes with a kept draft, approvals. */
export function CustomerCard({ customer, account }: { customer: CustomerView; account: AccountView }) {
  const translate = useT();
  const describeError = useErrorMessage();
  const { message } = App.useApp();
  const close = useCustomersStore((state) => state.close);
  const addNote = useCustomersStore((state) => state.addNote);
  const openFullFile = useCustomersStore((state) => state.openFullFile);
  const mine = useApprovalsStore((state) => state.mine);
  const loadMine = useApprovalsStore((state) => state.loadMine);
  const watermark = useSettingsStore((state) => state.settings.watermark);
  const draftKey = `customer-note:${customer.id}`;
  const draft = useDraftsStore((state) => state.drafts[draftKey] ?? '');
  const setDraft = useDraftsStore((state) => state.setDraft);
  const [revealing, setRevealing] = useState<{ field: ProtectedField; index: number } | null>(null);
  const [requesting, setRequesting] = useState<ApprovalView['purpose'] | null>(null);
  const [savingNote, setSavingNote] = useState(false);
  // A banned phrase that blocks sending is in the draft: the note cannot be saved until changed.
  const [noteBlocked, setNoteBlocked] = useState(false);
  // Main refused the note for a banned phrase (a rule this desk had not loaded yet): shown until the next edit.
  const [noteRefused, setNoteRefused] = useState(false);
  const [sheet, setSheet] = useState<PrintableSheet | null>(null);

  // While a request for this customer waits for a lead, look for the decision now and then.
  const waiting = mine.some((item) => item.customerId === customer.id && item.status === 'pending');
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = window.setInterval(() => void loadMine(), 3_000);
    return () => window.clearInterval(timer);
  }, [waiting, loadMine]);

  // An approved full file closes itself when its grant ends (main masks it from then on anyway).
  const fullFileUntil = customer.fullFileUntil;
  useEffect(() => {
    if (fullFileUntil === null) return undefined;
    const timer = window.setTimeout(() => void close(), Math.max(0, Date.parse(fullFileUntil) - Date.now()));
    return () => window.clearTimeout(timer);
  }, [fullFileUntil, close]);

  const canReveal = !customer.fullFile && account.role !== 'admin';
  const reveal = (field: ProtectedField, index: number) => setRevealing({ field, index });

  async function handleSaveNote(): Promise<void> {
    setSavingNote(true);
    const failure = await addNote(draft.trim());
    setSavingNote(false);
    if (failure !== null) {
      if (failure.code === 'PHRASE_BLOCKED') setNoteRefused(true);
      else void message.error(describeError(failure.code));
      return;
    }
    setDraft(draftKey, '');
  }

  async function handleGrant(purpose: 'full_file' | 'export' | 'print', grant: ApprovalView): Promise<void> {
    if (purpose === 'full_file') {
      const failure = await openFullFile(customer.id);
      if (failure !== null) void message.error(describeError(failure.code));
    } else if (purpose === 'export') {
      const result = await getApi().customers.export({ customerId: customer.id, approvalId: grant.id });
      // A lock or sign-out while main answered: nothing of this customer may appear now.
      if (useCustomersStore.getState().customer?.id !== customer.id) return;
      if (!result.ok) void message.error(describeError(result.code));
      else {
        saveFile(result.value.fileName, result.value.mimeType, result.value.content);
        void message.success(translate('customers.exported', { file: result.value.fileName }));
      }
    } else {
      const result = await getApi().customers.print({ customerId: customer.id, approvalId: grant.id });
      if (useCustomersStore.getState().customer?.id !== customer.id) return;
      if (!result.ok) void message.error(describeError(result.code));
      else setSheet(result.value);
    }
    void loadMine();
  }

  const purposes = ['full_file', 'export', 'print'] as const;

  return (
    <Card
      className="customer-card"
      data-testid="customer-card"
      title={
        <Space>
          <span data-testid="customer-title">{customer.name.text}</span>
          {customer.fullFile ? <Tag color="orange">{translate('customers.fullFileTag')}</Tag> : null}
        </Space>
      }
      extra={
        <Button onClick={() => void close()} data-testid="customer-close">
          {translate('customers.close')}
        </Button>
      }
    >
      {watermark ? <Watermark agentId={account.agentId} /> : null}
      {customer.fullFile ? <Alert type="warning" showIcon title={translate('customers.fullFileBanner')} className="form-alert" /> : null}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={translate('protected.name')}>
          <ProtectedValue value={customer.name} field="name" index={0} canReveal={canReveal} onReveal={reveal} />
        </Descriptions.Item>
        <Descriptions.Item label={translate('protected.phone')}>
          <Space direction="vertical" size={0}>
            {customer.phones.map((phone, index) => (
              <ProtectedValue key={index} value={phone} field="phone" index={index} canReveal={canReveal} onReveal={reveal} />
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={translate(`idType.${customer.idType}`)}>
          <ProtectedValue value={customer.idNumber} field="idNumber" index={0} canReveal={canReveal} onReveal={reveal} />
        </Descriptions.Item>
        <Descriptions.Item label={translate('protected.address')}>
          <ProtectedValue value={customer.address} field="address" index={0} canReveal={canReveal} onReveal={reveal} />
        </Descriptions.Item>
        <Descriptions.Item label={translate('protected.accountNumber')}>
          {customer.accountNumbers.length === 0 ? (
            <Typography.Text type="secondary">{translate('common.none')}</Typography.Text>
          ) : (
            <Space direction="vertical" size={0}>
              {customer.accountNumbers.map((number, index) => (
                <ProtectedValue key={index} value={number} field="accountNumber" index={index} canReveal={canReveal} onReveal={reveal} />
              ))}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>

      <Space wrap className="customer-approvals">
        {purposes.map((purpose) => {
          const grant = grantFor(mine, customer.id, purpose);
          return grant === undefined ? (
            <Button key={purpose} onClick={() => setRequesting(purpose)} data-testid={`request-${purpose}`}>
              {translate(`customers.request.${purpose}`)}
            </Button>
          ) : (
            <Button key={purpose} type="primary" onClick={() => void handleGrant(purpose, grant)} data-testid={`use-${purpose}`}>
              {translate(`customers.use.${purpose}`)}
            </Button>
          );
        })}
      </Space>

      <Typography.Title level={5}>{translate('customers.notes')}</Typography.Title>
      {account.role === 'admin' ? null : (
        <>
          <PhraseCheckedTextArea
            value={draft}
            onChange={(event) => {
              setNoteRefused(false);
              setDraft(draftKey, event.target.value);
            }}
            onBlockedChange={setNoteBlocked}
            maxLength={4000}
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={translate('customers.noteDraft')}
            aria-label={translate('customers.noteDraft')}
            data-testid="customer-note-draft"
          />
          {noteRefused ? (
            <Alert type="error" showIcon title={describeError('PHRASE_BLOCKED')} className="form-alert" data-testid="customer-note-error" />
          ) : null}
          <Button
            type="primary"
            className="customer-note-save"
            disabled={draft.trim().length === 0 || noteBlocked}
            loading={savingNote}
            onClick={() => void handleSaveNote()}
            data-testid="customer-note-save"
          >
            {translate('customers.saveNote')}
          </Button>
        </>
      )}
      {customer.notes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={translate('customers.noNotes')} />
      ) : (
        <List
          size="small"
          dataSource={customer.notes}
          renderItem={(note) => (
            <List.Item key={note.id}>
              <List.Item.Meta title={`${note.authorAgentId} · ${new Date(note.createdAt).toLocaleString()}`} description={note.body} />
            </List.Item>
          )}
        />
      )}
      {revealing === null ? null : <RevealModal field={revealing.field} index={revealing.index} onClose={() => setRevealing(null)} />}
      {requesting === null ? null : (
        <ApprovalRequestModal purpose={requesting} customerId={customer.id} onClose={() => setRequesting(null)} />
      )}
      {sheet === null ? null : <PrintSheet sheet={sheet} onClose={() => setSheet(null)} />}
    </Card>
  );
}
