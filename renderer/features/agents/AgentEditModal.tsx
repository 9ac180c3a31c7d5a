import { App, Button, Form, Input, Modal, Select } from 'antd';
import type { AccountView } from '../../../common/ipc/accounts';
import type { Role } from '../../../common/roles';
import { FailureAlert } from '../../components/FailureAlert';
import { displayNameRules, roleRules, teamRules, trimmedText } from '../../forms/formRules';
import { useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { roleOptions } from './roleOptions';
import { useAgentsStore } from './useAgentsStore';

type AgentEditValues = { displayName: string; role: Role; team?: string };

const fieldNames = ['displayName', 'role', 'team'] as const;

/** Changes an account's name, role and team. */
export function AgentEditModal({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const translate = useT();
  const { message } = App.useApp();
  const update = useAgentsStore((state) => state.update);
  const [form] = Form.useForm<AgentEditValues>();
  const { submitting, failureCode, run } = useFormSubmission(form, fieldNames);

  async function handleFinish(values: AgentEditValues): Promise<void> {
    await run(async () => {
      const result = await update({
        agentId: account.agentId,
        displayName: trimmedText(values.displayName),
        role: values.role,
        team: trimmedText(values.team),
      });
      if (!result.ok) return result;
      void message.success(translate('agents.updated', { agentId: result.value.account.agentId }));
      onClose();
      return null;
    });
  }

  return (
    <Modal
      open
      title={translate('agents.editTitle', { agentId: account.agentId })}
      onCancel={onClose}
      footer={null}
      mask={{ closable: false }}
    >
      <FailureAlert code={failureCode} testId="agent-edit-error" />
      <Form<AgentEditValues>
        form={form}
        name="agentEdit"
        layout="vertical"
        requiredMark="optional"
        initialValues={{ displayName: account.displayName, role: account.role, team: account.team }}
        onFinish={handleFinish}
      >
        <Form.Item label={translate('field.agentId')} htmlFor="agentEdit_agentId">
          <Input id="agentEdit_agentId" value={account.agentId} disabled />
        </Form.Item>
        <Form.Item name="displayName" label={translate('field.displayName')} rules={displayNameRules(translate)}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="role" label={translate('field.role')} rules={roleRules(translate)}>
            <Select options={roleOptions(translate)} data-testid="agent-edit-role" />
          </Form.Item>
          <Form.Item name="team" label={translate('field.team')} rules={teamRules(translate)}>
            <Input autoComplete="off" />
          </Form.Item>
        </div>
        <div className="modal-actions">
          <Button onClick={onClose}>{translate('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="agent-edit-submit">
            {translate('common.save')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
