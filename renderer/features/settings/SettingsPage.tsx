import { App, Button, Card, Form, Input, InputNumber, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { parseHotkey, formatHotkey } from '../../../common/hotkey';
import { grantMinutesLimits, lockoutLimits, type DeskSettings } from '../../../common/settings';
import { idleMinutesLimits } from '../../../common/lock-policy';
import { FailureAlert } from '../../components/FailureAlert';
import { useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { useSettingsStore } from './useSettingsStore';

const fieldNames = ['companyName', 'unitName', 'hotline', 'idleMinutes', 'maximumAttempts', 'lockoutMinutes', 'lockHotkey', 'watermark', 'grantMinutes'] as const;

/** The administrator's settings of the seat lock, the lockout, grants and the watermark. Audited in main. */
export function SettingsPage() {
  const translate = useT();
  const { message } = App.useApp();
  const { settings, workstationId, loaded, load, update } = useSettingsStore();
  const [form] = Form.useForm<DeskSettings>();
  const { submitting, failureCode, run } = useFormSubmission(form, fieldNames);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (loaded) form.setFieldsValue(settings);
  }, [loaded, settings, form]);

  async function handleFinish(values: DeskSettings): Promise<void> {
    const hotkey = parseHotkey(values.lockHotkey);
    const failure = await run(() => update({ ...values, lockHotkey: hotkey === undefined ? values.lockHotkey : formatHotkey(hotkey) }));
    if (failure === null) void message.success(translate('settings.saved'));
  }

  const whole = (limits: { minimum: number; maximum: number }) => ({ min: limits.minimum, max: limits.maximum, precision: 0 });

  return (
    <Card title={translate('settings.title')} className="settings-page" data-testid="settings-page">
      <Typography.Paragraph type="secondary">{translate('settings.workstation', { id: workstationId })}</Typography.Paragraph>
      <FailureAlert code={failureCode} testId="settings-error" />
      <Form<DeskSettings> form={form} name="settings" layout="vertical" initialValues={settings} onFinish={handleFinish}>
        <Form.Item name="companyName" label={translate('settings.companyName')} extra={translate('settings.companyNameHint')} rules={[{ max: 40 }]}>
          <Input maxLength={40} data-testid="settings-company-name" />
        </Form.Item>
        <Form.Item name="unitName" label={translate('settings.unitName')} extra={translate('settings.unitNameHint')} rules={[{ max: 60 }]}>
          <Input maxLength={60} data-testid="settings-unit-name" />
        </Form.Item>
        <Form.Item
          name="hotline"
          label={translate('settings.hotline')}
          rules={[{ pattern: /^[0-9+-]{0,20}$/, message: translate('settings.hotlineInvalid') }]}
        >
          <Input maxLength={20} data-testid="settings-hotline" />
        </Form.Item>
        <Form.Item name="idleMinutes" label={translate('settings.idleMinutes')} rules={[{ required: true }]}>
          <InputNumber {...whole(idleMinutesLimits)} />
        </Form.Item>
        <Form.Item name="maximumAttempts" label={translate('settings.maximumAttempts')} rules={[{ required: true }]}>
          <InputNumber {...whole(lockoutLimits.maximumAttempts)} />
        </Form.Item>
        <Form.Item name="lockoutMinutes" label={translate('settings.lockoutMinutes')} rules={[{ required: true }]}>
          <InputNumber {...whole(lockoutLimits.lockoutMinutes)} />
        </Form.Item>
        <Form.Item
          name="lockHotkey"
          label={translate('settings.lockHotkey')}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                parseHotkey(value ?? '') === undefined ? Promise.reject(new Error(translate('settings.hotkeyInvalid'))) : Promise.resolve(),
            },
          ]}
        >
          <Input spellCheck={false} />
        </Form.Item>
        <Form.Item name="grantMinutes" label={translate('settings.grantMinutes')} rules={[{ required: true }]}>
          <InputNumber {...whole(grantMinutesLimits)} />
        </Form.Item>
        <Form.Item name="watermark" label={translate('settings.watermark')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="settings-save">
          {translate('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
