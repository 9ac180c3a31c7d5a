import { Alert, Button, Card, Empty, Form, Input, List, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AccountView } from '../../../common/ipc/accounts';
import { customerIdentifierKinds } from '../../../common/ipc/customers';
import { FailureAlert } from '../../components/FailureAlert';
import { requiredRule, trimmedText } from '../../forms/formRules';
import { useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { useCallStore } from '../calls/useCallStore';
import { ApprovalRequestModal } from '../approvals/ApprovalRequestModal';
import { useApprovalsStore } from '../approvals/useApprovalsStore';
import { CustomerCard } from './CustomerCard';
import { CustomerCreateModal } from './CustomerCreateModal';
import { useCustomersStore } from './useCustomersStore';

type SearchValues = { kind: (typeof customerIdentifierKinds)[number]; value: string };

const fieldNames = ['kind', 'value'] as const;

/**
 * The customer desk: exact search by phone, account or ID number (there is no browsing), the
 * hits masked, the open customer, and a new record for a caller who has none.
 */
export function CustomersPage({ account }: { account: AccountView }) {
  const translate = useT();
  const hits = useCustomersStore((state) => state.hits);
  const customer = useCustomersStore((state) => state.customer);
  const find = useCustomersStore((state) => state.find);
  const open = useCustomersStore((state) => state.open);
  const loadMine = useApprovalsStore((state) => state.loadMine);
  const mine = useApprovalsStore((state) => state.mine);
  const openFullFile = useCustomersStore((state) => state.openFullFile);
  // Administrators read customer data only through an approved full file.
  const approvalOnly = account.role === 'admin';
  const [requestingFor, setRequestingFor] = useState<number | null>(null);
  const [form] = Form.useForm<SearchValues>();
  const { submitting, failureCode, run } = useFormSubmission(form, fieldNames);
  const [creating, setCreating] = useState(false);
  // A ringing caller whose number finds no record: offer to record them.
  const newCaller = useCallStore((state) =>
    state.call !== null && state.call.direction === 'inbound' && state.call.state !== 'ended' && state.call.customers.length === 0 && state.call.customerId === null
      ? state.call
      : null,
  );
  const [openFailure, setOpenFailure] = useState<Parameters<typeof FailureAlert>[0]['code']>(null);

  useEffect(() => {
    void loadMine();
  }, [loadMine]);

  async function handleOpen(customerId: number): Promise<void> {
    const failure = await (approvalOnly ? openFullFile(customerId) : open(customerId));
    setOpenFailure(failure?.code ?? null);
  }

  function hitAction(customerId: number) {
    const granted = mine.some((item) => item.customerId === customerId && item.purpose === 'full_file' && item.status === 'approved');
    if (!approvalOnly || granted) {
      return (
        <Button key="open" type="link" onClick={() => void handleOpen(customerId)} data-testid={`customer-open-${customerId}`}>
          {translate(approvalOnly ? 'customers.use.full_file' : 'customers.open')}
        </Button>
      );
    }
    return (
      <Button key="request" type="link" onClick={() => setRequestingFor(customerId)} data-testid={`customer-request-${customerId}`}>
        {translate('customers.request.full_file')}
      </Button>
    );
  }

  return (
    <div className="customers-page" data-testid="customers-page">
      <Card
        className="customer-search"
        title={translate('customers.searchTitle')}
        extra={
          approvalOnly ? null : (
            <Button onClick={() => setCreating(true)} data-testid="customer-new">
              {translate('customers.new')}
            </Button>
          )
        }
      >
        {newCaller === null ? null : (
          <Alert
            type="info"
            showIcon
            className="form-alert"
            message={translate('calls.newCallerAlert', { number: newCaller.callerNumber || '—' })}
            action={
              <Button size="small" type="primary" onClick={() => setCreating(true)} data-testid="call-new-caller-create">
                {translate('customers.new')}
              </Button>
            }
            data-testid="call-new-caller-alert"
          />
        )}
        <Typography.Paragraph type="secondary">{translate('customers.searchHint')}</Typography.Paragraph>
        <FailureAlert code={failureCode ?? openFailure} testId="customer-search-error" />
        <Form<SearchValues>
          form={form}
          name="customerSearch"
          layout="inline"
          initialValues={{ kind: 'phone' }}
          onFinish={(values) => void run(() => find({ kind: values.kind, value: trimmedText(values.value) }))}
        >
          <Form.Item name="kind">
            <Select
              className="customer-search-kind"
              options={customerIdentifierKinds.map((kind) => ({ value: kind, label: translate(`customers.kind.${kind}`) }))}
            />
          </Form.Item>
          <Form.Item name="value" rules={[requiredRule(translate, 'customers.searchValue'), { min: 4, max: 40, message: translate('validation.identifierLength') }]}>
            <Input placeholder={translate('customers.searchValue')} spellCheck={false} autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="customer-search-submit">
            {translate('customers.search')}
          </Button>
        </Form>
        {hits === null ? null : hits.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={translate('customers.noHits')} data-testid="customer-no-hits" />
        ) : (
          <List
            className="customer-hits"
            dataSource={hits}
            renderItem={(hit) => (
              <List.Item
                key={hit.id}
                actions={[hitAction(hit.id)]}
              >
                <Space>
                  <Typography.Text strong>{hit.name}</Typography.Text>
                  <Typography.Text>{hit.phone}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      {customer === null ? null : <CustomerCard key={customer.id} customer={customer} account={account} />}
      {creating ? <CustomerCreateModal onClose={() => setCreating(false)} /> : null}
      {requestingFor === null ? null : (
        <ApprovalRequestModal purpose="full_file" customerId={requestingFor} onClose={() => setRequestingFor(null)} />
      )}
    </div>
  );
}
