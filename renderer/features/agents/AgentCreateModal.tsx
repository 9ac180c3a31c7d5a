import { App, Button, Form, Input, Modal, Select } from 'antd';
import type { Role } from '../../../common/roles';
import { FailureAlert } from '../../components/FailureAlert';
import type { FieldsByCode } from '../../forms/applyFailure';
import { agentIdRules, displayNameRules, roleRules, teamRules, trimmedText } from '../../forms/formRules';
import { passwordProblemsOn, useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { roleOptions } from './roleOptions';
import { TemporaryPasswordField } from './TemporaryPasswordField';
import { useAgentsStore } from './useAgentsStore';

type AgentCreateValues = {
  agentId: string;
  displayName: string;
  role: Role;
  team?: string;
  temporaryPassword: string;
};

const formName = 'agentCreate';
const fieldNames = ['agentId', 'displayName', 'role', 'team', 'temporaryPassword'] as const;

const fieldsByCode: FieldsByCode = { AGENT_ID_TAKEN: 'agentId', ...passwordProblemsOn('temporaryPassword') };

/** Opens an account with a temporary password that must be changed at first sign-in. */
export function AgentCreateModal({ onClose }: { onClose: () => void }) {
  const translate = useT();
  const { message } = App.useApp();
  const create = useAgentsStore((state) => state.create);
  const [form] = Form.useForm<AgentCreateValues>();
  const { submitting, failureCode, run } = useFormSubmission(form, fieldNames, fieldsByCode);

  async function handleFinish(values: AgentCreateValues): Promise<void> {
    await run(async () => {
      const result = await create({
        agentId: trimmedText(values.agentId),
        displayName: trimmedText(values.displayName),
        role: values.role,
        team: trimmedText(values.team),
        temporaryPassword: values.temporaryPassword,
      });
      if (!result.ok) return result;
      const { agentId, displayName } = result.value.account;
      void message.success(translate('agents.created', { agentId, displayName }));
      onClose();
      return null;
    });
  }

  return (
    <Modal open title={translate('agents.createTitle')} onCancel={onClose} footer={null} mask={{ closable: false }}>
      <FailureAlert code={failureCode} testId="agent-create-error" />
      <Form<AgentCreateValues>
        form={form}
        name={formName}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ role: 'agent', team: '' }}
        onFinish={handleFinish}
      >
        <div className="form-row">
          <Form.Item name="agentId" label={translate('field.agentId')} rules={agentIdRules(translate)}>
            <Input autoFocus autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item name="displayName" label={translate('field.displayName')} rules={displayNameRules(translate)}>
            <Input autoComplete="off" />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="role" label={translate('field.role')} rules={roleRules(translate)}>
            <Select options={roleOptions(translate)} data-testid="agent-create-role" />
          </Form.Item>
          <Form.Item name="team" label={translate('field.team')} rules={teamRules(translate)}>
            <Input autoComplete="off" />
          </Form.Item>
        </div>
        <TemporaryPasswordField form={form} formName={formName} generateTestId="agent-create-generate-password" />
        <div className="modal-actions">
          <Button onClick={onClose}>{translate('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="agent-create-submit">
            {translate('agents.createSubmit')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
